import { type Block, type Column, numberCell, type Row, type Slide, textCell } from "@ambu/core"
import { reportFixture } from "@ambu/core/testing"
import { describe, expect, it } from "vitest"
import { CONTENT, measure, SLIDE, wrappedLines } from "../src/layout/geometry.js"
import { planReport, planSlide } from "../src/layout/plan.js"
import { fitColumnWidths, headerRows, paginateRows } from "../src/layout/table-layout.js"
import { labelsFor } from "../src/theme.js"
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
})

describe("table pages", () => {
  const body = (count: number): Row["kind"][] => Array.from({ length: count }, () => "body" as const)

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

  it("narrows text columns first, then every column", () => {
    const three = [columns[0]!, columns[1]!, columns[3]!]
    // Numbers keep 1 + 1 in; the text column gets the remaining 2 in of 4.
    expect(fitColumnWidths(three, [3, 1, 1], 4)).toEqual([2, 1, 1])
    // In 2.5 in the text column would get 0.5 in, under its 0.8 in minimum: all shrink by 2.5 / 5.
    expect(fitColumnWidths(three, [3, 1, 1], 2.5)).toEqual([1.5, 0.5, 0.5])
    expect(fitColumnWidths(three, [1, 1, 1], 4)).toEqual([1, 1, 1])
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

describe("nothing runs off the slide", () => {
  const reports = [reportFixture, reportWith(stressSlides()), reportWith([longTableSlide(80)])]
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
    ranges.slice(1).forEach((range, index) => expect(range[0]).toBe(ranges[index]![1]))
  })
})
