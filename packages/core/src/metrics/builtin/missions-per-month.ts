import * as Effect from "effect/Effect"
import { z } from "zod"
import type { DataSet } from "../../dataset/data-set.js"
import { TIME_FIELD_INDEX } from "../../domain/time-fields.js"
import { numberCell, textCell } from "../../model/format.js"
import type { Block, Cell, ChartBlock, Column, Language, Row, TableBlock } from "../../model/report-model.js"
import { formatMonth, type Period, periodLength } from "../../time/month.js"
import { defineMetric, type MetricOutput, type PresentContext, type SlideContent } from "../metric.js"
import { periodText, slideNotes, type Texts } from "../pipeline/present.js"
import { QualityTally } from "../pipeline/quality.js"
import { share } from "../pipeline/statistics.js"

const ID = "missions-per-month"
const DISPATCHED_BIT = 1 << TIME_FIELD_INDEX.dispatchedAt

export const missionsPerMonthParams = z.object({
  comparePreviousPeriod: z
    .boolean()
    .default(true)
    .describe("Show the previous period's totals and the change when the data covers that period"),
})
export type MissionsPerMonthParams = z.infer<typeof missionsPerMonthParams>

/** Missions per priority and their sum. */
export interface PriorityCounts {
  readonly priority1: number
  readonly priority2: number
  readonly priority3: number
  readonly total: number
}

export interface MissionsPerMonthRow extends PriorityCounts {
  /** `YYYY-MM`. */
  readonly month: string
  /** The month at the same position in the previous period; null without a previous period. */
  readonly previous: (PriorityCounts & { readonly month: string }) | null
  /** `(total − previous.total) / previous.total`; null without a previous period or when it had no missions. */
  readonly change: number | null
}

export interface MissionsPerMonthResult {
  readonly period: { readonly from: string; readonly to: string }
  readonly previousPeriod: { readonly from: string; readonly to: string } | null
  readonly months: ReadonlyArray<MissionsPerMonthRow>
  readonly total: PriorityCounts & {
    readonly previous: PriorityCounts | null
    readonly change: number | null
  }
}

/**
 * Counts missions of regional resources per month of `period` and priority,
 * into a flat array `[month * 3 + priority - 1]`. Missions of external
 * resources are outside the population; the tally (when given) accounts for
 * the rest.
 */
const countByMonthAndPriority = (
  dataset: DataSet,
  period: Period,
  tally: QualityTally | null,
): Int32Array => {
  const missions = dataset.missions
  const months = periodLength(period)
  const counts = new Int32Array(months * 3)

  for (let i = 0; i < missions.count; i++) {
    if (missions.stationRef[i]! < 0) continue
    const position = missions.month[i]! - period.from
    if (position < 0 || position >= months) continue

    const priority = missions.priority[i]!
    // The reader only accepts 1–3; anything else would land in a neighbouring month's cell.
    if (priority < 1 || priority > 3) {
      tally?.leave("unknown-priority")
      continue
    }
    counts[position * 3 + priority - 1]! += 1
    tally?.use((missions.ambiguousMask[i]! & DISPATCHED_BIT) !== 0)
  }
  return counts
}

const priorityCounts = (counts: Int32Array, position: number): PriorityCounts => {
  const p1 = counts[position * 3]!
  const p2 = counts[position * 3 + 1]!
  const p3 = counts[position * 3 + 2]!
  return { priority1: p1, priority2: p2, priority3: p3, total: p1 + p2 + p3 }
}

const sumCounts = (rows: ReadonlyArray<PriorityCounts>): PriorityCounts => {
  const sum = (pick: (r: PriorityCounts) => number) => rows.reduce((acc, r) => acc + pick(r), 0)
  return {
    priority1: sum((r) => r.priority1),
    priority2: sum((r) => r.priority2),
    priority3: sum((r) => r.priority3),
    total: sum((r) => r.total),
  }
}

const change = (current: number, previous: number): number | null => share(current - previous, previous)

/** Missions of regional resources per month and priority, with the previous period alongside. */
export const computeMissionsPerMonth = (
  dataset: DataSet,
  period: Period,
  previousPeriod: Period | null,
  tally: QualityTally,
): MissionsPerMonthResult => {
  const counts = countByMonthAndPriority(dataset, period, tally)
  const previousCounts =
    previousPeriod === null ? null : countByMonthAndPriority(dataset, previousPeriod, null)
  const previousLength = previousPeriod === null ? 0 : periodLength(previousPeriod)

  const months = Array.from({ length: periodLength(period) }, (_, k): MissionsPerMonthRow => {
    const current = priorityCounts(counts, k)
    // Aligned by position: month k of the period against month k of the previous one.
    const previous =
      previousCounts !== null && previousPeriod !== null && k < previousLength
        ? { month: formatMonth(previousPeriod.from + k), ...priorityCounts(previousCounts, k) }
        : null
    return {
      month: formatMonth(period.from + k),
      ...current,
      previous,
      change: previous === null ? null : change(current.total, previous.total),
    }
  })

  const total = sumCounts(months)
  const previousTotal =
    previousPeriod === null
      ? null
      : sumCounts(months.flatMap((m) => (m.previous === null ? [] : [m.previous])))
  return {
    period: { from: formatMonth(period.from), to: formatMonth(period.to) },
    previousPeriod:
      previousPeriod === null
        ? null
        : { from: formatMonth(previousPeriod.from), to: formatMonth(previousPeriod.to) },
    months,
    total: {
      ...total,
      previous: previousTotal,
      change: previousTotal === null ? null : change(total.total, previousTotal.total),
    },
  }
}

const TITLE: Texts = { sv: "Antal vårduppdrag", en: "Number of care missions" }

const LABELS = {
  month: { sv: "Månad", en: "Month" },
  count: { sv: "Antal", en: "Number" },
  total: { sv: "Totalt", en: "Total" },
  previous: { sv: "Totalt föregående period", en: "Total, previous period" },
  change: { sv: "Förändring", en: "Change" },
  chartTitle: { sv: "Vårduppdrag per månad och prioritet", en: "Care missions per month and priority" },
  tableCaption: {
    sv: "Antal vårduppdrag per månad och prioritet",
    en: "Care missions per month and priority",
  },
} satisfies Record<string, Texts>

const priorityLabel = (p: 1 | 2 | 3): string => `Prio ${p}`

const explanation = (result: MissionsPerMonthResult, language: Language): ReadonlyArray<string> => {
  const base =
    language === "sv"
      ? [
          "Vårduppdrag som regionens egna vårdresurser har utfört, räknade per månad (då resursen larmades) och prioritet. " +
            "Ett och samma 112-ärende ger flera vårduppdrag när mer än en resurs skickas. " +
            "Uppdrag åt hjälpsökande utanför regionen räknas med, uppdrag av andra regioners resurser gör det inte.",
        ]
      : [
          "Care missions carried out by the region's own resources, counted per month (of dispatch) and priority. " +
            "One 112 case gives several missions when more than one resource is sent. " +
            "Missions for callers outside the region are included; missions by other regions' resources are not.",
        ]
  const previous = result.previousPeriod
  if (previous === null) return base
  const range = `${previous.from} – ${previous.to}`
  return [
    ...base,
    language === "sv"
      ? `Jämförelsen gäller samma månad i föregående period (${range}).`
      : `The comparison is with the same month of the previous period (${range}).`,
  ]
}

/** A change as a signed percentage: `+4,2 %`, `-1,0 %`. */
const changeCell = (
  value: number | null,
  language: Language,
  emphasis: ReadonlyArray<"total"> = [],
): Cell => {
  const cell = numberCell(value, "share", language, emphasis)
  // The sign follows the shown value: a change that rounds to 0,0 % has none.
  return value !== null && value > 0 && /[1-9]/.test(cell.text) ? { ...cell, text: `+${cell.text}` } : cell
}

const chart = (result: MissionsPerMonthResult, language: Language): ChartBlock => ({
  kind: "chart",
  id: `${ID}-chart`,
  chartType: "stacked-bar",
  title: LABELS.chartTitle[language],
  description:
    language === "sv"
      ? "Staplade staplar: antal vårduppdrag per månad, uppdelade på prioritet 1, 2 och 3."
      : "Stacked bars: care missions per month, split by priority 1, 2 and 3.",
  unit: "count",
  xLabel: LABELS.month[language],
  yLabel: LABELS.count[language],
  categories: result.months.map((m) => m.month),
  series: [
    { name: priorityLabel(1), values: result.months.map((m) => m.priority1) },
    { name: priorityLabel(2), values: result.months.map((m) => m.priority2) },
    { name: priorityLabel(3), values: result.months.map((m) => m.priority3) },
  ],
})

const table = (result: MissionsPerMonthResult, language: Language): TableBlock => {
  const comparing = result.previousPeriod !== null
  const columns: Column[] = [
    { key: "month", label: LABELS.month[language], align: "left" },
    { key: "p1", label: priorityLabel(1), align: "right" },
    { key: "p2", label: priorityLabel(2), align: "right" },
    { key: "p3", label: priorityLabel(3), align: "right" },
    { key: "total", label: LABELS.total[language], align: "right" },
    ...(comparing
      ? ([
          { key: "previous", label: LABELS.previous[language], align: "right" },
          { key: "change", label: LABELS.change[language], align: "right" },
        ] as const)
      : []),
  ]

  const countCells = (c: PriorityCounts, emphasis: ReadonlyArray<"total">): Cell[] =>
    [c.priority1, c.priority2, c.priority3, c.total].map((v) => numberCell(v, "count", language, emphasis))
  const comparisonCells = (
    previous: PriorityCounts | null,
    value: number | null,
    emphasis: ReadonlyArray<"total">,
  ): Cell[] =>
    comparing
      ? [
          numberCell(previous?.total ?? null, "count", language, emphasis),
          changeCell(value, language, emphasis),
        ]
      : []

  const rows: Row[] = result.months.map((m) => ({
    kind: "body",
    cells: [textCell(m.month), ...countCells(m, []), ...comparisonCells(m.previous, m.change, [])],
  }))
  const t = result.total
  rows.push({
    kind: "total",
    cells: [
      textCell(LABELS.total[language], ["total"]),
      ...countCells(t, ["total"]),
      ...comparisonCells(t.previous, t.change, ["total"]),
    ],
  })

  return { kind: "table", id: `${ID}-table`, caption: LABELS.tableCaption[language], columns, rows }
}

const present = (
  output: MetricOutput<MissionsPerMonthResult>,
  context: PresentContext<MissionsPerMonthParams>,
): ReadonlyArray<SlideContent> => {
  const { result, quality } = output
  const language = context.language
  const definition = explanation(result, language)
  const paragraphs = context.texts?.[ID] ?? definition
  const blocks: Block[] = [
    { kind: "text", paragraphs: [...paragraphs] },
    chart(result, language),
    table(result, language),
  ]
  return [
    {
      id: ID,
      title: TITLE[language],
      blocks,
      notes: slideNotes(
        [...definition, `Period: ${periodText(context.input.period, language)}.`],
        quality,
        language,
      ),
    },
  ]
}

/** Slide 2, "Antal vårduppdrag": missions of regional resources per month and priority. */
export const missionsPerMonth = defineMetric({
  id: ID,
  title: TITLE,
  description: {
    sv: "Vårduppdrag av regionens resurser (hemmastation i referensdata) per månad och prioritet, hjälpsökande var som helst; med föregående periods totaler och förändring när data täcker den.",
    en: "Missions of regional resources (home station in the reference data) per month and priority, callers anywhere; with the previous period's totals and the change when the data covers it.",
  },
  params: missionsPerMonthParams,
  compute: (input, params) =>
    Effect.sync(() => {
      const tally = new QualityTally("missions")
      const previous = params.comparePreviousPeriod ? input.previousPeriod : null
      const result = computeMissionsPerMonth(input.dataset, input.period, previous, tally)
      return { result, quality: tally.toQuality() }
    }),
  views: { default: present },
})
