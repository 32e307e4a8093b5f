import { existsSync } from "node:fs"
import { join } from "node:path"
import { describe, expect, it } from "vitest"
import { runCli, tempDir } from "./support/cli.js"

/** A user error gets one line that says what is wrong and how to fix it, never a stack trace. */
const expectUserError = (result: { status: number; stderr: string }, status: number, ...parts: string[]) => {
  expect(result.status).toBe(status)
  expect(result.stderr).toMatch(/^ambu: error: /)
  expect(result.stderr).not.toMatch(/\n\s+at /)
  for (const part of parts) expect(result.stderr).toContain(part)
}

describe("ambu report: user errors", () => {
  it("asks for both input files when only one is given", () => {
    expectUserError(runCli(["report", "--missions", "m.csv", "--quiet"]), 1, "--missions and --rescue")
  })

  it("lists the known formats for an unknown one", () => {
    expectUserError(runCli(["report", "--format", "json,docx", "--quiet"]), 1, '"docx"', "json", "pptx")
  })

  it("explains the month format", () => {
    expectUserError(runCli(["report", "--from", "2025-13", "--to", "2025-12", "--quiet"]), 1, "YYYY-MM")
  })

  it("refuses a lone --from", () => {
    expectUserError(runCli(["report", "--from", "2025-01", "--quiet"]), 1, "--from and --to")
  })

  it("names a missing input file", () => {
    const result = runCli([
      "report",
      "--missions",
      "nope/missions.csv",
      "--rescue",
      "nope/rescue.csv",
      "--quiet",
    ])
    expectUserError(result, 1, "nope/missions.csv")
  })

  it("warns, and still makes the report, when no mission lies in the period asked for", () => {
    const out = tempDir("empty-period")
    const result = runCli([
      "report",
      "--format",
      "json",
      "--from",
      "2030-01",
      "--to",
      "2030-12",
      "--out",
      out,
      "--quiet",
    ])

    expect(result.status).toBe(0)
    // The bundled sample's 23 991 accepted missions all lie in 2024 and 2025.
    expect(result.stderr).toContain(
      "ambu: warning: no accepted mission lies in 2030-01 to 2030-12 (23991 before it, 0 after it)",
    )
    expect(existsSync(join(out, "report.json"))).toBe(true)
  })

  it("fails with exit code 2 in strict mode when the sample's rejected rows are found, and still writes the rejects", () => {
    const out = tempDir("strict")
    const result = runCli(["report", "--strict", "--format", "json", "--out", out, "--quiet"])
    expectUserError(result, 2, "--strict", "rejects.csv")
    expect(existsSync(join(out, "rejects.csv"))).toBe(true)
    expect(existsSync(join(out, "report.json"))).toBe(false)
  })
})

describe("ambu --help", () => {
  it("lists every command, and each command's flags", () => {
    const top = runCli(["--help"])
    expect(top.status).toBe(0)
    for (const command of ["report", "validate", "sample", "metrics"]) expect(top.stdout).toContain(command)

    const report = runCli(["report", "--help"]).stdout
    for (const flag of [
      "--missions",
      "--rescue",
      "--geography",
      "--from",
      "--to",
      "--format",
      "--out",
      "--lang",
      "--strict",
      "--generated-at",
    ]) {
      expect(report).toContain(flag)
    }
    const validate = runCli(["validate", "--help"]).stdout
    for (const flag of ["--missions", "--rescue", "--geography", "--strict", "--json"])
      expect(validate).toContain(flag)
    const sample = runCli(["sample", "--help"]).stdout
    for (const flag of ["--missions", "--seed", "--out"]) expect(sample).toContain(flag)
  })
})
