import type { DataSetBuilder } from "../dataset/builder.js"
import type { TimeZone } from "../time/zone.js"
import { R } from "./columns.js"
import { IdRegistry } from "./id-registry.js"
import type { Reject } from "./reject.js"
import { type RowSource, RowValidator } from "./row-validator.js"
import { detach, Interner, parseBoolean } from "./values.js"
import type { WarningCounter } from "./warnings.js"

/**
 * Validates rescue-service case rows and hands the accepted ones to the
 * builder. A `case_id` already accepted makes the later row a `duplicate-id`.
 */
export class RescueCaseRows extends RowValidator {
  private readonly seen = new IdRegistry()
  private readonly strings = new Interner()

  constructor(
    source: RowSource,
    zone: TimeZone,
    private readonly builder: DataSetBuilder,
    private readonly warnings: WarningCounter,
  ) {
    super(source, zone)
  }

  /** As `MissionRows.accept`: undefined when the row was added, else its reject. */
  accept(values: ReadonlyArray<string>, line: number, wrongTypes = 0): Reject | undefined {
    this.line = line
    this.wrongTypes = wrongTypes
    this.failure = undefined

    const caseId = this.text(values, R.caseId)
    if (caseId === undefined) return this.failure
    const earlier = this.seen.lineOf(caseId)
    if (earlier >= 0) {
      this.fail(
        R.caseId,
        "duplicate-id",
        caseId,
        `case id "${caseId}" was already used on line ${earlier}; ids must be unique, so this later row is left out`,
      )
      return this.failure
    }

    const municipality = this.municipalityCode(values, R.municipalityCode)
    const createdAt = municipality === undefined ? undefined : this.instant(values, R.createdAt, Number.NaN)
    const ambiguous = this.ambiguous
    const index1 = createdAt === undefined ? undefined : this.text(values, R.index1)
    const index2 = index1 === undefined ? undefined : this.text(values, R.index2)
    const index3 = index2 === undefined ? undefined : this.text(values, R.index3)
    const confirmed = index3 === undefined ? undefined : this.confirmed(values)
    if (confirmed === undefined) return this.failure

    const id = detach(caseId)
    this.seen.add(id, line)
    this.builder.addRescueCase({
      caseId: id,
      municipalityCode: this.strings.intern(municipality!),
      createdAt: createdAt!,
      index1: this.strings.intern(index1!),
      index2: this.strings.intern(index2!),
      index3: this.strings.intern(index3!),
      rescueResourceConfirmed: confirmed,
      line,
    })
    if (ambiguous) this.warnings.add("ambiguous-local-time")
    return undefined
  }

  private confirmed(values: ReadonlyArray<string>): boolean | undefined {
    const text = this.text(values, R.confirmed)
    if (text === undefined) return undefined
    return (
      parseBoolean(text) ??
      this.fail(
        R.confirmed,
        "invalid-format",
        text,
        `"${text}" is not a yes/no value; use true/false, 1/0, ja/nej or yes/no`,
      )
    )
  }
}
