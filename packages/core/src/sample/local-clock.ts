import { civilFromDays, MS_PER_DAY } from "../time/civil.js"
import type { LocalResolution, TimeZone } from "../time/zone.js"

const TWO_DIGITS = Array.from({ length: 60 }, (_, i) => String(i).padStart(2, "0"))

/** Marks a UTC day whose offset is not the same from start to end. */
const CHANGES = Number.NaN

/**
 * The wall clock of one zone for the generator's millions of timestamps.
 * Offsets change on a handful of days a year, so the clock learns per UTC
 * day whether the offset is constant and only asks the zone about instants
 * on the few days around a change. Formats `YYYY-MM-DD HH:MM:SS`, the way
 * analysts' exports write naive local times.
 */
export class LocalClock {
  private readonly dayOffsets = new Map<number, number>()
  private readonly dates = new Map<number, string>()

  constructor(private readonly zone: TimeZone) {}

  /** The zone's offset at an instant. */
  offsetAt(epochMs: number): number {
    const offset = this.dayOffset(Math.floor(epochMs / MS_PER_DAY))
    return Number.isNaN(offset) ? this.zone.offsetAt(epochMs) : offset
  }

  /** The instants of a wall time, like `TimeZone.resolveLocal`. */
  resolveLocal(wallMs: number): LocalResolution {
    const offset = this.steadyOffsetAround(wallMs)
    return Number.isNaN(offset) ? this.zone.resolveLocal(wallMs) : { kind: "ok", instant: wallMs - offset }
  }

  /** Whether the instant's local time occurs twice (the autumn hour). */
  isAmbiguous(epochMs: number): boolean {
    if (!Number.isNaN(this.steadyOffsetAround(epochMs))) return false
    const wall = Math.floor((epochMs + this.offsetAt(epochMs)) / 1000) * 1000
    return this.zone.resolveLocal(wall).kind === "ambiguous"
  }

  /** The naive local time of an instant, to the second. */
  format(epochMs: number): string {
    const wallSeconds = Math.floor((epochMs + this.offsetAt(epochMs)) / 1000)
    const day = Math.floor(wallSeconds / 86_400)
    const secondOfDay = wallSeconds - day * 86_400

    let date = this.dates.get(day)
    if (date === undefined) {
      const { year, month, day: dayOfMonth } = civilFromDays(day)
      date = `${year}-${TWO_DIGITS[month]}-${TWO_DIGITS[dayOfMonth]} `
      this.dates.set(day, date)
    }
    const hour = Math.floor(secondOfDay / 3600)
    const minute = Math.floor((secondOfDay % 3600) / 60)
    return `${date}${TWO_DIGITS[hour]}:${TWO_DIGITS[minute]}:${TWO_DIGITS[secondOfDay % 60]}`
  }

  /** The offset if it is the same over the day of `ms` and the days either side, else NaN. */
  private steadyOffsetAround(ms: number): number {
    const day = Math.floor(ms / MS_PER_DAY)
    const offset = this.dayOffset(day)
    return offset === this.dayOffset(day - 1) && offset === this.dayOffset(day + 1) ? offset : CHANGES
  }

  /** The offset of a UTC day if it does not change during the day, else NaN. */
  private dayOffset(day: number): number {
    let offset = this.dayOffsets.get(day)
    if (offset === undefined) {
      const start = this.zone.offsetAt(day * MS_PER_DAY)
      offset = start === this.zone.offsetAt((day + 1) * MS_PER_DAY - 1) ? start : CHANGES
      this.dayOffsets.set(day, offset)
    }
    return offset
  }
}
