import { describe, expect, it } from "vitest"
import { monthIndex } from "../time/month.js"
import {
  coveredMonths,
  coveredPreviousPeriod,
  type DataMonths,
  defaultPeriod,
  sameMonthsEarlier,
} from "./period.js"

const m = monthIndex

/** `perMonth` missions in every month from `from` to `to`, plus months with the counts given. */
const data = (
  from: number,
  to: number,
  perMonth = 100,
  extra: ReadonlyArray<[number, number]> = [],
): DataMonths => {
  const counts = new Map<number, number>()
  for (let x = from; x <= to; x++) counts.set(x, perMonth)
  for (const [month, n] of extra) counts.set(month, (counts.get(month) ?? 0) + n)
  const sorted = [...counts.keys()].sort((a, b) => a - b)
  return { first: sorted[0]!, last: sorted.at(-1)!, counts }
}

describe("coveredMonths", () => {
  it("counts a month holding at least a tenth of the busiest month's missions", () => {
    // Busiest 200: 20 is exactly a tenth (covered), 19 is not.
    const months = data(m(2025, 1), m(2025, 2), 200, [
      [m(2025, 3), 20],
      [m(2025, 4), 19],
    ])
    expect([...coveredMonths(months)].sort((a, b) => a - b)).toEqual([m(2025, 1), m(2025, 2), m(2025, 3)])
  })
})

describe("defaultPeriod", () => {
  it("takes the last calendar year of which every month is covered", () => {
    // 2024-01 … 2026-02: 2026 is incomplete, 2025 is the last complete year
    expect(defaultPeriod(data(m(2024, 1), m(2026, 2)))).toEqual({ from: m(2025, 1), to: m(2025, 12) })
    expect(defaultPeriod(data(m(2024, 1), m(2025, 12)))).toEqual({ from: m(2025, 1), to: m(2025, 12) })
  })

  it("is not moved by a stray row decades away", () => {
    // a single mission dated 2099-03 and one in 1975-06 around a complete 2025
    const months = data(m(2025, 1), m(2025, 12), 100, [
      [m(2099, 3), 1],
      [m(1975, 6), 1],
    ])
    expect(defaultPeriod(months)).toEqual({ from: m(2025, 1), to: m(2025, 12) })
  })

  it("is not moved onto a stray year by a one-month export", () => {
    // 16 missions in 2025-05 and one typo'd 2052-05: both are one-month runs, but 2052-05
    // holds 1/16 of the busiest month, under a tenth, so it is not covered at all.
    const months = data(m(2025, 5), m(2025, 5), 16, [[m(2052, 5), 1]])
    expect(defaultPeriod(months)).toEqual({ from: m(2025, 5), to: m(2025, 5) })
  })

  it("is not widened by a mission a minute into the next month", () => {
    const months = data(m(2025, 5), m(2025, 5), 16, [[m(2025, 6), 1]])
    expect(defaultPeriod(months)).toEqual({ from: m(2025, 5), to: m(2025, 5) })
  })

  it("skips a year with a month that is not covered", () => {
    // 2024 complete; 2025's July has 5 missions against 100 elsewhere
    const months = data(m(2024, 1), m(2025, 12))
    const counts = new Map(months.counts)
    counts.set(m(2025, 7), 5)
    expect(defaultPeriod({ ...months, counts })).toEqual({ from: m(2024, 1), to: m(2024, 12) })
  })

  it("falls back to the longest run of covered months when no year is complete", () => {
    expect(defaultPeriod(data(m(2025, 3), m(2025, 12)))).toEqual({ from: m(2025, 3), to: m(2025, 12) })
    // a run of 4 months and a covered month later: the run wins
    expect(defaultPeriod(data(m(2025, 2), m(2025, 5), 100, [[m(2030, 1), 100]]))).toEqual({
      from: m(2025, 2),
      to: m(2025, 5),
    })
  })

  it("breaks a tie between runs of equal length by missions, then by the later run", () => {
    // Two two-month runs: the earlier holds 2 × 100, the later 2 × 50: the earlier wins.
    const busierFirst = data(m(2025, 1), m(2025, 2), 100, [
      [m(2025, 6), 50],
      [m(2025, 7), 50],
    ])
    expect(defaultPeriod(busierFirst)).toEqual({ from: m(2025, 1), to: m(2025, 2) })
    // As many missions in each: the later one.
    const even = data(m(2025, 1), m(2025, 2), 100, [
      [m(2025, 6), 100],
      [m(2025, 7), 100],
    ])
    expect(defaultPeriod(even)).toEqual({ from: m(2025, 6), to: m(2025, 7) })
  })
})

describe("sameMonthsEarlier", () => {
  it("goes one year back for a period of up to twelve months, more whole years for a longer one", () => {
    expect(sameMonthsEarlier({ from: m(2025, 1), to: m(2025, 12) })).toEqual({
      from: m(2024, 1),
      to: m(2024, 12),
    })
    expect(sameMonthsEarlier({ from: m(2025, 1), to: m(2025, 3) })).toEqual({
      from: m(2024, 1),
      to: m(2024, 3),
    })
    expect(sameMonthsEarlier({ from: m(2024, 11), to: m(2025, 2) })).toEqual({
      from: m(2023, 11),
      to: m(2024, 2),
    })
    // 18 months: two years back, so the two periods do not overlap.
    expect(sameMonthsEarlier({ from: m(2024, 1), to: m(2025, 6) })).toEqual({
      from: m(2022, 1),
      to: m(2023, 6),
    })
  })
})

describe("coveredPreviousPeriod", () => {
  const year = { from: m(2025, 1), to: m(2025, 12) }

  it("gives the same months a year earlier when each of them is covered", () => {
    expect(coveredPreviousPeriod(year, data(m(2024, 1), m(2025, 12)))).toEqual({
      from: m(2024, 1),
      to: m(2024, 12),
    })
    expect(coveredPreviousPeriod(year, data(m(2023, 6), m(2025, 12)))).toEqual({
      from: m(2024, 1),
      to: m(2024, 12),
    })
  })

  it("compares a quarter with the same quarter a year before, not with the quarter before", () => {
    const quarter = { from: m(2025, 1), to: m(2025, 3) }
    expect(coveredPreviousPeriod(quarter, data(m(2024, 1), m(2025, 3)))).toEqual({
      from: m(2024, 1),
      to: m(2024, 3),
    })
    // Data from 2024-10 only: the quarter before is there, the same quarter of 2024 is not.
    expect(coveredPreviousPeriod(quarter, data(m(2024, 10), m(2025, 3)))).toBeNull()
  })

  it("gives none when the data starts inside the previous period", () => {
    expect(coveredPreviousPeriod(year, data(m(2024, 2), m(2025, 12)))).toBeNull()
  })

  it("gives none when a stray old row is all there is of the previous period", () => {
    expect(coveredPreviousPeriod(year, data(m(2025, 1), m(2025, 12), 100, [[m(1975, 6), 1]]))).toBeNull()
  })
})
