import { detach } from "./detach.js"

/**
 * Numbers the distinct strings of a column (station names, municipality
 * codes) in order of first appearance, so that a row stores a small integer
 * and each distinct text is looked up in the reference data once.
 */
export class StringCodes {
  private readonly codes = new Map<string, number>()
  private readonly texts: string[] = []

  /** The code of `text`, a new one the first time it is seen. */
  code(text: string): number {
    let code = this.codes.get(text)
    if (code === undefined) {
      code = this.texts.length
      const own = detach(text)
      this.texts.push(own)
      this.codes.set(own, code)
    }
    return code
  }

  /** The distinct texts; `values[code]` is the text of `code`. */
  get values(): ReadonlyArray<string> {
    return this.texts
  }
}
