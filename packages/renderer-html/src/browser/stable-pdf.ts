import { createHash } from "node:crypto"

const DATE_KEYS = ["CreationDate", "ModDate"] as const

/**
 * The PDF with the fields Chromium takes from the clock set from the
 * report instead: `/CreationDate` and `/ModDate` of the document
 * information become `generatedAt` (UTC), and a trailer `/ID` becomes a
 * hash of the rest of the file. Every edit keeps its byte length (a
 * shorter date is followed by spaces, which a dictionary allows), so the
 * cross-reference offsets stay valid. Throws a RangeError when a date in
 * the file is shorter than the one to write, which Chromium never does.
 *
 * @example
 * stablePdf(bytes, new Date("2026-01-15T09:00:00Z")) // …/CreationDate (D:20260115090000+00'00')…
 */
export const stablePdf = (pdf: Uint8Array, generatedAt: Date): Uint8Array => {
  // latin1 maps each byte to one character and back, so string offsets are byte offsets.
  let text = Buffer.from(pdf.buffer, pdf.byteOffset, pdf.byteLength).toString("latin1")

  const info = infoObjectRange(text)
  if (info !== undefined) {
    const date = pdfDate(generatedAt)
    for (const key of DATE_KEYS) text = replaceDate(text, info, key, date)
  }
  text = replaceIds(text)

  const stamped = Buffer.from(text, "latin1")
  if (stamped.length !== pdf.byteLength) throw new RangeError("stamping the PDF changed its length")
  return new Uint8Array(stamped.buffer, stamped.byteOffset, stamped.byteLength)
}

/** A PDF date in UTC: `D:YYYYMMDDHHmmSS+00'00'`. */
export const pdfDate = (date: Date): string => {
  const two = (value: number): string => String(value).padStart(2, "0")
  const day = `${date.getUTCFullYear()}${two(date.getUTCMonth() + 1)}${two(date.getUTCDate())}`
  const time = `${two(date.getUTCHours())}${two(date.getUTCMinutes())}${two(date.getUTCSeconds())}`
  return `D:${day}${time}+00'00'`
}

interface Range {
  readonly start: number
  readonly end: number
}

/** Where the document information dictionary's object is: the one the last trailer's `/Info` names. */
const infoObjectRange = (text: string): Range | undefined => {
  const references = [...text.matchAll(/\/Info\s+(\d+)\s+(\d+)\s+R/g)]
  const last = references.at(-1)
  if (last === undefined) return undefined

  // The last definition of the object wins, as in an incrementally updated file.
  const definitions = [...text.matchAll(new RegExp(`(?:^|[\\s])${last[1]}\\s+${last[2]}\\s+obj\\b`, "g"))]
  const definition = definitions.at(-1)
  if (definition === undefined) return undefined

  const start = definition.index
  const end = text.indexOf("endobj", start)
  return end === -1 ? undefined : { start, end }
}

const replaceDate = (text: string, range: Range, key: string, date: string): string => {
  const pattern = new RegExp(`/${key}\\s*\\(([^)]*)\\)`, "g")
  pattern.lastIndex = range.start
  const match = pattern.exec(text)
  if (match === null || match.index >= range.end) return text

  const written = `(${match[1]})`
  const wanted = `(${date})`
  if (wanted.length > written.length) {
    throw new RangeError(
      `the PDF's /${key} ${written} is shorter than ${wanted}; it cannot be replaced in place`,
    )
  }
  const at = match.index + match[0].length - written.length
  return `${text.slice(0, at)}${wanted.padEnd(written.length, " ")}${text.slice(at + written.length)}`
}

const ID_PATTERN = /\/ID\s*\[\s*<([0-9A-Fa-f]*)>\s*<([0-9A-Fa-f]*)>\s*\]/g

/**
 * Sets every trailer `/ID` pair to a hash of the file with the IDs left
 * out, so the same content gets the same ID. Both entries are equal, as
 * for a file that was never updated.
 */
const replaceIds = (text: string): string => {
  if (!/\/ID\s*\[/.test(text)) return text

  const blanked = text.replace(ID_PATTERN, (whole, first: string, second: string) =>
    whole
      .replace(`<${first}>`, `<${"0".repeat(first.length)}>`)
      .replace(`<${second}>`, `<${"0".repeat(second.length)}>`),
  )
  const digest = createHash("sha256").update(blanked, "latin1").digest("hex").toUpperCase()
  const hexOf = (length: number): string => digest.repeat(Math.ceil(length / digest.length)).slice(0, length)
  return blanked.replace(ID_PATTERN, (whole, first: string, second: string) =>
    whole
      .replace(`<${first}>`, `<${hexOf(first.length)}>`)
      .replace(`<${second}>`, `<${hexOf(second.length)}>`),
  )
}
