import { spawnSync } from "node:child_process"
import { existsSync, readFileSync } from "node:fs"
import { join } from "node:path"
import { describe, expect, it } from "vitest"
import { FIXED_TIME, REPO, runCli, tempDir } from "../support/cli.js"

const PRELOAD = join(REPO, "test/hardening/support/no-network.mjs")

/** Runs the CLI with every network entry point replaced by one that records the attempt and throws. */
const runOffline = (args: ReadonlyArray<string>) => {
  const log = join(tempDir("network-log"), "attempts.txt")
  const result = runCli(args, {
    env: { NODE_OPTIONS: `--import=${PRELOAD}`, AMBU_NETWORK_LOG: log },
  })
  return { result, attempts: existsSync(log) ? readFileSync(log, "utf8") : "" }
}

describe("no network", () => {
  it("the guard itself records and refuses an attempt (so the test below can fail)", () => {
    // `ambu` has no command that goes online, so check the guard on a plain script instead.
    const log = join(tempDir("network-guard"), "attempts.txt")
    spawnSync(
      process.execPath,
      [
        "-e",
        "try { require('node:net').connect(443, '192.0.2.1') } catch {} try { require('node:dns').lookup('example.invalid', () => {}) } catch {}",
      ],
      { env: { ...process.env, NODE_OPTIONS: `--import=${PRELOAD}`, AMBU_NETWORK_LOG: log } },
    )
    expect(readFileSync(log, "utf8")).toMatch(/net\.Socket\.connect.*\ndns\.lookup example\.invalid/s)
  })

  it("a full report (json, html, pdf, pptx) makes no connection, lookup or request", () => {
    const out = tempDir("offline-report")
    const { result, attempts } = runOffline([
      "report",
      "--format",
      "json,html,pdf,pptx",
      "--out",
      out,
      "--generated-at",
      FIXED_TIME,
      "--quiet",
    ])

    expect(attempts).toBe("")
    expect(result.stderr).toBe("")
    // The PDF renderer fails the run when the page tried any request it had to block, so
    // a run that succeeds with a PDF had zero blocked requests inside Chromium as well.
    expect(result.status).toBe(0)
    for (const file of ["report.json", "report.html", "report.pdf", "report.pptx"]) {
      expect(existsSync(join(out, file)), file).toBe(true)
    }
  })
})
