import { existsSync, readFileSync } from "node:fs"
import { join } from "node:path"
import type { Report } from "@ambu/core"
import { renderHtml } from "@ambu/renderer-html"
import { beforeAll, describe, expect, it } from "vitest"
import { FIXED_TIME, runCli, tempDir } from "./support/cli.js"

/**
 * The built command draws html, pdf and png in a worker thread while it
 * builds the other formats (packages/cli/src/render-worker/). What a user
 * sees must not change: the same bytes as the renderer gives in one thread,
 * the files written in the order asked, and a failing format named as
 * before.
 */

describe("the HTML drawn in the worker thread", () => {
  let out: string
  beforeAll(() => {
    out = tempDir("worker")
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
    expect(result.status, result.stderr).toBe(0)
  })

  it("is byte for byte what the renderer draws from the same report in this thread", () => {
    const report = JSON.parse(readFileSync(join(out, "report.json"), "utf8")) as Report
    expect(readFileSync(join(out, "report.html"), "utf8")).toBe(renderHtml(report))
  })

  it("is listed in the order the formats were asked for", () => {
    const result = runCli([
      "report",
      "--format",
      "pptx,html,json",
      "--generated-at",
      FIXED_TIME,
      "--out",
      out,
      "--quiet",
    ])
    const listed = result.stdout.split("\n").filter((line) => line.startsWith("  "))
    expect(listed.slice(0, 3).map((line) => line.trim())).toEqual([
      join(out, "report.pptx"),
      join(out, "report.html"),
      join(out, "report.json"),
    ])
  })
})

describe("a format of the worker that fails", () => {
  it("is one error line naming format and plugin; the formats before it are written, those after it not", () => {
    const out = tempDir("worker-fail")
    const result = runCli(
      ["report", "--format", "json,pdf,pptx", "--generated-at", FIXED_TIME, "--out", out, "--quiet"],
      { env: { AMBU_CHROMIUM: "/nonexistent/chromium" } },
    )
    expect(result.status).toBe(1)
    const lines = result.stderr.trim().split("\n")
    expect(lines).toHaveLength(1)
    expect(lines[0]).toMatch(/^ambu: error: output format "pdf" \(plugin "@ambu\/renderer-html"\) failed: /)
    expect(lines[0]).toContain("/nonexistent/chromium")
    expect(result.stderr).not.toMatch(/\n\s+at /)
    expect(existsSync(join(out, "report.json"))).toBe(true)
    expect(existsSync(join(out, "report.pdf"))).toBe(false)
    expect(existsSync(join(out, "report.pptx"))).toBe(false)
  })
})

describe("a run that fails before anything is rendered", () => {
  it("ends at once with its error while the worker is still loading", () => {
    // The worker starts as soon as the formats are known; it must not keep a failing command alive.
    const started = Date.now()
    const result = runCli(["report", "--missions", "missions.csv", "--quiet"])
    expect(result.status).toBe(1)
    expect(result.stderr).toMatch(/^ambu: error: give both --missions and --rescue/)
    // Far below runCli's own time limit; only a left-open thread would take this long.
    expect(Date.now() - started).toBeLessThan(60_000)
  })
})
