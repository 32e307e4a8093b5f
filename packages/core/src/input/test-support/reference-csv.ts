/**
 * A whole-text CSV splitter written separately from the streaming
 * tokenizer, character by character and without states shared with it, to
 * serve as the oracle of property tests. Same rules: a quote opens a field
 * only at its start, `""` inside quotes is a quote, text after a closing
 * quote is kept and marks the record, records end at LF, CRLF or CR, and a
 * record that is one unquoted, white-space-only field is a blank line.
 */
export interface ReferenceRecord {
  readonly fields: ReadonlyArray<string>
  readonly line: number
  readonly defect: "unterminated-quote" | "text-after-quote" | undefined
}

export const referenceRecords = (text: string, delimiter = ","): ReferenceRecord[] => {
  const records: ReferenceRecord[] = []
  let fields: string[] = []
  let field = ""
  let inQuotes = false
  let closedQuote = false
  let atFieldStart = true
  let anyQuoted = false
  let started = false
  let defect: ReferenceRecord["defect"]
  let line = 1
  let startLine = 1

  const finishRecord = (): void => {
    fields.push(field)
    const blank = fields.length === 1 && !anyQuoted && field.trim() === ""
    if (!blank) records.push({ fields, line: startLine, defect })
    fields = []
    field = ""
    atFieldStart = true
    closedQuote = false
    anyQuoted = false
    started = false
    defect = undefined
  }

  let i = 0
  while (i < text.length) {
    const ch = text[i]!
    const next = text[i + 1]
    if (!started) {
      startLine = line
      started = ch !== "\n" && ch !== "\r"
    }

    if (inQuotes) {
      if (ch === '"' && next === '"') {
        field += '"'
        i += 2
      } else if (ch === '"') {
        inQuotes = false
        closedQuote = true
        i += 1
      } else {
        if (ch === "\r" || (ch === "\n" && text[i - 1] !== "\r")) line++
        field += ch
        i += 1
      }
      continue
    }

    if (ch === "\n" || ch === "\r") {
      if (started || !atFieldStart) finishRecord()
      started = false
      line++
      i += ch === "\r" && next === "\n" ? 2 : 1
      continue
    }
    if (ch === delimiter) {
      fields.push(field)
      field = ""
      atFieldStart = true
      closedQuote = false
      i += 1
      continue
    }
    if (ch === '"' && atFieldStart) {
      inQuotes = true
      anyQuoted = true
      atFieldStart = false
      i += 1
      continue
    }
    if (closedQuote) defect ??= "text-after-quote"
    closedQuote = false
    atFieldStart = false
    field += ch
    i += 1
  }

  if (inQuotes) defect ??= "unterminated-quote"
  if (started) finishRecord()
  return records
}
