import {
  type Cell,
  type ChartBlock,
  caseArrivalSeconds,
  type DataSet,
  defineMetric,
  formatCount,
  inPeriod,
  type Language,
  type MetricDefinition,
  type MetricInput,
  type MetricOutput,
  type MetricQuality,
  numberCell,
  type PresentContext,
  type SlideContent,
  type TableBlock,
  TIME_FIELD_INDEX,
  textCell,
} from "@ambu/core"
import * as Effect from "effect/Effect"
import { z } from "zod"
import { ordinal } from "./ordinal.js"
import { nearestRankPercentile } from "./percentile.js"

export const P90Params = z.object({
  percent: z
    .number()
    .int()
    .min(1)
    .max(99)
    .default(90)
    .describe("Which percentile to show, in percent; computed by the nearest-rank method."),
})
export type P90Params = z.infer<typeof P90Params>

export interface P90Group {
  /** Cases with a usable interval. */
  readonly cases: number
  /** The percentile in seconds; null without cases. */
  readonly seconds: number | null
}

export interface P90Municipality extends P90Group {
  readonly code: string
  readonly name: string
}

export interface P90Result {
  readonly percent: number
  /** Every municipality of the geography, in its order. */
  readonly municipalities: ReadonlyArray<P90Municipality>
  readonly region: P90Group
}

const INTERVAL_BITS = (1 << TIME_FIELD_INDEX.dispatchedAt) | (1 << TIME_FIELD_INDEX.arrivedSceneAt)

/**
 * The percentile of first dispatch → first arrival over the period's
 * priority 1 cases of regional callers, per caller municipality and for
 * the whole region.
 */
export const computeP90 = (
  input: Pick<MetricInput, "dataset" | "period">,
  params: P90Params,
): MetricOutput<P90Result> => {
  const { cases } = input.dataset
  const municipalities = input.dataset.geography.geography.municipalities
  const seconds: number[][] = municipalities.map(() => [])
  const leftOut = new Map<string, number>()
  let considered = 0
  let ambiguous = 0

  for (let c = 0; c < cases.count; c++) {
    if (cases.priority[c] !== 1 || !inPeriod(input.period, cases.month[c]!)) continue
    const municipality = cases.municipalityRef[c]!
    if (municipality < 0) continue
    considered++

    // The core's rule for a case's response time, and its reason codes, so its labels apply.
    const interval = caseArrivalSeconds(cases, c, cases.firstDispatch[c]!, "dispatchedAt")
    if (typeof interval === "string") {
      leftOut.set(interval, (leftOut.get(interval) ?? 0) + 1)
      continue
    }
    seconds[municipality]!.push(interval)
    if ((cases.ambiguousMask[c]! & INTERVAL_BITS) !== 0) ambiguous++
  }

  const all = seconds.flat()
  const result: P90Result = {
    percent: params.percent,
    municipalities: municipalities.map((m, i) => ({
      code: m.code,
      name: m.name,
      cases: seconds[i]!.length,
      seconds: nearestRankPercentile(seconds[i]!, params.percent),
    })),
    region: { cases: all.length, seconds: nearestRankPercentile(all, params.percent) },
  }
  const quality: MetricQuality = {
    unit: "cases",
    considered,
    used: all.length,
    leftOut: [...leftOut.entries()]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([reason, count]) => ({ reason, count })),
    ambiguousLocalTimes: ambiguous,
  }
  return { result, quality }
}

/** "Hela Skåne" for Region Skåne: the deck's name for the whole region. */
const wholeRegion = (dataset: DataSet, language: Language): string => {
  const bare = dataset.geography.geography.region.replace(/^Region\s+/i, "")
  return language === "sv" ? `Hela ${bare}` : `All of ${bare}`
}

const titleOf = (percent: number, language: Language): string =>
  language === "sv"
    ? `Tid larm till framme hämtadress, ${ordinal(percent, language)} percentilen per kommun`
    : `Time from dispatch to arrival at pick-up address, ${ordinal(percent, language)} percentile per municipality`

const explanation = (percent: number, language: Language): string[] =>
  language === "sv"
    ? [
        "Ärenden med prioritet 1 för hjälpsökande i regionens kommuner. Tiden räknas från att den första resursen larmas till att den första resursen är framme vid hämtadressen.",
        `Percentilen visar hur lång tid det tar innan ${percent} % av ärendena har fått en ambulans på plats; medianen beskriver det typiska ärendet, percentilen de långa väntetiderna.`,
      ]
    : [
        "Priority 1 cases of callers in the region's municipalities. The time runs from the first resource being dispatched to the first resource arriving at the pick-up address.",
        `The percentile tells how long it takes until ${percent} % of the cases have an ambulance on site; the median describes the typical case, the percentile the long waits.`,
      ]

const methodNote = (percent: number, language: Language): string =>
  language === "sv"
    ? `Metod: närmaste rang. Tiderna sorteras och värdet på plats ⌈${percent} · n / 100⌉ visas, alltid en faktiskt uppmätt tid.`
    : `Method: nearest rank. The times are sorted and the one at rank ⌈${percent} · n / 100⌉ is shown, always an observed time.`

const LEFT_OUT_LABELS: Readonly<Record<string, Readonly<Record<Language, string>>>> = {
  "missing-dispatched-at": { sv: "saknar larmad", en: "no dispatch time" },
  "missing-arrived-scene-at": { sv: "saknar framme hämtadress", en: "no arrival at scene" },
  "negative-interval": { sv: "negativt intervall", en: "negative interval" },
}

const qualityNote = (quality: MetricQuality, language: Language): string => {
  const details = quality.leftOut
    .map((l) => `${formatCount(l.count, language)} ${LEFT_OUT_LABELS[l.reason]?.[language] ?? l.reason}`)
    .join(", ")
  const leftOut = formatCount(quality.considered - quality.used, language)
  const tail = details === "" ? "" : ` (${details})`
  return language === "sv"
    ? `Underlag: ${formatCount(quality.considered, language)} ärenden, ${formatCount(quality.used, language)} använda, ${leftOut} utelämnade${tail}.`
    : `Basis: ${formatCount(quality.considered, language)} cases, ${formatCount(quality.used, language)} used, ${leftOut} left out${tail}.`
}

const chart = (id: string, result: P90Result, language: Language): ChartBlock => ({
  kind: "chart",
  id: `${id}-chart`,
  chartType: "bar",
  title: titleOf(result.percent, language),
  description:
    language === "sv"
      ? `Stapeldiagram: ${ordinal(result.percent, language)} percentilen av tiden från larm till framme hämtadress för varje kommun, prioritet 1.`
      : `Bar chart: the ${ordinal(result.percent, language)} percentile of the time from dispatch to arrival at the pick-up address for each municipality, priority 1.`,
  unit: "duration",
  xLabel: language === "sv" ? "Kommun" : "Municipality",
  yLabel: language === "sv" ? "Tid (min:s)" : "Time (min:s)",
  categories: result.municipalities.map((m) => m.name),
  series: [{ name: `P${result.percent}`, values: result.municipalities.map((m) => m.seconds) }],
})

const table = (id: string, result: P90Result, context: PresentContext<P90Params>): TableBlock => {
  const { language } = context
  const row = (name: string, group: P90Group, total: boolean): Cell[] => {
    const emphasis = total ? (["total"] as const) : []
    return [
      textCell(name, emphasis),
      numberCell(group.cases, "count", language, emphasis),
      numberCell(group.seconds, "duration", language, emphasis),
    ]
  }
  return {
    kind: "table",
    id: `${id}-table`,
    caption: titleOf(result.percent, language),
    columns: [
      { key: "municipality", label: language === "sv" ? "Kommun" : "Municipality", align: "left" },
      { key: "cases", label: language === "sv" ? "Ärenden" : "Cases", align: "right" },
      { key: "percentile", label: `P${result.percent}`, align: "right" },
    ],
    rows: [
      ...result.municipalities.map((m) => ({ kind: "body" as const, cells: row(m.name, m, false) })),
      { kind: "total", cells: row(wholeRegion(context.input.dataset, language), result.region, true) },
    ],
    notes: [methodNote(result.percent, language)],
  }
}

const present = (output: MetricOutput<P90Result>, context: PresentContext<P90Params>): SlideContent[] => {
  const id = "p90-response"
  const { language } = context
  const { percent } = output.result
  return [
    {
      id,
      title: titleOf(percent, language),
      blocks: [
        { kind: "text", paragraphs: explanation(percent, language) },
        chart(id, output.result, language),
        table(id, output.result, context),
      ],
      notes: [
        ...explanation(percent, language),
        methodNote(percent, language),
        qualityNote(output.quality, language),
      ].join("\n\n"),
    },
  ]
}

export const p90ResponseDefinition: MetricDefinition<P90Params, P90Result> = {
  id: "p90-response",
  title: {
    sv: "Tid larm till framme hämtadress, percentil per kommun",
    en: "Time from dispatch to arrival at pick-up address, percentile per municipality",
  },
  description: {
    sv: "Ärenden med prioritet 1 i perioden för hjälpsökande i regionens kommuner. Intervallet går från ärendets första larmning till första ankomst till hämtadressen (vilken resurs som helst). Percentilen (percent, 90 som standard) beräknas med närmaste rang: de n tiderna sorteras och tiden på rang ⌈percent · n / 100⌉ visas, per kommun och för hela regionen. Ärenden utan larm- eller ankomsttid, eller med ankomst före larm, utelämnas och räknas i datakvaliteten.",
    en: "Priority 1 cases in the period of callers in the region's municipalities. The interval runs from the case's first dispatch to its first arrival at the pick-up address (any resource). The percentile (percent, 90 by default) is computed by the nearest-rank method: the n times are sorted and the one at rank ⌈percent · n / 100⌉ is shown, per municipality and for the whole region. Cases without a dispatch or arrival time, or with an arrival before the dispatch, are left out and counted in the data-quality account.",
  },
  params: P90Params,
  compute: (input, params) => Effect.sync(() => computeP90(input, params)),
  views: { default: present },
}

/** The example plugin's metric: a percentile of the response time per municipality. */
export const p90Response = defineMetric(p90ResponseDefinition)
