import { existsSync, readFileSync, writeFileSync } from "node:fs"
import { join } from "node:path"
import { Report } from "@ambu/core"
import { beforeAll, describe, expect, it } from "vitest"
import { FIXED_TIME, REPO, runCli, tempDir } from "./support/cli.js"

const GOLDEN = join(REPO, "test/golden/sample-report.json")

/**
 * The whole run on the bundled sample, compared with a committed golden
 * file. The golden's figures are checked independently of ambu's metric
 * code by the DuckDB cross-check; this test pins them so any change to a
 * figure shows up as a reviewable diff. On a mismatch it writes
 * `sample-report.changed.json` beside the golden and fails: CI never
 * writes the expectation.
 */
describe("ambu report on the bundled sample", () => {
  let out = ""
  let json = ""

  beforeAll(() => {
    out = tempDir("sample")
    const result = runCli([
      "report",
      "--format",
      "json",
      "--out",
      out,
      "--generated-at",
      FIXED_TIME,
      "--quiet",
    ])
    expect(result.stderr).toBe("")
    expect(result.status).toBe(0)
    json = readFileSync(join(out, "report.json"), "utf8")
  })

  it("matches the golden report", () => {
    const changed = GOLDEN.replace(/\.json$/, ".changed.json")
    if (!existsSync(GOLDEN) || readFileSync(GOLDEN, "utf8") !== json) {
      writeFileSync(changed, json)
      expect.fail(
        `report.json differs from ${GOLDEN}; review ${changed} and, if right, move it over the golden`,
      )
    }
  })

  it("is a valid report document of the published schema version", () => {
    const parsed = Report.safeParse(JSON.parse(json))
    expect(parsed.success).toBe(true)
    const schema = JSON.parse(readFileSync(join(out, "report.schema.json"), "utf8"))
    const published = JSON.parse(readFileSync(join(REPO, "packages/core/schema/report.schema.json"), "utf8"))
    expect(schema).toEqual(published)
  })

  it("has the original deck's slides in order, then the map and the data-quality summary", () => {
    const report = JSON.parse(json) as Report
    const ids = report.slides.map((s) => s.id)
    expect(ids[0]).toBe("title")
    expect(ids.at(-1)).toBe("data-quality")
    const order = [
      "missions-per-month",
      "missions-per-station",
      "waiting-time",
      "availability-goal",
      "start-interval",
      "borderless-dispatch-p1",
      "borderless-dispatch-p2",
      "borderless-dispatch-p3",
      "segment-times",
      "median-response",
      "rescue-assists",
      "median-response-map",
    ]
    const positions = order.map((prefix) =>
      ids.findIndex((id) => id === prefix || id.startsWith(`${prefix}-`)),
    )
    expect(positions.every((p) => p > 0)).toBe(true)
    expect([...positions].sort((a, b) => a - b)).toEqual(positions)
    expect(report.slides.map((s) => s.number)).toEqual(report.slides.map((_, i) => i + 1))
  })

  it("keeps the original deck's numbers and titles for slides 1–14", () => {
    const report = JSON.parse(json) as Report
    const original: ReadonlyArray<[string, string]> = [
      ["title", "Ambulansuppföljning"],
      ["missions-per-month", "Antal vårduppdrag"],
      ["missions-per-station-1", "Antal uppdrag per station"],
      ["missions-per-station-2", "Antal uppdrag per station"],
      ["waiting-time", "Väntetid"],
      ["availability-goal", "Region Skånes tillgänglighetsmål"],
      ["start-interval", "Antal med startintervall inom mål per station och ambulansdistrikt"],
      [
        "borderless-dispatch-p1",
        "Gränslös dirigering prio 1 – Antal uppdrag inom och utanför respektive ambulansdistrikt",
      ],
      [
        "borderless-dispatch-p2",
        "Gränslös dirigering prio 2 – Antal uppdrag inom och utanför respektive ambulansdistrikt",
      ],
      [
        "borderless-dispatch-p3",
        "Gränslös dirigering prio 3 – Antal uppdrag inom och utanför respektive ambulansdistrikt",
      ],
      ["segment-times-1", "Uppdragstider prio 1 per kommun för kommundistrikt 1 och 2"],
      ["segment-times-2", "Uppdragstider prio 1 per kommun för kommundistrikt 3 och 4"],
      ["median-response", "Mediantid larm till framme hämtadress per kommundistrikt och kommun"],
      ["rescue-assists", "Hjärtstopp – IVPA – Ambulansassistans från räddningstjänst"],
    ]
    expect(report.slides.slice(0, 14).map((s) => [s.id, s.title])).toEqual(original)
  })

  it("accounts for every input row: accepted + rejected = read", () => {
    const report = JSON.parse(json) as Report
    expect(report.dataQuality.files).toHaveLength(2)
    for (const file of report.dataQuality.files) {
      expect(file.accepted + file.rejected).toBe(file.read)
      const byReason = Object.values(file.rejectedByReason).reduce((a, b) => a + b, 0)
      expect(byReason).toBe(file.rejected)
    }
    const rejects = readFileSync(join(out, "rejects.csv"), "utf8").trim().split("\n")
    const rejected = report.dataQuality.files.reduce((n, f) => n + f.rejected, 0)
    expect(rejects.length - 1).toBe(rejected)
  })

  it("gives every metric a quality account whose parts add up", () => {
    const report = JSON.parse(json) as Report
    for (const [key, quality] of Object.entries(report.dataQuality.metrics)) {
      const leftOut = quality.leftOut.reduce((n, l) => n + l.count, 0)
      expect(quality.used + leftOut, key).toBe(quality.considered)
    }
  })
})
