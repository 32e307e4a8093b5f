import { execFileSync } from "node:child_process"
import { existsSync, mkdtempSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import type { OutputFile, Report } from "@ambu/core"
import { sampleReport } from "@ambu/core/testing"
import { Effect } from "effect"
import { JSDOM } from "jsdom"
import { beforeAll, describe, expect, it } from "vitest"
import { DEFAULT_CHROMIUM_PATH, withChromium } from "../src/browser/chromium.js"
import { openReportPage } from "../src/browser/report-page.js"
import { renderDocuments } from "../src/renderers.js"
import { defaultTheme } from "../src/theme.js"
import { pngColours } from "./support/png-colours.js"

const chromiumInstalled = existsSync(process.env.AMBU_CHROMIUM ?? DEFAULT_CHROMIUM_PATH)

/** A page of the deck as the HTML lays it out: which model slide, and whether it continues one. */
interface PagePlanned {
  readonly slideId: string
  readonly continued: boolean
}

/** What a page must say in its footer and what its PNG is called, worked out from the model's slide numbers. */
const expected = (report: Report, pages: ReadonlyArray<PagePlanned>) => {
  let pageOfSlide = 0
  return pages.map((page) => {
    const slide = report.slides.find((candidate) => candidate.id === page.slideId)!
    pageOfSlide = page.continued ? pageOfSlide + 1 : 1
    const number = String(slide.number).padStart(2, "0")
    return {
      footer: `Bild ${slide.number}${page.continued ? " (forts.)" : ""}`,
      png: `png/slide-${number}${pageOfSlide > 1 ? `-${pageOfSlide}` : ""}.png`,
    }
  })
}

const writeTemp = (name: string, content: Uint8Array): string => {
  const path = join(mkdtempSync(join(tmpdir(), "ambu-sample-test-")), name)
  writeFileSync(path, content)
  return path
}

/** Each PDF page's text, as poppler's pdftotext reads it (pages end with a form feed). */
const pdfPageTexts = (pdf: Uint8Array): string[] =>
  execFileSync("pdftotext", ["-layout", writeTemp("report.pdf", pdf), "-"], { encoding: "utf8" })
    .split("\f")
    .slice(0, -1)

/** How many distinct colours a PNG has, and what share of its pixels has `colour` (`#rrggbb`). */
describe.skipIf(!chromiumInstalled)("the bundled sample's report, printed and captured by Chromium", () => {
  let report: Report
  let files: ReadonlyArray<OutputFile>
  let pages: ReadonlyArray<PagePlanned>

  beforeAll(async () => {
    report = await sampleReport("sv")
    ;({ files } = await Effect.runPromise(renderDocuments(report, ["html", "pdf", "png"])))
    const html = files.find((file) => file.path === "report.html")!.content as string
    pages = [...new JSDOM(html).window.document.querySelectorAll("section.slide")].map(
      (section, index, all) => ({
        slideId: section.getAttribute("data-slide-id")!,
        continued: all[index - 1]?.getAttribute("data-slide-id") === section.getAttribute("data-slide-id"),
      }),
    )
  }, 180_000)

  it("lays the deck out as every model slide in order, long tables continued on further pages", () => {
    const firstPages = pages.filter((page) => !page.continued).map((page) => page.slideId)
    expect(firstPages).toEqual(report.slides.map((slide) => slide.id))
    // The sample's longest tables (borderless dispatch, 42 rows) need a further page.
    expect(pages.length).toBeGreaterThan(report.slides.length)
  })

  it("prints one PDF page per model slide plus its continuation pages, each footer naming its slide", () => {
    const texts = pdfPageTexts(files.find((file) => file.path === "report.pdf")!.content as Uint8Array)
    expect(texts).toHaveLength(pages.length)
    // The footer is the page's last line: "Region Skåne · 2025-01 – 2025-12      Bild 8 (forts.)".
    const footers = texts.map((text) => {
      const lines = text.split("\n").filter((line) => line.trim().length > 0)
      return (
        /Bild \d+(?: \(forts\.\))?\s*$/.exec(lines.at(-1) ?? "")?.[0].trim() ?? `no footer: ${lines.at(-1)}`
      )
    })
    expect(footers).toEqual(expected(report, pages).map((page) => page.footer))
  })

  it("names one PNG per page by its slide number and page", () => {
    expect(files.filter((file) => file.path.startsWith("png/")).map((file) => file.path)).toEqual(
      expected(report, pages).map((page) => page.png),
    )
  })

  it("captures a chart slide that is not blank: the monthly chart's first series colour fills its bars", async () => {
    const number = String(report.slides.find((slide) => slide.id === "missions-per-month")!.number)
    const png = files.find((file) => file.path === `png/slide-${number.padStart(2, "0")}.png`)!
    const seen = await pngColours(png.content as Uint8Array, defaultTheme.series[0]!)
    expect(seen.width).toBe(1600)
    expect(seen.distinct).toBeGreaterThan(20)
    // Twelve months of priority-1 bars: several percent of the slide, far from a blank page's 0.
    expect(seen.share).toBeGreaterThan(0.02)
  })

  it("shows every municipality's value on the map once, no two labels overlapping, none cut off", async () => {
    const html = files.find((file) => file.path === "report.html")!.content as string
    const seen = await Effect.runPromise(
      withChromium("test", {}, (browser) =>
        Effect.flatMap(openReportPage(browser, html, "test"), ({ page }) =>
          Effect.promise(() =>
            page.$eval(".map-drawing svg", (svg) => {
              const frame = svg.getBoundingClientRect()
              const labels = [
                ...svg.querySelectorAll('[aria-label="text"] text, [aria-label="callout"] text'),
              ].map((text) => {
                const box = text.getBoundingClientRect()
                return { text: text.textContent ?? "", ...box.toJSON() }
              })
              return { frame: frame.toJSON(), labels }
            }),
          ),
        ),
      ),
    )
    const map = report.slides.flatMap((slide) => slide.blocks).find((block) => block.kind === "map")!
    // Inside an area the value alone, beside the map the name and the value.
    const shown = seen.labels.map((label) => label.text)
    for (const area of map.areas) {
      const value = area.overGoal ? `▲ ${area.text}` : area.text
      expect(
        shown.filter((text) => text === value || text === `${area.name} ${value}`).length,
        area.name,
      ).toBeGreaterThanOrEqual(1)
    }
    expect(shown).toHaveLength(map.areas.length)

    const overlapping: string[] = []
    for (const [index, a] of seen.labels.entries()) {
      expect(a.left, a.text).toBeGreaterThanOrEqual(seen.frame.left)
      expect(a.right, a.text).toBeLessThanOrEqual(seen.frame.right)
      for (const b of seen.labels.slice(index + 1)) {
        if (a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom)
          overlapping.push(`${a.text} / ${b.text}`)
      }
    }
    expect(overlapping).toEqual([])
  })
})
