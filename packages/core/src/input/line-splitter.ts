/** Receives each non-blank line (without its line break) and its 1-based line number. */
export type LineHandler = (text: string, line: number) => void

/**
 * Splits streamed text into lines for NDJSON, where a record never spans a
 * line break. Lines are handed on one at a time; only a line cut by a chunk
 * boundary is kept between chunks. A trailing CR (CRLF files) is dropped;
 * lines of only white space are skipped but counted.
 */
export class LineSplitter {
  private carry = ""
  private line = 1

  constructor(private readonly onLine: LineHandler) {}

  /** The line (1-based) the next character pushed belongs to. */
  get currentLine(): number {
    return this.line
  }

  push(text: string): void {
    let start = 0
    let end = text.indexOf("\n")
    if (end >= 0 && this.carry.length > 0) {
      this.take(this.carry + text.slice(0, end))
      this.carry = ""
      start = end + 1
      end = text.indexOf("\n", start)
    }
    for (; end >= 0; end = text.indexOf("\n", start)) {
      this.take(text.slice(start, end))
      start = end + 1
    }
    this.carry += text.slice(start)
  }

  end(): void {
    if (this.carry.length > 0) this.take(this.carry)
    this.carry = ""
  }

  private take(raw: string): void {
    const text = raw.length > 0 && raw.charCodeAt(raw.length - 1) === 13 ? raw.slice(0, -1) : raw
    if (text.trim().length > 0) this.onLine(text, this.line)
    this.line++
  }
}
