import { civilFromDays, daysFromCivil, MS_PER_DAY } from "./civil.js"
import { type MonthIndex, monthIndex } from "./month.js"
import { type OffsetSpans, offsetSpansOfYear, offsetWithIntl } from "./offset-spans.js"

/**
 * How a local wall-clock time maps to instants:
 * - `ok`: exactly one instant;
 * - `ambiguous`: two instants (the autumn hour), earlier first;
 * - `gap`: none (the spring hour that does not exist).
 */
export type LocalResolution =
  | { readonly kind: "ok"; readonly instant: number }
  | { readonly kind: "ambiguous"; readonly first: number; readonly second: number }
  | { readonly kind: "gap" }

/** Conversions between instants and the wall clock of one IANA time zone. */
export interface TimeZone {
  readonly name: string
  /** The zone's offset from UTC in milliseconds at an instant. */
  offsetAt(epochMs: number): number
  /**
   * The instants of a wall-clock time given as milliseconds since
   * 1970-01-01T00:00 of the wall clock (as if it were UTC).
   */
  resolveLocal(wallMs: number): LocalResolution
  /**
   * The instant of a wall-clock time that has exactly one, NaN for one in
   * the spring gap or the autumn hour: `resolveLocal` without building a
   * result, for the millions of timestamps of an input file.
   */
  instantOfLocal(wallMs: number): number
  /** The local calendar month of an instant. */
  monthOf(epochMs: number): MonthIndex
  /** The local wall clock of an instant, as milliseconds since 1970-01-01T00:00 local. */
  toWall(epochMs: number): number
}

const zones = new Map<string, TimeZone>()

/** Whether the runtime knows the zone name. */
export const isValidTimeZone = (name: string): boolean => {
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: name })
    return true
  } catch {
    return false
  }
}

/** The zone, created once per name; throws a RangeError for an unknown zone name. */
export const timeZone = (name: string): TimeZone => {
  const known = zones.get(name)
  if (known !== undefined) return known
  const zone = new SpanZone(name)
  zones.set(name, zone)
  return zone
}

/**
 * A zone that learns, per UTC year, the spans of instants with one offset
 * (a handful of `Intl` calls a year), and remembers the span of the last
 * question. Input is usually in time order, so nearly every conversion is
 * two comparisons.
 */
class SpanZone implements TimeZone {
  private readonly format: Intl.DateTimeFormat
  private readonly years = new Map<number, OffsetSpans>()

  // The span of instants [spanStart, spanEnd) the last `offsetAt` fell in.
  private spanStart = Number.NaN
  private spanEnd = Number.NaN
  private spanOffset = 0

  // Wall times [wallStart, wallEnd) known to have one instant, `wall - wallOffset`.
  private wallStart = Number.NaN
  private wallEnd = Number.NaN
  private wallOffset = 0

  // Local times [monthStart, monthEnd) that fall in `month`.
  private monthStart = Number.NaN
  private monthEnd = Number.NaN
  private month = 0

  constructor(readonly name: string) {
    this.format = new Intl.DateTimeFormat("en-US", {
      timeZone: name,
      hourCycle: "h23",
      year: "numeric",
      month: "numeric",
      day: "numeric",
      hour: "numeric",
      minute: "numeric",
      second: "numeric",
    })
  }

  offsetAt(epochMs: number): number {
    if (epochMs >= this.spanStart && epochMs < this.spanEnd) return this.spanOffset
    this.enterSpan(epochMs)
    return this.spanOffset
  }

  resolveLocal(wallMs: number): LocalResolution {
    if (wallMs >= this.wallStart && wallMs < this.wallEnd)
      return { kind: "ok", instant: wallMs - this.wallOffset }
    const valid = this.validOffsets(wallMs)
    if (valid.length === 0) return { kind: "gap" }
    if (valid.length === 1) return { kind: "ok", instant: wallMs - valid[0]! }
    return { kind: "ambiguous", first: wallMs - valid[0]!, second: wallMs - valid[1]! }
  }

  instantOfLocal(wallMs: number): number {
    if (wallMs >= this.wallStart && wallMs < this.wallEnd) return wallMs - this.wallOffset
    const valid = this.validOffsets(wallMs)
    if (valid.length !== 1) return Number.NaN
    const offset = valid[0]!
    this.learnUniqueWalls(wallMs - offset, offset)
    return wallMs - offset
  }

  monthOf(epochMs: number): MonthIndex {
    const local = epochMs + this.offsetAt(epochMs)
    if (local >= this.monthStart && local < this.monthEnd) return this.month

    const { year, month } = civilFromDays(Math.floor(local / MS_PER_DAY))
    const next = month === 12 ? { year: year + 1, month: 1 } : { year, month: month + 1 }
    this.monthStart = daysFromCivil(year, month, 1) * MS_PER_DAY
    this.monthEnd = daysFromCivil(next.year, next.month, 1) * MS_PER_DAY
    this.month = monthIndex(year, month)
    return this.month
  }

  toWall(epochMs: number): number {
    return epochMs + this.offsetAt(epochMs)
  }

  /** Makes the span holding the instant the current one. */
  private enterSpan(epochMs: number): void {
    const year = civilFromDays(Math.floor(epochMs / MS_PER_DAY)).year
    let spans = this.years.get(year)
    if (spans === undefined) {
      spans = offsetSpansOfYear(year, (at) => offsetWithIntl(this.format, at))
      this.years.set(year, spans)
    }

    // A year has a few spans at most, so a linear scan is enough.
    const { starts, offsets, end } = spans
    let k = 0
    while (k + 1 < starts.length && starts[k + 1]! <= epochMs) k++
    this.spanStart = starts[k]!
    this.spanEnd = k + 1 < starts.length ? starts[k + 1]! : end
    this.spanOffset = offsets[k]!
  }

  /**
   * The offsets that give a wall time back, greatest (earliest instant)
   * first. The candidates are the offsets in force a day before and a day
   * after it, since offsets change far less often than that.
   */
  private validOffsets(wallMs: number): ReadonlyArray<number> {
    const before = this.offsetAt(wallMs - MS_PER_DAY)
    const after = this.offsetAt(wallMs + MS_PER_DAY)
    const beforeValid = this.offsetAt(wallMs - before) === before
    if (before === after) return beforeValid ? [before] : []
    const afterValid = this.offsetAt(wallMs - after) === after
    if (beforeValid && afterValid) return before > after ? [before, after] : [after, before]
    if (beforeValid) return [before]
    return afterValid ? [after] : []
  }

  /**
   * Remembers the wall times that map to one instant with `offset`: those
   * of the span holding `instant`, less the wall times that its
   * neighbouring offsets (just outside it, or a day away for a span cut at
   * a year's end) could also give.
   */
  private learnUniqueWalls(instant: number, offset: number): void {
    this.offsetAt(instant)
    const start = this.spanStart
    const end = this.spanEnd

    const earlier = Math.max(this.offsetAt(start - 1), this.offsetAt(start - MS_PER_DAY))
    const later = Math.min(this.offsetAt(end), this.offsetAt(end + MS_PER_DAY))
    this.wallStart = start + Math.max(offset, earlier)
    this.wallEnd = end + Math.min(offset, later)
    this.wallOffset = offset
  }
}
