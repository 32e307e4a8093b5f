import type { Block, Report } from "@ambu/core"
import { sampleReport } from "@ambu/core/testing"
import { JSDOM } from "jsdom"
import { describe, expect, it } from "vitest"
import { renderHtml } from "../src/html/render-html.js"

/**
 * The bundled sample's report as the HTML renderer draws it, kept as files:
 * the page and each chart and map. They rest on core's numbers for the
 * sample, so a change there changes them too; `vitest -u` writes them anew,
 * and the diff shows what a reader of the report would see change.
 */
const report: Report = await sampleReport("sv")
const html = renderHtml(report)
const page = new JSDOM(html).window.document

type Drawing = Extract<Block, { kind: "chart" | "map" }>

const drawings: Drawing[] = report.slides.flatMap((slide) =>
  slide.blocks.filter((block): block is Drawing => block.kind === "chart" || block.kind === "map"),
)

// The SVGs as the renderer wrote them into the page (re-serialising through a DOM would change their bytes).
const drawnSvgs = [...html.matchAll(/<div class="(?:chart|map)-drawing">(<svg[\s\S]*?<\/svg>)<\/div>/g)].map(
  (match) => match[1]!,
)

describe("the bundled sample's report page", () => {
  it("matches its snapshot file", async () => {
    await expect(html).toMatchFileSnapshot("__snapshots__/sample/page.html")
  })

  it("is byte-identical when drawn again", () => {
    expect(renderHtml(report)).toBe(html)
  })

  it("has every chart and the map, each drawn once", () => {
    // The sample's deck: slide 2's months, slides 3 and 4's stations, slide 6's goal lines, slide 15's map.
    expect(drawings.map((block) => block.kind)).toEqual(["chart", "chart", "chart", "chart", "map"])
    expect(page.querySelectorAll("figure.chart-block, figure.map-block")).toHaveLength(drawings.length)
    expect(drawnSvgs).toHaveLength(drawings.length)
  })

  // Figures keep the model's order (a chart or map is never split), so the n-th figure is the n-th drawing.
  it.each(drawings.map((block, index) => ({ id: block.id, index, block })))(
    "draws $id as its snapshot file shows",
    async ({ id, index, block }) => {
      const figure = page.querySelectorAll("figure.chart-block, figure.map-block")[index]!
      expect(figure.querySelector("figcaption")?.textContent).toBe(block.title)
      expect(figure.querySelector("svg[role=img]")?.getAttribute("aria-label")).toBe(block.title)
      const svg = drawnSvgs[index]!
      // It stands alone as a file: an SVG root with its namespace, and XML's entities only.
      expect(svg).toMatch(/^<svg [^>]*xmlns="http:\/\/www\.w3\.org\/2000\/svg"/)
      expect(svg).not.toContain("&nbsp;")
      await expect(svg).toMatchFileSnapshot(`__snapshots__/sample/${id}.svg`)
    },
  )
})
