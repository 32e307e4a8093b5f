import fc from "fast-check"
import { describe, expect, it } from "vitest"
import { daysFromCivil } from "../time/civil.js"
import { monthIndex } from "../time/month.js"
import { Random } from "./random.js"
import { apportion, hourWeightsOf, planDays, weekday } from "./rhythm.js"

describe("apportion", () => {
  it("splits by largest remainder, ties to the earlier slot", () => {
    // 10 × (1, 1, 2) / 4 = 2.5, 2.5, 5: floors 2, 2, 5 leave 1, which goes to the first .5.
    expect(Array.from(apportion(10, [1, 1, 2]))).toEqual([3, 2, 5])
    expect(Array.from(apportion(7, [1, 1, 1, 1]))).toEqual([2, 2, 2, 1])
  })

  it("always hands out exactly the total, each slot within one of its exact share", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 100_000 }),
        fc.array(fc.double({ min: 0.01, max: 10, noNaN: true }), { minLength: 1, maxLength: 50 }),
        (total, weights) => {
          const counts = apportion(total, weights)
          const sum = weights.reduce((s, w) => s + w, 0)
          const handedOut = counts.reduce((s, c) => s + c, 0)
          return handedOut === total && weights.every((w, i) => Math.abs(counts[i]! - (total * w) / sum) < 1)
        },
      ),
    )
  })
})

describe("the calendar rhythm", () => {
  it("knows the weekday: 1970-01-01 was a Thursday, 2025-01-06 a Monday", () => {
    expect(weekday(0)).toBe(3)
    expect(weekday(daysFromCivil(2025, 1, 6))).toBe(0)
    expect(weekday(daysFromCivil(2025, 1, 12))).toBe(6)
  })

  it("plans every day of the months, 2024 being a leap year", () => {
    const plan = planDays(monthIndex(2024, 1), monthIndex(2025, 12), new Random(1))
    expect(plan.firstDay).toBe(daysFromCivil(2024, 1, 1))
    expect(plan.weights).toHaveLength(366 + 365)
    expect(Math.min(...plan.weights)).toBeGreaterThan(0)
  })

  it("grows the volume from one year to the next by about the yearly growth", () => {
    const plan = planDays(monthIndex(2024, 1), monthIndex(2025, 12), new Random(1))
    const sum = (from: number, to: number) => plan.weights.subarray(from, to).reduce((a, b) => a + b, 0)
    // 2024 has 366 days. The growth compounds daily: 2025's total over 2024's is about 1.03,
    // give or take the day-to-day noise (7 % per day, so well under 1 % over a year).
    const ratio = sum(366, 366 + 365) / sum(0, 366)
    expect(ratio).toBeGreaterThan(1.02)
    expect(ratio).toBeLessThan(1.04)
  })

  it("makes nights quieter than days", () => {
    const hours = hourWeightsOf(daysFromCivil(2025, 1, 8))
    const weight = (h: number) => hours[h]! - (h === 0 ? 0 : hours[h - 1]!)
    expect(weight(3)).toBeLessThan(weight(11) / 2)
  })
})
