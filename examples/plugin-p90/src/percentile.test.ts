import { describe, expect, it } from "vitest"
import { ordinal } from "./ordinal.js"
import { nearestRankPercentile } from "./percentile.js"

describe("nearestRankPercentile", () => {
  it("takes the value at rank ⌈p·n/100⌉ of the sorted values", () => {
    const values = [5, 1, 4, 2, 3, 10, 9, 8, 7, 6]
    expect(nearestRankPercentile(values, 90)).toBe(9) // ⌈9⌉ = 9
    expect(nearestRankPercentile(values, 91)).toBe(10) // ⌈9.1⌉ = 10
    expect(nearestRankPercentile(values, 50)).toBe(5) // ⌈5⌉ = 5; a median would say 5.5
    expect(nearestRankPercentile(values, 1)).toBe(1) // ⌈0.1⌉ = 1
    expect(nearestRankPercentile(values, 100)).toBe(10)
  })

  it("gives the only value of one, and null of none", () => {
    expect(nearestRankPercentile([42], 90)).toBe(42)
    expect(nearestRankPercentile([], 90)).toBeNull()
  })

  it("is not fooled by floating point: 90 % of 70 values is rank 63, not 64", () => {
    // 0.9 * 70 is 63.00000000000001 in floating point; 90 * 70 / 100 is exactly 63.
    const values = Array.from({ length: 70 }, (_, i) => i + 1)
    expect(nearestRankPercentile(values, 90)).toBe(63)
  })

  it("sorts numerically, not as text", () => {
    expect(nearestRankPercentile([100, 20, 3], 34)).toBe(20) // ⌈1.02⌉ = 2: sorted 3, 20, 100
  })

  it("leaves at least p % at or below the result and fewer than p % below it, for every n to 60 and every p", () => {
    const broken: string[] = []
    for (let n = 1; n <= 60; n++) {
      // Repeated values on purpose: ties are where a percentile rule is easiest to get wrong.
      const values = Array.from({ length: n }, (_, i) => (i * 7) % 11)
      for (let p = 1; p <= 100; p++) {
        const result = nearestRankPercentile(values, p)!
        const atOrBelow = values.filter((v) => v <= result).length
        const below = values.filter((v) => v < result).length
        const holds = values.includes(result) && atOrBelow * 100 >= p * n && below * 100 < p * n
        if (!holds) broken.push(`n=${n} p=${p} gave ${result}`)
      }
    }
    expect(broken).toEqual([])
  })

  it("refuses a percent that is not a whole number from 1 to 100", () => {
    expect(() => nearestRankPercentile([1], 0)).toThrow(RangeError)
    expect(() => nearestRankPercentile([1], 90.5)).toThrow("whole number from 1 to 100")
  })
})

describe("ordinal", () => {
  it("writes Swedish ordinals with :a after 1 and 2 (not 11, 12) and :e otherwise", () => {
    expect([1, 2, 3, 11, 12, 21, 22, 50, 90, 95].map((n) => ordinal(n, "sv"))).toEqual([
      "1:a",
      "2:a",
      "3:e",
      "11:e",
      "12:e",
      "21:a",
      "22:a",
      "50:e",
      "90:e",
      "95:e",
    ])
  })

  it("writes English ordinals", () => {
    expect([1, 2, 3, 4, 11, 12, 13, 21, 22, 23, 90].map((n) => ordinal(n, "en"))).toEqual([
      "1st",
      "2nd",
      "3rd",
      "4th",
      "11th",
      "12th",
      "13th",
      "21st",
      "22nd",
      "23rd",
      "90th",
    ])
  })
})
