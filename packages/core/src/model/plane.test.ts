import { describe, expect, it } from "vitest"
import { compareCodePoints, growRect, rectAround, rectsOverlap, spreadOut } from "./plane.js"

describe("spreadOut", () => {
  it("pushes crowded positions apart downwards", () => {
    expect(spreadOut([100, 105, 108], 20, 0, 1000)).toEqual([100, 120, 140])
    expect(spreadOut([1, 1.1, 1.2], 0.5, 0, 10)).toEqual([1, 1.5, 2])
  })

  it("pulls them back up where they would pass the bottom", () => {
    expect(spreadOut([990, 995], 20, 0, 1000)).toEqual([980, 1000])
    // Down to 1, 1.5, 2; the last may not pass 1.6, and the others keep the spacing above it.
    const ys = spreadOut([1, 1.1, 1.2], 0.5, 0, 1.6)
    expect(ys.map((y) => Number(y.toFixed(9)))).toEqual([0.6, 1.1, 1.6])
  })

  it("keeps positions inside the range", () => {
    expect(spreadOut([-50, 2000], 20, 0, 1000)).toEqual([0, 1000])
  })

  it("starts at the top, one spacing apart, when they cannot fit", () => {
    // Three at 20 apart need 40; the range has 30.
    expect(spreadOut([5, 6, 7], 20, 0, 30)).toEqual([0, 20, 40])
  })
})

describe("rectangles", () => {
  it("centres, grows and tests for overlap by edges", () => {
    const box = rectAround({ x: 10, y: 20 }, 4, 2)
    expect(box).toEqual({ left: 8, right: 12, top: 19, bottom: 21 })
    expect(growRect(box, 1)).toEqual({ left: 7, right: 13, top: 18, bottom: 22 })
    // Touching edges is not overlapping; one unit further in is.
    expect(rectsOverlap(box, rectAround({ x: 14, y: 20 }, 4, 2))).toBe(false)
    expect(rectsOverlap(box, rectAround({ x: 13, y: 20 }, 4, 2))).toBe(true)
  })
})

describe("compareCodePoints", () => {
  it("orders by code point, so Å, Ä and Ö come after Z and lower case after upper", () => {
    expect(["Ö", "a", "Z", "Å", "B"].sort(compareCodePoints)).toEqual(["B", "Z", "a", "Å", "Ö"])
  })
})
