import { daysFromCivil, MS_PER_DAY } from "./civil.js"

/**
 * The offsets of one UTC year as spans: span `k` runs from `starts[k]` up to
 * the next start (the last one up to `end`, the next year's first instant)
 * and has the offset `offsets[k]` in milliseconds.
 */
export interface OffsetSpans {
  readonly starts: ReadonlyArray<number>
  readonly offsets: ReadonlyArray<number>
  readonly end: number
}

/**
 * How far apart the year is sampled. Zones change offset at most a few
 * times a year and never twice within a week, so a change shows up as two
 * samples that differ.
 */
const SAMPLE_MS = 7 * MS_PER_DAY

const SECOND_MS = 1000

/**
 * Finds a year's offset changes with a few dozen calls of `offsetAt`: it
 * samples the year once a week and bisects, to the second, every week
 * whose ends differ. Changes fall on whole seconds in every zone's history.
 */
export const offsetSpansOfYear = (year: number, offsetAt: (epochMs: number) => number): OffsetSpans => {
  const start = daysFromCivil(year, 1, 1) * MS_PER_DAY
  const end = daysFromCivil(year + 1, 1, 1) * MS_PER_DAY
  const starts = [start]
  const offsets = [offsetAt(start)]

  // Changes between two sampled seconds with different offsets, in time order.
  const bisect = (from: number, fromOffset: number, to: number, toOffset: number): void => {
    if (fromOffset === toOffset) return
    if (to - from <= SECOND_MS) {
      starts.push(to)
      offsets.push(toOffset)
      return
    }
    const middle = from + Math.floor((to - from) / (2 * SECOND_MS)) * SECOND_MS
    const middleOffset = offsetAt(middle)
    bisect(from, fromOffset, middle, middleOffset)
    bisect(middle, middleOffset, to, toOffset)
  }

  // The last sample is the year's last second: a change at `end` belongs to the next year.
  const last = end - SECOND_MS
  let from = start
  let fromOffset = offsets[0]!
  while (from < last) {
    const to = Math.min(from + SAMPLE_MS, last)
    const toOffset = offsetAt(to)
    bisect(from, fromOffset, to, toOffset)
    from = to
    fromOffset = toOffset
  }
  return { starts, offsets, end }
}

/** The offset in force at an instant, read from the wall clock `Intl` shows for it (to the second). */
export const offsetWithIntl = (format: Intl.DateTimeFormat, epochMs: number): number => {
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
