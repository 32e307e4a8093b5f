import { HOSTILE_NAME, reportFixture } from "@ambu/core/testing"
import JSZip from "jszip"
import { beforeAll, describe, expect, it } from "vitest"
import {
  type Deck,
  duplicateShapeIds,
  relsPathOf,
  renderDeck,
  resolveTarget,
  runTexts,
  shapeIds,
  slidePaths,
  tableCells,
} from "./support/deck.js"
import { chartSlide, durationChart, longTableSlide, reportWith } from "./support/reports.js"
import { attributesOf, decodeEntities, xmlProblems } from "./support/xml.js"

let deck: Deck

beforeAll(async () => {
  deck = await renderDeck(reportFixture)
})

describe("package structure", () => {
  it("has well-formed XML in every .xml and .rels part", () => {
    const parts = deck.paths.filter((path) => /\.(xml|rels)$/.test(path))
    expect(parts.length).toBeGreaterThan(20)
    const problems = parts.flatMap((path) => xmlProblems(deck.text(path), path))
    expect(problems).toEqual([])
  })

  it("resolves every internal relationship target to a part", () => {
    const missing = deck.paths
      .filter((path) => path.endsWith(".rels"))
      .flatMap((rels) => {
        const xml = deck.text(rels)
        const internal = [...xml.matchAll(/<Relationship\b[^>]*>/g)].filter(
          (match) => !/TargetMode="External"/.test(match[0]),
        )
        return internal
          .map((match) => resolveTarget(rels, /Target="([^"]*)"/.exec(match[0])![1]!))
          .filter((target) => !deck.binary.has(target))
          .map((target) => `${rels} -> ${target}`)
      })
    expect(missing).toEqual([])
  })

  it("gives every part a content type, by Override or by Default extension", () => {
    const types = deck.text("[Content_Types].xml")
    const overrides = new Set(attributesOf(types, "Override", "PartName"))
    const defaults = new Set(attributesOf(types, "Default", "Extension").map((ext) => ext.toLowerCase()))
    const uncovered = deck.paths
      .filter((path) => path !== "[Content_Types].xml")
      .filter((path) => !overrides.has(`/${path}`) && !defaults.has(path.split(".").pop()!.toLowerCase()))
    expect(uncovered).toEqual([])
  })

  it("embeds a workbook for every chart, referenced from the chart's rels", async () => {
    const charts = deck.paths.filter((path) => /^ppt\/charts\/chart\d+\.xml$/.test(path))
    // The fixture has two charts: the stacked bars of slide 2 and the line chart of slide 3.
    expect(charts).toEqual(["ppt/charts/chart1.xml", "ppt/charts/chart2.xml"])
    for (const chart of charts) {
      const rels = relsPathOf(chart)
      const targets = attributesOf(deck.text(rels), "Relationship", "Target").map((t) =>
        resolveTarget(rels, t),
      )
      const workbook = targets.find((target) => /^ppt\/embeddings\/.+\.xlsx$/.test(target))
      expect(workbook, chart).toBeDefined()
      const xlsx = await JSZip.loadAsync(deck.binary.get(workbook!)!)
      expect(xlsx.file("xl/worksheets/sheet1.xml"), workbook).not.toBeNull()
    }
  })

  it("gives every shape on a slide its own id, numbered 1, 2, 3, … in document order", () => {
    expect(duplicateShapeIds(deck)).toEqual({})
    // Slide 2 (pptxgenjs gave its table the id 3 of the heading rule): the shape tree, heading, rule,
    // text, chart caption, chart, table caption, table and the two footers.
    expect(shapeIds(deck.text("ppt/slides/slide2.xml"))).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10])
  })

  it("has one slide per model slide (the fixture has no long table)", () => {
    expect(slidePaths(deck)).toHaveLength(reportFixture.slides.length)
    expect(attributesOf(deck.text("ppt/presentation.xml"), "p:sldId", "r:id")).toHaveLength(6)
  })

  it("is 16:9 wide: 13.333 × 7.5 in", () => {
    const size = /<p:sldSz cx="(\d+)" cy="(\d+)"/.exec(deck.text("ppt/presentation.xml"))
    // 13.333 in × 914400 EMU/in = 12 192 000 EMU; 7.5 in = 6 858 000 EMU.
    expect([Number(size![1]), Number(size![2])]).toEqual([12192000, 6858000])
  })

  it("puts each model slide's notes into its slide's speaker notes", () => {
    const slides = slidePaths(deck)
    reportFixture.slides.forEach((modelSlide, index) => {
      if (modelSlide.notes === "") return
      const rels = relsPathOf(slides[index]!)
      const notes = attributesOf(deck.text(rels), "Relationship", "Target")
        .map((target) => resolveTarget(rels, target))
        .find((path) => path.startsWith("ppt/notesSlides/"))
      expect(notes, modelSlide.id).toBeDefined()
      expect(runTexts(deck.text(notes!)).join("\n")).toContain(modelSlide.notes)
    })
  })
})

describe("content", () => {
  it("escapes the hostile name in slide XML and never writes it as markup", () => {
    const slides = slidePaths(deck).map((path) => deck.text(path))
    const all = slides.join("\n")
    expect(all).toContain("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &quot;Ö&quot; =cmd")
    expect(all).not.toContain("<script")
    // Slide 4's table shows it as text; on slide 5 it names its area's shape on the map (map.test.ts).
    expect(runTexts(slides[3]!)).toContain(HOSTILE_NAME)
    expect(slides[4]).toContain(
      'name="&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &quot;Ö&quot; =cmd: ▲ 20:00"',
    )
  })

  it("draws tables as native tables with the group header spanning its columns", () => {
    const slide4 = deck.text(slidePaths(deck)[3]!)
    expect(slide4).toContain("<a:tbl>")
    // "Ambulansdistrikt" groups the columns 1, 2 and Externa.
    expect(slide4).toMatch(/<a:tc gridSpan="3"[^>]*>.*?<a:t>Ambulansdistrikt<\/a:t>/)
    // Kommun, Totalt and Andel eget distrikt span both header rows.
    expect(slide4.match(/<a:tc rowSpan="2"/g)).toHaveLength(3)
  })

  it("marks own-district cells grey, over-goal values with ▲ and suppressed counts with *", () => {
    const slides = slidePaths(deck).map((path) => deck.text(path))
    // Malmö's 90 and the subtotal's 93 are own-district (D9D9D9); the suppressed 3 too.
    const grey = tableCells(slides[3]!).filter((cell) => cell.fill === "D9D9D9")
    expect(grey.map((cell) => cell.text)).toEqual(["90", "3 *", "93"])
    expect(runTexts(slides[3]!)).toContain("* = litet antal, redovisas inte vid publicering")
    // The map's Söderby stand-in (the hostile name) is over its goal: 20:00.
    expect(runTexts(slides[4]!)).toContain("▲ 20:00")
    expect(runTexts(slides[4]!)).toContain("▲ = målet nås inte")
    // The key figure 89,9 % misses its goal.
    expect(runTexts(slides[2]!)).toContain("▲ 89,9\u00a0%")
  })

  it("tags every text run with the report's language (sv-SE), for spelling in PowerPoint", () => {
    const slides = slidePaths(deck).map((path) => deck.text(path))
    const languages = new Set(slides.flatMap((xml) => attributesOf(xml, "a:rPr", "lang")))
    expect(languages).toEqual(new Set(["sv-SE"]))
  })

  it("shows the error block as a visible notice", () => {
    const texts = runTexts(deck.text(slidePaths(deck)[5]!))
    expect(texts).toContain('Måttet "p90" kunde inte beräknas: division by zero')
    expect(texts).toContain("⚠ Kunde inte tas fram")
  })

  it("draws stacked bars with a count axis format", () => {
    const chart = deck.text("ppt/charts/chart1.xml")
    expect(chart).toContain("<c:barChart>")
    expect(chart).toContain('<c:grouping val="stacked"/>')
    expect(chart).toMatch(/<c:valAx>.*<c:numFmt formatCode="#,##0"/s)
    // Prio 1 values as in the model: 450, 410, 470.
    expect(chart).toMatch(
      /<c:v>Prio 1<\/c:v>.*?<c:val>.*?<c:pt idx="0"><c:v>450<\/c:v><\/c:pt><c:pt idx="1"><c:v>410<\/c:v><\/c:pt><c:pt idx="2"><c:v>470<\/c:v>/,
    )
  })

  it("draws the line chart with its goal as a dashed series, and a null as a gap", async () => {
    const chart = deck.text("ppt/charts/chart2.xml")
    expect(chart.match(/<c:lineChart>/g)).toHaveLength(2)
    expect(chart).toContain("<c:v>Mål 90 %</c:v>")
    expect(chart).toContain('<a:prstDash val="dash"/>')
    expect(chart).toMatch(/<c:valAx>.*<c:numFmt formatCode="0.0%"/s)
    expect(chart).toContain('<c:dispBlanksAs val="gap"/>')
    // Sydväst is [0.95, null, 0.93]: points 0 and 2 only, of 3.
    const sydvast = /<c:v>Sydväst<\/c:v>.*?<c:val>(.*?)<\/c:val>/.exec(chart)![1]!
    expect(sydvast).toContain('<c:ptCount val="3"/>')
    expect([...sydvast.matchAll(/<c:pt idx="(\d+)">/g)].map((m) => m[1])).toEqual(["0", "2"])

    // In the workbook Sydväst is column C, in the chart's 0.0 % (style 1); its February cell (row 3) is empty, not 0.
    const xlsx = await JSZip.loadAsync(deck.binary.get("ppt/embeddings/Microsoft_Excel_Worksheet2.xlsx")!)
    const sheet = await xlsx.file("xl/worksheets/sheet1.xml")!.async("string")
    expect(sheet).toContain('<c r="C2" s="1"><v>0.95</v></c>')
    expect(sheet).not.toContain('<c r="C3">')
    expect(sheet).toContain('<c r="C4" s="1"><v>0.93</v></c>')
  })
})

describe("long tables", () => {
  /** The font sizes (in hundredths of a point) of the text inside a slide's table cells. */
  const tableFontSizes = (xml: string): ReadonlySet<string> =>
    new Set(
      [...xml.matchAll(/<a:tc\b[\s\S]*?<\/a:tc>/g)].flatMap((cell) => attributesOf(cell[0], "a:rPr", "sz")),
    )

  /*
   * A one-line row at 10 pt is 10 × 1.2 / 72 + 2 × 0.02 = 0.2067 in, at 9 pt
   * 0.19 in. The content area is 5.7 in; the caption takes
   * 12 × 1.2 / 72 + 0.1 = 0.3 in, so a page holds 5.4 in of header and rows:
   * at 10 pt 25 rows (26 × 0.2067 = 5.37), at 9 pt 27 rows (28 × 0.19 = 5.32).
   * 60 rows need 3 slides at either size, so the larger 10 pt is kept, and the
   * rows are spread evenly: 20 + 20 + 20 rather than 25 + 25 + 10.
   */
  it("continues a 60-row table on three slides, rows balanced, header repeated and (forts.) in the title", async () => {
    const d = await renderDeck(reportWith([longTableSlide(60)]))
    const slides = slidePaths(d).map((path) => d.text(path))
    expect(slides).toHaveLength(3)

    const rowsPerSlide = slides.map((xml) => (xml.match(/<a:tr /g) ?? []).length)
    expect(rowsPerSlide).toEqual([21, 21, 21])
    for (const xml of slides) expect(runTexts(xml)).toContain("Station")
    for (const xml of slides) expect([...tableFontSizes(xml)]).toEqual(["1000"])

    const titles = slides.map((xml) => runTexts(xml)[0])
    expect(titles).toEqual([
      "Antal uppdrag per station",
      "Antal uppdrag per station (forts.)",
      "Antal uppdrag per station (forts.)",
    ])
    expect(runTexts(slides[2]!)).toContain("Station 60")
  })

  it("keeps a 24-row table on one slide at a smaller font", async () => {
    // Header and 24 rows: at 11 pt 25 × (11 × 1.2 / 72 + 0.04) = 5.58 in > 5.4 in; at 10 pt 25 × 0.2067 = 5.17 in fits.
    const d = await renderDeck(reportWith([longTableSlide(24)]))
    const slides = slidePaths(d)
    expect(slides).toHaveLength(1)
    expect([...tableFontSizes(d.text(slides[0]!))]).toEqual(["1000"])
  })

  it("numbers the footer by the model's slide: 'Bild 9' first, 'Bild 9 (forts.)' on the further slides", async () => {
    // A short chart slide numbered 8, then the 60-row table numbered 9 on three slides (see above).
    const report = {
      ...reportFixture,
      slides: [
        { ...chartSlide(durationChart), number: 8 },
        { ...longTableSlide(60), number: 9 },
      ],
    }
    const footers = async (deck: Deck) => slidePaths(deck).map((path) => runTexts(deck.text(path)).at(-1))
    expect(await footers(await renderDeck(report))).toEqual([
      "Bild 8",
      "Bild 9",
      "Bild 9 (forts.)",
      "Bild 9 (forts.)",
    ])
    expect(await footers(await renderDeck({ ...report, language: "en" }))).toEqual([
      "Slide 8",
      "Slide 9",
      "Slide 9 (cont.)",
      "Slide 9 (cont.)",
    ])
  })

  it("repeats the speaker notes on continuation slides", async () => {
    const d = await renderDeck(reportWith([longTableSlide(60)]))
    const notes = d.paths.filter((path) => /^ppt\/notesSlides\/notesSlide\d+\.xml$/.test(path))
    expect(notes).toHaveLength(3)
    for (const path of notes)
      expect(decodeEntities(d.text(path))).toContain("Station = resursens hemmastation.")
  })
})
