import type { DataSetBuilder } from "../dataset/builder.js"
import type { Priority } from "../domain/priority.js"
import { TIME_FIELDS } from "../domain/time-fields.js"
import type { TimeZone } from "../time/zone.js"
import { M } from "./columns.js"
import type { Reject } from "./reject.js"
import { type RowSource, RowValidator } from "./row-validator.js"
import { parsePriority } from "./values.js"
import type { WarningCounter } from "./warnings.js"

/**
 * Validates mission rows and hands the accepted ones to the builder. A
 * `mission_id` already accepted makes the later row a `duplicate-id`
 * reject; an id whose earlier row was rejected is free to be used again,
 * since that row is not in the data set.
 */
export class MissionRows extends RowValidator {
  private readonly times = new Float64Array(TIME_FIELDS.length)

  constructor(
    source: RowSource,
    zone: TimeZone,
    private readonly builder: DataSetBuilder,
    private readonly warnings: WarningCounter,
  ) {
    super(source, zone)
  }

  /**
   * Checks one row, fields in contract order, and either adds it to the
   * builder (returns undefined) or returns the reject for its first problem.
   * `values` holds the raw text of each contract column ("" when absent).
   */
  accept(values: ReadonlyArray<string>, line: number, wrongTypes = 0): Reject | undefined {
    this.line = line
    this.wrongTypes = wrongTypes
    this.failure = undefined

    const missionId = this.text(values, M.missionId)
    if (missionId === undefined) return this.failure
    const earlierIndex = this.builder.missionIndexOf(missionId)
    if (earlierIndex >= 0) {
      const earlier = this.builder.missionLine(earlierIndex)
      this.fail(
        M.missionId,
        "duplicate-id",
        missionId,
        `mission id "${missionId}" was already used on line ${earlier}; ids must be unique, so this later row is left out`,
      )
      return this.failure
    }

    const caseId = this.text(values, M.caseId)
    const resourceId = caseId === undefined ? undefined : this.text(values, M.resourceId)
    const station = resourceId === undefined ? undefined : this.text(values, M.station)
    const priority = station === undefined ? undefined : this.priority(values, M.priority, undefined)
    const initialPriority =
      priority === undefined ? undefined : this.priority(values, M.initialPriority, priority)
    const municipality =
      initialPriority === undefined ? undefined : this.municipalityCode(values, M.municipalityCode)
    if (municipality === undefined) return this.failure

    const ambiguousMask = this.readTimes(values)
    if (ambiguousMask < 0) return this.failure

    // The builder keeps its own copies of what it keeps, so the texts may still point into the chunk.
    this.builder.addMission({
      missionId,
      caseId: caseId!,
      resourceId: resourceId!,
      station: station!,
      priority: priority!,
      initialPriority: initialPriority!,
      municipalityCode: municipality,
      times: this.times,
      ambiguousMask,
      line,
    })
    this.countWarnings(ambiguousMask)
    return undefined
  }

  /** A priority; an empty optional one takes `fallback`. */
  private priority(
    values: ReadonlyArray<string>,
    column: number,
    fallback: Priority | undefined,
  ): Priority | undefined {
    const text = this.text(values, column)
    if (text === undefined) return undefined
    if (text.length === 0 && fallback !== undefined) return fallback
    return (
      parsePriority(text) ??
      this.fail(column, "unknown-priority", text, `"${text}" is not a priority; use 1, 2 or 3`)
    )
  }

  /** Fills `times` in field order; returns the ambiguity mask, or -1 after a failure. */
  private readTimes(values: ReadonlyArray<string>): number {
    let previous = Number.NaN
    let mask = 0
    for (let f = 0; f < TIME_FIELDS.length; f++) {
      const instant = this.instant(values, M.firstTime + f, previous)
      if (instant === undefined) return -1
      if (this.ambiguous) mask |= 1 << f
      this.times[f] = instant
      if (!Number.isNaN(instant)) previous = instant
    }
    return mask
  }

  private countWarnings(ambiguousMask: number): void {
    let mask = ambiguousMask
    while (mask !== 0) {
      this.warnings.add("ambiguous-local-time")
      mask &= mask - 1
    }

    let previous = Number.NaN
    for (let f = 0; f < TIME_FIELDS.length; f++) {
      const instant = this.times[f]!
      if (instant < previous) {
        this.warnings.add("timestamps-out-of-order")
        return
      }
      if (!Number.isNaN(instant)) previous = instant
    }
  }
}
