import { readFileSync } from "node:fs"
import { join } from "node:path"
import { BUNDLED_SAMPLE_OPTIONS, generateSample, type SampleStats, TIME_FIELDS } from "@ambu/core"
import { Effect } from "effect"
import { beforeAll, describe, expect, it } from "vitest"
import { runCli, tempDir } from "./support/cli.js"

interface FileSummary {
  readonly read: number
  readonly accepted: number
  readonly rejected: number
  readonly rejectedByReason: Record<string, number>
  readonly warnings: Record<string, number>
}

/**
 * The bundled sample passes `ambu validate` with exactly the defects the
 * generator says it injected: the generator and the reader are written
 * apart, so agreement is evidence for both.
 */
describe("ambu validate on the bundled sample", () => {
  let summary: { missions: FileSummary; rescueCases: FileSummary }
  let stats: SampleStats
  let out = ""

  beforeAll(() => {
    out = tempDir("validate")
    const result = runCli(["validate", "--json", "--out", out])
    expect(result.status).toBe(0)
    summary = JSON.parse(result.stdout)
    // The generator counts what it writes while it writes, so run it through once.
    const sample = Effect.runSync(generateSample(BUNDLED_SAMPLE_OPTIONS))
    for (const _ of sample.missionLines);
    for (const _ of sample.rescueCaseLines);
    stats = sample.stats()
  })

  it("reads every row and rejects exactly the injected ones, for the injected reasons", () => {
    expect(summary.missions.read).toBe(stats.missionRows)
    expect(summary.missions.rejected).toBe(stats.rejectedLines.length)
    expect(summary.missions.accepted).toBe(stats.missionRows - stats.rejectedLines.length)
    const expected = Object.fromEntries(Object.entries(stats.rejected).filter(([, n]) => n > 0))
    expect(summary.missions.rejectedByReason).toEqual(expected)
    expect(summary.rescueCases.read).toBe(stats.rescueCaseRows)
    expect(summary.rescueCases.rejected).toBe(0)
  })

  it("writes each rejected row to rejects.csv on the line the generator put it", () => {
    const lines = readFileSync(join(out, "rejects.csv"), "utf8").trim().split("\n").slice(1)
    const found = lines.map((l) => {
      const [, line, field, reason] = l.split(",")
      return { line: Number(line), field, reason }
    })
    expect(found).toEqual(
      stats.rejectedLines.map((r) => ({ line: r.line, field: r.field, reason: r.reason })),
    )
  })

  it("warns about exactly the ambiguous autumn-hour times the generator wrote", () => {
    expect(summary.missions.warnings["ambiguous-local-time"] ?? 0).toBe(stats.ambiguousTimestamps)
  })

  it("has the rates the generator was asked for, within tolerance", () => {
    const [p1, p2, p3] = stats.casesByPriority
    const cases = p1 + p2 + p3
    expect(p1 / cases).toBeCloseTo(0.45, 1)
    expect(p2 / cases).toBeCloseTo(0.4, 1)
    expect(p3 / cases).toBeCloseTo(0.15, 1)
    const missing = TIME_FIELDS.reduce((n, f) => n + stats.missingTimestamps[f], 0)
    // about 1 % per optional field, six optional fields
    expect(missing / stats.missionRows / 6).toBeGreaterThan(0.004)
    expect(missing / stats.missionRows / 6).toBeLessThan(0.02)
  })
})
