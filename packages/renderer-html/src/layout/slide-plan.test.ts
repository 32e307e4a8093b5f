import { type Block, type ChartBlock, numberCell, type Slide, type TableBlock, textCell } from "@ambu/core"
import { describe, expect, it } from "vitest"
import { bodyHeight, CHART_MIN, CONTENT_WIDTH, PANEL_GAP } from "./geometry.js"
import { type PagePlan, type PlanLabels, type PlannedPanel, planSlide } from "./slide-plan.js"
import { fittedHeight, TABLE_FONT } from "./table-fit.js"

const labels: PlanLabels = {
  continued: "(forts.)",
  suppressed: "dolt värde",
  error: "Kunde inte visas",
  legendNames: (block) => block.series.map((series) => series.name),
}

const months = Array.from({ length: 12 }, (_, index) => `2025-${String(index + 1).padStart(2, "0")}`)

const chart: ChartBlock = {
  kind: "chart",
  id: "c",
  chartType: "stacked-bar",
  title: "Vårduppdrag per månad",
  description: "Staplar per månad.",
  unit: "count",
  xLabel: "Månad",
  yLabel: "Antal",
  categories: months,
  series: [{ name: "Prio 1", values: months.map(() => 500) }],
}

const text: Block = { kind: "text", paragraphs: ["Vårduppdrag räknade per månad och prioritet.".repeat(3)] }

/** Months down the side: narrow. */
const narrowTable: TableBlock = {
  kind: "table",
  id: "n",
  caption: "Per månad",
  columns: [
    { key: "m", label: "Månad", align: "left" },
    { key: "t", label: "Totalt", align: "right" },
  ],
  rows: months.map((month) => ({ kind: "body", cells: [textCell(month), numberCell(1086, "count", "sv")] })),
}

/** Months across: wider than half the slide. */
const wideTable: TableBlock = {
  kind: "table",
  id: "w",
  caption: "Per station och månad",
  columns: [
    { key: "s", label: "Station", align: "left" },
    ...months.map((month) => ({ key: month, label: month, align: "right" as const, group: "Månad" })),
  ],
  rows: Array.from({ length: 6 }, (_, index) => ({
    kind: "body" as const,
    cells: [textCell(`Station ${index}`), ...months.map(() => numberCell(1234, "count", "sv"))],
  })),
}

const longTable = (count: number): TableBlock => ({
  kind: "table",
  id: "l",
  caption: "Per kommun",
  columns: [
    { key: "m", label: "Kommun", align: "left" },
    { key: "n", label: "Ärenden", align: "right" },
  ],
  rows: Array.from({ length: count }, (_, index) => ({
    kind: "body" as const,
    cells: [textCell(`Kommun ${index}`), numberCell(index, "count", "sv")],
  })),
})

const slide = (...blocks: Block[]): Slide => ({
  id: "s",
  number: 2,
  title: "Antal vårduppdrag",
  blocks,
  notes: "",
  metricIds: [],
})

const panelsOf = (page: PagePlan): PlannedPanel[][] =>
  page.items.flatMap((item) => (item.kind === "row" ? [[...item.panels]] : []))

describe("planSlide", () => {
  it("puts a table no wider than half the slide beside its chart, both on one page", () => {
    const pages = planSlide(slide(text, chart, narrowTable), labels)
    expect(pages).toHaveLength(1)

    const [row] = panelsOf(pages[0]!)
    expect(row!.map((panel) => panel.kind)).toEqual(["chart", "table"])
    const [drawn, table] = row as [
      Extract<PlannedPanel, { kind: "chart" }>,
      Extract<PlannedPanel, { kind: "table" }>,
    ]
    expect(drawn.drawing.width + PANEL_GAP + table.fitted.width).toBeLessThanOrEqual(CONTENT_WIDTH + 1e-6)
    expect(table.fitted.width).toBeLessThanOrEqual(CONTENT_WIDTH / 2)
    expect(drawn.drawing.height).toBeGreaterThanOrEqual(CHART_MIN.height)
  })

  it("gives a table wider than half the slide a row of its own, in the model's order after its chart", () => {
    const pages = planSlide(slide(text, chart, wideTable), labels)
    const rows = pages.flatMap(panelsOf)
    expect(rows.map((row) => row.map((panel) => panel.kind))).toEqual([["chart"], ["table"]])
  })

  it("continues a long table on further pages titled '(forts.)', each page's piece within its room", () => {
    const table = longTable(100)
    const pages = planSlide(slide(text, table), labels)
    expect(pages.length).toBeGreaterThan(1)
    expect(pages.map((page) => page.title)).toEqual([
      "Antal vårduppdrag",
      ...pages.slice(1).map(() => "Antal vårduppdrag (forts.)"),
    ])

    const pieces = pages.flatMap(panelsOf).flat() as Extract<PlannedPanel, { kind: "table" }>[]
    expect(pieces[0]!.rows.start).toBe(0)
    expect(pieces[pieces.length - 1]!.rows.end).toBe(100)
    pieces.forEach((piece, index) => {
      if (index > 0) expect(piece.rows.start).toBe(pieces[index - 1]!.rows.end)
      expect(piece.fitted.font).toBeGreaterThanOrEqual(TABLE_FONT.min)
      expect(fittedHeight(piece.fitted, piece.rows.start, piece.rows.end)).toBeLessThanOrEqual(
        bodyHeight(pages[index]!.title),
      )
    })
    // The text stays on the first page only.
    expect(pages[0]!.items[0]!.kind).toBe("block")
    expect(pages.slice(1).every((page) => page.items.every((item) => item.kind === "row"))).toBe(true)
  })

  it("sets a short table alone on a slide at the largest size", () => {
    const [page] = planSlide(slide(text, longTable(4)), labels)
    const [[table]] = panelsOf(page!) as [[Extract<PlannedPanel, { kind: "table" }>]]
    expect(table.fitted.font).toBe(TABLE_FONT.max)
  })
})

describe("planSlide: a value wider than the slide", () => {
  it("squeezes the table (values may break anywhere) rather than leave it or a row out", () => {
    const name = "Ö".repeat(400)
    const table: TableBlock = {
      ...longTable(3),
      rows: [...longTable(3).rows, { kind: "body", cells: [textCell(name), numberCell(1, "count", "sv")] }],
    }
    const pieces = planSlide(slide(table), labels).flatMap(panelsOf).flat() as Extract<
      PlannedPanel,
      { kind: "table" }
    >[]

    expect(pieces.map((piece) => [piece.rows.start, piece.rows.end])).toEqual([[0, 4]])
    expect(pieces[0]!.fitted.squeezed).toBe(true)
    expect(pieces[0]!.fitted.width).toBeLessThanOrEqual(CONTENT_WIDTH + 1e-6)
  })
})
