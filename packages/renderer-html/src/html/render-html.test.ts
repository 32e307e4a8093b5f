import { createHash } from "node:crypto"
import type { Report } from "@ambu/core"
import { HOSTILE_NAME, reportFixture } from "@ambu/core/testing"
import { JSDOM } from "jsdom"
import { describe, expect, it } from "vitest"
import { renderHtml } from "./render-html.js"

const html = renderHtml(reportFixture)
const page = new JSDOM(html).window.document

const englishReport: Report = { ...reportFixture, language: "en" }

describe("renderHtml: the page", () => {
  it("matches the snapshot file of the whole fixture page", async () => {
    await expect(html).toMatchFileSnapshot("__snapshots__/fixture-page.html")
  })

  it("is byte-identical for the same report", () => {
    expect(renderHtml(reportFixture)).toBe(html)
  })

  it("has one section per slide, in model order, and the report's language", () => {
    const sections = [...page.querySelectorAll("section.slide")]
    expect(sections.map((section) => section.getAttribute("data-slide-id"))).toEqual(
      reportFixture.slides.map((slide) => slide.id),
    )
    expect(page.documentElement.getAttribute("lang")).toBe("sv")
    expect(new JSDOM(renderHtml(englishReport)).window.document.documentElement.getAttribute("lang")).toBe(
      "en",
    )
  })

  it("labels each slide by its heading", () => {
    for (const section of page.querySelectorAll("section.slide")) {
      const heading = page.getElementById(section.getAttribute("aria-labelledby")!)
      expect(heading?.textContent?.length).toBeGreaterThan(0)
    }
  })

  it("numbers each slide's footer by the model's slide number: 'Bild n', in English 'Slide n'", () => {
    const footers = (document: Document) =>
      [...document.querySelectorAll(".slide-footer span:last-child")].map((span) => span.textContent)
    const numbers = reportFixture.slides.map((slide) => slide.number)
    expect(footers(page)).toEqual(numbers.map((number) => `Bild ${number}`))
    expect(footers(new JSDOM(renderHtml(englishReport)).window.document)).toEqual(
      numbers.map((number) => `Slide ${number}`),
    )
  })

  it("loads nothing: no src, no external href, no link or import", () => {
    expect(page.querySelectorAll("link, iframe, img, object, embed, [src]")).toHaveLength(0)
    for (const element of page.querySelectorAll("[href]")) expect(element.getAttribute("href")).toMatch(/^#/)
    expect(html).not.toMatch(/@import|url\((?!#)/)
  })

  it("hides the navigation chrome in print and sets the 16:9 page size", () => {
    const css = page.querySelector("style")!.textContent!
    expect(css).toContain("@page {\n  size: 13.333in 7.5in;\n  margin: 0;\n}")
    expect(css).toMatch(/@media print \{[\s\S]*\.deck-header,\s*\.slide-notes \{\s*display: none;/)
  })
})

describe("renderHtml: security", () => {
  const scripts = [...page.querySelectorAll("script")]
  const csp = page.querySelector('meta[http-equiv="Content-Security-Policy"]')?.getAttribute("content") ?? ""

  it("has exactly one script, the page's own, and a CSP that allows only it by hash", () => {
    expect(scripts).toHaveLength(1)
    const hash = createHash("sha256").update(scripts[0]!.textContent!, "utf8").digest("base64")

    expect(csp).toContain(`script-src 'sha256-${hash}'`)
    expect(csp).toContain("default-src 'none'")
    expect(csp).toContain("img-src data:")
    expect(csp).toContain("style-src 'unsafe-inline'")
    expect(csp).not.toMatch(/connect-src|unsafe-eval|script-src[^;]*unsafe-inline/)
  })

  it("puts the CSP before any style or script, so it governs them", () => {
    const head = [...page.head.children].map((element) => element.tagName.toLowerCase())
    expect(head.indexOf("meta", 1)).toBeLessThan(head.indexOf("style"))
  })

  it("shows the hostile name as text everywhere, never as markup", () => {
    // Table row header, map hover title: all as text equal to the name.
    const rowHeaders = [...page.querySelectorAll("tbody th[scope=row]")].map((th) => th.textContent)
    expect(rowHeaders.some((text) => text?.startsWith(HOSTILE_NAME))).toBe(true)
    const mapTitles = [...page.querySelectorAll(".map-block title")].map((title) => title.textContent)
    expect(mapTitles).toContain(`${HOSTILE_NAME}: 20:00 (över målet)`)

    // Outside the one allowed script, no `<script` survives in the markup.
    const withoutOwnScript = html.replace(`<script>${scripts[0]!.textContent}</script>`, "")
    expect(withoutOwnScript).not.toMatch(/<script/i)
  })
})

describe("renderHtml: tables", () => {
  const table = page.querySelector("#slide-04-b1 table")!

  it("has column headers with scope=col, group headers with scope=colgroup, and row headers", () => {
    const groupHeader = table.querySelector("thead th[scope=colgroup]")!
    expect(groupHeader.textContent).toBe("Ambulansdistrikt")
    expect(groupHeader.getAttribute("colspan")).toBe("3")
    expect([...table.querySelectorAll("thead th[scope=col]")].map((th) => th.textContent)).toEqual([
      "Kommun",
      "Totalt",
      "Andel eget distrikt",
      "1",
      "2",
      "Externa",
    ])
    expect(table.querySelectorAll("tbody th[scope=row]")).toHaveLength(3)
  })

  it("styles subtotal, total and group-heading rows by kind", () => {
    expect(table.querySelector("tr.row-group-heading th[scope=rowgroup]")?.textContent).toBe(
      "Kommundistrikt 1",
    )
    expect(table.querySelector("tr.row-group-heading th")?.getAttribute("colspan")).toBe("6")
    expect(table.querySelectorAll("tr.row-subtotal")).toHaveLength(1)
    expect(page.querySelectorAll("#slide-02-b3 tr.row-total")).toHaveLength(1)
  })

  it("greys own-district cells: Malmö 90, the hostile row's 3 and the subtotal's 93", () => {
    expect(
      [...table.querySelectorAll("td.own-district")].map((td) => td.textContent?.replace(/\s.*$/, "")),
    ).toEqual(["90", "3*", "93"])
  })

  it("marks suppressed cells with a visible * and a note saying what it means", () => {
    const cell = table.querySelector("td.suppressed")!
    expect(cell.querySelector(".mark")?.textContent).toBe("*")
    expect(cell.querySelector(".visually-hidden")?.textContent).toBe(" (dolt värde, få fall)")
    expect(page.querySelector("#slide-04-b1 .table-notes")?.textContent).toContain("* dolt värde, få fall")
  })
})

describe("renderHtml: over-goal marks", () => {
  const overGoalReport: Report = {
    ...reportFixture,
    slides: [
      {
        id: "t",
        number: 1,
        title: "T",
        notes: "",
        metricIds: [],
        blocks: [
          {
            kind: "table",
            id: "t",
            caption: "C",
            columns: [
              { key: "a", label: "A", align: "left" },
              { key: "b", label: "B", align: "right" },
            ],
            rows: [
              {
                kind: "body",
                cells: [
                  { text: "Lund", value: "Lund", format: "text" },
                  { text: "21:05", value: 1265, format: "duration", emphasis: ["over-goal"] },
                ],
              },
            ],
          },
        ],
      },
    ],
  }

  it("marks an over-goal cell by class, a ▲ sign and hidden words, so colour is not the only cue", () => {
    const document = new JSDOM(renderHtml(overGoalReport)).window.document
    const cell = document.querySelector("td.over-goal")!

    expect(cell.querySelector(".sign")?.textContent).toBe("▲")
    expect(cell.querySelector(".sign")?.getAttribute("aria-hidden")).toBe("true")
    expect(cell.querySelector(".visually-hidden")?.textContent).toBe(" (över målet)")
    expect(cell.textContent).toBe("▲ 21:05 (över målet)")
  })

  it("says it in English for an English report", () => {
    const document = new JSDOM(renderHtml({ ...overGoalReport, language: "en" })).window.document
    expect(document.querySelector("td.over-goal .visually-hidden")?.textContent).toBe(" (over goal)")
  })

  it("marks an over-goal key figure the same way", () => {
    const figure = page.querySelector(".key-figure.over-goal dd")!
    expect(figure.textContent).toBe("▲ 89,9\u00a0% (över målet)")
  })
})

describe("renderHtml: charts, map and error", () => {
  it("gives every chart SVG role=img, a name and a description", () => {
    const svgs = [...page.querySelectorAll(".chart-block svg[role=img]")]
    expect(svgs.map((svg) => svg.getAttribute("aria-label"))).toEqual([
      "Vårduppdrag per månad",
      "Andel framme inom 20 minuter",
    ])
    for (const svg of svgs) {
      const desc = page.getElementById(svg.getAttribute("aria-describedby")!)
      expect(desc?.tagName.toLowerCase()).toBe("desc")
      expect(desc?.textContent?.length).toBeGreaterThan(20)
    }
  })

  it("draws the goal line on the line chart", () => {
    const line = page.querySelector("#slide-03-b1 svg")!
    expect(line.querySelector('[aria-label="rule"][stroke-dasharray]')).not.toBeNull()
  })

  it("keeps ids unique across the page", () => {
    const ids = [...page.querySelectorAll("[id]")].map((element) => element.id)
    expect(new Set(ids).size).toBe(ids.length)
  })

  it("shows a failed plugin's message as a visible notice", () => {
    const notice = page.querySelector("#slide-06 .error-block")!
    expect(notice.textContent).toContain('Måttet "p90" kunde inte beräknas: division by zero')
  })
})

describe("renderHtml: speaker notes", () => {
  it("puts a slide's notes in a closed <details> after its section, one paragraph per blank-line block", () => {
    const withNotes: Report = {
      ...reportFixture,
      slides: reportFixture.slides.map((slide, index) =>
        index === 1 ? { ...slide, notes: "Definition.\n\nUnderlag: 12 uppdrag, 2 utelämnade." } : slide,
      ),
    }
    const document = new JSDOM(renderHtml(withNotes)).window.document
    const details = document.querySelector("#slide-02 + details.slide-notes")!

    expect(details.hasAttribute("open")).toBe(false)
    expect(details.querySelector("summary")?.textContent).toBe("Definition och datakvalitet")
    expect([...details.querySelectorAll("p")].map((p) => p.textContent)).toEqual([
      "Definition.",
      "Underlag: 12 uppdrag, 2 utelämnade.",
    ])
  })

  it("says it in English, and leaves it out for a slide without notes", () => {
    const document = new JSDOM(renderHtml(englishReport)).window.document
    const summaries = [...document.querySelectorAll("details.slide-notes summary")].map((s) => s.textContent)
    const withNotes = reportFixture.slides.filter((slide) => slide.notes.trim() !== "")
    expect(summaries).toEqual(withNotes.map(() => "Definition and data quality"))
  })
})

describe("renderHtml: a table too long for one slide", () => {
  const rows = 90
  const long: Report = {
    ...reportFixture,
    slides: [
      {
        id: "long",
        // Not 1, so the footer shows the model's number rather than the section's position.
        number: 9,
        title: "Mediantid per kommun",
        notes: "Definitionen.",
        metricIds: [],
        blocks: [
          {
            kind: "table",
            id: "l",
            caption: "Per kommun",
            columns: [
              { key: "m", label: "Kommun", align: "left" },
              { key: "n", label: "Ärenden", align: "right" },
            ],
            rows: Array.from({ length: rows }, (_, index) => ({
              kind: "body" as const,
              cells: [
                { text: `Kommun ${index + 1}`, value: `Kommun ${index + 1}`, format: "text" as const },
                { text: String(index), value: index, format: "count" as const },
              ],
            })),
          },
        ],
      },
    ],
  }
  const document = new JSDOM(renderHtml(long)).window.document
  const sections = [...document.querySelectorAll("section.slide")]

  it("continues on further sections of the same slide id, titled '(forts.)', with unique anchors", () => {
    expect(sections.length).toBeGreaterThan(1)
    expect(sections.map((section) => section.getAttribute("data-slide-id"))).toEqual(
      sections.map(() => "long"),
    )
    expect(sections.map((section) => section.querySelector("h2")?.textContent)).toEqual([
      "Mediantid per kommun",
      ...sections.slice(1).map(() => "Mediantid per kommun (forts.)"),
    ])
    expect(sections[1]!.id).toBe("slide-01-p2")
    expect(sections[1]!.classList.contains("slide--continued")).toBe(true)
  })

  it("repeats the header on every section and shows every row exactly once, in order", () => {
    for (const section of sections) expect(section.querySelectorAll("thead th")).toHaveLength(2)
    const shown = sections.flatMap((section) =>
      [...section.querySelectorAll("tbody th[scope=row]")].map((th) => th.textContent),
    )
    expect(shown).toEqual(Array.from({ length: rows }, (_, index) => `Kommun ${index + 1}`))
  })

  it("numbers every section by the model's slide, further ones '(forts.)', and puts the notes once, last", () => {
    expect(
      sections.map((section) => section.querySelector(".slide-footer span:last-child")?.textContent),
    ).toEqual(sections.map((_, index) => (index === 0 ? "Bild 9" : "Bild 9 (forts.)")))
    // The PNG files are named by these: slide-09.png, slide-09-2.png, …
    expect(sections.map((section) => section.getAttribute("data-slide-number"))).toEqual(
      sections.map(() => "9"),
    )
    expect(sections.map((section) => section.getAttribute("data-slide-page"))).toEqual(
      sections.map((_, index) => String(index + 1)),
    )
    expect(document.querySelectorAll("details.slide-notes")).toHaveLength(1)
    expect(sections[sections.length - 1]!.nextElementSibling?.matches("details.slide-notes")).toBe(true)
  })

  it("sets each table's size and column widths, and keeps numbers on one line", () => {
    const table = sections[0]!.querySelector(".table-block")!
    expect(table.getAttribute("style")).toMatch(/^--table-font: \d+(\.\d+)?; --table-width: \d+(\.\d+)?$/)
    const widths = [...table.querySelectorAll("col")].map((col) =>
      Number.parseFloat(col.getAttribute("style")!.slice(7)),
    )
    expect(widths.reduce((sum, width) => sum + width, 0)).toBeCloseTo(100, 1)
    expect(table.querySelector("tbody td")?.classList.contains("nowrap")).toBe(true)
  })
})
