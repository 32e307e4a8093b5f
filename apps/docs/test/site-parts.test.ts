import { describe, expect, it } from "vitest"
import { subcommandsOf } from "../src/build/cli-help.js"
import { anchorHeadings } from "../src/site/headings.js"
import { escapeHtml, jsonForScript, slugify } from "../src/site/html.js"
import { renderMarkdown, siteHref } from "../src/site/markdown.js"
import { fillMarkers } from "../src/site/markers.js"

const linker = (repoPath: string): string | undefined =>
  ({ "docs/plugins.md": "plugins.html", "examples/plugin-p90": "plugins.html#example-plugin-p90" })[repoPath]

describe("slugify", () => {
  it("folds Swedish letters and punctuation into dashed ASCII", () => {
    expect(slugify("Väntetid")).toBe("vantetid")
    expect(slugify("Hjärtstopp – IVPA – Ambulansassistans")).toBe("hjartstopp-ivpa-ambulansassistans")
    expect(slugify("Öst & Nordost (4)")).toBe("ost-nordost-4")
    expect(slugify("–")).toBe("section")
  })
})

describe("anchorHeadings", () => {
  it("gives headings ids, keeps given ones and numbers repeats", () => {
    const { html, headings } = anchorHeadings(
      `<h1>Metrics</h1><h2>Examples</h2><p id="examples-2">taken</p><h2>Examples</h2><h2 id="own">Mine</h2><h5>deep</h5>`,
    )

    expect(headings).toEqual([
      { level: 1, id: "metrics", text: "Metrics" },
      { level: 2, id: "examples", text: "Examples" },
      // "examples-2" is used by the paragraph, so the repeat takes the next number.
      { level: 2, id: "examples-3", text: "Examples" },
      { level: 2, id: "own", text: "Mine" },
    ])
    expect(html).toContain(`<h2 id="examples-3">Examples</h2>`)
    expect(html).toContain(`<h5>deep</h5>`)
  })
})

describe("siteHref", () => {
  it("maps docs links to pages, keeps the link's anchor, and leaves external and same-page links alone", () => {
    expect(siteHref("plugins.md", "docs/input.md", linker)).toBe("plugins.html")
    expect(siteHref("./plugins.md#hooks", "docs/input.md", linker)).toBe("plugins.html#hooks")
    expect(siteHref("../examples/plugin-p90/", "docs/plugins.md", linker)).toBe(
      "plugins.html#example-plugin-p90",
    )
    expect(siteHref("../../docs/plugins.md", "examples/plugin-p90/README.md", linker)).toBe("plugins.html")
    expect(siteHref("https://www.iana.org/time-zones", "docs/input.md", linker)).toBe(
      "https://www.iana.org/time-zones",
    )
    expect(siteHref("#values", "docs/input.md", linker)).toBe("#values")
    expect(siteHref("../packages/cli/src/main.ts", "docs/cli.md", linker)).toBeUndefined()
  })
})

describe("renderMarkdown", () => {
  it("turns a link the site cannot carry into plain text and reports it", () => {
    const unresolved: string[] = []
    const html = renderMarkdown(
      "See [the guide](plugins.md) and [the code](../packages/core/src/index.ts).",
      {
        file: "docs/metrics.md",
        linker,
        onUnresolved: (href) => unresolved.push(href),
      },
    )

    expect(html).toContain(`<a href="plugins.html">the guide</a>`)
    expect(html).toContain(`<span class="repo-path" title="../packages/core/src/index.ts">the code</span>`)
    expect(unresolved).toEqual(["../packages/core/src/index.ts"])
  })
})

describe("fillMarkers", () => {
  it("puts sections at their markers and appends the ones a page has no marker for", () => {
    const html = fillMarkers(
      "<p>a</p>\n<!-- ambu:one -->\n<p>b</p>",
      { one: "<p>1</p>", two: "<p>2</p>" },
      "x.md",
    )

    expect(html).toBe("<p>a</p>\n<p>1</p>\n<p>b</p>\n<p>2</p>")
  })

  it("refuses a marker that names no section", () => {
    expect(() => fillMarkers("<!-- ambu:typo -->", { one: "" }, "docs/x.md")).toThrow(
      'docs/x.md: marker "ambu:typo" names no generated section; this page has: one',
    )
  })
})

describe("subcommandsOf", () => {
  it("reads the SUBCOMMANDS section of the top-level help", () => {
    const help = [
      "USAGE",
      "  ambu <subcommand> [flags]",
      "",
      "SUBCOMMANDS",
      "  report      Make the follow-up report",
      "  validate    Read and check the input",
      "",
      "GLOBAL FLAGS",
      "  --help, -h    Show help information",
    ].join("\n")

    expect(subcommandsOf(help)).toEqual([
      { name: "report", summary: "Make the follow-up report" },
      { name: "validate", summary: "Read and check the input" },
    ])
  })
})

describe("escaping", () => {
  it("escapes markup and keeps a script's JSON from closing its element", () => {
    expect(escapeHtml(`<a href="x">&</a>`)).toBe("&lt;a href=&quot;x&quot;&gt;&amp;&lt;/a&gt;")
    expect(jsonForScript({ text: "</script>" })).toBe('{"text":"\\u003c/script>"}')
  })
})
