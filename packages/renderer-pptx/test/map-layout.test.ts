import { describe, expect, it } from "vitest"
import { labelColour } from "../src/blocks/map.js"
import type { Box } from "../src/layout/geometry.js"
import {
  centroid,
  fitProjection,
  geoPolygons,
  insidePolygons,
  labelSpots,
  type Polygon,
  rectInside,
  signedArea2,
  simplifyRing,
  windPolygon,
} from "../src/layout/map-geometry.js"
import { isDrawableMap, layoutMap } from "../src/layout/map-layout.js"
import { colourScale, stepOf, stepSpans } from "../src/layout/map-scale.js"
import { defaultPptxTheme, labelsFor } from "../src/theme.js"
import {
  durationArea,
  mapBlock,
  overlapping,
  polygonFeature,
  squareFeature,
  squareRing,
  textBoxes,
} from "./support/maps.js"

const sv = labelsFor("sv")
const BOX: Box = { x: 0.5, y: 1.5, w: 12, h: 4 }

describe("the colour scale (as the HTML map's quantize scale)", () => {
  it("cuts 300–1200 s into five equal steps, a value on a break taking the step above", () => {
    const scale = colourScale([690, 300, 1200], 5)
    // 300 + 900 × i / 5 for i = 1…4.
    expect(scale.domain).toEqual([300, 1200])
    expect(scale.breaks).toEqual([480, 660, 840, 1020])
    expect([300, 479, 480, 690, 1019, 1020, 1200].map((value) => stepOf(scale, value))).toEqual([
      0, 0, 1, 2, 3, 4, 4,
    ])
    expect(stepSpans(scale)).toEqual([
      [300, 480],
      [480, 660],
      [660, 840],
      [840, 1020],
      [1020, 1200],
    ])
  })

  it("gives one value the middle step (span ±1) and no values the span 0–1, as the HTML does", () => {
    const one = colourScale([600], 5)
    expect(one.domain).toEqual([599, 601])
    expect(stepOf(one, 600)).toBe(2)
    expect(colourScale([], 5).domain).toEqual([0, 1])
  })
})

describe("map geometry", () => {
  it("reads Polygon and MultiPolygon coordinates, and nothing from other or broken geometries", () => {
    const square = [squareRing(13, 55, 1)]
    expect(geoPolygons({ type: "Polygon", coordinates: square })).toHaveLength(1)
    // The closing repeat of the first position is dropped: four corners remain.
    expect(geoPolygons({ type: "Polygon", coordinates: square })[0]![0]).toHaveLength(4)
    expect(
      geoPolygons({ type: "MultiPolygon", coordinates: [square, [squareRing(15, 55, 1)]] }),
    ).toHaveLength(2)
    expect(geoPolygons({ type: "Point", coordinates: [13, 55] })).toEqual([])
    expect(
      geoPolygons({
        type: "Polygon",
        coordinates: [
          [
            [13, 55],
            [14, "x"],
          ],
        ],
      }),
    ).toEqual([])
    expect(
      geoPolygons({
        type: "Polygon",
        coordinates: [
          [
            [13, 55],
            [14, 55],
            [13, 55],
          ],
        ],
      }),
    ).toEqual([])
  })

  it("projects equirectangularly, a degree of longitude cos(mid latitude) wide, fitted and centred", () => {
    // 10–11° E, 60–61° N: cos 60.5° = 0.492424 wide, 1 tall; into a 2 × 2 frame at scale 2,
    // 0.984848 wide and centred: left 0.507576.
    const [polygon] = geoPolygons({ type: "Polygon", coordinates: [squareRing(10, 60, 1)] })
    const fitted = fitProjection([polygon!], { left: 0, top: 0, right: 2, bottom: 2 })!
    const northWest = fitted.project([10, 61])
    const southEast = fitted.project([11, 60])
    expect(northWest.x).toBeCloseTo(0.507576, 5)
    expect(northWest.y).toBeCloseTo(0, 9)
    expect(southEast.x).toBeCloseTo(1.492424, 5)
    expect(southEast.y).toBeCloseTo(2, 9)
    expect(fitProjection([], { left: 0, top: 0, right: 1, bottom: 1 })).toBeUndefined()
  })

  it("winds exteriors clockwise on the slide and holes anticlockwise", () => {
    // (0,0) → (0,1) → (1,1) → (1,0) runs down, right, up: anticlockwise with y downwards (area −2).
    const anticlockwise = [
      { x: 0, y: 0 },
      { x: 0, y: 1 },
      { x: 1, y: 1 },
      { x: 1, y: 0 },
    ]
    expect(signedArea2(anticlockwise)).toBe(-2)
    const [exterior, hole] = windPolygon([anticlockwise, [...anticlockwise].reverse()])
    expect(signedArea2(exterior!)).toBe(2)
    expect(signedArea2(hole!)).toBe(-2)
  })

  it("drops points within the tolerance and keeps a bump beyond it", () => {
    const square = [
      { x: 0, y: 0 },
      { x: 1, y: 0 },
      { x: 2, y: 0 },
      { x: 2, y: 1 },
      { x: 2, y: 2 },
      { x: 1, y: 2 },
      { x: 0, y: 2 },
      { x: 0, y: 1 },
    ]
    expect(simplifyRing(square, 0.01)).toEqual([
      { x: 0, y: 0 },
      { x: 2, y: 0 },
      { x: 2, y: 2 },
      { x: 0, y: 2 },
    ])
    const bumped = square.map((point, index) => (index === 1 ? { x: 1, y: 0.05 } : point))
    expect(simplifyRing(bumped, 0.01)).toContainEqual({ x: 1, y: 0.05 })
    expect(simplifyRing(bumped, 0.1)).not.toContainEqual({ x: 1, y: 0.05 })
  })

  it("simplifies a ring of 20 000 points on a circle to a few dozen, the same every time", () => {
    const circle = Array.from({ length: 20_000 }, (_, index) => ({
      x: Math.cos((2 * Math.PI * index) / 20_000),
      y: Math.sin((2 * Math.PI * index) / 20_000),
    }))
    // A chord of angle θ departs 1 − cos(θ/2) from the arc: ≤ 0.003 for θ ≤ 0.155, so at least 41 chords.
    const simplified = simplifyRing(circle, 0.003)
    expect(simplified.length).toBeGreaterThanOrEqual(41)
    expect(simplified.length).toBeLessThanOrEqual(100)
    for (const point of simplified) expect(circle).toContain(point)
    expect(simplifyRing(circle, 0.003)).toEqual(simplified)
  })

  it("keeps a label out of a hole: corners in the area and no outline inside the label", () => {
    const outer = [
      { x: 0, y: 0 },
      { x: 4, y: 0 },
      { x: 4, y: 4 },
      { x: 0, y: 4 },
    ]
    const hole = [
      { x: 1, y: 1 },
      { x: 3, y: 1 },
      { x: 3, y: 3 },
      { x: 1, y: 3 },
    ]
    const donut: Polygon[] = [[outer, hole]]
    expect(rectInside({ left: 0.2, top: 0.2, right: 0.8, bottom: 0.8 }, donut)).toBe(true)
    expect(rectInside({ left: 1.5, top: 1.5, right: 2.5, bottom: 2.5 }, donut)).toBe(false)
    expect(rectInside({ left: 0.5, top: 0.5, right: 1.5, bottom: 1.5 }, donut)).toBe(false)
    // All four corners lie in the ring, but the hole lies inside the label.
    expect(rectInside({ left: 0.5, top: 0.5, right: 3.5, bottom: 3.5 }, donut)).toBe(false)
  })

  it("finds a spot inside a concave area whose centroid lies outside it", () => {
    // An L of a 4 × 1 and a 1 × 3 bar: centroid ((4·2 + 3·0.5)/7, (4·0.5 + 3·2.5)/7) = (1.357, 1.357), in the notch.
    const l: Polygon[] = [
      [
        [
          { x: 0, y: 0 },
          { x: 4, y: 0 },
          { x: 4, y: 1 },
          { x: 1, y: 1 },
          { x: 1, y: 4 },
          { x: 0, y: 4 },
        ],
      ],
    ]
    const centre = centroid(l)!
    expect(centre.x).toBeCloseTo(9.5 / 7, 9)
    expect(centre.y).toBeCloseTo(9.5 / 7, 9)
    expect(insidePolygons(centre, l)).toBe(false)
    const [first] = labelSpots(l)
    expect(insidePolygons(first!, l)).toBe(true)
  })
})

describe("layoutMap", () => {
  // Three 0.2° squares in a row at 55.5° N: 5:00, 11:30 and 20:00 (over the goal of 18:00).
  const row = mapBlock(
    [durationArea("A", "Aby", 300), durationArea("B", "Bby", 690), durationArea("C", "Cby", 1200)],
    [
      squareFeature("A", 13, 55.5, 0.2),
      squareFeature("B", 13.2, 55.5, 0.2),
      squareFeature("C", 13.4, 55.5, 0.2),
    ],
  )

  it("gives one shape per area, filled by its step, over-goal areas drawn last", () => {
    const layout = layoutMap(row, BOX, sv)!
    // Breaks 480, 660, 840, 1020: 300 is step 0, 690 step 2, 1200 step 4.
    expect(layout.shapes.map((shape) => [shape.code, shape.fill, shape.overGoal])).toEqual([
      ["A", { kind: "step", step: 0 }, false],
      ["B", { kind: "step", step: 2 }, false],
      ["C", { kind: "step", step: 4 }, true],
    ])
    expect(layout.shapes.map((shape) => shape.title)).toEqual(["Aby: 5:00", "Bby: 11:30", "Cby: ▲ 20:00"])
    // Each square is one ring of four corners, in inches from its own box.
    for (const shape of layout.shapes) {
      expect(shape.rings).toHaveLength(1)
      expect(shape.rings[0]).toHaveLength(4)
      for (const point of shape.rings[0]!) {
        expect(point.x).toBeGreaterThanOrEqual(0)
        expect(point.x).toBeLessThanOrEqual(shape.box.w + 1e-9)
      }
    }
    expect(layout.unplaced).toEqual([])
  })

  it("sets every value inside its roomy square, the over-goal one with ▲", () => {
    const layout = layoutMap(row, BOX, sv)!
    expect(layout.labels.map((label) => label.text)).toEqual(["5:00", "11:30", "▲ 20:00"])
    expect(layout.callouts).toEqual([])
    for (const label of layout.labels) {
      const shape = layout.shapes.find((candidate) => candidate.code === label.code)!
      expect(label.box.x).toBeGreaterThan(shape.box.x)
      expect(label.box.x + label.box.w).toBeLessThan(shape.box.x + shape.box.w)
    }
  })

  it("has a legend of the steps with their m:ss spans, darkest first, then the goal and its mark", () => {
    const { legend } = layoutMap(row, BOX, sv)!
    expect(legend.heading.text).toBe("Tid, min:s")
    expect(legend.entries.map((entry) => entry.text)).toEqual([
      "17:00 – 20:00",
      "14:00 – 17:00",
      "11:00 – 14:00",
      "8:00 – 11:00",
      "5:00 – 8:00",
      "▲ = målet nås inte",
    ])
    expect(legend.entries.map((entry) => entry.swatch.kind)).toEqual([
      "step",
      "step",
      "step",
      "step",
      "step",
      "over-goal",
    ])
    expect(legend.goal?.text).toBe("Mål per kommun: < 18:00")
  })

  it("labels a tiny area beside the map, greys an area without value, and lists an area without boundary", () => {
    const map = mapBlock(
      [...row.areas, durationArea("D", "Dby", null), durationArea("E", "Eby", 400)],
      [...row.boundaries.features, squareFeature("D", 13.6, 55.5, 0.004)],
    )
    const layout = layoutMap(map, BOX, sv)!
    expect(layout.shapes.find((shape) => shape.code === "D")?.fill).toEqual({ kind: "no-value" })
    expect(layout.callouts.map((callout) => [callout.code, callout.name, callout.value])).toEqual([
      ["D", "Dby", "–"],
    ])
    expect(layout.legend.entries.at(-1)?.text).toBe("Värde saknas")
    expect(layout.unplaced.map((area) => area.code)).toEqual(["E"])
  })

  it("draws holes and the parts of a MultiPolygon as contours of one shape", () => {
    const donut = polygonFeature("A", [squareRing(13, 55.5, 0.4), squareRing(13.1, 55.6, 0.2).reverse()])
    const islands: typeof donut = {
      type: "Feature",
      properties: { code: "B" },
      geometry: {
        type: "MultiPolygon",
        coordinates: [[squareRing(13.5, 55.5, 0.1)], [squareRing(13.7, 55.5, 0.1)]],
      },
    }
    const layout = layoutMap(
      mapBlock([durationArea("A", "Aby", 300), durationArea("B", "Bby", 400)], [donut, islands]),
      BOX,
      sv,
    )!
    const [a, b] = layout.shapes
    expect(a!.rings).toHaveLength(2)
    expect(signedArea2(a!.rings[0]!)).toBeGreaterThan(0)
    expect(signedArea2(a!.rings[1]!)).toBeLessThan(0)
    expect(b!.rings).toHaveLength(2)
  })

  it("never overlaps two texts, and leaves to the table what a crowded map has no room for", () => {
    // 100 squares of 0.02° in a 10 × 10 grid, 0.2° tall in a 4 in box: each 0.4 in tall and
    // 0.02 × cos 55.6° × 20 = 0.23 in wide, too narrow for a label (0.39 in). Two columns of callouts
    // hold (4 − 0.167) / 0.197 + 1 = 20 each.
    const areas = Array.from({ length: 100 }, (_, index) =>
      durationArea(`K${String(index).padStart(3, "0")}`, `Kommun ${index}`, 300 + index * 9),
    )
    const features = areas.map((area, index) =>
      squareFeature(area.code, 13 + (index % 10) * 0.02, 55.5 + Math.floor(index / 10) * 0.02, 0.02),
    )
    const layout = layoutMap(mapBlock(areas, features), BOX, sv)!
    expect(layout.shapes).toHaveLength(100)
    expect(layout.labels).toHaveLength(0)
    expect(layout.callouts).toHaveLength(40)
    expect(layout.unplaced).toHaveLength(60)
    expect(overlapping(layout)).toEqual([])
    for (const { box } of textBoxes(layout)) {
      expect(box.x).toBeGreaterThanOrEqual(BOX.x - 1e-9)
      expect(box.x + box.w).toBeLessThanOrEqual(BOX.x + BOX.w + 1e-9)
      expect(box.y).toBeGreaterThanOrEqual(BOX.y - 1e-9)
      expect(box.y + box.h).toBeLessThanOrEqual(BOX.y + BOX.h + 1e-9)
    }
  })

  it("simplifies a boundary of 20 000 points to at most 6 000", () => {
    const ring = Array.from({ length: 20_000 }, (_, index) => {
      const angle = (2 * Math.PI * index) / 20_000
      // A wobbly circle, so that simplification has to choose.
      const radius = 0.2 + 0.01 * Math.sin(angle * 400)
      return [13 + radius * Math.cos(angle), 55.5 + radius * Math.sin(angle)]
    })
    const layout = layoutMap(
      mapBlock([durationArea("A", "Aby", 300)], [polygonFeature("A", [ring])]),
      BOX,
      sv,
    )!
    const points = layout.shapes[0]!.rings[0]!.length
    expect(points).toBeLessThanOrEqual(6000)
    expect(points).toBeGreaterThan(100)
  })

  it("is not drawable without a boundary that spans an area", () => {
    expect(isDrawableMap(mapBlock([durationArea("A", "Aby", 300)], []))).toBe(false)
    expect(
      isDrawableMap(
        mapBlock(
          [durationArea("A", "Aby", 300)],
          [
            {
              type: "Feature",
              properties: { code: "A" },
              geometry: { type: "Point", coordinates: [13, 55] },
            },
          ],
        ),
      ),
    ).toBe(false)
    expect(layoutMap(mapBlock([durationArea("A", "Aby", 300)], []), BOX, sv)).toBeUndefined()
    expect(isDrawableMap(row)).toBe(true)
  })
})

describe("label colours on the map's fills", () => {
  it("takes the body text, else white, else black: whichever first reads at 4.5:1", () => {
    // 4A86BD (L 0.222): 1F1F1F gives 4.27, white 3.86, black 5.44. 1F5F99 (L 0.108): white 6.66.
    const colours = [...defaultPptxTheme.mapRamp, defaultPptxTheme.colors.noValue].map((fill) =>
      labelColour(fill, defaultPptxTheme),
    )
    expect(colours).toEqual(["1F1F1F", "1F1F1F", "1F1F1F", "000000", "FFFFFF", "1F1F1F"])
  })
})
