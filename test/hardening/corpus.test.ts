import { readFileSync, writeFileSync } from "node:fs"
import { join } from "node:path"
import { beforeAll, describe, expect, it } from "vitest"
import { CORPUS, type CorpusCase, RESCUE_FILE, RESCUE_ROWS, type RowsRead } from "../corpus/expectations.js"
import { type CliResult, FIXED_TIME, REPO, runCli, tempDir } from "../support/cli.js"

const CORPUS_DIR = join(REPO, "test/corpus")

interface FileSummary {
  readonly file: string
  readonly read: number
  readonly accepted: number
  readonly rejected: number
  readonly rejectedByReason: Record<string, number>
  readonly warnings: Record<string, number>
}

/** A user error: exit code 1, one `ambu: error:` line naming the file, no stack trace. */
const expectFileError = (result: CliResult, file: string, mentions: ReadonlyArray<string>) => {
  expect(result.status).toBe(1)
  expect(result.stderr).toMatch(/^ambu: error: /)
  expect(result.stderr).not.toMatch(/\n\s+at /)
  expect(result.stderr).toContain(file)
  for (const part of mentions) expect(result.stderr).toContain(part)
}

/** The rejects file's records; the test data has no quoted line breaks in rejects, so lines are records. */
const rejectsOf = (outDir: string): string[] =>
  readFileSync(join(outDir, "rejects.csv"), "utf8").split("\r\n").slice(1, -1)

const expectRows = (summary: FileSummary, outcome: RowsRead) => {
  expect(summary.accepted + summary.rejected).toBe(summary.read)
  expect({
    read: summary.read,
    accepted: summary.accepted,
    rejected: summary.rejected,
    rejectedByReason: summary.rejectedByReason,
    warnings: summary.warnings,
  }).toEqual({
    read: outcome.read,
    accepted: outcome.accepted,
    rejected: outcome.rejected,
    rejectedByReason: outcome.rejectedByReason,
    warnings: outcome.warnings,
  })
}

const expectRejects = (outDir: string, file: string, outcome: RowsRead) => {
  const lines = rejectsOf(outDir)
  expect(lines).toHaveLength(outcome.rejected)
  outcome.rejects.forEach((reject, at) => {
    const line = lines[at]!
    expect(line.startsWith(`${file},${reject.line},${reject.field},`)).toBe(true)
    for (const part of reject.mentions) expect(line).toContain(part.replaceAll('"', '""'))
  })
}

const runCase = (file: string, dir: string, command: "validate" | "report") => {
  const out = tempDir(`corpus-${command}`)
  const args =
    command === "validate"
      ? ["validate", "--json"]
      : ["report", "--format", "json", "--generated-at", FIXED_TIME]
  const result = runCli([...args, "--missions", file, "--rescue", RESCUE_FILE, "--out", out, "--quiet"], {
    cwd: dir,
  })
  return { result, out }
}

const checkCase = (entry: CorpusCase, dir: string) => {
  it(`validate --json: ${entry.what}`, () => {
    const { result, out } = runCase(entry.file, dir, "validate")
    if (entry.outcome.kind === "file-error") {
      expectFileError(result, entry.file, entry.outcome.mentions)
      return
    }
    expect(result.stderr).toBe("")
    expect(result.status).toBe(0)
    const summary = JSON.parse(result.stdout) as { missions: FileSummary; rescueCases: FileSummary }
    expectRows(summary.missions, entry.outcome)
    expect(summary.rescueCases.accepted).toBe(RESCUE_ROWS)
    expectRejects(out, entry.file, entry.outcome)
  })

  it(`report --format json: ${entry.what}`, () => {
    const { result, out } = runCase(entry.file, dir, "report")
    if (entry.outcome.kind === "file-error") {
      expectFileError(result, entry.file, entry.outcome.mentions)
      return
    }
    expect(result.stderr).not.toMatch(/\n\s+at /)
    if (entry.outcome.reportFails !== undefined) {
      expect(result.status).toBe(1)
      expect(result.stderr).toContain(entry.outcome.reportFails)
      return
    }
    expect(result.status).toBe(0)
    const report = JSON.parse(readFileSync(join(out, "report.json"), "utf8")) as {
      dataQuality: { files: FileSummary[] }
    }
    expectRows(report.dataQuality.files[0]!, entry.outcome)
    expectRejects(out, entry.file, entry.outcome)
  })
}

describe("bad-input corpus, through the CLI", () => {
  for (const entry of CORPUS) describe(entry.file, () => checkCase(entry, CORPUS_DIR))
})

describe("a line of a megabyte", () => {
  // Row 2 has a 1 000 004-character resource id, under the 1 MiB field cap: accepted.
  // Row 3 has a field of 1 100 004 characters, over the cap: one malformed-row reject.
  // Row 4 is short: reading goes on after the long ones. So 3 read, 2 accepted, 1 rejected.
  const dir = tempDir("long-line")
  beforeAll(() => {
    const header = readFileSync(join(CORPUS_DIR, "valid-missions.csv"), "utf8").split("\n")[0]!
    const row = (id: string, resource: string) =>
      `${id};C${id};${resource};Malmö;1;1;1280;;2025-03-04 10:01:00;;;;;`
    const rows = [
      row("U1", `AMB ${"X".repeat(1_000_000)}`),
      row("U2", `AMB ${"X".repeat(1_100_000)}`),
      row("U3", "AMB 3"),
    ]
    writeFileSync(join(dir, "long-line.csv"), `${[header, ...rows].join("\n")}\n`)
    writeFileSync(join(dir, RESCUE_FILE), readFileSync(join(CORPUS_DIR, RESCUE_FILE)))
  })

  checkCase(
    {
      file: "long-line.csv",
      what: "a 1 MB row accepted, a longer field rejected, reading goes on",
      outcome: {
        kind: "rows",
        read: 3,
        accepted: 2,
        rejected: 1,
        rejectedByReason: { "malformed-row": 1 },
        warnings: {},
        rejects: [{ line: 3, field: "", mentions: ["line 3", "longer than 1048576 characters"] }],
      },
    },
    dir,
  )

  it("keeps the rejects file small: the value is cut to 200 characters and an ellipsis", () => {
    const { out } = runCase("long-line.csv", dir, "validate")
    expect(readFileSync(join(out, "rejects.csv"), "utf8").length).toBeLessThan(2_000)
  })
})

describe("known problem: an outlying year takes over the default period", () => {
  // far-timestamps.csv has dispatches in 2025-03, 2099-03 and 1975-03. The default period is "the last
  // calendar year the data covers from January to December"; no year is covered, so the right period is
  // the months with data around the bulk, and surely not 2098, a year with no mission at all.
  it("does not report on a year without any mission", () => {
    const { result, out } = runCase("far-timestamps.csv", CORPUS_DIR, "report")
    expect(result.status).toBe(0)
    const report = JSON.parse(readFileSync(join(out, "report.json"), "utf8")) as { period: { from: string } }
    expect(report.period.from).not.toBe("2098-01")
  })
})
