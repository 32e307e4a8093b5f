import { reportFixture } from "@ambu/core/testing"
import JSZip from "jszip"
import { describe, expect, it } from "vitest"
import { readable, renderDeck, slidePaths } from "./support/deck.js"

describe("determinism", () => {
  it("gives identical bytes for two renders of the same report", async () => {
    const first = await renderDeck(reportFixture)
    const second = await renderDeck(reportFixture)
    expect(second.paths).toEqual(first.paths)
    for (const path of slidePaths(first)) expect(second.text(path), path).toBe(first.text(path))
    expect(Buffer.from(second.bytes).equals(Buffer.from(first.bytes))).toBe(true)
  })

  it("stamps the report's time, not the clock's, in the deck and in every chart workbook", async () => {
    const deck = await renderDeck(reportFixture)
    const core = deck.text("docProps/core.xml")
    // generatedAt 2026-01-15T09:00:00.000Z, written as W3CDTF without milliseconds.
    expect(core).toMatch(/<dcterms:created [^>]*>2026-01-15T09:00:00Z<\/dcterms:created>/)
    expect(core).toMatch(/<dcterms:modified [^>]*>2026-01-15T09:00:00Z<\/dcterms:modified>/)

    const workbooks = deck.paths.filter((path) => path.startsWith("ppt/embeddings/"))
    expect(workbooks).toHaveLength(2)
    for (const path of workbooks) {
      const xlsx = await JSZip.loadAsync(deck.binary.get(path)!)
      const workbookCore = await xlsx.file("docProps/core.xml")!.async("string")
      expect(workbookCore.match(/>2026-01-15T09:00:00Z</g), path).toHaveLength(2)
      // Every entry of the workbook's zip carries the same fixed date.
      const dates = Object.values(xlsx.files).map((file) => file.date.toISOString())
      expect(new Set(dates), path).toEqual(new Set(["2026-01-15T09:00:00.000Z"]))
    }
  })

  it("changes with the report: another generatedAt gives another core.xml", async () => {
    const deck = await renderDeck({ ...reportFixture, generatedAt: "2027-02-01T00:00:00Z" })
    expect(deck.text("docProps/core.xml")).toContain(">2027-02-01T00:00:00Z</dcterms:created>")
  })
})

describe("snapshots of the fixture deck", async () => {
  const deck = await renderDeck(reportFixture)

  it.each(slidePaths(deck).map((path) => [path]))("%s", async (path) => {
    const name = path.split("/").pop()!
    await expect(readable(deck.text(path))).toMatchFileSnapshot(`__snapshots__/fixture/${name}`)
  })

  it("ppt/charts/chart2.xml (line chart with goal and a gap)", async () => {
    await expect(readable(deck.text("ppt/charts/chart2.xml"))).toMatchFileSnapshot(
      "__snapshots__/fixture/chart2.xml",
    )
  })
})
