import { mkdirSync, mkdtempSync, readdirSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { describe, expect, it } from "vitest"
import { ALLOWED_EXTERNAL_LINKS } from "../src/site/allowed-links.js"
import { checkSiteLinks } from "../src/site/check-links.js"
import { BUILD_DIR } from "../src/site/paths.js"
import { builtPage } from "./built-site.js"

describe("checkSiteLinks on a small site", () => {
  const site = mkdtempSync(join(tmpdir(), "ambu-docs-links-"))
  mkdirSync(join(site, "sub"))
  writeFileSync(join(site, "sub", "file.pdf"), "%PDF")
  writeFileSync(join(site, "other.html"), `<h2 id="there">There</h2><a name="old">old</a>`)
  writeFileSync(
    join(site, "index.html"),
    [
      `<h1 id="top">Top</h1>`,
      `<a href="other.html">fine</a> <a href="other.html#there">fine</a> <a href="other.html#old">fine</a>`,
      `<a href="#top">fine</a> <a href="sub/file.pdf">fine</a> <img src="data:image/png;base64,AAAA">`,
      `<a href="https://allowed.example/page">fine</a>`,
      `<a href="missing.html">1</a> <a href="other.html#nowhere">2</a> <a href="#gone">3</a>`,
      `<a href="https://tracker.example/x">4</a> <img src='//cdn.example/x.png'> <a href="../outside.html">6</a>`,
      `<a href="sub/file.pdf#p2">7</a> <div style="background: url(http://cdn.example/bg.png)"></div>`,
      `<script>const html = '<a href="not-a-link.html">'</script>`,
    ].join("\n"),
  )

  it("names exactly the broken, external and outside links, and nothing in a script body", () => {
    const problems = checkSiteLinks(site, ["https://allowed.example/"])

    expect(problems.map((p) => `${p.file} ${p.link}`).sort()).toEqual(
      [
        "index.html #gone",
        "index.html ../outside.html",
        "index.html //cdn.example/x.png",
        "index.html http://cdn.example/bg.png",
        "index.html https://tracker.example/x",
        "index.html missing.html",
        "index.html other.html#nowhere",
        "index.html sub/file.pdf#p2",
      ].sort(),
    )
  })
})

describe("the built site", () => {
  it("has no link that does not resolve to a file (and anchor), and no external link off the allow-list", () => {
    builtPage("index.html")

    expect(checkSiteLinks(BUILD_DIR, ALLOWED_EXTERNAL_LINKS)).toEqual([])
  })

  it("gives every page the sidebar and the inline search", () => {
    const pages = readdirSync(BUILD_DIR).filter(
      (name) => name.endsWith(".html") && name !== "embed-example.html",
    )
    expect(pages.length).toBeGreaterThanOrEqual(8)

    for (const name of pages) {
      const html = builtPage(name)
      expect(html, name).toContain('<nav class="sidebar"')
      expect(html, name).toContain('<script type="application/json" id="search-index">')
    }
  })

  it("links the sample report's downloads and embeds its HTML", () => {
    const sample = builtPage("sample.html")

    for (const file of ["report.pdf", "report.pptx", "report.json", "data-quality.md", "rejects.csv"]) {
      expect(sample).toContain(`href="sample/${file}"`)
    }
    expect(sample).toContain('<iframe class="sample-frame" src="sample/report.html"')
  })
})
