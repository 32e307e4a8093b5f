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

const draw = (block: MapBlock) =>
  renderMap(block, {
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
