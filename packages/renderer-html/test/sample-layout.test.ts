import { existsSync } from "node:fs"
import type { Report } from "@ambu/core"
import { sampleReport } from "@ambu/core/testing"
import { Effect } from "effect"
import { beforeAll, describe, expect, it } from "vitest"
import { DEFAULT_CHROMIUM_PATH, withChromium } from "../src/browser/chromium.js"
import { openReportPage } from "../src/browser/report-page.js"
import { renderHtml } from "../src/html/render-html.js"

const chromiumInstalled = existsSync(process.env.AMBU_CHROMIUM ?? DEFAULT_CHROMIUM_PATH)

/** What Chromium saw of one section of the real report. */
interface SectionSeen {
  readonly id: string
  readonly slideId: string
  readonly title: string
  readonly width: number
  readonly height: number
  /** Tables, drawings, legends and rows reaching past the slide body or the slide's side margins. */
  readonly outside: ReadonlyArray<string>
  /** Cells whose text is wider than the cell. */
  readonly spilling: ReadonlyArray<string>
  readonly tableFonts: ReadonlyArray<number>
  readonly lastRowKinds: ReadonlyArray<string>
  readonly tablesWithoutHeader: number
}

const seeSections = (report: Report): Promise<ReadonlyArray<SectionSeen>> =>
  Effect.runPromise(
    withChromium("test", {}, (browser) =>
      Effect.flatMap(openReportPage(browser, renderHtml(report), "test"), ({ page }) =>
        Effect.promise(() =>
          page.$$eval("section.slide", (sections) =>
            sections.map((section) => {
              const slide = section.getBoundingClientRect()
              const body = section.querySelector(".slide-body")?.getBoundingClientRect()
              // The slide's side padding is 48 of 1600 reference pixels.
              const margin = (48 / 1600) * slide.width
              const bottom = body?.bottom ?? slide.bottom
              const outside = [
                ...section.querySelectorAll(
                  ".block, table, tr, svg[role=img], .legend, .map-key, .table-notes, .slide-title",
                ),
              ].flatMap((element) => {
                const box = element.getBoundingClientRect()
                const out =
                  box.bottom > bottom + 0.5 ||
                  box.left < slide.left + margin - 0.5 ||
                  box.right > slide.right - margin + 0.5
                return out
                  ? [`${element.tagName} ${element.className} ${element.textContent?.slice(0, 40)}`]
                  : []
              })
              const spilling = [...section.querySelectorAll("td, th")]
                .filter((cell) => cell.scrollWidth > cell.clientWidth + 1)
                .map((cell) => cell.textContent ?? "")
              return {
                id: section.id,
                slideId: section.getAttribute("data-slide-id") ?? "",
                title: section.querySelector("h1, h2")?.textContent ?? "",
                width: section.clientWidth,
                height: section.clientHeight,
                outside,
                spilling,
                tableFonts: [...section.querySelectorAll(".table-block")].map((table) =>
                  Number.parseFloat(getComputedStyle(table).fontSize),
                ),
                lastRowKinds: [...section.querySelectorAll(".table-block tbody tr:last-child")].map(
                  (row) => row.className,
                ),
                tablesWithoutHeader: [...section.querySelectorAll(".table-block table")].filter(
                  (table) => table.querySelector("thead th") === null,
                ).length,
              }
            }),
          ),
        ),
      ),
    ),
  )

describe.skipIf(!chromiumInstalled).each([
  { language: "sv" as const, continued: "(forts.)" },
  { language: "en" as const, continued: "(cont.)" },
])("the bundled sample's real report in Chromium ($language)", ({ language, continued }) => {
  let report: Report
  let sections: ReadonlyArray<SectionSeen>

  beforeAll(async () => {
    report = await sampleReport(language)
    sections = await seeSections(report)
  }, 120_000)

  it("lays every section out at 1600×900", () => {
    for (const section of sections)
      expect([section.id, section.width, section.height]).toEqual([section.id, 1600, 900])
  })

  it("cuts nothing off: no table, row, chart, map or legend reaches past the slide body or its margins", () => {
    expect(sections.flatMap((section) => section.outside.map((what) => `${section.id}: ${what}`))).toEqual([])
  })

  it("wraps no value out of its cell", () => {
    expect(sections.flatMap((section) => section.spilling.map((text) => `${section.id}: ${text}`))).toEqual(
      [],
    )
  })

  it("sets every table at 11 px or more", () => {
    const fonts = sections.flatMap((section) => section.tableFonts)
    expect(fonts.length).toBeGreaterThan(10)
    expect(Math.min(...fonts)).toBeGreaterThanOrEqual(11)
  })

  it("keeps the deck's slides in order; further pages of a slide follow it with the title marked as continued", () => {
    const firstPages = sections.filter((section, index) => sections[index - 1]?.slideId !== section.slideId)
    expect(firstPages.map((section) => section.slideId)).toEqual(report.slides.map((slide) => slide.id))

    const further = sections.filter((section, index) => sections[index - 1]?.slideId === section.slideId)
    // The sample's long tables (borderless dispatch, 42 rows) cannot fit one page at 11 px.
    expect(further.length).toBeGreaterThan(0)
    for (const section of further) {
      const slide = report.slides.find((candidate) => candidate.id === section.slideId)!
      expect(section.title).toBe(`${slide.title} ${continued}`)
    }
  })

  it("repeats the header row on every page of a table and never ends a page on a group heading", () => {
    expect(sections.reduce((sum, section) => sum + section.tablesWithoutHeader, 0)).toBe(0)
    expect(sections.flatMap((section) => section.lastRowKinds)).not.toContain("row-group-heading")
  })
})
