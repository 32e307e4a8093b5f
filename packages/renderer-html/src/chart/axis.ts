import { formatCount, formatDuration, type Language } from "@ambu/core"

export type ChartUnit = "count" | "share" | "duration"

/** An axis' domain and its tick values, chosen so that every tick label is distinct and readable. */
export interface AxisScale {
  readonly domain: readonly [number, number]
  readonly ticks: ReadonlyArray<number>
}

const TARGET_TICKS = 6

// Durations read best on whole minutes, counts on whole numbers: the steps per unit say which are allowed.
const DURATION_STEPS = [15, 30, 60, 120, 300, 600, 900, 1200, 1800, 3600, 7200]

const niceDecimalStep = (rough: number): number => {
  const power = 10 ** Math.floor(Math.log10(rough))
  const fraction = rough / power
  const nice = fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 5 ? 5 : 10
  return nice * power
}

const stepFor = (unit: ChartUnit, span: number): number => {
  const rough = span / TARGET_TICKS
  switch (unit) {
    case "count":
      return Math.max(1, niceDecimalStep(rough))
    case "share":
      // A tenth of a percent is the finest step the deck's one-decimal percentages can tell apart.
      return Math.max(0.001, niceDecimalStep(rough))
    case "duration":
      return DURATION_STEPS.find((step) => step >= rough) ?? niceDecimalStep(rough / 3600) * 3600
  }
}

/**
 * Ticks covering `[low, high]`, widened outwards to whole steps. An empty
 * span (one value, or all zero) is widened so the axis still has ticks.
 */
export const axisScale = (unit: ChartUnit, low: number, high: number): AxisScale => {
  const span = high > low ? high - low : Math.max(Math.abs(high), unit === "share" ? 0.1 : 1)
  const step = stepFor(unit, span)

  const first = Math.floor(low / step + 1e-9)
  const last = Math.max(Math.ceil(high / step - 1e-9), first + 1)
  const ticks: number[] = []
  for (let k = first; k <= last; k++) ticks.push(roundToStep(k * step, step))

  return { domain: [ticks[0]!, ticks[ticks.length - 1]!], ticks }
}

// k * 0.1 is 0.30000000000000004 for k = 3; ticks are rounded to the step's decimals.
const roundToStep = (value: number, step: number): number => {
  const decimals = Math.max(0, -Math.floor(Math.log10(step)) + 1)
  return Number(value.toFixed(decimals))
}

/** Tick labels in the report's language: `1 200` / `1,200`, `90 %` / `90%`, `12:30`. */
export const tickFormat =
  (unit: ChartUnit, language: Language) =>
  (value: number): string => {
    switch (unit) {
      case "count":
        return formatCount(value, language)
      case "share":
        return formatPercent(value, language)
      case "duration":
        return formatDuration(value)
    }
  }

const formatPercent = (share: number, language: Language): string => {
  const percent = Number((share * 100).toFixed(1))
  const digits = Number.isInteger(percent) ? String(percent) : percent.toFixed(1)
  return language === "sv" ? `${digits.replace(".", ",")}\u00a0%` : `${digits}%`
}
