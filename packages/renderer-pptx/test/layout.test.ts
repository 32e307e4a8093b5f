import {
  type Block,
  type Column,
  numberCell,
  type Row,
  type Slide,
  type TableBlock,
  textCell,
} from "@ambu/core"
import { reportFixture } from "@ambu/core/testing"
import { describe, expect, it } from "vitest"
import { CONTENT, measure, SLIDE, widestWord, wrappedLines } from "../src/layout/geometry.js"
import { type PagePlan, planReport, planSlide } from "../src/layout/plan.js"
import {
  CELL_MARGIN,
  type ColumnNeed,
  columnNeeds,
  fitColumnWidths,
  headerHeights,
  headerRows,
  minimumWidth,
  paginateRows,
} from "../src/layout/table-layout.js"
import { labelsFor, SIZES } from "../src/theme.js"
import { chartSlide, durationChart, longTableSlide, reportWith } from "./support/reports.js"

const sv = labelsFor("sv")

describe("text measure and wrapping", () => {
  // A lower-case "a" is 0.6 em: at 10 pt, 0.6 × 10 / 72 = 0.0833 in; "aaaa" 0.3333 in; a space 0.0444 in.
  it("measures glyph by glyph", () => {
    expect(measure("aaaa", 10)).toBeCloseTo(0.3333, 4)
    expect(measure("aaaa", 10, true)).toBeCloseTo(0.3667, 4)
    expect(measure("1000", 10)).toBeCloseTo((4 * 0.64 * 10) / 72, 6)
  })

  it("wraps at spaces: two words of 0.333 in need 0.711 in, so two lines in 0.5 in", () => {
    expect(wrappedLines("aaaa", 0.5, 10)).toBe(1)
    expect(wrappedLines("aaaa aaaa", 0.5, 10)).toBe(2)
    expect(wrappedLines("aaaa aaaa", 0.75, 10)).toBe(1)
    expect(wrappedLines("", 0.5, 10)).toBe(1)
  })

  it("breaks a word wider than the line: ten a's (0.833 in) take two lines of 0.5 in", () => {
    expect(wrappedLines("aaaaaaaaaa", 0.5, 10)).toBe(2)
  })

  it("breaks a long word between whole glyphs, and after its hyphens where it has them", () => {
    // An "m" is 0.98 em, 0.1361 in at 10 pt: two (0.2722 in) do not fit 0.25 in, so five take five lines.
    expect(wrappedLines("mmmmm", 0.25, 10)).toBe(5)
    // "aaaa-" is 3.2 em = 0.4444 in, "aaaa" 0.3333 in: in 0.7 in no two pieces share a line.
    expect(wrappedLines("aaaa-aaaa-aaaa", 0.7, 10)).toBe(3)
    // After the broken word the line goes on: "aaaa" (0.3333 in) and " aa" (0.2111 in) share the last line.
    expect(wrappedLines("aaaa-aaaa-aaaa aa", 0.7, 10)).toBe(3)
  })

  it("never breaks at a no-break space: it joins a number to its unit into one word", () => {
    // "aaaa\u00a0aaaa" is one word: 8 × 0.0833 + 0.0444 = 0.7111 in.
    expect(widestWord("aaaa\u00a0aaaa aa", 10)).toBeCloseTo(0.7111, 4)
    expect(widestWord("aaaa aaaa", 10)).toBeCloseTo(0.3333, 4)
    // A no-break space is as wide as a space: 4 × 0.64 + 0.32 = 2.88 em = 0.4 in at 10 pt.
    expect(measure("1\u00a0617", 10)).toBeCloseTo(0.4, 9)
    expect(measure("1\u00a0617", 10)).toBeCloseTo(measure("1 617", 10), 9)
  })
})

describe("table pages", () => {
  const body = (count: number): Row["kind"][] => Array.from({ length: count }, () => "body" as const)
  const ones = (count: number): number[] => Array.from({ length: count }, () => 1)

  it("spreads rows evenly over the fewest pages instead of leaving a short last page", () => {
    // Filling pages of 8 would give 8 + 2; two pages of 5 hold the same rows.
    expect(paginateRows(ones(10), body(10), 8, 8)).toEqual([
      { start: 0, end: 5 },
      { start: 5, end: 10 },
    ])
    // A first page of 3 and later pages of 6 take 13 rows as 3 + 6 + 4; capped at 5: 3 + 5 + 5
    // (a cap under 5 would hold 3 + 4 + 4 = 11 rows in three pages and need a fourth).
    expect(paginateRows(ones(13), body(13), 3, 6)).toEqual([
      { start: 0, end: 3 },
      { start: 3, end: 8 },
      { start: 8, end: 13 },
    ])
  })

  it("fills each page with whole rows", () => {
    // 2.5 in holds rows 1 and 2 (2 in); the next page of 3 in holds the other three.
    expect(paginateRows([1, 1, 1, 1, 1], body(5), 2.5, 3)).toEqual([
      { start: 0, end: 2 },
      { start: 2, end: 5 },
    ])
  })

  it("keeps everything on one page when it fits", () => {
    expect(paginateRows([1, 1], body(2), 2, 2)).toEqual([{ start: 0, end: 2 }])
  })

  it("moves a group heading that would end a page to the next page", () => {
    const kinds: Row["kind"][] = ["body", "group-heading", "body", "body"]
    expect(paginateRows([1, 1, 1, 1], kinds, 2, 5)).toEqual([
      { start: 0, end: 1 },
      { start: 1, end: 4 },
    ])
  })

  it("still moves on past a row taller than a page", () => {
    expect(paginateRows([5, 1], body(2), 2, 2)).toEqual([
      { start: 0, end: 1 },
      { start: 1, end: 2 },
    ])
  })
})

describe("table header and columns", () => {
  const columns: Column[] = [
    { key: "m", label: "Kommun", align: "left" },
    { key: "d1", label: "1", align: "right", group: "Distrikt" },
    { key: "d2", label: "2", align: "right", group: "Distrikt" },
    { key: "t", label: "Totalt", align: "right" },
  ]

  it("spans a group over its columns and lets the other labels span both rows", () => {
    expect(headerRows(columns)).toEqual([
      [
        { text: "Kommun", colspan: 1, rowspan: 2, column: 0 },
        { text: "Distrikt", colspan: 2, rowspan: 1, column: 1 },
        { text: "Totalt", colspan: 1, rowspan: 2, column: 3 },
      ],
      [
        { text: "1", colspan: 1, rowspan: 1, column: 1 },
        { text: "2", colspan: 1, rowspan: 1, column: 2 },
      ],
    ])
  })

  it("has one header row without groups", () => {
    expect(headerRows([columns[0]!, columns[3]!])).toHaveLength(1)
  })

  /** Needs built by hand: the header fits one line at `natural`, two lines at `body`. */
  const need = (min: number, body: number, natural: number, floor = min): ColumnNeed => ({
    floor,
    min,
    body,
    natural,
    headerIn: (lines) => (lines === 1 ? natural : body),
  })

  it("keeps natural widths that fit, then wraps headers, then text, then shrinks all alike", () => {
    const needs = [need(1, 2, 3), need(0.5, 0.5, 1)]
    expect(fitColumnWidths(needs, 5)).toEqual([3, 1])
    // 3.5 in: one-line headers need 4 in; two-line ones 2 + 0.5 = 2.5 in. The spare 1 in of the 1.5 in
    // between those and the natural widths is shared alike: 2/3 of each column's way up.
    const wrapped = fitColumnWidths(needs, 3.5)
    expect(wrapped[0]).toBeCloseTo(2 + 2 / 3, 9)
    expect(wrapped[1]).toBeCloseTo(0.5 + 1 / 3, 9)
    // 2 in: under the body widths (2.5 in), over the minimum (1.5 in): half of the way from 1 to 2.
    expect(fitColumnWidths(needs, 2)).toEqual([1.5, 0.5])
    // 1 in: under every minimum; each shrinks by 1 / 1.5.
    const squeezed = fitColumnWidths(needs, 1)
    expect(squeezed[0]).toBeCloseTo(2 / 3, 9)
    expect(squeezed[1]).toBeCloseTo(1 / 3, 9)
  })

  it("breaks a text column's too long word before a header's words, and shrinks all alike only below that", () => {
    // A name column that keeps its words at 3 in and may go down to 0.8 in; a number column of 1 in.
    const needs = [need(3, 3, 3, 0.8), need(1, 1, 1)]
    // 3 in: between the floors (1.8 in) and the minimums (4 in), 1.2 / 2.2 of the way; only the names move.
    const [names, numbers] = fitColumnWidths(needs, 3)
    expect(names).toBeCloseTo(0.8 + (2.2 * 1.2) / 2.2, 9)
    expect(numbers).toBe(1)
    // 0.9 in: under the floors; each shrinks by 0.9 / 1.8.
    const squeezed = fitColumnWidths(needs, 0.9)
    expect(squeezed[0]).toBeCloseTo(0.4, 9)
    expect(squeezed[1]).toBeCloseTo(0.5, 9)
  })

  it("lets a text column's floor go down to 0.8 in, but never under its header's widest word", () => {
    const long = "Hässleholms-Osby-Östra-Göinge-Bromölla-landsbygdskommunen"
    const [name, count] = columnNeeds(
      [
        { key: "m", label: "Kommun", align: "left" },
        { key: "n", label: "Uppdrag", align: "right" },
      ],
      [{ kind: "body", cells: [textCell(long), numberCell(1354, "count", "sv")] }],
      9,
    )
    // The name is one word: min holds it whole, padded by 0.12 in and 0.06 in of slack.
    expect(name!.min).toBeCloseTo(measure(long, 9) + 0.18, 9)
    // Its floor is the readable 0.8 in (bold 9 pt "Kommun", 4.5 em × 9.9 / 72 = 0.6188 in + 0.18 in, is less).
    expect(name!.floor).toBeCloseTo(0.8, 9)
    // A number column's floor is its min: bold "Uppdrag" is 4.14 em × 9.9 / 72 = 0.5693 in, + 0.18 in.
    expect(count!.floor).toBeCloseTo(count!.min, 9)
    expect(count!.min).toBeCloseTo(0.7493, 4)
  })

  it("needs a number column's whole value and the header's widest word at the least", () => {
    const [share] = columnNeeds(
      [{ key: "s", label: "Andel eget distrikt", align: "right" }],
      [{ kind: "body", cells: [{ text: "12,5\u00a0%", value: 0.125, format: "share" }] }],
      10,
    )
    // Bold 10 pt: "distrikt" is 3.8 em × 10 × 1.1 / 72 = 0.5806 in; the cell "12,5 %" 3.44 em × 10 / 72
    // = 0.4778 in. Padding 0.12 in and slack 0.06 in: min = body = 0.7606 in. The whole label on one
    // line is 9.58 em × 11 / 72 = 1.4636 in: natural 1.6436 in. In two lines the narrowest is
    // "Andel eget" / "distrikt": 5.46 em = 0.8342 in, 1.0142 in with padding.
    expect(share!.min).toBeCloseTo(0.7606, 3)
    expect(share!.body).toBeCloseTo(0.7606, 3)
    expect(share!.natural).toBeCloseTo(1.6436, 3)
    expect(share!.headerIn(2)).toBeCloseTo(1.0142, 3)
  })

  it("gives a label spanning two header rows its whole height in the lower row", () => {
    const spanning: Column[] = [
      { key: "p", label: "Hela perioden", align: "right" },
      { key: "x", label: "x", align: "right", group: "G" },
    ]
    // Bold 10 pt "Hela perioden" is 7.06 em = 1.0786 in; in 0.9 − 0.12 in it takes two lines:
    // 2 × 10 × 1.2 / 72 + 0.04 = 0.3733 in. The group row and "x" take one line: 0.2067 in.
    const heights = headerHeights(headerRows(spanning), [0.9, 0.9], 10)
    expect(heights[0]).toBeCloseTo(0.2067, 4)
    expect(heights[1]).toBeCloseTo(0.3733, 4)
  })
})

/** Slides that push the layout: long text, many key figures, a wide table, a long grouped table. */
const stressSlides = (): Slide[] => {
  const paragraph =
    "Uppdragen delas upp efter den kommun som den hjälpsökande ringer ifrån, och en ambulans från ett annat distrikt kan utföra uppdraget när den egna är upptagen. "
  const months = Array.from({ length: 12 }, (_, index) => `2025-${String(index + 1).padStart(2, "0")}`)
  const wideColumns: Column[] = [
    { key: "station", label: "Station", align: "left" },
    ...months.map((month): Column => ({ key: month, label: month, align: "right" })),
    { key: "total", label: "Totalt", align: "right" },
  ]
  const wideRows: Row[] = Array.from({ length: 30 }, (_, index) => ({
    kind: index === 29 ? "total" : "body",
    cells: [
      textCell(`Ambulansstation med långt namn ${index + 1}`),
      ...months.map((_, m) => numberCell(1000 + index * m, "count", "sv")),
      numberCell(123456, "count", "sv"),
    ],
  }))
  const groupedRows: Row[] = Array.from({ length: 45 }, (_, index) => ({
    kind: index % 9 === 0 ? "group-heading" : index % 9 === 8 ? "subtotal" : "body",
    cells: [
      textCell(`Kommun ${index}`),
      numberCell(index, "duration", "sv", index % 4 === 0 ? ["over-goal"] : []),
    ],
  }))
  const blocks = (list: Block[]): Block[] => list
  return [
    {
      id: "long-text",
      number: 1,
      title: "Väntetid – en lång rubrik som inte får plats på en rad i bildens titelfält utan bryts",
      blocks: blocks([
        { kind: "text", paragraphs: [paragraph.repeat(2), paragraph, paragraph] },
        durationChart,
        longTableSlide(16).blocks[0]!,
      ]),
      notes: "",
      metricIds: [],
    },
    {
      id: "key-figures",
      number: 2,
      title: "Nyckeltal",
      blocks: blocks([
        {
          kind: "key-figures",
          items: Array.from({ length: 6 }, (_, index) => ({
            label: `Nyckeltal nummer ${index + 1} med en lång etikett`,
            value: numberCell(0.5 + index / 100, "share", "sv", ["over-goal"]),
          })),
        },
        durationChart,
      ]),
      notes: "",
      metricIds: [],
    },
    {
      id: "wide",
      number: 3,
      title: "Antal uppdrag per station",
      blocks: blocks([
        { kind: "table", id: "wide", caption: "Per station och månad", columns: wideColumns, rows: wideRows },
      ]),
      notes: "",
      metricIds: [],
    },
    {
      id: "grouped",
      number: 4,
      title: "Uppdragstider prio 1 per kommun",
      blocks: blocks([
        {
          kind: "table",
          id: "grouped",
          caption: "Median per kommun",
          columns: [
            { key: "m", label: "Kommun", align: "left" },
            { key: "v", label: "Median", align: "right" },
          ],
          rows: groupedRows,
          notes: ["Mål: under 18 minuter."],
        },
      ]),
      notes: "",
      metricIds: [],
    },
    chartSlide(durationChart),
  ]
}

/**
 * The segment-times table of a region with long names: one municipality's
 * name a single 57-letter word, another of several words, a station-like
 * group heading; ten columns, eight of them under "Mediantid".
 */
const longNamesSlide = (): Slide => {
  const medians = [
    "Samtal besvarat till larmad",
    "Startintervall",
    "Körtid till hämtadress",
    "Larm till framme hämtadress",
    "Tid på hämtadress",
    "Transporttid",
    "Överlämning till klar",
    "Uppdragstid",
  ]
  const columns: Column[] = [
    { key: "m", label: "Kommun", align: "left" },
    { key: "n", label: "Uppdrag", align: "right" },
    ...medians.map(
      (label, index): Column => ({ key: `s${index}`, label, align: "right", group: "Mediantid" }),
    ),
  ]
  const names = [
    "Hässleholms-Osby-Östra-Göinge-Bromölla-landsbygdskommunen",
    "Malmö stads sammanslagna storkommun med omnejd",
    "Vellinge",
    "Svedala",
  ]
  const row = (name: string, kind: Row["kind"]): Row => ({
    kind,
    cells: [
      textCell(name),
      numberCell(1354, "count", "sv"),
      ...medians.map((_, index) => numberCell(3827 - index * 200, "duration", "sv")),
    ],
  })
  const rows: Row[] = [
    {
      kind: "group-heading",
      cells: [
        textCell("Kommundistrikt 4 Nordöst (Kristianstad-Hässleholm)"),
        ...columns.slice(1).map(() => textCell("")),
      ],
    },
    ...names.map((name) => row(name, "body")),
    row("Totalt kommundistrikt 4", "subtotal"),
  ]
  return {
    id: "long-names",
    number: 1,
    title: "Uppdragstider prio 1 per kommun",
    blocks: [{ kind: "table", id: "long-names", caption: "", columns, rows }],
    notes: "",
    metricIds: [],
  }
}

describe("long names in a wide table", () => {
  const tables = planSlide(longNamesSlide(), sv).flatMap((page) =>
    page.items.flatMap((item) => (item.kind === "table" ? [item] : [])),
  )
  const padding = CELL_MARGIN[1] + CELL_MARGIN[3]

  it("is too wide to keep every word whole, even at the smallest font", () => {
    const { columns, rows } = longNamesSlide().blocks[0] as TableBlock
    expect(minimumWidth(columns, rows, SIZES.minTable)).toBeGreaterThan(CONTENT.w)
  })

  it("wraps every header between words only: each header word fits the columns it spans", () => {
    expect(tables.length).toBeGreaterThan(0)
    const broken = tables.flatMap(({ fitted }) =>
      fitted.header.flat().flatMap((cell) => {
        const span = fitted.widths.slice(cell.column, cell.column + cell.colspan).reduce((a, b) => a + b, 0)
        const inner = span - padding
        return widestWord(cell.text, fitted.fontPt, true) > inner + 1e-9
          ? [`"${cell.text}" in ${inner.toFixed(3)} in at ${fitted.fontPt} pt`]
          : []
      }),
    )
    expect(broken).toEqual([])
  })

  it("breaks the 57-letter name inside its column instead, and makes its row tall enough for it", () => {
    const { fitted } = tables[0]!
    const nameColumn = fitted.widths[0]! - padding
    const name = "Hässleholms-Osby-Östra-Göinge-Bromölla-landsbygdskommunen"
    expect(fitted.fontPt).toBe(SIZES.minTable)
    expect(measure(name, fitted.fontPt)).toBeGreaterThan(nameColumn)
    const lines = wrappedLines(name, nameColumn, fitted.fontPt)
    expect(lines).toBeGreaterThan(1)
    // Row 1 (after the group heading) holds it: as many lines as it wraps into, and the padding.
    expect(fitted.bodyHeights[1]).toBeCloseTo((lines * fitted.fontPt * 1.2) / 72 + 0.04, 9)
    expect(fitted.widths.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(CONTENT.w + 1e-9)
  })
})

describe("nothing runs off the slide", () => {
  const reports = [
    reportFixture,
    reportWith(stressSlides()),
    reportWith([longTableSlide(80)]),
    reportWith([longNamesSlide()]),
  ]
  const tolerance = 1e-9

  it.each(reports.map((report, index) => [index, report] as const))("report %i", (_index, report) => {
    const pages = planReport(report, sv)
    const outside = pages.flatMap((page, pageIndex) =>
      page.items
        .filter(
          (item) =>
            item.box.x < CONTENT.x - tolerance ||
            item.box.y < CONTENT.y - tolerance ||
            item.box.x + item.box.w > CONTENT.x + CONTENT.w + tolerance ||
            item.box.y + item.box.h > CONTENT.y + CONTENT.h + tolerance ||
            item.box.h <= 0 ||
            item.box.w <= 0,
        )
        .map((item) => `page ${pageIndex + 1}: ${item.kind} ${JSON.stringify(item.box)}`),
    )
    expect(outside).toEqual([])
    expect(CONTENT.y + CONTENT.h).toBeLessThan(SLIDE.height)
  })

  it("splits the 30-row wide table and keeps its 14 columns within the width", () => {
    const pages = planSlide(stressSlides()[2]!, sv)
    expect(pages.length).toBeGreaterThan(1)
    const tables = pages.flatMap((page) => page.items.filter((item) => item.kind === "table"))
    // All 30 rows appear once, in order, over the pages.
    const ranges = tables.map((item) => (item.kind === "table" ? [item.start, item.end] : []))
    expect(ranges[0]![0]).toBe(0)
    expect(ranges.at(-1)![1]).toBe(30)
    ranges.slice(1).forEach((range, index) => {
      expect(range[0]).toBe(ranges[index]![1])
    })
  })
})

describe("slide plans", () => {
  const kindsOf = (page: PagePlan) => page.items.map((item) => item.kind)
  const slideOf = (blocks: Block[], title = "Antal uppdrag per station"): Slide => ({
    id: "s",
    number: 1,
    title,
    blocks,
    notes: "",
    metricIds: [],
  })
  const table = longTableSlide(17).blocks[0]!

  it("leaves out a table caption that only repeats the slide's title", () => {
    const repeating = { ...table, caption: "Antal uppdrag per station" } as Block
    expect(kindsOf(planSlide(slideOf([repeating]), sv)[0]!)).toEqual(["table"])
    expect(kindsOf(planSlide(slideOf([table]), sv)[0]!)).toEqual(["caption", "table"])
  })

  it("moves a chart to a slide of its own when the table beside it would break its words", () => {
    const wide = stressSlides()[2]!.blocks[0]!
    const pages = planSlide(slideOf([{ kind: "text", paragraphs: ["Kort."] }, durationChart, wide]), sv)
    expect(kindsOf(pages[0]!)).toEqual(["paragraphs", "caption", "chart"])
    expect(pages[1]!.title).toBe("Antal uppdrag per station (forts.)")
    expect(kindsOf(pages[1]!)).toContain("table")
  })

  it("keeps a narrow table beside its chart", () => {
    const pages = planSlide(slideOf([durationChart, longTableSlide(3).blocks[0]!]), sv)
    expect(pages).toHaveLength(1)
    expect(kindsOf(pages[0]!)).toEqual(["caption", "chart", "caption", "table"])
  })

  it("gives a table that continues the whole width instead of sharing the slide", () => {
    const short = { ...longTableSlide(3).blocks[0]!, id: "short" } as Block
    const long = { ...longTableSlide(60).blocks[0]!, id: "long" } as Block
    const pages = planSlide(slideOf([short, long]), sv)
    const tableIds = pages.map((page) =>
      page.items.flatMap((item) => (item.kind === "table" ? [item.table.id] : [])),
    )
    expect(tableIds).toEqual([["short"], ["long"], ["long"], ["long"]])
    for (const page of pages)
      for (const item of page.items) if (item.kind === "table") expect(item.box.x).toBe(CONTENT.x)

    // Two short tables fit side by side on one slide.
    const beside = planSlide(slideOf([short, { ...short, id: "other" } as Block]), sv)
    expect(beside).toHaveLength(1)
  })

  /*
   * Six one-line paragraphs with 6 pt between them: at 14 pt
   * 6 × 0.2333 + 5 × 0.0833 + 0.1 = 1.9167 in, leaving 5.7 − 1.9167 − 0.2 = 3.5833 in;
   * at 12 pt 1.7167 in, leaving 3.7833 in. Less the caption (0.3 in) and a 9 pt header
   * (0.19 in), 9 pt rows of 0.19 in: 16 rows at 14 pt (3.0933 in), 17 at 12 pt (3.2933 in).
   * A 17-row table therefore needs a second slide at 14 pt and not at 12 pt.
   */
  it("sets the explanation smaller when that keeps the table on one slide", () => {
    const text: Block = { kind: "text", paragraphs: Array.from({ length: 6 }, () => "Rad.") }
    const pages = planSlide(slideOf([text, table]), sv)
    expect(pages).toHaveLength(1)
    const paragraphs = pages[0]!.items.find((item) => item.kind === "paragraphs")
    expect(paragraphs?.kind === "paragraphs" && paragraphs.fontPt).toBe(12)

    const short = planSlide(slideOf([text, longTableSlide(10).blocks[0]!]), sv)
    const kept = short[0]!.items.find((item) => item.kind === "paragraphs")
    expect(kept?.kind === "paragraphs" && kept.fontPt).toBe(14)
  })
})
