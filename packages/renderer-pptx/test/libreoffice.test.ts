import { execFileSync } from "node:child_process"
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { delimiter, join } from "node:path"
import type { Report } from "@ambu/core"
import { reportFixture, sampleReport } from "@ambu/core/testing"
import { Effect } from "effect"
import { afterAll, describe, expect, it } from "vitest"
import { CONTENT, SLIDE } from "../src/layout/geometry.js"
import { renderPptx } from "../src/render-pptx.js"
import { slidePaths, unzipDeck } from "./support/deck.js"
import { longTableSlide, reportWith } from "./support/reports.js"

const onPath = (program: string): boolean =>
  (process.env.PATH ?? "").split(delimiter).some((folder) => existsSync(join(folder, program)))

const hasTools = onPath("soffice") && onPath("pdftoppm")

/**
 * CI must open the deck in a real client: there a missing LibreOffice fails
 * these tests instead of skipping them (CI sets `CI`, e.g. to "true").
 */
const inCi = (process.env.CI ?? "") !== "" && process.env.CI !== "false"

/** Pixels per inch of the page images: enough to tell a line of 9 pt text from a blank. */
const DPI = 30

/** A binary PGM (P5, 8 bit) written by `pdftoppm -gray`: its size and grey values. */
const pgmOf = (bytes: Buffer): { width: number; height: number; pixels: Uint8Array } => {
  const header = /^P5\s+(\d+)\s+(\d+)\s+(\d+)\s/.exec(bytes.subarray(0, 64).toString("latin1"))
  if (header === null) throw new Error("not a binary PGM")
  const [whole, width, height] = header
  const pixels = new Uint8Array(bytes.subarray(whole.length, whole.length + Number(width) * Number(height)))
  return { width: Number(width), height: Number(height), pixels }
}

/** The share of the content area's pixels (under the heading, above the footer) that are not near white. */
const contentInk = (page: ReturnType<typeof pgmOf>): number => {
  const scale = page.width / SLIDE.width
  const [left, right] = [CONTENT.x, CONTENT.x + CONTENT.w].map((inches) => Math.round(inches * scale))
  const [top, bottom] = [CONTENT.y, CONTENT.y + CONTENT.h].map((inches) => Math.round(inches * scale))
  let ink = 0
  for (let y = top!; y < bottom!; y += 1)
    for (let x = left!; x < right!; x += 1) if (page.pixels[y * page.width + x]! < 200) ink += 1
  return ink / ((bottom! - top!) * (right! - left!))
}

const work = mkdtempSync(join(tmpdir(), "ambu-pptx-lo-"))
afterAll(() => rmSync(work, { recursive: true, force: true }))

/** Converts a report's deck to PDF with LibreOffice and returns the page images, in page order. */
const pagesOf = async (report: Report, name: string) => {
  const bytes = await Effect.runPromise(renderPptx(report))
  const folder = join(work, name)
  mkdirSync(folder)
  writeFileSync(join(folder, "deck.pptx"), bytes)
  execFileSync(
    "soffice",
    [
      `-env:UserInstallation=file://${join(work, "profile")}`,
      "--headless",
      "--convert-to",
      "pdf",
      "--outdir",
      folder,
      join(folder, "deck.pptx"),
    ],
    { stdio: "ignore", timeout: 100_000 },
  )
  execFileSync("pdftoppm", ["-gray", "-r", String(DPI), join(folder, "deck.pdf"), join(folder, "page")])
  const pages = readdirSync(folder)
    .filter((file) => /^page-\d+\.pgm$/.test(file))
    .sort()
  return {
    slides: slidePaths(await unzipDeck(bytes)).length,
    pages: pages.map((file) => ({ file, image: pgmOf(readFileSync(join(folder, file))) })),
  }
}

/**
 * Pages with no visible content: one grey value (white), or less than 1 %
 * ink between heading and footer (the sample's sparsest page, the title,
 * has 3 %; a caption alone would have under 1 %).
 */
const blankPages = (pages: Awaited<ReturnType<typeof pagesOf>>["pages"]): ReadonlyArray<string> =>
  pages.flatMap(({ file, image }) => {
    const distinct = new Set(image.pixels).size
    const ink = contentInk(image)
    return distinct > 8 && ink > 0.01
      ? []
      : [`${file}: ${distinct} grey values, ${(ink * 100).toFixed(2)} % ink`]
  })

const requireTools = (): void => {
  expect(
    hasTools,
    "soffice and pdftoppm must be installed where CI is set (scripts/setup.sh installs them)",
  ).toBe(true)
}

describe("the blank-page check", () => {
  /** A page image at `DPI`, white but for a dark block over `box` (inches). */
  const page = (box?: { x: number; y: number; w: number; h: number }) => {
    const width = Math.round(SLIDE.width * DPI)
    const height = Math.round(SLIDE.height * DPI)
    const pixels = new Uint8Array(width * height).fill(255)
    // A grey ramp in the footer, so that the page has many grey values but no content.
    for (let x = 0; x < 40; x += 1) pixels[(height - 5) * width + x] = 100 + x
    if (box !== undefined)
      for (let y = Math.round(box.y * DPI); y < Math.round((box.y + box.h) * DPI); y += 1)
        for (let x = Math.round(box.x * DPI); x < Math.round((box.x + box.w) * DPI); x += 1)
          pixels[y * width + x] = 0
    return { width, height, pixels }
  }

  it("flags a page with nothing between heading and footer, and one with a speck, not one with a table", () => {
    // The content area is 12.333 × 5.7 in: a 1 × 1 in block is 1.4 % of it, a 0.5 × 0.5 in one 0.36 %.
    const pages = [
      { file: "empty", image: page() },
      { file: "speck", image: page({ x: 2, y: 2, w: 0.5, h: 0.5 }) },
      { file: "table", image: page({ x: 2, y: 2, w: 1, h: 1 }) },
    ]
    expect(blankPages(pages).map((entry) => entry.split(":")[0])).toEqual(["empty", "speck"])
  })
})

describe.skipIf(!hasTools && !inCi)(
  "a real client opens the deck (skipped without soffice and pdftoppm, unless CI is set)",
  () => {
    it("LibreOffice converts the fixture deck to a PDF with one page per slide, each with visible content", async () => {
      requireTools()
      // The fixture's 6 slides and a 60-row table that continues on 3 slides: 9 slides.
      const { slides, pages } = await pagesOf(
        reportWith([...reportFixture.slides, longTableSlide(60)]),
        "fixture",
      )
      expect(slides).toBe(9)
      expect(pages).toHaveLength(9)
      expect(blankPages(pages)).toEqual([])
    })

    it("LibreOffice converts the bundled sample's deck to a PDF with one page per slide, each with visible content", async () => {
      requireTools()
      const report = await sampleReport("sv")
      const { slides, pages } = await pagesOf(report, "sample")
      // Long tables continue on further slides, so there are more slides than the report's.
      expect(slides).toBeGreaterThan(report.slides.length)
      expect(pages).toHaveLength(slides)
      expect(blankPages(pages)).toEqual([])
    }, 120_000)
  },
)
