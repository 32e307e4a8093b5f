import type { MapBlock } from "@ambu/core"
import { HOSTILE_NAME, reportFixture } from "@ambu/core/testing"
import { JSDOM } from "jsdom"
import { describe, expect, it } from "vitest"
import { labelsFor } from "../labels.js"
import { defaultTheme } from "../theme.js"
import { renderMap } from "./map-svg.js"
import { createPlotDocument } from "./plot-document.js"

const fixtureMap = reportFixture.slides
  .flatMap((slide) => slide.blocks)
  .find((block) => block.kind === "map")!

const draw = (block: MapBlock, size?: { width: number; height: number }) =>
  renderMap(block, {
    ...(size === undefined ? {} : { size }),
    document: createPlotDocument(),
    language: "sv",
    theme: defaultTheme,
    labels: labelsFor("sv"),
    idPrefix: "map-a",
  })

const parse = (svg: string) => new JSDOM(`<!DOCTYPE html><body>${svg}</body>`).window.document

describe("renderMap", () => {
  it("draws the fixture's map as the snapshot files show", async () => {
    const view = draw(fixtureMap)
    await expect(view.svg).toMatchFileSnapshot("__snapshots__/map.svg")
    await expect(view.scaleSvg).toMatchFileSnapshot("__snapshots__/map-scale.svg")
  })

  it("is named, described and deterministic", () => {
    const svg = parse(draw(fixtureMap).svg).querySelector("svg")!
    expect(svg.getAttribute("role")).toBe("img")
    expect(svg.getAttribute("aria-label")).toBe("Mediantid per kommun")
    expect(svg.querySelector("desc")?.textContent).toBe(fixtureMap.description)
    expect(draw(fixtureMap).svg).toBe(draw(fixtureMap).svg)
  })

  it("draws each area inside the frame, not as the rest of the globe", () => {
    // The fixture's squares are RFC 7946 (counter-clockwise); unwound, d3 would fill the whole frame.
    const document = parse(draw(fixtureMap).svg)
    const width = Number(document.querySelector("svg")!.getAttribute("width"))
    const valued = document.querySelectorAll('[aria-label="geo"]')[1]!.querySelectorAll("path")

    expect(valued).toHaveLength(2)
    for (const path of valued) {
      const xs = [...path.getAttribute("d")!.matchAll(/[ML](-?[\d.]+),/g)].map((match) => Number(match[1]))
      // Two equal squares side by side: each spans about half the width, never all of it.
      expect(Math.max(...xs) - Math.min(...xs)).toBeLessThan(width * 0.6)
    }
  })

  it("marks the over-goal area by hatch, outline and a ▲ label, and titles every area", () => {
    const document = parse(draw(fixtureMap).svg)
    const overGoal = document.querySelectorAll('[aria-label="geo"]')[2]!

    expect(overGoal.querySelectorAll("path")).toHaveLength(1)
    expect(overGoal.getAttribute("fill")).toBe("url(#map-a-hatch)")
    expect(document.querySelector("pattern#map-a-hatch")).not.toBeNull()
    expect(overGoal.getAttribute("stroke-width")).toBe("2.5")

    const labels = [...document.querySelectorAll('[aria-label="text"] text')].map((text) => text.textContent)
    expect(labels).toEqual(["10:00", "▲ 20:00"])

    const titles = [...document.querySelectorAll("title")].map((title) => title.textContent)
    expect(titles).toEqual(["Norrby: 10:00", `${HOSTILE_NAME}: 20:00 (över målet)`])
  })

  it("captions the colour scale with what the colour is and the goal, not the map's title again", () => {
    const scale = parse(draw(fixtureMap).scaleSvg)
    const caption = [...scale.querySelectorAll("text")].map((text) => text.textContent).join(" | ")
    expect(caption).toContain("Tid, min:s · Mål 18 min")
    expect(caption).not.toContain(fixtureMap.title)
    // The hatched areas' legend entry says what the hatch means.
    expect(draw(fixtureMap).legend.map((item) => item.name)).toEqual(["▲ Över målet"])
  })

  it("draws the map for the box it is given, its text at the page's size", () => {
    const svg = parse(draw(fixtureMap, { width: 1504, height: 620 }).svg).querySelector("svg")!
    expect([svg.getAttribute("width"), svg.getAttribute("height")]).toEqual(["1504", "620"])
    expect(svg.getAttribute("viewBox")).toBe("0 0 1504 620")
  })

  describe("a crowded corner", () => {
    // A 1° square with three tiny ones (0.02°, about 1.3 km) stacked along its west side.
    const tiny = (code: string, name: string, y: number) => ({
      area: { code, name, value: 60, text: "1:00", overGoal: false },
      feature: {
        type: "Feature" as const,
        properties: { code },
        geometry: {
          type: "Polygon",
          coordinates: [
            [
              [12.98, y],
              [12.98, y + 0.02],
              [13, y + 0.02],
              [13, y],
              [12.98, y],
            ],
          ],
        },
      },
    })
    const small = [
      tiny("0011", "Lillby", 55.5),
      tiny("0012", "Mellanby", 55.52),
      tiny("0013", "Toppby", 55.54),
    ]
    const block: MapBlock = {
      ...fixtureMap,
      areas: [
        { code: "0010", name: "Storby", value: 300, text: "5:00", overGoal: false },
        ...small.map((s) => s.area),
      ],
      boundaries: {
        type: "FeatureCollection",
        features: [
          {
            type: "Feature",
            properties: { code: "0010" },
            geometry: {
              type: "Polygon",
              coordinates: [
                [
                  [13, 55],
                  [13, 56],
                  [14, 56],
                  [14, 55],
                  [13, 55],
                ],
              ],
            },
          },
          ...small.map((s) => s.feature),
        ],
      },
    }
    const document = parse(draw(block, { width: 1200, height: 600 }).svg)
    const texts = (label: string) =>
      [...document.querySelectorAll(`[aria-label="${label}"] text`)].map((text) => text.textContent)

    it("labels the large area inside it and each tiny one once, beside the map, by name, north first", () => {
      expect(texts("text")).toEqual(["5:00"])
      expect(texts("callout")).toEqual(["Toppby 1:00", "Mellanby 1:00", "Lillby 1:00"])
      // The value stands out from the name.
      expect(document.querySelector('[aria-label="callout"] tspan[font-weight="bold"]')?.textContent).toBe(
        "1:00",
      )
    })

    it("joins each callout to its area by a leader line, the callouts a line apart, left of the map", () => {
      const lines = document.querySelectorAll('[aria-label="leader line"] path')
      expect(lines).toHaveLength(3)
      const callouts = [...document.querySelectorAll('[aria-label="callout"] text')]
      const ys = callouts.map((text) => Number(text.getAttribute("y")))
      for (let index = 1; index < ys.length; index++)
        expect(ys[index]! - ys[index - 1]!).toBeGreaterThanOrEqual(18)
      for (const [index, text] of callouts.entries()) {
        expect(text.getAttribute("text-anchor")).toBe("end")
        // The line starts at the area and ends just right of its callout's text, at the callout's height.
        const [, , endX, endY] = lines[index]!.getAttribute("d")!
          .match(/M([\d.]+),([\d.]+)L([\d.]+),([\d.]+)/)!
          .slice(1)
          .map(Number)
        expect(endY).toBe(ys[index])
        expect(endX).toBeGreaterThan(Number(text.getAttribute("x")))
      }
    })
  })

  it("leaves an area without a value grey and says so in the legend", () => {
    const block: MapBlock = {
      ...fixtureMap,
      areas: fixtureMap.areas.map((area) =>
        area.code === "0001" ? { ...area, value: null, text: "–" } : area,
      ),
    }
    const view = draw(block)
    const document = parse(view.svg)

    // Only the base layer (grey) has Norrby; the value layer has just the other area.
    expect(document.querySelectorAll('[aria-label="geo"]')[0]!.getAttribute("fill")).toBe(
      defaultTheme.noValue,
    )
    expect(document.querySelectorAll('[aria-label="geo"]')[1]!.querySelectorAll("path")).toHaveLength(1)
    expect(view.legend.map((item) => item.name)).toContain("Värde saknas")
  })

  it("escapes a hostile area name: it stays text inside <title>", () => {
    const svg = draw(fixtureMap).svg
    expect(svg).not.toContain("<script>")
    expect(svg).toContain("&lt;script&gt;alert")
  })
})
