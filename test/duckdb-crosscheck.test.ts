import { spawnSync } from "node:child_process"
import { join } from "node:path"
import { describe, expect, it } from "vitest"
import { REPO } from "./support/cli.js"

const node = (script: string, args: ReadonlyArray<string> = []) =>
  spawnSync(process.execPath, [join(REPO, script), ...args], {
    cwd: REPO,
    encoding: "utf8",
    maxBuffer: 64 << 20,
  })

/**
 * Every figure of the report on the bundled sample, computed a second time
 * by DuckDB with SQL written from the specification alone, must agree with
 * ambu's: counts exactly, medians within half a second. The SQL side has
 * its own hand-worked self-test.
 */
describe("the DuckDB cross-check", () => {
  it("passes its own hand-worked self-test", () => {
    const result = node("bench/selftest.mjs")
    expect(result.stderr + result.stdout).not.toMatch(/FAIL/)
    expect(result.status).toBe(0)
  })

  it("finds no figure of the sample report that differs", () => {
    const sample = join(REPO, "packages/core/data/sample")
    const result = node("bench/crosscheck.mjs", [
      "--missions",
      join(sample, "missions.csv.gz"),
      "--rescue",
      join(sample, "rescue_cases.csv.gz"),
    ])
    expect(result.stdout + result.stderr).not.toMatch(/DIFF/)
    expect(result.status).toBe(0)
  })
})
