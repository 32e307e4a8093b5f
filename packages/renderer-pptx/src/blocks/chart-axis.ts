import type { ChartBlock } from "@ambu/core"

type Unit = ChartBlock["unit"]

const SECONDS_PER_DAY = 86_400

/**
 * The point at which a duration is shown with hours, as the model's
 * `formatDuration` does: 3 599.5 s rounds to 1:00:00, so from there on.
 * Ten decimals of a day resolve it to a thousandth of a second.
 */
const HOUR_FROM_DAYS = (3_599.5 / SECONDS_PER_DAY).toFixed(10)

/**
 * Number formats by unit, for the axis, the data labels, the chart's value
 * cache and the cells of its workbook. `#,##0` groups thousands in the
 * viewer's locale (a space in Swedish). Durations are fractions of a day,
 * Office's own time values: `m:ss` as the HTML writes them, `h:mm:ss` from
 * an hour on (`[h]`, `[m]` count elapsed time rather than the clock).
 */
export const FORMAT_CODE: Readonly<Record<Unit, string>> = {
  count: "#,##0",
  share: "0.0%",
  duration: `[>=${HOUR_FROM_DAYS}][h]:mm:ss;[m]:ss`,
}

/**
 * A model value as the chart plots it: durations (seconds in the model)
 * as fractions of a day, so that the chart and its workbook hold real
 * times that PowerPoint and Excel format and edit as times.
 */
export const plotted = (value: number | null, unit: Unit): number | null =>
  value === null ? null : unit === "duration" ? value / SECONDS_PER_DAY : value

/** The value axis settings pptxgenjs takes, for the axis a chart needs to be read like the HTML one. */
export interface ValueAxis {
  readonly valAxisMinVal?: number
  readonly valAxisMaxVal?: number
  readonly valAxisMajorUnit?: number
}

const TARGET_TICKS = 6

/** 1, 2 or 5 times a power of ten, the smallest at least `rough`. */
const niceStep = (rough: number): number => {
  const power = 10 ** Math.floor(Math.log10(rough))
  const fraction = rough / power
  return (fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 5 ? 5 : 10) * power
}

/**
 * Steps of a duration axis in seconds, the HTML's: whole minutes and their
 * halves and quarters. Left to itself a client divides a time axis into
 * odd steps such as 2:52.
 */
const DURATION_STEPS = [15, 30, 60, 120, 300, 600, 900, 1200, 1800, 3600, 7200] as const

/** What the value axis must cover: every point, the goal, and for stacked bars each stack's total. */
const plottedRange = (chart: ChartBlock): { low: number; high: number } | undefined => {
  const values =
    chart.chartType === "stacked-bar"
      ? chart.categories.map((_, index) =>
          chart.series.reduce((total, series) => total + Math.max(0, series.values[index] ?? 0), 0),
        )
      : chart.series.flatMap((series) => series.values.filter((value): value is number => value !== null))
  if (chart.goal !== undefined) values.push(chart.goal.value)
  if (values.length === 0) return undefined
  return { low: Math.min(...values), high: Math.max(...values) }
}

/**
 * A duration axis on whole steps from `DURATION_STEPS`, about six of them,
 * in days: from zero for bars (read by their length), from the step below
 * the lowest point for lines (read by their shape), as the HTML draws it.
 */
const durationAxis = (chart: ChartBlock): ValueAxis => {
  const range = plottedRange(chart)
  if (range === undefined) return { valAxisMinVal: 0 }
  const low = chart.chartType === "line" ? range.low : Math.min(0, range.low)
  const span = range.high > low ? range.high - low : Math.max(Math.abs(range.high), 1)
  const rough = span / TARGET_TICKS
  const step = DURATION_STEPS.find((candidate) => candidate >= rough) ?? niceStep(rough / 3600) * 3600
  const first = Math.floor(low / step + 1e-9)
  const last = Math.max(Math.ceil(range.high / step - 1e-9), first + 1)
  return {
    valAxisMinVal: (first * step) / SECONDS_PER_DAY,
    valAxisMaxVal: (last * step) / SECONDS_PER_DAY,
    valAxisMajorUnit: step / SECONDS_PER_DAY,
  }
}

/**
 * The lowest value of a line chart's share axis: the 5 % step at least one
 * step below the lowest point or goal, so that a 90 % goal is not a line
 * squeezed against the top of a 0–100 % axis.
 */
export const lineAxisFloor = (chart: ChartBlock): { valAxisMinVal?: number } => {
  if (chart.unit !== "share") return {}
  const range = plottedRange(chart)
  if (range === undefined) return {}
  const step = 0.05
  const floor = Math.floor(range.low / step + 1e-9) * step - step
  return { valAxisMinVal: Math.max(0, Math.round(floor * 100) / 100) }
}

/**
 * The value axis of a chart. Durations get the HTML's steps; bars of counts
 * and shares grow from zero with the client's own steps; a line of shares
 * zooms in on its range (`lineAxisFloor`), a line of counts is left to the
 * client.
 */
export const valueAxis = (chart: ChartBlock): ValueAxis => {
  if (chart.unit === "duration") return durationAxis(chart)
  return chart.chartType === "line" ? lineAxisFloor(chart) : { valAxisMinVal: 0 }
}
