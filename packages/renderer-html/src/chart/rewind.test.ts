import { describe, expect, it } from "vitest"
import { planarSignedArea, windForD3 } from "./rewind.js"

// RFC 7946: exterior counter-clockwise (east, then north, then west).
const ccwSquare = [
  [0, 0],
  [1, 0],
  [1, 1],
  [0, 1],
  [0, 0],
]
const cwSquare = [...ccwSquare].reverse()

describe("planarSignedArea", () => {
  it("is +2 (twice the area) for a counter-clockwise unit square and -2 clockwise", () => {
    expect(planarSignedArea(ccwSquare)).toBe(2)
    expect(planarSignedArea(cwSquare)).toBe(-2)
  })
})

describe("windForD3", () => {
  it("turns an RFC 7946 exterior ring clockwise", () => {
    const wound = windForD3({ type: "Polygon", coordinates: [ccwSquare] })
    expect(wound.coordinates).toEqual([cwSquare])
  })

  it("leaves a ring that is already clockwise alone", () => {
    expect(windForD3({ type: "Polygon", coordinates: [cwSquare] }).coordinates).toEqual([cwSquare])
  })

  it("turns holes counter-clockwise, in every polygon of a MultiPolygon", () => {
    const hole = [
      [0.25, 0.25],
      [0.25, 0.75],
      [0.75, 0.75],
      [0.75, 0.25],
      [0.25, 0.25],
    ] // clockwise, as RFC 7946 wants holes
    const wound = windForD3({ type: "MultiPolygon", coordinates: [[ccwSquare, hole], [ccwSquare]] })
    const polygons = wound.coordinates as number[][][][]

    expect(planarSignedArea(polygons[0]![0]!)).toBeLessThan(0)
    expect(planarSignedArea(polygons[0]![1]!)).toBeGreaterThan(0)
    expect(planarSignedArea(polygons[1]![0]!)).toBeLessThan(0)
  })

  it("passes other geometries through", () => {
    const point = { type: "Point", coordinates: [13, 55] }
    expect(windForD3(point)).toBe(point)
  })
})
