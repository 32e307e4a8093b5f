import type { TimeZone } from "../time/zone.js"
import type { ColumnSpec } from "./columns.js"
import { type Reject, type RejectReason, rowPlace, shownValue } from "./reject.js"
import { TimestampParser } from "./timestamp.js"
import { detach, isMunicipalityCode } from "./values.js"

/** Where a validator's rows come from and how the file names its columns. */
export interface RowSource {
  readonly file: string
  readonly columns: ReadonlyArray<ColumnSpec>
  /** Per column position, the name as the file writes it, for messages. */
  readonly labels: ReadonlyArray<string>
  /**
   * Set once the file's text holds a NUL character, which is never text:
   * from then on each text field is checked for it. Looking once per chunk
   * keeps that check off the hot path of files without one.
   */
  readonly nul?: { readonly seen: boolean }
}

/**
 * What the two row validators share: reading a field's trimmed text and
 * building the reject for the first problem. A check that fails leaves its
 * reject in `failure` and returns `undefined`, so the hot path builds no
 * objects for rows that pass.
 */
export abstract class RowValidator {
  protected failure: Reject | undefined = undefined
  protected line = 0
  /** Bit `k` set: the value of column `k` had a JSON type that is not text (NDJSON only). */
  protected wrongTypes = 0
  protected readonly parser = new TimestampParser()

  constructor(
    protected readonly source: RowSource,
    protected readonly zone: TimeZone,
  ) {}

  /** The reject for a row whose fields could not be read at all. */
  malformed(line: number, value: string, problem: string): Reject {
    return {
      file: this.source.file,
      line,
      field: "",
      reason: "malformed-row",
      value: detach(shownValue(value)),
      message: detach(`${rowPlace(this.source.file, line)}: ${problem}`),
    }
  }

  // A reject outlives its chunk of text: its strings are copied, or each one would keep a megabyte alive.
  protected fail(column: number, reason: RejectReason, value: string, problem: string): undefined {
    const label = this.source.labels[column]!
    this.failure = {
      file: this.source.file,
      line: this.line,
      field: this.source.columns[column]!.name,
      reason,
      value: detach(shownValue(value)),
      message: detach(`${rowPlace(this.source.file, this.line, label)}: ${problem}`),
    }
    return undefined
  }

  /** The trimmed text of a column; `""` when absent and optional. */
  protected text(values: ReadonlyArray<string>, column: number): string | undefined {
    const raw = values[column]!
    if ((this.wrongTypes & (1 << column)) !== 0) {
      return this.fail(column, "invalid-format", raw, `${raw} is not text; give the value as a string`)
    }
    const value = raw.trim()
    if (this.source.nul?.seen === true && value.includes("\0")) {
      return this.fail(
        column,
        "invalid-format",
        raw,
        "the value holds a NUL character (byte 0), which is not text; remove it from the export",
      )
    }
    if (value.length === 0 && this.source.columns[column]!.required) {
      return this.fail(
        column,
        "missing-required",
        raw,
        "the value is missing; this field is required, so fill it in or remove the row",
      )
    }
    return value
  }

  protected municipalityCode(values: ReadonlyArray<string>, column: number): string | undefined {
    const code = this.text(values, column)
    if (code === undefined || isMunicipalityCode(code)) return code
    return this.fail(
      column,
      "invalid-format",
      code,
      `"${shownValue(code)}" is not a municipality code; use the four-digit code, e.g. 1280 for Malmö (keep leading zeros)`,
    )
  }

  /**
   * A timestamp as an instant. A naive local time is resolved in the zone;
   * in the autumn hour that occurs twice, the first occurrence is taken
   * unless it falls before `previous` while the second does not. Returns NaN
   * for an empty optional field, undefined after a failure; sets `ambiguous`.
   */
  protected instant(values: ReadonlyArray<string>, column: number, previous: number): number | undefined {
    const text = this.text(values, column)
    if (text === undefined) return undefined
    this.ambiguous = false
    if (text.length === 0) return Number.NaN

    const kind = this.parser.parse(text)
    if (kind === "absolute") return this.parser.value
    if (kind === "invalid-format") {
      return this.fail(
        column,
        "invalid-format",
        text,
        `"${shownValue(text)}" is not a time; use local time YYYY-MM-DD HH:MM[:SS] or ISO 8601 with an offset, e.g. 2025-03-30T03:15:00+02:00`,
      )
    }
    if (kind === "out-of-range") {
      return this.fail(
        column,
        "invalid-format",
        text,
        `"${text}" is not a valid time (its ${this.parser.problem} is out of range); correct the value`,
      )
    }

    const unique = this.zone.instantOfLocal(this.parser.value)
    if (!Number.isNaN(unique)) return unique
    const resolution = this.zone.resolveLocal(this.parser.value)
    if (resolution.kind === "ok") return resolution.instant
    if (resolution.kind === "gap") {
      return this.fail(
        column,
        "nonexistent-local-time",
        text,
        `"${text}" does not exist in ${this.zone.name} (the clocks skip that hour in spring); correct it or give it with its UTC offset`,
      )
    }
    this.ambiguous = true
    return resolution.first < previous && resolution.second >= previous ? resolution.second : resolution.first
  }

  /** Whether the last `instant` call resolved an ambiguous local time. */
  protected ambiguous = false
}
