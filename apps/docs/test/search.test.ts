import { execFileSync } from "node:child_process"
import { mkdtempSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { describe, expect, it } from "vitest"
import { builtPage } from "./built-site.js"

const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium"

/**
 * Types `query` into the search box of a built page in headless Chromium and
 * returns the result links. The page runs its own inline script; a probe
 * script after it fills the box and fires the input event.
 */
const searchResults = (query: string): { readonly hrefs: ReadonlyArray<string>; readonly text: string } => {
  const probe = `<script>
const box = document.getElementById("search")
box.value = ${JSON.stringify(query)}
box.dispatchEvent(new Event("input"))
</script>`
  const page = builtPage("index.html").replace("</body>", `${probe}\n</body>`)
  const dir = mkdtempSync(join(tmpdir(), "ambu-docs-search-"))
  writeFileSync(join(dir, "index.html"), page)

  const dom = execFileSync(
    CHROMIUM,
    [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--no-first-run",
      "--disable-background-networking",
      "--dump-dom",
      `file://${join(dir, "index.html")}`,
    ],
    { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] },
  )
  const list = /<ul id="search-results"[^>]*>([\s\S]*?)<\/ul>/.exec(dom)?.[1] ?? ""
  return {
    hrefs: [...list.matchAll(/<a href="([^"]*)">/g)].map((m) => m[1]!),
    text: list.replace(/<[^>]*>/g, " "),
  }
}

describe("the search box", () => {
  it("finds a metric by its Swedish title typed without accents", () => {
    expect(searchResults("vantetid").hrefs).toContain("metric-waiting-time.html")
  })

  it("finds headings inside pages, linked to their anchors", () => {
    expect(searchResults("daylight").hrefs).toContain("input.html#timestamps-and-daylight-saving")
  })

  it("says so when nothing matches", () => {
    const nothing = searchResults("zzzqqq")

    expect(nothing.hrefs).toEqual([])
    expect(nothing.text).toContain("No page or heading matches.")
  })
})
