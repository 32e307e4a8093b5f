import { readFileSync } from "node:fs"
import { join } from "node:path"
import JSZip from "jszip"
import { beforeAll, describe, expect, it } from "vitest"
import { FIXED_TIME, runCli, tempDir } from "../support/cli.js"

/** Two runs of the same report on the bundled sample, each into its own folder. */
const first = tempDir("repeat-a")
const second = tempDir("repeat-b")

const report = (out: string) => {
  const result = runCli([
    "report",
    "--format",
    "json,html,pptx",
    "--generated-at",
    FIXED_TIME,
    "--out",
    out,
    "--quiet",
  ])
  if (result.status !== 0) throw new Error(`report failed: ${result.stderr}`)
}

const read = (dir: string, file: string) => readFileSync(join(dir, file))

/** The XML parts of a deck that carry its content: slides, charts, notes. */
const xmlParts = async (dir: string): Promise<Map<string, string>> => {
  const zip = await JSZip.loadAsync(read(dir, "report.pptx"))
  const parts = new Map<string, string>()
  for (const name of Object.keys(zip.files).sort()) {
    if (/^ppt\/(slides|charts|notesSlides)\/[^/]+\.xml$/.test(name))
      parts.set(name, await zip.file(name)!.async("string"))
  }
  return parts
}

describe("repeatable output", () => {
  beforeAll(() => {
    report(first)
    report(second)
  })

  it.each([
    "report.json",
    "report.schema.json",
    "report.html",
    "report.pptx",
    "data-quality.md",
    "rejects.csv",
  ])("%s is byte-identical between two runs", (file) => {
    expect(read(first, file).equals(read(second, file))).toBe(true)
  })

  it("every slide, chart and notes XML of the deck is identical between two runs", async () => {
    const [a, b] = [await xmlParts(first), await xmlParts(second)]
    expect([...a.keys()].filter((name) => name.includes("/slides/")).length).toBeGreaterThan(10)
    expect([...a.keys()].some((name) => name.includes("/charts/"))).toBe(true)
    expect([...b.keys()]).toEqual([...a.keys()])
    for (const [name, xml] of a) expect(b.get(name), name).toBe(xml)
  })

  it("states the given production time, not the clock's", () => {
    const json = JSON.parse(read(first, "report.json").toString("utf8")) as { generatedAt: string }
    expect(json.generatedAt).toBe("2026-01-15T08:00:00.000Z")
  })
})
