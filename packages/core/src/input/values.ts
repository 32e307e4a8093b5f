import { detach } from "../dataset/detach.js"
import type { Priority } from "../domain/priority.js"

export { detach }

/** `1`, `2` or `3` exactly (after trimming); undefined for anything else, `1.0` and `01` included. */
export const parsePriority = (text: string): Priority | undefined => {
  if (text.length !== 1) return undefined
  const code = text.charCodeAt(0)
  return code === 49 ? 1 : code === 50 ? 2 : code === 51 ? 3 : undefined
}

/** Exactly four ASCII digits. */
export const isMunicipalityCode = (text: string): boolean => {
  if (text.length !== 4) return false
  for (let i = 0; i < 4; i++) {
    const code = text.charCodeAt(i)
    if (code < 48 || code > 57) return false
  }
  return true
}

const TRUE_WORDS = new Set(["true", "1", "ja", "yes"])
const FALSE_WORDS = new Set(["false", "0", "nej", "no"])

/** `true/false`, `1/0`, `ja/nej`, `yes/no`, any case; undefined for anything else. */
export const parseBoolean = (text: string): boolean | undefined => {
  const word = text.toLowerCase()
  if (TRUE_WORDS.has(word)) return true
  if (FALSE_WORDS.has(word)) return false
  return undefined
}

/**
 * Hands out one shared instance per distinct text (station names, codes,
 * index texts repeat across a million rows), detached from its chunk.
 */
export class Interner {
  private readonly known = new Map<string, string>()

  intern(text: string): string {
    let shared = this.known.get(text)
    if (shared === undefined) {
      shared = detach(text)
      this.known.set(shared, shared)
    }
    return shared
  }
}
