import type { ChartBlock } from "@ambu/core"
import type { Box } from "../layout/geometry.js"
import { type ChartFix, NO_CHART_FIX } from "../package/chart-fix.js"
import type { ChartMulti, ChartOptions, PptxSlide } from "../pptxgen.js"
import { type Labels, type PptxTheme, SIZES } from "../theme.js"
import { FORMAT_CODE, plotted, valueAxis } from "./chart-axis.js"

/** A palette at least `length` long, so pptxgenjs never picks a colour at random. */
const palette = (length: number, colors: ReadonlyArray<string>): string[] =>
  Array.from({ length: Math.max(length, colors.length) }, (_, index) => colors[index % colors.length]!)

/** Several series of `bar` (and `grouped-bar`) stand side by side; only `stacked-bar` stacks them. */
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
    values: series.values.map((value) => plotted(value, chart.unit)),
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

/**
 * Whether the series get legend entries: not a single series of bars,
 * which the chart's title already names (the HTML shows none either); a
 * goal keeps its entry.
 */
export const showsSeriesLegend = (chart: ChartBlock): boolean =>
  !(chart.series.length === 1 && chart.chartType === "bar")

const commonOptions = (chart: ChartBlock, box: Box, labels: Labels, theme: PptxTheme): ChartOptions => ({
  x: box.x,
  y: box.y,
  w: box.w,
  h: box.h,
  objectName: chart.id,
  lang: labels.locale,
  altText: chart.description,
  showLegend: showsSeriesLegend(chart) || chart.goal !== undefined,
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
  // The model's label names the unit where it needs one ("Tid (min:s)"); the tick labels show it too.
  valAxisTitle: chart.yLabel,
  valAxisTitleFontSize: SIZES.chartAxis,
  valAxisTitleFontFace: theme.font,
  valAxisTitleColor: theme.colors.muted,
  valAxisLabelFontSize: SIZES.chartAxis,
  valAxisLabelFontFace: theme.font,
  valAxisLabelColor: theme.colors.text,
  valAxisLabelFormatCode: FORMAT_CODE[chart.unit],
  // The format of the values in the chart's cache, which PowerPoint shows when the data is edited.
  valLabelFormatCode: FORMAT_CODE[chart.unit],
  // Data labels are hidden, but PowerPoint shows them in this format and font when a user turns them on.
  dataLabelFormatCode: FORMAT_CODE[chart.unit],
  dataLabelFontFace: theme.font,
  valGridLine: { color: "D9D9D9", size: 0.5 },
  displayBlanksAs: "gap",
  ...valueAxis(chart),
})

/**
 * Draws a chart block as a native chart (data in an embedded workbook,
 * editable in PowerPoint). A goal becomes one more line series of constant
 * value, dashed and red, on the same axes: a combo chart for bars. Returns
 * what the package step must add: the legend entry a single bar series
 * beside its goal does not get.
 */
export const drawChart = (
  slide: PptxSlide,
  chart: ChartBlock,
  box: Box,
  labels: Labels,
  theme: PptxTheme,
): ChartFix => {
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
    return NO_CHART_FIX
  }

  const goal: ChartData = {
    name: chart.goal.label,
    labels: [...chart.categories],
    values: chart.categories.map(() => plotted(chart.goal!.value, chart.unit)),
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
  // The goal is the last series; the bars before it are named by the title alone.
  return showsSeriesLegend(chart) ? NO_CHART_FIX : { hiddenLegendEntries: data.map((_, index) => index) }
}
