import { Buffer, isUtf8 } from "node:buffer"

const BOM = [0xef, 0xbb, 0xbf] as const

/**
 * Bytes that are not UTF-8; `near` is the text around the first bad byte,
 * bad bytes shown as U+FFFD, and `lineBreaksBefore` counts the line feeds
 * of the piece of text being decoded before that byte.
 */
export class NotUtf8 extends Error {
  constructor(
    readonly near: string,
    readonly lineBreaksBefore: number,
  ) {
    super(`not UTF-8 near "${near}"`)
  }
}

/**
 * Decodes a UTF-8 byte stream chunk by chunk into strings, strictly: a byte
 * sequence that is not UTF-8 throws `NotUtf8`. A byte-order mark at the
 * start is dropped; a character cut by a chunk's end is finished with the
 * next chunk.
 *
 * Node's `TextDecoder` makes every chunk an external two-byte string (2 MB
 * per 1 MB of ASCII), and every field cut from it a two-byte string too.
 * `Buffer#toString` makes a one-byte string whenever the text is Latin-1,
 * which Swedish exports are, and `isUtf8` validates without decoding.
 */
export class Utf8Text {
  private carry: Uint8Array | undefined = undefined
  private started = false

  /** The text of the chunk's complete characters. */
  decode(chunk: Uint8Array): string {
    let bytes = this.carry === undefined ? chunk : Buffer.concat([this.carry, chunk])
    this.carry = undefined

    let from = 0
    if (!this.started) {
      const bomBytes = bomPrefixLength(bytes)
      if (bomBytes === bytes.length && bytes.length < BOM.length) {
        // Maybe the start of a byte-order mark: wait for more bytes to tell.
        this.carry = bytes.length === 0 ? undefined : Uint8Array.from(bytes)
        return ""
      }
      this.started = bytes.length > 0
      from = bomBytes === BOM.length ? BOM.length : 0
    }

    const end = completeEnd(bytes)
    if (end < bytes.length) this.carry = Uint8Array.from(bytes.subarray(end))
    bytes = bytes.subarray(from, end)
    return toText(bytes)
  }

  /** Ends the stream: throws when it stopped inside a character. */
  end(): string {
    const rest = this.carry
    this.carry = undefined
    if (rest === undefined) return ""
    if (!this.started && bomPrefixLength(rest) === rest.length) {
      // A file of only a cut byte-order mark is bytes that are not UTF-8, as `TextDecoder` says.
      throw notUtf8(rest)
    }
    return toText(rest)
  }
}

const toText = (bytes: Uint8Array): string => {
  if (!isUtf8(bytes)) throw notUtf8(bytes)
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString("utf8")
}

const notUtf8 = (bytes: Uint8Array): NotUtf8 => {
  const lenient = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString("utf8")
  const at = Math.max(0, lenient.indexOf("\uFFFD"))
  let lineBreaks = 0
  for (let i = lenient.indexOf("\n"); i >= 0 && i < at; i = lenient.indexOf("\n", i + 1)) lineBreaks++
  return new NotUtf8(lenient.slice(Math.max(0, at - 30), at + 10), lineBreaks)
}

/** How many of the first bytes match the byte-order mark. */
const bomPrefixLength = (bytes: Uint8Array): number => {
  let n = 0
  while (n < BOM.length && n < bytes.length && bytes[n] === BOM[n]) n++
  return n
}

/**
 * The end of the last complete character: the length, less the bytes of a
 * multi-byte character the chunk cuts. Bytes that cannot be completed are
 * left in place for `isUtf8` to refuse.
 */
const completeEnd = (bytes: Uint8Array): number => {
  const n = bytes.length
  for (let back = 1; back <= 4 && back <= n; back++) {
    const byte = bytes[n - back]!
    if (byte < 0x80) return n
    if (byte >= 0xc0) {
      const length = byte >= 0xf0 ? 4 : byte >= 0xe0 ? 3 : 2
      return length > back ? n - back : n
    }
  }
  return n
}
