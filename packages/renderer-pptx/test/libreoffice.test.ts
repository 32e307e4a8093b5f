import { execFileSync } from "node:child_process"
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { delimiter, join } from "node:path"
import { reportFixture } from "@ambu/core/testing"
import { Effect } from "effect"
import { afterAll, describe, expect, it } from "vitest"
import { renderPptx } from "../src/render-pptx.js"
import { longTableSlide, reportWith } from "./support/reports.js"

const onPath = (program: string): boolean =>
  (process.env.PATH ?? "").split(delimiter).some((folder) => existsSync(join(folder, program)))

const hasSoffice = onPath("soffice") && onPath("pdftoppm")

/** The grey values of a binary PGM (P5, 8 bit) written by `pdftoppm -gray`. */
const pgmPixels = (bytes: Buffer): Uint8Array => {
  const header = /^P5\s+(\d+)\s+(\d+)\s+(\d+)\s/.exec(bytes.subarray(0, 64).toString("latin1"))
  if (header === null) throw new Error("not a binary PGM")
  const [whole, width, height] = header
  return new Uint8Array(bytes.subarray(whole.length, whole.length + Number(width) * Number(height)))
}

const work = mkdtempSync(join(tmpdir(), "ambu-pptx-lo-"))
afterAll(() => rmSync(work, { recursive: true, force: true }))

describe("a real client opens the deck", () => {
  it.skipIf(!hasSoffice)(
    "LibreOffice converts it to a PDF with one non-blank page per slide (skipped when soffice or pdftoppm is missing)",
    async () => {
      // The fixture's 6 slides and a 60-row table that continues on 3 slides: 9 slides.
      const report = reportWith([...reportFixture.slides, longTableSlide(60)])
      const deck = await Effect.runPromise(renderPptx(report))
      writeFileSync(join(work, "deck.pptx"), deck)

      execFileSync(
        "soffice",
        [
          `-env:UserInstallation=file://${join(work, "profile")}`,
          "--headless",
          "--convert-to",
          "pdf",
          "--outdir",
          work,
          join(work, "deck.pptx"),
        ],
        { stdio: "ignore", timeout: 50_000 },
      )
      execFileSync("pdftoppm", ["-gray", "-r", "20", join(work, "deck.pdf"), join(work, "page")])

      const pages = readdirSync(work)
        .filter((name) => /^page-\d+\.pgm$/.test(name))
        .sort()
      expect(pages).toHaveLength(9)
      for (const page of pages) {
        const pixels = pgmPixels(readFileSync(join(work, page)))
        const distinct = new Set(pixels).size
        // A blank page is one grey value (white); text and fills add many.
        expect(distinct, page).toBeGreaterThan(8)
      }
    },
  )
})
