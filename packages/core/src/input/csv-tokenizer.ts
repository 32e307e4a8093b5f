/**
 * Why a CSV record could not be split cleanly:
 * - `unterminated-quote`: a quoted field was still open at the end of the file;
 * - `text-after-quote`: a closing quote was followed by something other than
 *   a delimiter or the end of the line (`"abc"def`);
 * - `field-too-long`: a field grew past `MAX_FIELD_CHARS`, which in practice
 *   means a stray quote swallowed following lines.
 */
export type CsvDefect = "unterminated-quote" | "text-after-quote" | "field-too-long"

/**
 * Receives each record: `fields[0 … count-1]` are its fields (the array is
 * reused for the next record, so copy what must outlive the call), `line`
 * is the physical line the record starts on (1-based), `defect` is set when
 * the record was not well formed, and `endLine` is the line it ends on.
 */
export type CsvRecordHandler = (
  fields: ReadonlyArray<string>,
  count: number,
  line: number,
  defect: CsvDefect | undefined,
  endLine: number,
) => void

/** A quoted field longer than this is cut and its record marked `field-too-long`. */
export const MAX_FIELD_CHARS = 1 << 20

const QUOTE = 34
const LF = 10
const CR = 13

// Parser states; numbers rather than strings so the switch compiles to a jump table.
const RECORD_START = 0
const FIELD_START = 1
const UNQUOTED = 2
const QUOTED = 3
const QUOTE_IN_QUOTED = 4
const AFTER_CR = 5

/**
 * A streaming RFC 4180 tokenizer: text goes in by chunks of any size, records
 * come out one at a time. Fields may be quoted, with `""` for a quote, and a
 * quoted field may hold delimiters and line breaks. Records end at LF, CRLF
 * or a lone CR. A line with nothing on it, or only white space, is not a
 * record. A quote inside an unquoted field is kept as text (`5" tube`).
 *
 * Nothing is held but the current record, so memory does not grow with the
 * file; an unclosed quote makes the rest of the file one record, marked
 * `unterminated-quote`, with its text capped at `MAX_FIELD_CHARS`.
 */
export class CsvTokenizer {
  private state = RECORD_START
  private line = 1
  private recordLine = 1
  private readonly fields: string[] = []
  private count = 0
  /** Text of the current field from earlier chunks (or before a `""`). */
  private pending = ""
  private anyQuoted = false
  private defect: CsvDefect | undefined = undefined
  /** Whether the last character of a quoted run was a CR, so that a following LF is not a second line. */
  private quotedCR = false
  /** Positions of the next quote and CR in the current chunk (the chunk length when none), -1 when not yet looked for. */
  private nextQuote = -1
  private nextCR = -1
  private readonly delimiterText: string

  constructor(
    private readonly delimiter: number,
    private readonly onRecord: CsvRecordHandler,
  ) {
    this.delimiterText = String.fromCharCode(delimiter)
  }

  /** The physical line (1-based) the next character pushed belongs to. */
  get currentLine(): number {
    return this.line
  }

  /** Tokenizes one chunk; a record cut by the chunk's end is finished by a later `push` or by `end`. */
  push(text: string): void {
    const n = text.length
    const delimiter = this.delimiter
    let i = 0
    let fieldStart = 0
    this.nextQuote = -1
    this.nextCR = -1

    while (i < n) {
      switch (this.state) {
        case AFTER_CR: {
          if (text.charCodeAt(i) === LF) i++
          this.state = RECORD_START
          break
        }

        case RECORD_START: {
          const next = this.plainLine(text, i)
          if (next >= 0) {
            i = next
            break
          }
          const c = text.charCodeAt(i)
          if (c === LF || c === CR) {
            this.line++
            this.state = c === CR ? AFTER_CR : RECORD_START
            i++
            break
          }
          this.recordLine = this.line
          this.state = FIELD_START
          break
        }

        case FIELD_START: {
          if (text.charCodeAt(i) === QUOTE) {
            this.anyQuoted = true
            this.quotedCR = false
            this.state = QUOTED
            i++
            break
          }
          this.state = UNQUOTED
          fieldStart = i
          break
        }

        case UNQUOTED: {
          let j = i
          let c = 0
          while (j < n) {
            c = text.charCodeAt(j)
            if (c === delimiter || c === LF || c === CR) break
            j++
          }
          if (j === n) {
            this.appendPending(text, fieldStart, n)
            i = n
            break
          }
          this.endField(
            this.pending.length === 0 ? text.slice(fieldStart, j) : this.pending + text.slice(fieldStart, j),
          )
          i = j + 1
          if (c === delimiter) this.state = FIELD_START
          else this.endLine(c)
          break
        }

        case QUOTED: {
          let q = text.indexOf('"', i)
          if (q < 0) q = n
          this.countBreaks(text, i, q)
          this.appendPending(text, i, q)
          i = q < n ? q + 1 : n
          if (q < n) this.state = QUOTE_IN_QUOTED
          break
        }

        case QUOTE_IN_QUOTED: {
          const c = text.charCodeAt(i)
          if (c === QUOTE) {
            this.appendPending('"', 0, 1)
            this.quotedCR = false
            this.state = QUOTED
            i++
          } else if (c === delimiter) {
            this.endField(this.pending)
            this.state = FIELD_START
            i++
          } else if (c === LF || c === CR) {
            this.endField(this.pending)
            this.endLine(c)
            i++
          } else {
            // `"abc"def`: keep reading to the next delimiter as if unquoted, but mark the record.
            this.defect ??= "text-after-quote"
            this.state = UNQUOTED
            fieldStart = i
          }
          break
        }
      }
    }
  }

  /**
   * The fast path for the common line: complete in this chunk, without
   * quotes and without a CR other than a CRLF's. Such a line is split with
   * native `indexOf` instead of character by character. Returns the index
   * after the line, or -1 to leave the line to the state machine.
   */
  private plainLine(text: string, start: number): number {
    const lf = text.indexOf("\n", start)
    if (lf < 0) return -1
    if (this.nextQuote < start) this.nextQuote = indexOrEnd(text, '"', start)
    if (this.nextQuote < lf) return -1
    if (this.nextCR < start) this.nextCR = indexOrEnd(text, "\r", start)
    let end = lf
    if (this.nextCR < lf) {
      if (this.nextCR !== lf - 1) return -1
      end = lf - 1
    }

    if (end > start) {
      const delimiter = this.delimiterText
      const fields = this.fields
      let count = 0
      let from = start
      for (let d = text.indexOf(delimiter, from); d >= 0 && d < end; d = text.indexOf(delimiter, from)) {
        fields[count++] = text.slice(from, d)
        from = d + 1
      }
      fields[count++] = text.slice(from, end)
      this.count = count
      this.recordLine = this.line
      this.emit()
    }
    this.line++
    return lf + 1
  }

  /** Finishes the last record at the end of the input. */
  end(): void {
    switch (this.state) {
      case FIELD_START:
      case UNQUOTED:
      case QUOTE_IN_QUOTED:
        this.endField(this.pending)
        this.emit()
        break
      case QUOTED:
        this.defect ??= "unterminated-quote"
        this.endField(this.pending)
        this.emit()
        break
    }
    this.state = RECORD_START
  }

  private appendPending(text: string, from: number, to: number): void {
    if (from === to) return
    if (this.pending.length + (to - from) > MAX_FIELD_CHARS) {
      this.defect ??= "field-too-long"
      return
    }
    this.pending += text.slice(from, to)
  }

  private endField(value: string): void {
    this.fields[this.count++] = value
    this.pending = ""
  }

  /** A record ended at a line break `c` (LF or CR). */
  private endLine(c: number): void {
    this.emit()
    this.line++
    this.state = c === CR ? AFTER_CR : RECORD_START
  }

  private emit(): void {
    const blank = this.count === 1 && !this.anyQuoted && this.fields[0]!.trim().length === 0
    if (!blank) this.onRecord(this.fields, this.count, this.recordLine, this.defect, this.line)
    this.count = 0
    this.anyQuoted = false
    this.defect = undefined
    this.quotedCR = false
  }

  private countBreaks(text: string, from: number, to: number): void {
    let afterCR = this.quotedCR
    for (let k = from; k < to; k++) {
      const c = text.charCodeAt(k)
      if (c === CR) this.line++
      else if (c === LF && !afterCR) this.line++
      afterCR = c === CR
    }
    if (to > from) this.quotedCR = afterCR
  }
}

const indexOrEnd = (text: string, search: string, from: number): number => {
  const at = text.indexOf(search, from)
  return at < 0 ? text.length : at
}
