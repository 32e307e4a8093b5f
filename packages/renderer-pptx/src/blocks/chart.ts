import type { ChartBlock } from "@ambu/core"
import type { Box } from "../layout/geometry.js"
import type { ChartMulti, ChartOptions, PptxSlide } from "../pptxgen.js"
import { type Labels, type PptxTheme, SIZES } from "../theme.js"

/**
 * How a unit is plotted. Durations are plotted as decimal minutes: Excel
 * and PowerPoint scale a time axis (`[m]:ss` on fractions of a day) to odd
 * steps such as 2:52, while minutes give round steps and stay plain numbers
 * when the data is edited. The axis title says "min".
 */
const UNIT_SCALE = { count: 1, share: 1, duration: 1 / 60 } as const

/** Axis number formats by unit. `#,##0` groups thousands in the viewer's locale (a space in Swedish). */
export const FORMAT_CODE = { count: "#,##0", share: "0.0%", duration: "0.0" } as const

const scaled = (value: number | null, unit: ChartBlock["unit"]): number | null =>
  value === null ? null : value * UNIT_SCALE[unit]

/** A palette at least `length` long, so pptxgenjs never picks a colour at random. */
const palette = (length: number, colors: ReadonlyArray<string>): string[] =>
  Array.from({ length: Math.max(length, colors.length) }, (_, index) => colors[index % colors.length]!)

const barGrouping = (chartType: ChartBlock["chartType"]): string =>
  chartType === "stacked-bar" ? "stacked" : "clustered"

/**
 * The chart's series for pptxgenjs. Missing values stay `null`; the
 * package step turns them into gaps in the chart and its workbook.
 */
const seriesData = (chart: ChartBlock): ChartData[] =>
  chart.series.map((series) => ({
    name: series.name,
    labels: [...chart.categories],
    values: series.values.map((value) => scaled(value, chart.unit)),
  }))

/** A chart series. pptxgenjs types values as numbers, but writes a null as an empty point. */
interface ChartData {
  readonly name: string
  readonly labels: string[]
  readonly values: Array<number | null>
}

const asPptxData = (data: ReadonlyArray<ChartData>) => data as unknown as ChartMulti["data"]

/** pptxgenjs takes a combo chart's options in the place of the data; its types do not say so. */
const addComboChart = (slide: PptxSlide, types: ChartMulti[], options: ChartOptions): void => {
  const addChart = slide.addChart as unknown as (
    this: PptxSlide,
    types: ChartMulti[],
    options: ChartOptions,
  ) => PptxSlide
  addChart.call(slide, types, options)
}

const axisTitle = (chart: ChartBlock, labels: Labels): string =>
  chart.unit === "duration" ? `${chart.yLabel} (${labels.minutes})` : chart.yLabel

const commonOptions = (chart: ChartBlock, box: Box, labels: Labels, theme: PptxTheme): ChartOptions => ({
  x: box.x,
  y: box.y,
  w: box.w,
  h: box.h,
  objectName: chart.id,
  lang: labels.locale,
  altText: chart.description,
  showLegend: true,
  legendPos: "b",
  legendFontSize: SIZES.chartLegend,
  legendFontFace: theme.font,
  legendColor: theme.colors.text,
  showCatAxisTitle: chart.xLabel !== "",
  catAxisTitle: chart.xLabel,
  catAxisTitleFontSize: SIZES.chartAxis,
  catAxisTitleFontFace: theme.font,
  catAxisTitleColor: theme.colors.muted,
  catAxisLabelFontSize: SIZES.chartAxis,
  catAxisLabelFontFace: theme.font,
  catAxisLabelColor: theme.colors.text,
  showValAxisTitle: true,
  valAxisTitle: axisTitle(chart, labels),
  valAxisTitleFontSize: SIZES.chartAxis,
  valAxisTitleFontFace: theme.font,
  valAxisTitleColor: theme.colors.muted,
  valAxisLabelFontSize: SIZES.chartAxis,
  valAxisLabelFontFace: theme.font,
  valAxisLabelColor: theme.colors.text,
  valAxisLabelFormatCode: FORMAT_CODE[chart.unit],
  valLabelFormatCode: FORMAT_CODE[chart.unit],
  // Data labels are hidden, but PowerPoint shows them in this font when a user turns them on.
  dataLabelFontFace: theme.font,
  valGridLine: { color: "D9D9D9", size: 0.5 },
  displayBlanksAs: "gap",
  // Bars grow from zero; a line of shares zooms in on its range, as the HTML does.
  ...(chart.chartType === "line" ? lineAxisFloor(chart) : { valAxisMinVal: 0 }),
})

/**
 * The lowest value of a line chart's axis: for shares, the 5 % step at least
 * one step below the lowest point or goal, so that a 90 % goal is not a line
 * squeezed against the top of a 0–100 % axis. Other units keep the client's
 * own scaling.
 */
export const lineAxisFloor = (chart: ChartBlock): { valAxisMinVal?: number } => {
  if (chart.unit !== "share") return {}
  const values = chart.series.flatMap((s) => s.values.filter((v): v is number => v !== null))
  if (chart.goal !== undefined) values.push(chart.goal.value)
  if (values.length === 0) return {}
  const step = 0.05
  const floor = Math.floor(Math.min(...values) / step + 1e-9) * step - step
  return { valAxisMinVal: Math.max(0, Math.round(floor * 100) / 100) }
}

/**
 * Draws a chart block as a native chart (data in an embedded workbook,
 * editable in PowerPoint). A goal becomes one more line series of constant
 * value, dashed and red, on the same axes: a combo chart for bars.
 */
export const drawChart = (
  slide: PptxSlide,
  chart: ChartBlock,
  box: Box,
  labels: Labels,
  theme: PptxTheme,
): void => {
  const data = seriesData(chart)
  const count = data.length + (chart.goal === undefined ? 0 : 1)
  const isLine = chart.chartType === "line"
  // pptxgenjs colours each bar of a one-series bar chart differently when given several colours.
  const barColors = data.length === 1 ? [theme.series[0]] : palette(count, theme.series)
  const mainOptions: ChartOptions = isLine
    ? {
        chartColors: palette(count, theme.series),
        lineSize: 2,
        lineDataSymbol: "circle",
        lineDataSymbolSize: 6,
      }
    : {
        chartColors: barColors,
        barGrouping: barGrouping(chart.chartType),
        barGapWidthPct: 60,
      }
  const options = commonOptions(chart, box, labels, theme)

  if (chart.goal === undefined) {
    slide.addChart(isLine ? "line" : "bar", asPptxData(data), { ...options, ...mainOptions })
    return
  }

  const goal: ChartData = {
    name: chart.goal.label,
    labels: [...chart.categories],
    values: chart.categories.map(() => scaled(chart.goal!.value, chart.unit)),
  }
  const types: ChartMulti[] = [
    { type: isLine ? "line" : "bar", data: asPptxData(data), options: mainOptions },
    {
      type: "line",
      data: asPptxData([goal]),
      options: {
        chartColors: palette(count, [theme.colors.goal]),
        lineSize: 2,
        lineDash: "dash",
        lineDataSymbol: "none",
      },
    },
  ]
  addComboChart(slide, types, {
    ...options,
    ...(isLine ? {} : { barGrouping: barGrouping(chart.chartType) }),
  })
}
