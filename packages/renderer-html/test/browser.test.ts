import { execFileSync } from "node:child_process"
import { existsSync, mkdtempSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { numberCell, type Report, silentProgress, textCell } from "@ambu/core"
import { reportFixture } from "@ambu/core/testing"
import { Effect, Exit } from "effect"
import { JSDOM } from "jsdom"
import { beforeAll, describe, expect, it } from "vitest"
import { DEFAULT_CHROMIUM_PATH, resolveChromiumPath, withChromium } from "../src/browser/chromium.js"
import { openReportPage, type PageStats } from "../src/browser/report-page.js"
import { renderHtml } from "../src/html/render-html.js"
import { htmlRenderer, pngRenderer, renderDocuments } from "../src/renderers.js"
import { pngColours } from "./support/png-colours.js"

const chromiumInstalled = existsSync(process.env.AMBU_CHROMIUM ?? DEFAULT_CHROMIUM_PATH)
if (!chromiumInstalled) {
  // Skipped only where no browser exists; CI installs Debian's chromium.
  process.stderr.write("renderer-html browser tests skipped: no Chromium (apt-get install chromium)\n")
}

const slideCount = reportFixture.slides.length

/** What pdfinfo reads from the PDF, dates in ISO 8601. */
const pdfInfo = (pdf: Uint8Array): string => {
  const pdfPath = join(mkdtempSync(join(tmpdir(), "ambu-pdf-test-")), "report.pdf")
  writeFileSync(pdfPath, pdf)
  return execFileSync("pdfinfo", ["-isodates", pdfPath], { encoding: "utf8" })
}

// Region Skåne has 33 municipalities: the longest table the deck shows, plus its total row.
const longTableReport: Report = {
  ...reportFixture,
  slides: [
    {
      id: "long-table",
      number: 1,
      title: "Gränslös dirigering prio 1 – Antal uppdrag inom och utanför respektive ambulansdistrikt",
      notes: "",
      metricIds: [],
      blocks: [
        {
          kind: "table",
          id: "long",
          caption: "Uppdrag per kommun och ambulansdistrikt",
          columns: [
            { key: "m", label: "Kommun", align: "left" },
            ...["1", "2", "3", "4", "Externa"].map((label) => ({
              key: label,
              label,
              align: "right" as const,
              group: "Ambulansdistrikt",
            })),
            { key: "t", label: "Totalt", align: "right" },
          ],
          rows: [
            ...Array.from({ length: 33 }, (_, index) => ({
              kind: "body" as const,
              cells: [
                textCell(`Kommun ${index + 1}`),
                ...Array.from({ length: 6 }, () => numberCell(index, "count", "sv")),
              ],
            })),
            {
              kind: "total" as const,
              cells: [textCell("Totalt"), ...Array.from({ length: 6 }, () => numberCell(528, "count", "sv"))],
            },
          ],
          notes: ["Grå celler: kommunens eget ambulansdistrikt."],
        },
      ],
    },
  ],
}

describe("resolveChromiumPath", () => {
  it("fails with the install command when the browser is missing", async () => {
    const exit = await Effect.runPromiseExit(
      resolveChromiumPath("pdf", { chromiumPath: "/nonexistent/chromium" }),
    )
    expect(Exit.isFailure(exit)).toBe(true)
    const error = await Effect.runPromise(
      Effect.flip(resolveChromiumPath("pdf", { chromiumPath: "/nonexistent/chromium" })),
    )
    expect(error._tag).toBe("RenderError")
    expect(error.message).toContain("apt-get install chromium")
    expect(error.message).toContain("/nonexistent/chromium")
  })

  it("takes AMBU_CHROMIUM, then CHROMIUM_PATH, then the default", async () => {
    const resolve = (env: NodeJS.ProcessEnv) =>
      Effect.runPromise(Effect.flip(resolveChromiumPath("png", {}, env)))
    expect((await resolve({ AMBU_CHROMIUM: "/a/chromium", CHROMIUM_PATH: "/b/chromium" })).message).toContain(
      "/a/chromium (from AMBU_CHROMIUM)",
    )
    expect((await resolve({ CHROMIUM_PATH: "/b/chromium" })).message).toContain(
      "/b/chromium (from CHROMIUM_PATH)",
    )
  })
})

describe.skipIf(!chromiumInstalled)("in headless Chromium", () => {
  interface Seen {
    readonly overflowing: ReadonlyArray<string>
    readonly boxes: ReadonlyArray<{ slide: string; kind: string; width: number; height: number }>
    readonly sectionSizes: ReadonlyArray<{ width: number; height: number }>
    readonly scrolledTo: number
    readonly stats: PageStats
  }
  let seen: Seen

  beforeAll(async () => {
    seen = await Effect.runPromise(
      withChromium("test", {}, (browser) =>
        Effect.gen(function* () {
          const { page, stats } = yield* openReportPage(browser, renderHtml(reportFixture), "test")
          return yield* Effect.promise(async () => {
            const boxes = await page.$$eval("section.slide", (sections) =>
              sections.flatMap((section) =>
                [
                  ...section.querySelectorAll(
                    "table, svg[role=img], .error-block, .title-block, .key-figure",
                  ),
                ].map((element) => {
                  const box = element.getBoundingClientRect()
                  return { slide: section.id, kind: element.tagName, width: box.width, height: box.height }
                }),
              ),
            )
            const overflowing = await page.$$eval(".slide-body, .table-block, .chart-drawing", (elements) =>
              elements
                .filter((element) => element.scrollHeight > element.clientHeight + 1)
                .map((element) => `${element.closest("section")?.id} ${element.className}`),
            )
            const sectionSizes = await page.$$eval("section.slide", (sections) =>
              sections.map((section) => ({ width: section.clientWidth, height: section.clientHeight })),
            )
            // The navigation script runs only if the CSP hash matches: PageDown must move to slide 2.
            await page.keyboard.press("PageDown")
            await page.waitForFunction(() => document.activeElement?.id === "slide-02", { timeout: 5000 })
            const scrolledTo = await page.evaluate(() => (document.activeElement?.id === "slide-02" ? 2 : 0))
            return { overflowing, boxes, sectionSizes, scrolledTo, stats: stats() }
          })
        }),
      ),
    )
  })

  it("shows every slide's table, chart, map, notice or title with a non-empty box", () => {
    const slidesWithContent = new Set(
      seen.boxes.filter((box) => box.width > 0 && box.height > 0).map((box) => box.slide),
    )
    expect(slidesWithContent.size).toBe(slideCount)
    for (const box of seen.boxes) {
      expect(box.width, `${box.slide} ${box.kind}`).toBeGreaterThan(0)
      expect(box.height, `${box.slide} ${box.kind}`).toBeGreaterThan(0)
    }
  })

  it("cuts nothing off: no slide body, table or chart is taller than its box", () => {
    expect(seen.overflowing).toEqual([])
  })

  it("puts all 33 rows and the total of a long table inside the slides, continuing it on a further one", async () => {
    const seenRows = await Effect.runPromise(
      withChromium("test", {}, (browser) =>
        Effect.flatMap(openReportPage(browser, renderHtml(longTableReport), "test"), ({ page }) =>
          Effect.promise(() =>
            page.$$eval("section.slide", (sections) =>
              sections.map((section) => {
                const slide = section.getBoundingClientRect()
                const rows = [...section.querySelectorAll("tbody tr")]
                return {
                  rows: rows.map((row) => row.querySelector("th")?.textContent ?? ""),
                  lowestRow: Math.max(...rows.map((row) => row.getBoundingClientRect().bottom - slide.top)),
                }
              }),
            ),
          ),
        ),
      ),
    )
    expect(seenRows.flatMap((section) => section.rows)).toEqual([
      ...Array.from({ length: 33 }, (_, index) => `Kommun ${index + 1}`),
      "Totalt",
    ])
    for (const section of seenRows) expect(section.lowestRow).toBeLessThan(900 - 56)
  })

  it("lays each slide out at 1600×900 in a 1600×900 window", () => {
    expect(seen.sectionSizes).toEqual(
      Array.from({ length: slideCount }, () => ({ width: 1600, height: 900 })),
    )
  })

  it("attempts no request and logs no console error (a blocked script or style would log one)", () => {
    expect(seen.stats.abortedRequests).toEqual([])
    expect(seen.stats.consoleErrors).toEqual([])
  })

  it("runs its own navigation script under the CSP", () => {
    expect(seen.scrolledTo).toBe(2)
  })

  it("counts and aborts a request the page tries; with the CSP in place it is refused even earlier", async () => {
    const leak = '<img src="http://example.invalid/x.png" alt=""></body>'
    const withCsp = renderHtml(reportFixture).replace("</body>", leak)
    const withoutCsp = withCsp.replace(/<meta http-equiv="Content-Security-Policy"[^>]*>/, "")
    expect(withoutCsp).not.toBe(withCsp)

    const [guarded, open] = await Effect.runPromise(
      withChromium("test", {}, (browser) =>
        Effect.all([
          Effect.map(openReportPage(browser, withCsp, "test"), (opened) => opened.stats()),
          Effect.map(openReportPage(browser, withoutCsp, "test"), (opened) => opened.stats()),
        ]),
      ),
    )

    // The CSP (img-src data:) stops the image before the network layer, and Chromium says so.
    expect(guarded.abortedRequests).toEqual([])
    expect(guarded.consoleErrors.join("\n")).toMatch(/Content Security Policy/)
    // Without it, interception is the last line: the request is aborted and counted.
    expect(open.abortedRequests).toEqual(["http://example.invalid/x.png"])
  })

  it("prints a PDF with one 16:9 page per slide, dated by the report, the same bytes every time", async () => {
    const { files } = await Effect.runPromise(renderDocuments(reportFixture, ["pdf"]))
    expect(files.map((file) => file.path)).toEqual(["report.pdf"])
    // A second print a second or more later: Chromium's own dates would differ.
    await new Promise((resolve) => setTimeout(resolve, 1100))
    const again = await Effect.runPromise(renderDocuments(reportFixture, ["pdf"]))
    expect(Buffer.from(again.files[0]!.content).equals(Buffer.from(files[0]!.content))).toBe(true)

    const info = pdfInfo(files[0]!.content as Uint8Array)
    expect(info).toMatch(new RegExp(`Pages:\\s+${slideCount}\\n`))
    // 13.333 in × 7.5 in at 72 pt per inch = 960 × 540 pt.
    expect(info).toMatch(/Page size:\s+960 x 540 pts/)
    // The fixture's generatedAt is 2026-01-15T09:00:00.000Z.
    expect(info).toMatch(/CreationDate:\s+2026-01-15T09:00:00Z\n/)
    expect(info).toMatch(/ModDate:\s+2026-01-15T09:00:00Z\n/)
  })

  it("dates the PDF by another generatedAt when the report has one", async () => {
    const report = { ...reportFixture, generatedAt: "2027-02-01T23:30:05+01:00" }
    const { files } = await Effect.runPromise(renderDocuments(report, ["pdf"]))
    expect(pdfInfo(files[0]!.content as Uint8Array)).toMatch(/CreationDate:\s+2027-02-01T22:30:05Z\n/)
  })

  it("captures one 1600×900 PNG per page, named by its slide, and a chart slide is not blank", async () => {
    const { files } = await Effect.runPromise(renderDocuments(reportFixture, ["png"]))
    expect(files.map((file) => file.path)).toEqual(
      reportFixture.slides.map((slide) => `png/slide-${String(slide.number).padStart(2, "0")}.png`),
    )

    const chartSlide = files[1]!.content as Uint8Array
    // PNG header: width and height are big-endian at bytes 16 and 20.
    const view = new DataView(chartSlide.buffer, chartSlide.byteOffset)
    expect([view.getUint32(16), view.getUint32(20)]).toEqual([1600, 900])

    const colours = (await pngColours(chartSlide, "#000000")).distinct
    // A stacked bar chart in three series colours, text and a table: far more than a handful of colours.
    expect(colours).toBeGreaterThan(20)
  })

  it("names a long table's further pages' PNGs by its slide: slide-01.png, slide-01-2.png", async () => {
    const { files } = await Effect.runPromise(renderDocuments(longTableReport, ["html", "png"]))
    const pages = new JSDOM(files[0]!.content as string).window.document.querySelectorAll("section.slide")
    // 34 rows at 11 px or more do not fit one 16:9 page: the table continues.
    expect(pages.length).toBeGreaterThan(1)
    expect(files.slice(1).map((file) => file.path)).toEqual([
      "png/slide-01.png",
      ...Array.from({ length: pages.length - 1 }, (_, index) => `png/slide-01-${index + 2}.png`),
    ])
  })

  it("writes report.html through the renderer definition, with the context's base name", async () => {
    const files = await Effect.runPromise(
      htmlRenderer.render(reportFixture, { baseName: "uppfoljning", options: {}, progress: silentProgress }),
    )
    expect(files.map((file) => file.path)).toEqual(["uppfoljning.html"])
    expect(files[0]!.content).toBe(renderHtml(reportFixture))
  })

  it("fails as a RenderError from the png renderer when the configured Chromium is missing", async () => {
    const error = await Effect.runPromise(
      Effect.flip(
        pngRenderer.render(reportFixture, {
          baseName: "report",
          options: { chromiumPath: "/nonexistent/chromium" },
          progress: silentProgress,
        }),
      ),
    )
    expect(error.message).toContain("apt-get install chromium")
  })
})
