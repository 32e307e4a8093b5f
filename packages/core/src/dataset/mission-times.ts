import { TIME_FIELD_INDEX, TIME_FIELDS } from "../domain/time-fields.js"
import { Growable } from "./growable.js"

const DISPATCHED = TIME_FIELD_INDEX.dispatchedAt

// Offsets are whole milliseconds from the mission's dispatch. The two
// smallest Int32 values are markers, not offsets.
const ABSENT = -2147483648
const ELSEWHERE = -2147483647
const SMALLEST_OFFSET = ELSEWHERE + 1
const LARGEST_OFFSET = 2147483647

/**
 * The seven timestamps of every mission (`TIME_FIELDS` order), read as
 * epoch milliseconds with NaN for an absent one.
 *
 * Stored compactly because they are most of a data set's memory: the
 * dispatch time as epoch milliseconds (8 bytes), each other time as its
 * offset in whole milliseconds from the dispatch (4 bytes, about ±24 days).
 * A time further away, a fraction of a millisecond, or any time of a
 * mission without a dispatch time is kept exactly in a side table, so no
 * value is ever rounded or clipped.
 */
export class MissionTimes {
  constructor(
    private readonly dispatched: Float64Array,
    /** Per field; `undefined` at the dispatch field's position. */
    private readonly offsets: ReadonlyArray<Int32Array | undefined>,
    /** Per field: mission index → epoch ms, for the offsets marked `ELSEWHERE`. */
    private readonly elsewhere: ReadonlyArray<ReadonlyMap<number, number>>,
  ) {}

  get count(): number {
    return this.dispatched.length
  }

  /** Epoch milliseconds of time field `field` (an index of `TIME_FIELDS`) of mission `i`; NaN when absent. */
  at(field: number, i: number): number {
    const offsets = this.offsets[field]
    if (offsets === undefined) return this.dispatched[i]!

    const offset = offsets[i]!
    if (offset >= SMALLEST_OFFSET) return this.dispatched[i]! + offset
    if (offset === ABSENT) return Number.NaN
    return this.elsewhere[field]!.get(i)!
  }

  /** One field for every mission, as a new array of epoch milliseconds (8 bytes per mission). */
  column(field: number): Float64Array {
    const column = new Float64Array(this.count)
    for (let i = 0; i < column.length; i++) column[i] = this.at(field, i)
    return column
  }
}

/** Collects the times mission by mission; `build` hands them over as `MissionTimes`. */
export class MissionTimesBuilder {
  private readonly dispatched = new Growable(Float64Array)
  private readonly offsets = TIME_FIELDS.map((_, f) =>
    f === DISPATCHED ? undefined : new Growable(Int32Array),
  )
  private readonly elsewhere = TIME_FIELDS.map(() => new Map<number, number>())

  get length(): number {
    return this.dispatched.length
  }

  reserve(count: number): void {
    this.dispatched.reserve(count)
    for (const column of this.offsets) column?.reserve(count)
  }

  /** Adds one mission's times, in `TIME_FIELDS` order; NaN (or a missing entry) is an absent time. */
  push(times: ArrayLike<number>): void {
    const index = this.dispatched.length
    const dispatched = times[DISPATCHED] ?? Number.NaN
    this.dispatched.push(dispatched)

    for (let f = 0; f < TIME_FIELDS.length; f++) {
      const column = this.offsets[f]
      if (column === undefined) continue

      const value = times[f] ?? Number.NaN
      const offset = value - dispatched
      if (Number.isNaN(value)) {
        column.push(ABSENT)
      } else if (
        Number.isInteger(offset) &&
        offset >= SMALLEST_OFFSET &&
        offset <= LARGEST_OFFSET &&
        dispatched + offset === value
      ) {
        column.push(offset)
      } else {
        column.push(ELSEWHERE)
        this.elsewhere[f]!.set(index, value)
      }
    }
  }

  build(): MissionTimes {
    return new MissionTimes(
      this.dispatched.toArray(),
      this.offsets.map((column) => column?.toArray()),
      this.elsewhere,
    )
  }
}
