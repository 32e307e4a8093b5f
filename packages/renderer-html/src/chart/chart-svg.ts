import type { ChartBlock, Language } from "@ambu/core"
import { formatValue } from "@ambu/core"
import * as Plot from "@observablehq/plot"
import type { HtmlTheme } from "../theme.js"
import { axisScale, tickFormat } from "./axis.js"
import { finishSvg } from "./finish-svg.js"
import { boxSwatch, goalSwatch, type LegendItem, lineSwatch, SERIES_SYMBOLS } from "./legend.js"

/** A chart drawn for the page: the SVG (made here, safe to insert) and its legend. */
export interface ChartView {
  readonly svg: string
  readonly legend: ReadonlyArray<LegendItem>
}

export interface ChartDrawing {
  readonly document: Document
  readonly language: Language
  readonly theme: HtmlTheme
  /** Unique within the page; prefixes every id and class inside the SVG. */
  readonly idPrefix: string
  readonly size?: ChartSize
}

interface Datum {
  readonly category: string
  readonly series: string
  readonly value: number
  readonly label: string
}

/** The drawing's size in SVG units; it scales to its box, so this sets the aspect ratio and the text size. */
export interface ChartSize {
  readonly width: number
  readonly height: number
}

/** A chart with the slide's width to itself. */
export const WIDE_CHART: ChartSize = { width: 1100, height: 520 }

/** A chart sharing its row with a table or another chart. */
export const NARROW_CHART: ChartSize = { width: 720, height: 560 }
const FONT_SIZE = 15

/** How the bars or lines are laid out, which the chart type and the number of series decide. */
type Layout = "single-bar" | "grouped" | "stacked" | "line"

/**
 * `bar` with several series is grouped side by side, as `grouped-bar` is and
 * as the PowerPoint deck draws both (clustered); only `stacked-bar` stacks.
 */
export const chartLayout = (block: ChartBlock): Layout => {
  switch (block.chartType) {
    case "bar":
      return block.series.length > 1 ? "grouped" : "single-bar"
    case "grouped-bar":
      return "grouped"
    case "stacked-bar":
      return "stacked"
    case "line":
      return "line"
  }
}

/**
 * Draws a chart block with Observable Plot: categories in the model's order,
 * the y axis formatted for the unit and language, the goal as a dashed rule
 * with its label. Missing values (`null`) leave a gap, never a zero.
 */
export const renderChart = (block: ChartBlock, drawing: ChartDrawing): ChartView => {
  const layout = chartLayout(block)
  const data = chartData(block, drawing.language)
  const colours = block.series.map((_, index) => drawing.theme.series[index % drawing.theme.series.length]!)
  const y = yAxis(block, layout, data)
  const size = drawing.size ?? WIDE_CHART
  // Rotated labels when the categories would not fit side by side at about 7 px per character.
  const labelChars = block.categories.reduce((sum, category) => sum + category.length + 2, 0)
  const manyCategories = labelChars * 7 > size.width - 100

  const svg = Plot.plot({
    document: drawing.document,
    className: `${drawing.idPrefix}-plot`,
    width: size.width,
    height: size.height,
    marginTop: 36,
    marginLeft: 78,
    marginRight: 24,
    marginBottom: manyCategories ? 96 : 52,
    style: { fontSize: `${FONT_SIZE}px`, fontFamily: "inherit", color: drawing.theme.text },
    y: {
      domain: [...y.domain],
      ticks: [...y.ticks],
      tickFormat: tickFormat(block.unit, drawing.language),
      label: block.yLabel,
      labelArrow: "none",
      grid: true,
    },
    color: { domain: block.series.map((series) => series.name), range: colours },
    ...xScales(block, layout, manyCategories),
    marks: [
      ...dataMarks(block, layout, data, colours, drawing.language),
      ...goalMarks(block, layout, drawing.theme),
    ],
  })

  return {
    svg: finishSvg(svg as unknown as SVGSVGElement, drawing.idPrefix, {
      title: block.title,
      description: block.description,
    }),
    legend: legendFor(block, colours, drawing.theme),
  }
}

const chartData = (block: ChartBlock, language: Language): Datum[] =>
  block.series.flatMap((series) =>
    block.categories.flatMap((category, index) => {
      const value = series.values[index] ?? null
      if (value === null || Number.isNaN(value)) return []
      const text = formatValue(value, block.unit, language)
      return [{ category, series: series.name, value, label: `${series.name}, ${category}: ${text}` }]
    }),
  )

const yAxis = (block: ChartBlock, layout: Layout, data: ReadonlyArray<Datum>) => {
  const values = layout === "stacked" ? stackTotals(data) : data.map((datum) => datum.value)
  if (block.goal !== undefined) values.push(block.goal.value)

  const low = Math.min(...values, Number.POSITIVE_INFINITY)
  const high = Math.max(...values, Number.NEGATIVE_INFINITY)
  if (!Number.isFinite(low)) return axisScale(block.unit, 0, 1)

  // Bars are read by their length, so they start at zero; lines are read by their shape.
  return layout === "line" ? axisScale(block.unit, low, high) : axisScale(block.unit, Math.min(0, low), high)
}

const stackTotals = (data: ReadonlyArray<Datum>): number[] => {
  const totals = new Map<string, number>()
  for (const datum of data)
    totals.set(datum.category, (totals.get(datum.category) ?? 0) + Math.max(0, datum.value))
  return [...totals.values()]
}

const xScales = (block: ChartBlock, layout: Layout, manyCategories: boolean): Plot.PlotOptions => {
  const axis = {
    domain: block.categories,
    label: block.xLabel,
    labelAnchor: "center" as const,
    labelArrow: "none" as const,
    ...(manyCategories ? { tickRotate: -35 } : {}),
  }

  switch (layout) {
    case "grouped":
      return {
        // Half a gap before the first group and after the last, so no bar touches the y axis.
        fx: { ...axis, paddingInner: 0.15, paddingOuter: 0.075 },
        x: { domain: block.series.map((series) => series.name), axis: null, padding: 0.05 },
      }
    case "line":
      return { x: { ...axis, type: "point", padding: 0.4 } }
    case "single-bar":
    case "stacked":
      return { x: { ...axis, padding: 0.25 } }
  }
}

const dataMarks = (
  block: ChartBlock,
  layout: Layout,
  data: Datum[],
  colours: ReadonlyArray<string>,
  language: Language,
): Plot.Markish[] => {
  switch (layout) {
    case "single-bar":
    case "stacked":
      // barY stacks bars that share an x; with one series each category has one bar.
      return [Plot.barY(data, { x: "category", y: "value", fill: "series", title: "label" }), Plot.ruleY([0])]
    case "grouped":
      return [
        Plot.barY(data, { fx: "category", x: "series", y: "value", fill: "series", title: "label" }),
        Plot.ruleY([0]),
      ]
    case "line":
      return block.series.flatMap((series, index) => {
        const points = lineWithGaps(block, series, language)
        const colour = colours[index]!
        return [
          Plot.line(points, { x: "category", y: "value", stroke: colour, strokeWidth: 3 }),
          Plot.dot(
            points.filter((point) => point.value !== null),
            {
              x: "category",
              y: "value",
              fill: colour,
              r: 5,
              symbol: SERIES_SYMBOLS[index % SERIES_SYMBOLS.length]!,
              title: "label",
            },
          ),
        ]
      })
  }
}

interface LinePoint {
  readonly category: string
  readonly value: number | null
  readonly label: string
}

// The line needs the missing points as `null` (Plot breaks the line there) instead of leaving them out.
const lineWithGaps = (
  block: ChartBlock,
  series: ChartBlock["series"][number],
  language: Language,
): LinePoint[] =>
  block.categories.map((category, index) => {
    const value = series.values[index] ?? null
    const text = formatValue(value, block.unit, language)
    return { category, value, label: `${series.name}, ${category}: ${text}` }
  })

const goalMarks = (block: ChartBlock, layout: Layout, theme: HtmlTheme): Plot.Markish[] => {
  if (block.goal === undefined) return []

  // In a faceted (grouped) chart the rule repeats in every group and the label sits in the last one only.
  const lastGroup = block.categories[block.categories.length - 1]
  const labelFacet = layout === "grouped" && lastGroup !== undefined ? { fx: () => lastGroup } : {}
  return [
    Plot.ruleY([block.goal.value], { stroke: theme.goal, strokeWidth: 2.5, strokeDasharray: "9,6" }),
    Plot.text([block.goal.label], {
      y: block.goal.value,
      text: (label: string) => label,
      frameAnchor: "right",
      textAnchor: "end",
      dy: -10,
      fill: theme.goal,
      fontWeight: "bold",
      stroke: theme.background,
      strokeWidth: 4,
      paintOrder: "stroke",
      ...labelFacet,
    }),
  ]
}

/** The names in a chart's legend, in order: the series (unless one unnamed bar series) and the goal. */
export const legendNames = (block: ChartBlock): string[] => [
  ...(showsSeriesLegend(block) ? block.series.map((series) => series.name) : []),
  ...(block.goal === undefined ? [] : [block.goal.label]),
]

// A single bar series needs no legend; the goal still does.
const showsSeriesLegend = (block: ChartBlock): boolean => chartLayout(block) !== "single-bar"

const legendFor = (block: ChartBlock, colours: ReadonlyArray<string>, theme: HtmlTheme): LegendItem[] => {
  const series = block.series.map((entry, index) => ({
    name: entry.name,
    swatchSvg:
      block.chartType === "line"
        ? lineSwatch(colours[index]!, SERIES_SYMBOLS[index % SERIES_SYMBOLS.length]!)
        : boxSwatch(colours[index]!),
  }))
  const goal = block.goal === undefined ? [] : [{ name: block.goal.label, swatchSvg: goalSwatch(theme.goal) }]
  return showsSeriesLegend(block) ? [...series, ...goal] : goal
}
