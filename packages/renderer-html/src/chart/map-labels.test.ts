import { describe, expect, it } from "vitest"
import { type LabelCandidate, type LabelSpace, placeLabels } from "./map-labels.js"

// A map from x 50 to 250 (middle 150) in a 300 × 300 drawing; labels one 18 px line high.
const space: LabelSpace = {
  map: { left: 50, top: 50, right: 250, bottom: 250 },
  frame: { left: 0, top: 0, right: 300, bottom: 300 },
  lineHeight: 18,
}

const candidate = (key: string, x: number, y: number, size: number, first = false): LabelCandidate => ({
  key,
  anchor: { x, y },
  size,
  first,
  width: 40,
  calloutWidth: 120,
})

describe("placeLabels", () => {
  it("keeps a label in its area when the area holds it and the spot is free", () => {
    const layout = placeLabels([candidate("a", 100, 100, 5000), candidate("b", 200, 200, 5000)], space)
    expect(layout.inside).toEqual([
      { key: "a", at: { x: 100, y: 100 } },
      { key: "b", at: { x: 200, y: 200 } },
    ])
    expect(layout.callouts).toEqual([])
  })

  it("moves the smaller of two clashing labels beside the map, on its side, with a leader line", () => {
    // a's box spans x 80–120; b's 90–130 at the same height: they clash, and a is larger.
    const layout = placeLabels([candidate("b", 110, 100, 1000), candidate("a", 100, 100, 5000)], space)
    expect(layout.inside).toEqual([{ key: "a", at: { x: 100, y: 100 } }])
    // Left of the map (x 110 < 150): 14 px clear of the map's edge at 50, the line ending 4 px short of the text.
    expect(layout.callouts).toEqual([
      {
        key: "b",
        side: "left",
        at: { x: 36, y: 100 },
        anchor: { x: 110, y: 100 },
        lineEnd: { x: 40, y: 100 },
      },
    ])
  })

  it("moves a label whose area is smaller than the label, even with nobody near", () => {
    // 40 × 18 = 720 px² of label in a 500 px² area.
    const layout = placeLabels([candidate("c", 200, 120, 500)], space)
    expect(layout.inside).toEqual([])
    expect(layout.callouts).toEqual([
      {
        key: "c",
        side: "right",
        at: { x: 264, y: 120 },
        anchor: { x: 200, y: 120 },
        lineEnd: { x: 260, y: 120 },
      },
    ])
  })

  it("places the `first` (over-goal) labels before larger areas", () => {
    const layout = placeLabels(
      [candidate("big", 100, 100, 9000), candidate("goal", 105, 100, 1000, true)],
      space,
    )
    expect(layout.inside.map((label) => label.key)).toEqual(["goal"])
    expect(layout.callouts.map((callout) => callout.key)).toEqual(["big"])
  })

  it("keeps callouts in their areas' top-to-bottom order, a line and 3 px apart", () => {
    // Four tiny areas on top of each other: none fits, all go left, spread from y 100 downwards.
    const layout = placeLabels(
      [
        candidate("d", 100, 104, 10),
        candidate("a", 100, 100, 10),
        candidate("c", 100, 103, 10),
        candidate("b", 100, 101, 10),
      ],
      space,
    )
    expect(layout.callouts.map((callout) => [callout.key, callout.at.y])).toEqual([
      ["a", 100],
      ["b", 121],
      ["c", 142],
      ["d", 163],
    ])
  })

  it("gives the same layout whatever the order of the candidates", () => {
    const candidates = [
      candidate("a", 100, 100, 1000),
      candidate("b", 100, 100, 1000),
      candidate("c", 200, 100, 1000),
    ]
    const sorted = (layout: ReturnType<typeof placeLabels>) => ({
      inside: [...layout.inside].sort((x, y) => (x.key < y.key ? -1 : 1)),
      callouts: layout.callouts,
    })
    expect(sorted(placeLabels([...candidates].reverse(), space))).toEqual(
      sorted(placeLabels(candidates, space)),
    )
    // Equal sizes: the key decides, so "a" keeps the spot.
    expect(placeLabels(candidates, space).callouts.map((callout) => callout.key)).toEqual(["b"])
  })
})
