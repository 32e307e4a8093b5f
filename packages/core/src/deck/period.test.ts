import { describe, expect, it } from "vitest"
import { monthIndex } from "../time/month.js"
import { coveredPreviousPeriod, type DataMonths, defaultPeriod } from "./period.js"

const m = monthIndex

/** Data in every month from `from` to `to`, plus single stray months. */
const data = (from: number, to: number, ...strays: number[]): DataMonths => {
  const months = new Set<number>(strays)
  for (let x = from; x <= to; x++) months.add(x)
  const sorted = [...months].sort((a, b) => a - b)
  return { first: sorted[0]!, last: sorted.at(-1)!, months }
}

describe("defaultPeriod", () => {
  it("takes the last calendar year in which every month has missions", () => {
    // 2024-01 … 2026-02: 2026 is incomplete, 2025 is the last complete year
    expect(defaultPeriod(data(m(2024, 1), m(2026, 2)))).toEqual({ from: m(2025, 1), to: m(2025, 12) })
    expect(defaultPeriod(data(m(2024, 1), m(2025, 12)))).toEqual({ from: m(2025, 1), to: m(2025, 12) })
  })

  it("is not moved by a stray row decades away", () => {
    // a single mission dated 2099-03 and one in 1975-06 around a complete 2025
    expect(defaultPeriod(data(m(2025, 1), m(2025, 12), m(2099, 3), m(1975, 6)))).toEqual({
      from: m(2025, 1),
      to: m(2025, 12),
    })
  })

  it("skips a year with a month without data", () => {
    // 2024 complete; 2025 lacks July
    const months = data(m(2024, 1), m(2025, 12))
    const withoutJuly = new Set([...months.months].filter((x) => x !== m(2025, 7)))
    expect(defaultPeriod({ ...months, months: withoutJuly })).toEqual({ from: m(2024, 1), to: m(2024, 12) })
  })

  it("falls back to the longest run of consecutive months when no year is complete", () => {
    expect(defaultPeriod(data(m(2025, 3), m(2025, 12)))).toEqual({ from: m(2025, 3), to: m(2025, 12) })
    // a run of 4 months and a stray month later: the run wins
    expect(defaultPeriod(data(m(2025, 2), m(2025, 5), m(2030, 1)))).toEqual({
      from: m(2025, 2),
      to: m(2025, 5),
    })
    // two runs of equal length: the later one
    expect(defaultPeriod(data(m(2025, 1), m(2025, 2), m(2025, 6), m(2025, 7)))).toEqual({
      from: m(2025, 6),
      to: m(2025, 7),
    })
  })
})

describe("coveredPreviousPeriod", () => {
  const year = { from: m(2025, 1), to: m(2025, 12) }

  it("gives the period of the same length before, when each of its months has data", () => {
    expect(coveredPreviousPeriod(year, data(m(2024, 1), m(2025, 12)))).toEqual({
      from: m(2024, 1),
      to: m(2024, 12),
    })
    expect(coveredPreviousPeriod(year, data(m(2023, 6), m(2025, 12)))).toEqual({
      from: m(2024, 1),
      to: m(2024, 12),
    })
  })

  it("gives none when the data starts inside the previous period", () => {
    expect(coveredPreviousPeriod(year, data(m(2024, 2), m(2025, 12)))).toBeNull()
  })

  it("gives none when a stray old row is all there is of the previous period", () => {
    expect(coveredPreviousPeriod(year, data(m(2025, 1), m(2025, 12), m(1975, 6)))).toBeNull()
  })
})
