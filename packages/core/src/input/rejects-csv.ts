import type { Reject } from "./reject.js"

const HEADER = "file,line,field,reason,value,message"

/**
 * Characters that make a spreadsheet read a cell as a formula (or, for tab
 * and CR, hide a leading one): such a text cell gets a leading `'`.
 */
const FORMULA_START = /^[=+\-@\t\r]/

const NEEDS_QUOTES = /[",\r\n]|^\s|\s$/

/** One text cell: neutralised against formula injection, then quoted per RFC 4180 where needed. */
export const csvCell = (text: string): string => {
  const safe = FORMULA_START.test(text) ? `'${text}` : text
  return NEEDS_QUOTES.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe
}

/**
 * The rejects file: a header `file,line,field,reason,value,message` and one
 * CRLF-terminated record per reject, in the order given.
 *
 * @example
 * formatRejectsCsv([{ file: "m.csv", line: 3, field: "priority", reason: "unknown-priority",
 *   value: "4", message: 'm.csv line 3, field "priority": "4" is not a priority; use 1, 2 or 3' }])
 * // file,line,field,reason,value,message\r\nm.csv,3,priority,unknown-priority,4,"m.csv line 3, …"\r\n
 */
export const formatRejectsCsv = (rejects: ReadonlyArray<Reject>): string => {
  const lines = [HEADER]
  for (const r of rejects) {
    lines.push(
      [
        csvCell(r.file),
        String(r.line),
        csvCell(r.field),
        csvCell(r.reason),
        csvCell(r.value),
        csvCell(r.message),
      ].join(","),
    )
  }
  return `${lines.join("\r\n")}\r\n`
}
