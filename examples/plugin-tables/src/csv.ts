import type { Cell, Language } from "@ambu/core"

/** The field separator Excel expects in each report language: `;` where the decimal mark is a comma. */
export const separatorFor = (language: Language): ";" | "," => (language === "sv" ? ";" : ",")

/**
 * A leading `=`, `+`, `-` or `@` makes a spreadsheet read text as a formula
 * (a tab or CR can hide one); such text gets a leading `'`.
 */
const FORMULA_START = /^[=+\-@\t\r]/

/** Neutralises formula injection, then quotes per RFC 4180 where the separator, a quote or a line break needs it. */
export const textField = (text: string, separator: string): string => {
  const safe = FORMULA_START.test(text) ? `'${text}` : text
  const needsQuotes = safe.includes(separator) || /["\r\n]/.test(safe) || /^\s|\s$/.test(safe)
  return needsQuotes ? `"${safe.replaceAll('"', '""')}"` : safe
}

/** A raw number as a spreadsheet reads it: full precision, no grouping, decimal comma in Swedish. */
export const numberField = (value: number, language: Language): string => {
  const text = String(value)
  return language === "sv" ? text.replace(".", ",") : text
}

/**
 * One table cell. Numbers go out raw (seconds for durations, 0–1 for
 * shares) so a spreadsheet can compute with them; a suppressed count goes
 * out as its shown text, because its raw value is what was to be hidden.
 */
export const cellField = (cell: Cell, language: Language): string => {
  const separator = separatorFor(language)
  if (cell.emphasis?.includes("suppressed") === true) return textField(cell.text, separator)
  if (typeof cell.value === "number" && Number.isFinite(cell.value)) return numberField(cell.value, language)
  if (cell.value === null) return ""
  return textField(cell.format === "text" ? String(cell.value) : cell.text, separator)
}

/** Excel needs the byte-order mark to read UTF-8 (å, ä, ö) rather than the system code page. */
export const BOM = "\uFEFF"

/** Lines joined by CRLF and ended by one, as RFC 4180 and Excel expect. */
export const csvText = (lines: ReadonlyArray<ReadonlyArray<string>>, separator: string): string =>
  `${BOM}${lines.map((fields) => fields.join(separator)).join("\r\n")}\r\n`
