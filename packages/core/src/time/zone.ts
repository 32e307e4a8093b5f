import { civilFromDays, daysFromCivil, MS_PER_DAY } from "./civil.js"
import { type MonthIndex, monthIndex } from "./month.js"

/**
 * Offsets from UTC change at most a few times a year and, in every zone in
 * use today, on a quarter hour. Caching per quarter hour keeps the cost of a
 * conversion at one map look-up after the first.
 */
const SLOT_MS = 15 * 60_000

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
  const zone = makeZone(name)
  zones.set(name, zone)
  return zone
}

const makeZone = (name: string): TimeZone => {
  const format = new Intl.DateTimeFormat("en-US", {
    timeZone: name,
    hourCycle: "h23",
    year: "numeric",
    month: "numeric",
    day: "numeric",
    hour: "numeric",
    minute: "numeric",
    second: "numeric",
  })
  const offsets = new Map<number, number>()
  const resolutions = new Map<number, ReadonlyArray<number>>()

  const computeOffset = (epochMs: number): number => {
    const parts: Record<string, number> = {}
    for (const part of format.formatToParts(new Date(epochMs))) {
      if (part.type !== "literal") parts[part.type] = Number(part.value)
    }
    const wall =
      daysFromCivil(parts.year!, parts.month!, parts.day!) * MS_PER_DAY +
      parts.hour! * 3_600_000 +
      parts.minute! * 60_000 +
      parts.second! * 1000
    const wholeSecond = Math.floor(epochMs / 1000) * 1000
    return wall - wholeSecond
  }

  const offsetAt = (epochMs: number): number => {
    const slot = Math.floor(epochMs / SLOT_MS)
    let offset = offsets.get(slot)
    if (offset === undefined) {
      offset = computeOffset(slot * SLOT_MS)
      offsets.set(slot, offset)
    }
    return offset
  }

  // The offsets that may apply to a wall time are those in force a day
  // before and a day after it; each is valid when it maps back to itself.
  const validOffsets = (wallMs: number): ReadonlyArray<number> => {
    const slot = Math.floor(wallMs / SLOT_MS)
    const cached = resolutions.get(slot)
    if (cached !== undefined) return cached
    const start = slot * SLOT_MS
    const candidates = new Set([offsetAt(start - MS_PER_DAY), offsetAt(start + MS_PER_DAY)])
    const valid = [...candidates].filter((o) => offsetAt(start - o) === o).sort((a, b) => b - a)
    resolutions.set(slot, valid)
    return valid
  }

  return {
    name,
    offsetAt,
    resolveLocal: (wallMs) => {
      const valid = validOffsets(wallMs)
      if (valid.length === 0) return { kind: "gap" }
      if (valid.length === 1) return { kind: "ok", instant: wallMs - valid[0]! }
      return { kind: "ambiguous", first: wallMs - valid[0]!, second: wallMs - valid[1]! }
    },
    toWall: (epochMs) => epochMs + offsetAt(epochMs),
    monthOf: (epochMs) => {
      const { year, month } = civilFromDays(Math.floor((epochMs + offsetAt(epochMs)) / MS_PER_DAY))
      return monthIndex(year, month)
    },
  }
}
