import { sampleReport } from "@ambu/core/testing"
import { describe, expect, it } from "vitest"
import { chartPaths, duplicateShapeIds, readable, renderDeck, slidePaths } from "./support/deck.js"
import { xmlProblems } from "./support/xml.js"

/*
 * The deck of the bundled sample report (Swedish, generatedAt fixed), as
 * analysts get it from `ambu report`. Its slide and chart XML are file
 * snapshots: a change in layout, format or the sample's numbers shows as a
 * diff under __snapshots__/sample/. When core's metrics change on purpose,
 * `vitest run --project renderer-pptx -u` writes them anew.
 */
describe("the deck of the bundled sample report", async () => {
  const report = await sampleReport("sv")
  const deck = await renderDeck(report)

  it("has well-formed XML in every slide and chart", () => {
    const parts = [...slidePaths(deck), ...chartPaths(deck)]
    expect(parts.length).toBeGreaterThan(report.slides.length)
    expect(parts.flatMap((path) => xmlProblems(deck.text(path), path))).toEqual([])
  })

  it("gives every shape on a slide its own id", () => {
    expect(slidePaths(deck).length).toBeGreaterThan(20)
    expect(duplicateShapeIds(deck)).toEqual({})
  })

  it("is the same, byte for byte, when rendered again", async () => {
    const again = await renderDeck(await sampleReport("sv"))
    expect(Buffer.from(again.bytes).equals(Buffer.from(deck.bytes))).toBe(true)
  })

  it.each(slidePaths(deck).map((path) => [path]))("%s", async (path) => {
    const name = path.split("/").pop()!
    await expect(readable(deck.text(path))).toMatchFileSnapshot(`__snapshots__/sample/${name}`)
  })

  it.each(chartPaths(deck).map((path) => [path]))("%s", async (path) => {
    const name = path.split("/").pop()!
    await expect(readable(deck.text(path))).toMatchFileSnapshot(`__snapshots__/sample/${name}`)
  })
})
