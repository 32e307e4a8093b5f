import { numberCell, type Row, type TableBlock, textCell } from "@ambu/core"
import { describe, expect, it } from "vitest"
import {
  columnChunks,
  columnWidths,
  fittedHeight,
  fitWhole,
  isNoWrap,
  paginateRows,
  splitTable,
  TABLE_FONT,
} from "./table-fit.js"
import { textWidth } from "./text-metrics.js"

const body = (...texts: string[]): Row => ({ kind: "body", cells: texts.map((text) => textCell(text)) })

const table = (columns: TableBlock["columns"], rows: Row[]): TableBlock => ({
  kind: "table",
  id: "t",
  caption: "Tabell",
  columns,
  rows,
})

describe("isNoWrap", () => {
  it("keeps numbers, month labels and other spaceless values on one line; lets text with spaces wrap", () => {
    const left = { key: "a", label: "A", align: "left" as const }
    const right = { key: "b", label: "B", align: "right" as const }
    expect(isNoWrap(numberCell(1086, "count", "sv"), right)).toBe(true)
    expect(isNoWrap(textCell("2025-01"), left)).toBe(true)
    expect(isNoWrap(textCell("4 Nordost/Öst (Kristianstad)"), left)).toBe(false)
    expect(isNoWrap(textCell("saknar klar: 52"), right)).toBe(true)
  })
})

describe("columnWidths", () => {
  // One left column, header "a" (bold .675 em), one cell "aa aa" (2.77 em on one line, 1.226 em its longest word).
  // At 10 px a column is content + 1.2 em padding + 4 px: one line 27.7 + 16 = 43.7 px, narrowest 12.26 + 16 = 28.26 px.
  const single = table([{ key: "a", label: "a", align: "left" }], [body("aa aa")])

  it("gives a column its one-line width, widened by at most a fifth when there is room", () => {
    expect(columnWidths(single, 10, 1000)![0]).toBeCloseTo(43.7 * 1.2, 6)
    expect(columnWidths(single, 10, 48)![0]).toBeCloseTo(48, 6)
  })

  it("lets text wrap down to its longest word, and refuses a narrower room", () => {
    expect(columnWidths(single, 10, 30)![0]).toBeCloseTo(30, 6)
    expect(columnWidths(single, 10, 28)).toBeUndefined()
  })

  it("widens grouped columns until the group label's longest word fits above them", () => {
    const grouped = table(
      [
        { key: "1", label: "1", align: "right", group: "Ambulansdistrikt" },
        { key: "2", label: "2", align: "right", group: "Ambulansdistrikt" },
      ],
      [{ kind: "body", cells: [numberCell(1, "count", "sv"), numberCell(2, "count", "sv")] }],
    )
    const widths = columnWidths(grouped, 10, 1000)!
    const label = textWidth("Ambulansdistrikt", 10, true) + 12 + 4
    expect(widths[0]! + widths[1]!).toBeGreaterThanOrEqual(label)
    expect(widths[0]).toBeCloseTo(widths[1]!, 6)
  })
})

describe("paginateRows", () => {
  const tens = (count: number) => Array.from({ length: count }, () => 10)

  it("fills the first page's room, then each further page's", () => {
    expect(paginateRows(tens(5), Array(5).fill("body"), 25, 30)).toEqual([
      { start: 0, end: 2 },
      { start: 2, end: 5 },
    ])
  })

  it("moves a group heading that would end a page on to its rows", () => {
    const kinds: Row["kind"][] = ["body", "group-heading", "body", "body"]
    expect(paginateRows(tens(4), kinds, 20, 30)).toEqual([
      { start: 0, end: 1 },
      { start: 1, end: 4 },
    ])
  })

  it("does not leave the final total row alone on a page", () => {
    const kinds: Row["kind"][] = ["body", "body", "body", "total"]
    expect(paginateRows(tens(4), kinds, 30, 30)).toEqual([
      { start: 0, end: 2 },
      { start: 2, end: 4 },
    ])
  })

  it("puts at least one row on every page, even one taller than the room", () => {
    expect(paginateRows([50, 10], ["body", "body"], 20, 20)).toEqual([
      { start: 0, end: 1 },
      { start: 1, end: 2 },
    ])
  })
})

const municipalities = (count: number): TableBlock =>
  table(
    [
      { key: "m", label: "Kommun", align: "left" },
      { key: "n", label: "Uppdrag", align: "right" },
      { key: "s", label: "Andel", align: "right" },
    ],
    Array.from({ length: count }, (_, index) => ({
      kind: index % 10 === 0 ? "group-heading" : "body",
      cells: [
        textCell(`Kommun ${index}`),
        numberCell(index * 37, "count", "sv"),
        numberCell(0.5, "share", "sv"),
      ],
    })),
  )

describe("fitWhole and splitTable", () => {
  it("sets a table whole at the largest size whose height fits, and none when even 11 px is too tall", () => {
    const short = municipalities(5)
    const fitted = fitWhole(short, [], 1504, 400)!
    expect(fitted.font).toBe(TABLE_FONT.max)
    expect(fittedHeight(fitted)).toBeLessThanOrEqual(400)
    expect(fitWhole(municipalities(80), [], 1504, 400)).toBeUndefined()
  })

  // Every room here holds the caption, header, note and a row or more (a page always takes one row).
  it("splits a long table into pages that each fit and together hold every row once, in order", () => {
    for (const [count, first, next] of [
      [80, 300, 700],
      [45, 160, 500],
      [120, 650, 650],
    ] as const) {
      const long = municipalities(count)
      const split = splitTable(long, ["En not."], 1504, first, next)!
      expect(split.fitted.font).toBeGreaterThanOrEqual(TABLE_FONT.min)
      expect(split.pages[0]!.start).toBe(0)
      expect(split.pages[split.pages.length - 1]!.end).toBe(count)
      split.pages.forEach((page, index) => {
        if (index > 0) expect(page.start).toBe(split.pages[index - 1]!.end)
        expect(page.end).toBeGreaterThan(page.start)
        expect(fittedHeight(split.fitted, page.start, page.end)).toBeLessThanOrEqual(
          index === 0 ? first : next,
        )
      })
    }
  })
})

describe("columnChunks", () => {
  it("leaves a table that fits alone", () => {
    expect(columnChunks(municipalities(3), 1504)).toHaveLength(1)
  })

  it("cuts a table too wide even at 11 px into column groups that each fit, row header first", () => {
    const wide = table(
      [
        { key: "m", label: "Kommun", align: "left" },
        ...Array.from({ length: 40 }, (_, index) => ({
          key: `c${index}`,
          label: `2025-${index}`,
          align: "right" as const,
        })),
      ],
      [
        {
          kind: "body",
          cells: [textCell("Malmö"), ...Array.from({ length: 40 }, () => numberCell(123_456, "count", "sv"))],
        },
      ],
    )
    const chunks = columnChunks(wide, 1504)
    expect(chunks.length).toBeGreaterThan(1)
    expect(chunks.flatMap((chunk) => chunk.columns.slice(1).map((column) => column.key))).toEqual(
      wide.columns.slice(1).map((column) => column.key),
    )
    for (const chunk of chunks) {
      expect(chunk.columns[0]!.key).toBe("m")
      expect(chunk.rows[0]!.cells).toHaveLength(chunk.columns.length)
      expect(columnWidths(chunk, TABLE_FONT.min, 1504)).toBeDefined()
    }
  })
})
