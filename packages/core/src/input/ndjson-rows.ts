import { type ColumnSpec, columnLookup, normaliseHeaderName } from "./columns.js"
import { LineSplitter } from "./line-splitter.js"
import type { RowChecker, Tally } from "./tally.js"
import type { WarningCounter } from "./warnings.js"

/**
 * Reads NDJSON: one JSON object per line, keyed by the same field names as
 * the CSV header (any case, English or Swedish). Strings are taken as they
 * are, numbers and booleans as their JSON text, `null` as absent; an object
 * or array as a value is an `invalid-format` reject of that field. A line
 * that is not a JSON object, or that names one field twice (`priority` and
 * `prio`), is a `malformed-row`. Keys outside the contract count once each
 * as `unknown-column`.
 */
export class NdjsonRows {
  private readonly splitter: LineSplitter
  private readonly lookup: ReadonlyMap<string, number>
  private readonly keyColumn = new Map<string, number>()
  private readonly unknownKeys = new Set<string>()
  private readonly values: string[]
  private readonly checker: RowChecker
  private rows = 0

  constructor(
    columns: ReadonlyArray<ColumnSpec>,
    checker: RowChecker,
    private readonly tally: Tally,
    private readonly warnings: WarningCounter,
  ) {
    this.lookup = columnLookup(columns)
    this.values = columns.map(() => "")
    this.checker = checker
    this.splitter = new LineSplitter((text, line) => this.readLine(text, line))
  }

  /** Whether any non-blank line was read; a file without one is empty. */
  get hasHeader(): boolean {
    return this.rows > 0
  }

  /** The line (1-based) the next text pushed starts on. */
  get currentLine(): number {
    return this.splitter.currentLine
  }

  push(text: string): void {
    this.splitter.push(text)
  }

  end(): void {
    this.splitter.end()
    this.warnings.add("unknown-column", this.unknownKeys.size)
  }

  private readLine(text: string, line: number): void {
    this.rows++
    let parsed: unknown
    try {
      parsed = JSON.parse(text)
    } catch (error) {
      const detail = error instanceof Error ? ` (${error.message})` : ""
      this.tally.count(
        this.checker.malformed(
          line,
          text,
          `the line is not valid JSON${detail}; write one JSON object per line`,
        ),
      )
      return
    }
    if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) {
      this.tally.count(
        this.checker.malformed(line, text, "the line is not a JSON object; write one object per line"),
      )
      return
    }

    const problem = this.fillValues(parsed as Record<string, unknown>)
    if (typeof problem === "string") {
      this.tally.count(this.checker.malformed(line, text, problem))
      return
    }
    this.tally.count(this.checker.accept(this.values, line, problem))
  }

  /** Fills `values` from the object; returns the wrong-type mask, or a problem that makes the row malformed. */
  private fillValues(row: Record<string, unknown>): number | string {
    const values = this.values
    values.fill("")
    let present = 0
    let wrongTypes = 0

    for (const key in row) {
      const column = this.columnOf(key)
      if (column < 0) continue
      const bit = 1 << column
      if ((present & bit) !== 0)
        return `the object names the field "${key}" twice (also by its other name); keep one`
      present |= bit

      const value = row[key]
      if (typeof value === "string") values[column] = value
      else if (typeof value === "number" || typeof value === "boolean") values[column] = String(value)
      else if (value !== null && value !== undefined) {
        values[column] = JSON.stringify(value)
        wrongTypes |= bit
      }
    }
    return wrongTypes
  }

  private columnOf(key: string): number {
    let column = this.keyColumn.get(key)
    if (column === undefined) {
      column = this.lookup.get(normaliseHeaderName(key)) ?? -1
      this.keyColumn.set(key, column)
      if (column < 0) this.unknownKeys.add(key)
    }
    return column
  }
}
