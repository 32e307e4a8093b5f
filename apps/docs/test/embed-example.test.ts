import { execFile } from "node:child_process"
import { readFileSync } from "node:fs"
import { createServer } from "node:http"
import type { AddressInfo } from "node:net"
import { join, normalize } from "node:path"
import { promisify } from "node:util"
import { describe, expect, it } from "vitest"
import { BUILD_DIR } from "../src/site/paths.js"
import { builtPage } from "./built-site.js"

const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium"

/** Serves the built site on a free local port, as an intranet server would. */
const serveSite = async () => {
  const server = createServer((request, response) => {
    const path = normalize(decodeURIComponent((request.url ?? "/").split("?")[0]!))
    try {
      response.end(readFileSync(join(BUILD_DIR, path)))
    } catch {
      response.statusCode = 404
      response.end()
    }
  })
  await new Promise<void>((done) => server.listen(0, "127.0.0.1", done))
  return { server, port: (server.address() as AddressInfo).port }
}

describe("the embedding example", () => {
  it("draws the availability-goal table and quotes the waiting-time result from the sample report", async () => {
    builtPage("embed-example.html")
    const report = JSON.parse(builtPage("sample/report.json"))
    const { server, port } = await serveSite()

    try {
      const { stdout: dom } = await promisify(execFile)(CHROMIUM, [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--no-first-run",
        "--virtual-time-budget=5000",
        "--dump-dom",
        `http://127.0.0.1:${port}/embed-example.html`,
      ])

      const slide = report.slides.find((s: { id: string }) => s.id === "availability-goal")
      const table = slide.blocks.find((b: { kind: string }) => b.kind === "table")
      const drawnRows = [...dom.matchAll(/<tr[\s>]/g)].length
      // One header row plus one row per row of the slide's table.
      expect(drawnRows).toBe(1 + table.rows.length)

      const cases = report.metrics["waiting-time"].result.wholeRegion.cases
      expect(dom).toContain(`av ${cases} ärenden`)
    } finally {
      server.close()
    }
  })
})
