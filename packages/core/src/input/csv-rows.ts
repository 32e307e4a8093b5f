import {
  acceptedNames,
  type ColumnSpec,
  columnLookup,
  MISSION_COLUMNS,
  normaliseHeaderName,
  RESCUE_CASE_COLUMNS,
} from "./columns.js"
import { type CsvDefect, CsvTokenizer, MAX_FIELD_CHARS } from "./csv-tokenizer.js"
import { foreignDelimiter } from "./delimiter.js"
import { InputError } from "./input-error.js"
import type { RowChecker, Tally } from "./tally.js"
import type { WarningCounter } from "./warnings.js"

/** The contract column each header position holds, and how the file names the contract's columns. */
export interface HeaderMap {
  /** Per header position, the contract column index, or -1 for an ignored column. */
  readonly positions: Int32Array
  /** Per contract column, its header position, or -1 when absent (optional columns only). */
  readonly columnAt: Int32Array
  /** Per contract column, the name the header gives it (the contract name when absent). */
  readonly labels: ReadonlyArray<string>
  readonly ignored: number
}

/**
 * Maps a header to the contract's columns. Fails with an `InputError` when
 * a required column is missing or two columns mean the same field.
 */
export const mapHeader = (
  file: string,
  columns: ReadonlyArray<ColumnSpec>,
  header: ReadonlyArray<string>,
  count: number,
): HeaderMap => {
  const lookup = columnLookup(columns)
  const positions = new Int32Array(count).fill(-1)
  const columnAt = new Int32Array(columns.length).fill(-1)
  const labels = columns.map((column) => column.name)
  let ignored = 0

  for (let position = 0; position < count; position++) {
    const written = header[position]!.trim()
    const column = lookup.get(normaliseHeaderName(written))
    if (column === undefined) {
      ignored++
      continue
    }
    const earlier = columnAt[column]!
    if (earlier >= 0) {
      throw new InputError({
        file,
        kind: "duplicate-column",
        message: `${file}: header columns ${earlier + 1} ("${labels[column]}") and ${position + 1} ("${written}") both mean ${columns[column]!.name}; remove one of them`,
      })
    }
    columnAt[column] = position
    positions[position] = column
    labels[column] = written
  }

  const missing = columns.filter((column, index) => column.required && columnAt[index]! < 0)
  if (missing.length > 0) {
    const names = missing.map((column) => `${column.name} (${acceptedNames(column)})`).join(", ")
    throw new InputError({
      file,
      kind: "missing-column",
      message: `${file}: the header has no column for ${names}; ${missingColumnFix(columns, header, count, lookup)}`,
    })
  }
  return { positions, columnAt, labels, ignored }
}

/** The likely cause of missing columns: another delimiter, the other input file, or a column to add. */
const missingColumnFix = (
  columns: ReadonlyArray<ColumnSpec>,
  header: ReadonlyArray<string>,
  count: number,
  lookup: ReadonlyMap<string, number>,
): string => {
  const separator = count === 1 ? foreignDelimiter(header[0]!, lookup) : undefined
  if (separator !== undefined) {
    return `the header is separated by ${separator}, but ambu reads CSV separated by "," or ";"; save the file with one of those`
  }

  const other = columns === MISSION_COLUMNS ? RESCUE_CASE_COLUMNS : MISSION_COLUMNS
  const otherLookup = columnLookup(other)
  const found = new Set(header.slice(0, count).map((name) => otherLookup.get(normaliseHeaderName(name))))
  const isOther = other.every((column, index) => !column.required || found.has(index))
  if (isOther) {
    const name = other === MISSION_COLUMNS ? "missions" : "rescue cases"
    return `its columns are those of the ${name} file; check that the two input files are not swapped`
  }
  return "add the column or rename it to one of the accepted names (any letter case)"
}

const defectProblem = (defect: CsvDefect, endLine: number): string => {
  switch (defect) {
    case "unterminated-quote":
      return `a quote opened in this row is never closed, so everything from here to the end of the file was read as this one row; close the quote or remove it`
    case "text-after-quote":
      return 'text follows the closing quote of a field; quote the whole field and write each quote inside it as ""'
    case "field-too-long":
      return `a field is longer than ${MAX_FIELD_CHARS} characters, usually a stray quote that swallowed the lines up to line ${endLine}; close the quote or remove it`
  }
}

/**
 * Reads CSV text by chunks: the first record is the header, every later
 * record becomes one row for the checker. A record with a quoting defect or
 * a number of fields other than the header's is a `malformed-row` reject.
 */
export class CsvRows {
  private readonly tokenizer: CsvTokenizer
  private header: HeaderMap | undefined = undefined
  private checker: RowChecker | undefined = undefined
  private values: string[] = []

  constructor(
    private readonly file: string,
    private readonly columns: ReadonlyArray<ColumnSpec>,
    delimiter: number,
    private readonly makeChecker: (labels: ReadonlyArray<string>) => RowChecker,
    private readonly tally: Tally,
    private readonly warnings: WarningCounter,
  ) {
    const delimiterText = String.fromCharCode(delimiter)
    this.tokenizer = new CsvTokenizer(delimiter, (fields, count, line, defect, endLine) => {
      if (this.header === undefined) {
        this.readHeader(fields, count)
        return
      }
      const checker = this.checker!
      if (defect !== undefined) {
        this.tally.count(
          checker.malformed(line, joined(fields, count, delimiterText), defectProblem(defect, endLine)),
        )
        return
      }
      if (count !== this.header.positions.length) {
        const problem = `the row has ${count} field${count === 1 ? "" : "s"} but the header has ${this.header.positions.length}; check for a missing or extra "${delimiterText}" or an unquoted value containing one`
        this.tally.count(checker.malformed(line, joined(fields, count, delimiterText), problem))
        return
      }
      this.tally.count(checker.accept(this.rowValues(fields), line))
    })
  }

  /** Whether a header has been read; a file without one is empty. */
  get hasHeader(): boolean {
    return this.header !== undefined
  }

  /** The line (1-based) the next text pushed starts on. */
  get currentLine(): number {
    return this.tokenizer.currentLine
  }

  push(text: string): void {
    this.tokenizer.push(text)
  }

  end(): void {
    this.tokenizer.end()
  }

  private readHeader(fields: ReadonlyArray<string>, count: number): void {
    const header = mapHeader(this.file, this.columns, fields, count)
    this.header = header
    this.checker = this.makeChecker(header.labels)
    this.values = this.columns.map(() => "")
    this.warnings.add("unknown-column", header.ignored)
  }

  private rowValues(fields: ReadonlyArray<string>): ReadonlyArray<string> {
    const columnAt = this.header!.columnAt
    const values = this.values
    for (let column = 0; column < columnAt.length; column++) {
      const position = columnAt[column]!
      values[column] = position < 0 ? "" : fields[position]!
    }
    return values
  }
}

const joined = (fields: ReadonlyArray<string>, count: number, delimiter: string): string =>
  fields.slice(0, count).join(delimiter)
