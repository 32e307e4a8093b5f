import { describe, expect, it } from "vitest"
import { monthIndex } from "../time/month.js"
import { coveredPreviousPeriod, defaultPeriod } from "./period.js"

const m = monthIndex

describe("defaultPeriod", () => {
  it("takes the last calendar year the data covers from January to December", () => {
    // data 2024-01 … 2026-02: 2026 is incomplete, 2025 is the last complete year
    expect(defaultPeriod({ first: m(2024, 1), last: m(2026, 2) })).toEqual({
      from: m(2025, 1),
      to: m(2025, 12),
    })
    // data ending in December: that year
    expect(defaultPeriod({ first: m(2024, 1), last: m(2025, 12) })).toEqual({
      from: m(2025, 1),
      to: m(2025, 12),
    })
  })

  it("falls back to the data's own months when no year is complete", () => {
    expect(defaultPeriod({ first: m(2025, 3), last: m(2025, 12) })).toEqual({
      from: m(2025, 3),
      to: m(2025, 12),
    })
    expect(defaultPeriod({ first: m(2025, 2), last: m(2025, 6) })).toEqual({
      from: m(2025, 2),
      to: m(2025, 6),
    })
  })
})

describe("coveredPreviousPeriod", () => {
  it("gives the period of the same length before, when the data reaches back to its first month", () => {
    const year = { from: m(2025, 1), to: m(2025, 12) }
    expect(coveredPreviousPeriod(year, { first: m(2024, 1) })).toEqual({ from: m(2024, 1), to: m(2024, 12) })
    expect(coveredPreviousPeriod(year, { first: m(2023, 6) })).toEqual({ from: m(2024, 1), to: m(2024, 12) })
  })

  it("gives none when the data starts inside the previous period", () => {
    expect(coveredPreviousPeriod({ from: m(2025, 1), to: m(2025, 12) }, { first: m(2024, 2) })).toBeNull()
  })
})
