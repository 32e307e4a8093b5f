import * as Effect from "effect/Effect"
import { z } from "zod"
import type { DataSet } from "../../dataset/data-set.js"
import { TIME_FIELD_INDEX } from "../../domain/time-fields.js"
import { formatDuration, numberCell, textCell, withBasis } from "../../model/format.js"
import type { ChartBlock, Column, Emphasis, Language, Row, TableBlock } from "../../model/report-model.js"
import { formatMonth, type Period, periodLength } from "../../time/month.js"
import { defineMetric, type MetricOutput, type PresentContext, type SlideContent } from "../metric.js"
import { caseArrivalSeconds } from "../pipeline/interval.js"
import { districtLabel, periodText, slideNotes, type Texts, wholeRegionLabel } from "../pipeline/present.js"
import { QualityTally } from "../pipeline/quality.js"
import { share } from "../pipeline/statistics.js"

const ID = "availability-goal"
const USED_BITS = (1 << TIME_FIELD_INDEX.dispatchedAt) | (1 << TIME_FIELD_INDEX.arrivedSceneAt)

export const availabilityGoalParams = z.object({
  thresholdSeconds: z
    .number()
    .int()
    .positive()
    .default(1200)
    .describe(
      "A case is on time when the first resource arrives within this many seconds of the first dispatch (<=)",
    ),
  goalShare: z
    .number()
    .min(0)
    .max(1)
    .default(0.9)
    .describe("The goal: at least this share (0–1) of cases on time; a lower share misses the goal"),
})
export type AvailabilityGoalParams = z.infer<typeof availabilityGoalParams>

export interface AvailabilityCounts {
  /** Prio-1 cases with a usable interval from first dispatch to first arrival. */
  readonly cases: number
  /** Of those, the cases with the first arrival within the threshold. */
  readonly within: number
  /** `within / cases`; null without cases. */
  readonly share: number | null
  /** `share >= goalShare`; null without cases. */
  readonly meetsGoal: boolean | null
}

export interface AvailabilitySeries {
  /** One entry per month of the period, in order. */
  readonly perMonth: ReadonlyArray<AvailabilityCounts & { readonly month: string }>
  /** The whole period. */
  readonly period: AvailabilityCounts
}

export interface AvailabilityGoalResult {
  readonly thresholdSeconds: number
  readonly goalShare: number
  readonly months: ReadonlyArray<string>
  readonly wholeRegion: AvailabilitySeries
  /** Per municipality district (the caller's), in the geography's order. */
  readonly districts: ReadonlyArray<{ readonly id: string; readonly name: string } & AvailabilitySeries>
}

/**
 * Prio-1 cases of regional callers in the period, per municipality district
 * and month: how many have a usable interval from first dispatch to first
 * arrival (any resource), and how many arrived within the threshold.
 */
export const computeAvailabilityGoal = (
  dataset: DataSet,
  period: Period,
  params: AvailabilityGoalParams,
  tally: QualityTally,
): AvailabilityGoalResult => {
  const cases = dataset.cases
  const districts = dataset.geography.geography.districts
  const months = periodLength(period)
  const usable = new Int32Array(districts.length * months)
  const within = new Int32Array(districts.length * months)

  for (let c = 0; c < cases.count; c++) {
    if (cases.priority[c] !== 1) continue
    const district = cases.callerDistrict[c]!
    const position = cases.month[c]! - period.from
    if (district < 0 || position < 0 || position >= months) continue

    const seconds = caseArrivalSeconds(cases, c, cases.firstDispatch[c]!, "dispatchedAt")
    if (typeof seconds === "string") {
      tally.leave(seconds)
      continue
    }
    tally.use((cases.ambiguousMask[c]! & USED_BITS) !== 0)
    usable[district * months + position]! += 1
    if (seconds <= params.thresholdSeconds) within[district * months + position]! += 1
  }

  const counts = (n: number, w: number): AvailabilityCounts => {
    const s = share(w, n)
    return { cases: n, within: w, share: s, meetsGoal: s === null ? null : s >= params.goalShare }
  }
  // Sums cells over the chosen districts and months, so the region and the period are made of the same cells.
  const sum = (ds: ReadonlyArray<number>, ks: ReadonlyArray<number>): AvailabilityCounts => {
    let n = 0
    let w = 0
    for (const d of ds)
      for (const k of ks) {
        n += usable[d * months + k]!
        w += within[d * months + k]!
      }
    return counts(n, w)
  }
  const monthPositions = Array.from({ length: months }, (_, k) => k)
  const series = (ds: ReadonlyArray<number>): AvailabilitySeries => ({
    perMonth: monthPositions.map((k) => ({ month: formatMonth(period.from + k), ...sum(ds, [k]) })),
    period: sum(ds, monthPositions),
  })

  return {
    thresholdSeconds: params.thresholdSeconds,
    goalShare: params.goalShare,
    months: monthPositions.map((k) => formatMonth(period.from + k)),
    wholeRegion: series(districts.map((_, d) => d)),
    districts: districts.map((d, i) => ({ id: d.id, name: d.name, ...series([i]) })),
  }
}

/** The deck's title names Region Skåne's goal; another region's deck gets the plain word. */
export const availabilityTitle = (dataset: DataSet, language: Language): string => {
  const skane = dataset.geography.geography.region.trim().toLocaleLowerCase("sv") === "region skåne"
  if (language === "sv") return skane ? "Region Skånes tillgänglighetsmål" : "Tillgänglighetsmål"
  return skane ? "Region Skåne's availability goal" : "Availability goal"
}

const TITLE: Texts = { sv: "Tillgänglighetsmål", en: "Availability goal" }

/** `90 %` / `90%` for a whole percent, else one decimal like every share. */
const goalText = (goal: number, language: Language): string => {
  const tenths = Math.round(goal * 1000)
  if (tenths % 10 !== 0) return numberCell(goal, "share", language).text
  return language === "sv" ? `${tenths / 10}\u00a0%` : `${tenths / 10}%`
}

const minutesText = (seconds: number): string =>
  seconds % 60 === 0 ? `${seconds / 60} min` : formatDuration(seconds)

const explanation = (result: AvailabilityGoalResult, language: Language): ReadonlyArray<string> => {
  const limit = minutesText(result.thresholdSeconds)
  const goal = goalText(result.goalShare, language)
  return language === "sv"
    ? [
        "Tiden mäts från att den första resursen larmas ut till att den första resursen, vilken som helst, är framme hos den hjälpsökande. " +
          `Målet är att minst ${goal} av ärendena ska nås inom ${limit}; värden under målet är markerade. ` +
          "Endast ärenden med prioritet 1 från hjälpsökande i regionens kommuner räknas.",
        "Kommundistrikt är distriktet för den kommun den hjälpsökande ringer från; ambulansen kan komma från ett annat distrikt.",
      ]
    : [
        "Time runs from the first resource being dispatched to the first resource, whichever it is, reaching the caller. " +
          `The goal is that at least ${goal} of cases are reached within ${limit}; values below the goal are marked. ` +
          "Only priority 1 cases of callers in the region's municipalities count.",
        "Municipality district is the district of the municipality the caller rang from; the ambulance may come from another district.",
      ]
}

const chart = (result: AvailabilityGoalResult, regionLabel: string, language: Language): ChartBlock => {
  const limit = minutesText(result.thresholdSeconds)
  const values = (s: AvailabilitySeries) => s.perMonth.map((m) => m.share)
  return {
    kind: "chart",
    id: `${ID}-chart`,
    chartType: "line",
    title: language === "sv" ? `Andel framme inom ${limit}` : `Share reached within ${limit}`,
    description:
      language === "sv"
        ? `Linjer: andel prio 1-ärenden framme inom ${limit} per månad, för hela regionen och varje kommundistrikt, mot målet ${goalText(result.goalShare, language)}.`
        : `Lines: share of priority 1 cases reached within ${limit} per month, for the whole region and each municipality district, against the goal of ${goalText(result.goalShare, language)}.`,
    unit: "share",
    xLabel: language === "sv" ? "Månad" : "Month",
    yLabel: language === "sv" ? "Andel" : "Share",
    categories: [...result.months],
    series: [
      { name: regionLabel, values: values(result.wholeRegion) },
      ...result.districts.map((d) => ({ name: districtLabel(d), values: values(d) })),
    ],
    goal: {
      value: result.goalShare,
      label: `${language === "sv" ? "Mål" : "Goal"} ${goalText(result.goalShare, language)}`,
    },
  }
}

const table = (result: AvailabilityGoalResult, regionLabel: string, language: Language): TableBlock => {
  const limit = minutesText(result.thresholdSeconds)
  const columns: Column[] = [
    { key: "area", label: language === "sv" ? "Område" : "Area", align: "left" },
    ...result.months.map(
      (m): Column => ({ key: m, label: m, align: "right", group: language === "sv" ? "Månad" : "Month" }),
    ),
    { key: "period", label: language === "sv" ? "Hela perioden" : "Whole period", align: "right" },
  ]
  const shareCell = (c: AvailabilityCounts, base: ReadonlyArray<Emphasis>) =>
    withBasis(
      numberCell(c.share, "share", language, c.meetsGoal === false ? [...base, "over-goal"] : base),
      c.cases,
    )
  const row = (label: string, s: AvailabilitySeries, kind: "body" | "total"): Row => {
    const base: ReadonlyArray<Emphasis> = kind === "total" ? ["total"] : []
    return {
      kind,
      cells: [textCell(label, base), ...s.perMonth.map((m) => shareCell(m, base)), shareCell(s.period, base)],
    }
  }
  const heading: Row = {
    kind: "group-heading",
    cells: [
      textCell(language === "sv" ? "Kommundistrikt" : "Municipality district"),
      ...columns.slice(1).map(() => textCell("")),
    ],
  }
  const goal = goalText(result.goalShare, language)
  return {
    kind: "table",
    id: `${ID}-table`,
    caption:
      language === "sv"
        ? `Andel prio 1-ärenden framme inom ${limit} per månad`
        : `Share of priority 1 cases reached within ${limit} per month`,
    columns,
    rows: [
      row(regionLabel, result.wholeRegion, "total"),
      heading,
      ...result.districts.map((d) => row(districtLabel(d), d, "body")),
    ],
    notes: [
      language === "sv"
        ? `Mål: minst ${goal} framme inom ${limit}. Markerade värden når inte målet. Underlag: ${numberCell(result.wholeRegion.period.cases, "count", language).text} ärenden.`
        : `Goal: at least ${goal} reached within ${limit}. Marked values miss the goal. Basis: ${numberCell(result.wholeRegion.period.cases, "count", language).text} cases.`,
    ],
  }
}

const present = (
  output: MetricOutput<AvailabilityGoalResult>,
  context: PresentContext<AvailabilityGoalParams>,
): ReadonlyArray<SlideContent> => {
  const { result, quality } = output
  const language = context.language
  const dataset = context.input.dataset
  const regionLabel = wholeRegionLabel(dataset, language)
  const definition = explanation(result, language)
  const paragraphs = context.texts?.[ID] ?? definition
  return [
    {
      id: ID,
      title: availabilityTitle(dataset, language),
      blocks: [
        { kind: "text", paragraphs: [...paragraphs] },
        chart(result, regionLabel, language),
        table(result, regionLabel, language),
      ],
      notes: slideNotes(
        [...definition, `Period: ${periodText(context.input.period, language)}.`],
        quality,
        language,
      ),
    },
  ]
}

/** Slide 6, "Region Skånes tillgänglighetsmål": share of prio-1 cases reached within 20 minutes of dispatch. */
export const availabilityGoal = defineMetric({
  id: ID,
  title: TITLE,
  description: {
    sv: "Prio 1-ärenden (ärendets prioritet) från hjälpsökande i regionen. Intervall = första ankomst (vilken resurs som helst) − första larmning; i tid när det är högst tröskeln (<= 1200 s). Andel i tid per månad och för hela perioden, för hela regionen och per kommundistrikt; målet (0,9) nås när andelen är minst målet, annars markeras värdet.",
    en: "Priority 1 cases (the case's priority) of callers in the region. Interval = first arrival (any resource) − first dispatch; on time when at most the threshold (<= 1200 s). Share on time per month and for the whole period, for the whole region and per municipality district; the goal (0.9) is met when the share is at least the goal, otherwise the value is marked.",
  },
  params: availabilityGoalParams,
  compute: (input, params) =>
    Effect.sync(() => {
      const tally = new QualityTally("cases")
      const result = computeAvailabilityGoal(input.dataset, input.period, params, tally)
      return { result, quality: tally.toQuality() }
    }),
  views: { default: present },
})
