import fc from "fast-check"
import { describe, expect, it } from "vitest"
import { intervalSeconds } from "./interval.js"
import { RankedValues } from "./ranked-values.js"
import { median, share } from "./statistics.js"

describe("median", () => {
  it("takes the middle of an odd count and the mean of the two middle values of an even count", () => {
    expect(median([5, 1, 3])).toBe(3)
    // sorted 60, 75, 100, 1060: (75 + 100) / 2
    expect(median([1060, 75, 100, 60])).toBe(87.5)
    expect(median([])).toBeNull()
  })

  it("sorts numerically, not as text", () => {
    // as text "100" < "20" < "3"; numerically 3, 20, 100
    expect(median([100, 20, 3])).toBe(20)
  })

  it("equals the middle of the sorted values, ties and NaN (sorted last) included", () => {
    // Whole seconds from a small range make many ties, where a selection goes wrong first.
    const value = fc.oneof(
      fc.integer({ min: -5, max: 40 }),
      fc.constant(Number.NaN),
      fc.double({ noNaN: true }),
    )
    fc.assert(
      fc.property(fc.array(value, { minLength: 1, maxLength: 60 }), (values) => {
        const sorted = [...values].sort((a, b) => (Number.isNaN(a) ? 1 : Number.isNaN(b) ? -1 : a - b))
        const mid = sorted.length >> 1
        const expected = sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2
        expect(median(values)).toBe(expected)
      }),
      { seed: 4, numRuns: 500 },
    )
  })

  it("leaves its input unsorted", () => {
    const input = [3, 1, 2]
    median(input)
    expect(input).toEqual([3, 1, 2])
  })
})

describe("share", () => {
  it("divides, and gives null for nothing to divide by", () => {
    expect(share(9, 10)).toBe(0.9)
    expect(share(0, 0)).toBeNull()
  })
})

describe("intervalSeconds", () => {
  it("measures whole and zero-length intervals and names what makes one unusable", () => {
    const t = Date.parse("2025-05-01T10:00:00Z")
    expect(intervalSeconds(t, t + 90_000, "dispatchedAt", "enRouteAt")).toBe(90)
    expect(intervalSeconds(t, t, "dispatchedAt", "enRouteAt")).toBe(0)
    expect(intervalSeconds(t, t - 1000, "dispatchedAt", "enRouteAt")).toBe("negative-interval")
    expect(intervalSeconds(Number.NaN, t, "callAnsweredAt", "dispatchedAt")).toBe("missing-call-answered-at")
    expect(intervalSeconds(t, Number.NaN, "dispatchedAt", "arrivedSceneAt")).toBe("missing-arrived-scene-at")
  })
})

describe("RankedValues", () => {
  it("keeps values apart per rank and together for a range of ranks", () => {
    const values = new RankedValues(Int32Array.from([2, 1, 0, 3]))
    values.add(3, 7)
    values.add(0, 20)
    values.add(1, 30)
    values.add(3, 1)
    values.add(0, 10)
    values.add(3, 4)

    expect(values.median(0, 1)).toBe(15) // 10, 20
    expect(values.median(1, 2)).toBe(30)
    expect(values.median(2, 3)).toBeNull()
    expect(values.count(2, 3)).toBe(0)
    expect(values.median(3, 4)).toBe(4) // 1, 4, 7
    expect(values.median(0, 2)).toBe(20) // 10, 20, 30
    expect(values.median(0, 4)).toBe(8.5) // 1, 4, 7, 10, 20, 30
    expect(values.count(0, 4)).toBe(6)
    // A wider range's median moved values between the ranges inside it,
    // which is why narrower ranges are taken first; the counts still hold.
    expect(values.count(0, 1)).toBe(2)
  })
})
