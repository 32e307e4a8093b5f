import * as Effect from "effect/Effect"
import { z } from "zod"
import type { DataSet } from "../../dataset/data-set.js"
import { TIME_FIELD_INDEX } from "../../domain/time-fields.js"
import { formatDuration, numberCell, textCell } from "../../model/format.js"
import type { Language, Row, TableBlock } from "../../model/report-model.js"
import { inPeriod, type Period } from "../../time/month.js"
import { defineMetric, type MetricOutput, type PresentContext, type SlideContent } from "../metric.js"
import { caseArrivalSeconds } from "../pipeline/interval.js"
import { districtLabel, periodText, slideNotes, type Texts, wholeRegionLabel } from "../pipeline/present.js"
import { QualityTally } from "../pipeline/quality.js"
import { share } from "../pipeline/statistics.js"

const ID = "waiting-time"
const USED_BITS = (1 << TIME_FIELD_INDEX.callAnsweredAt) | (1 << TIME_FIELD_INDEX.arrivedSceneAt)

export const waitingTimeParams = z.object({
  thresholdSeconds: z
    .number()
    .int()
    .positive()
    .default(1200)
    .describe("A case counts when its waiting time is strictly under this many seconds (20 minutes)"),
})
export type WaitingTimeParams = z.infer<typeof waitingTimeParams>

export interface WaitingTimeCounts {
  /** Prio-1 cases with a usable waiting time. */
  readonly cases: number
  /** Of those, the cases whose waiting time is under the threshold. */
  readonly under: number
  /** `under / cases`; null without cases. */
  readonly share: number | null
}

export interface WaitingTimeResult {
  readonly thresholdSeconds: number
  /** Per municipality district (the caller's), in the geography's order. */
  readonly districts: ReadonlyArray<{ readonly id: string; readonly name: string } & WaitingTimeCounts>
  readonly wholeRegion: WaitingTimeCounts
}

const counts = (cases: number, under: number): WaitingTimeCounts => ({
  cases,
  under,
  share: share(under, cases),
})

/**
 * Prio-1 cases of regional callers in the period, by municipality district:
 * how many have a usable waiting time (call answered → first arrival of any
 * resource) and how many of those waited less than the threshold.
 */
export const computeWaitingTime = (
  dataset: DataSet,
  period: Period,
  thresholdSeconds: number,
  tally: QualityTally,
): WaitingTimeResult => {
  const cases = dataset.cases
  const districts = dataset.geography.geography.districts
  const usable = new Int32Array(districts.length)
  const under = new Int32Array(districts.length)

  for (let c = 0; c < cases.count; c++) {
    if (cases.priority[c] !== 1) continue
    const district = cases.callerDistrict[c]!
    if (district < 0 || !inPeriod(period, cases.month[c]!)) continue

    const seconds = caseArrivalSeconds(cases, c, cases.callAnswered[c]!, "callAnsweredAt")
    if (typeof seconds === "string") {
      tally.leave(seconds)
      continue
    }
    tally.use((cases.ambiguousMask[c]! & USED_BITS) !== 0)
    usable[district]! += 1
    if (seconds < thresholdSeconds) under[district]! += 1
  }

  const perDistrict = districts.map((d, i) => ({ id: d.id, name: d.name, ...counts(usable[i]!, under[i]!) }))
  const sum = (pick: (g: WaitingTimeCounts) => number) => perDistrict.reduce((a, g) => a + pick(g), 0)
  return {
    thresholdSeconds,
    districts: perDistrict,
    wholeRegion: counts(
      sum((g) => g.cases),
      sum((g) => g.under),
    ),
  }
}

/** `20 min` for whole minutes, else `m:ss`. */
export const thresholdText = (seconds: number): string =>
  seconds % 60 === 0 ? `${seconds / 60} min` : formatDuration(seconds)

const TITLE: Texts = { sv: "Väntetid", en: "Waiting time" }

const explanation = (thresholdSeconds: number, language: Language): ReadonlyArray<string> => {
  const limit = thresholdText(thresholdSeconds)
  return language === "sv"
    ? [
        "Väntetiden räknas från att larmcentralen besvarar samtalet till att den första resursen, vilken som helst, är framme hos den hjälpsökande. " +
          `Här ingår bara ärenden med prioritet 1 från hjälpsökande i regionens kommuner, och tabellen visar hur många som väntade kortare än ${limit}. ` +
          "Tillgänglighetsmålet på nästa bild mäts från ett annat starttillfälle.",
        "Kommundistrikt är distriktet för den kommun den hjälpsökande ringer från; ambulansen kan komma från ett annat distrikt.",
      ]
    : [
        "Waiting time runs from the dispatch centre answering the call to the first resource, whichever it is, reaching the caller. " +
          `Only priority 1 cases of callers in the region's municipalities count, and the table shows how many waited less than ${limit}. ` +
          "The availability goal on the next slide is measured from a different starting point.",
        "Municipality district is the district of the municipality the caller rang from; the ambulance may come from another district.",
      ]
}

const table = (result: WaitingTimeResult, context: PresentContext<WaitingTimeParams>): TableBlock => {
  const language = context.language
  const limit = thresholdText(result.thresholdSeconds)
  const row = (label: string, g: WaitingTimeCounts, total: boolean): Row => {
    const emphasis = total ? (["total"] as const) : []
    return {
      kind: total ? "total" : "body",
      cells: [
        textCell(label, emphasis),
        numberCell(g.cases, "count", language, emphasis),
        numberCell(g.under, "count", language, emphasis),
        numberCell(g.share, "share", language, emphasis),
      ],
    }
  }
  return {
    kind: "table",
    id: `${ID}-table`,
    caption:
      language === "sv"
        ? `Prio 1-ärenden med väntetid under ${limit} per kommundistrikt`
        : `Priority 1 cases with a waiting time under ${limit} per municipality district`,
    columns: [
      {
        key: "district",
        label: language === "sv" ? "Kommundistrikt" : "Municipality district",
        align: "left",
      },
      { key: "cases", label: language === "sv" ? "Ärenden" : "Cases", align: "right" },
      { key: "under", label: `Under ${limit}`, align: "right" },
      { key: "share", label: language === "sv" ? "Andel" : "Share", align: "right" },
    ],
    rows: [
      ...result.districts.map((d) => row(districtLabel(d), d, false)),
      row(wholeRegionLabel(context.input.dataset, language), result.wholeRegion, true),
    ],
  }
}

const present = (
  output: MetricOutput<WaitingTimeResult>,
  context: PresentContext<WaitingTimeParams>,
): ReadonlyArray<SlideContent> => {
  const language = context.language
  const definition = explanation(output.result.thresholdSeconds, language)
  const paragraphs = context.texts?.[ID] ?? definition
  return [
    {
      id: ID,
      title: TITLE[language],
      blocks: [{ kind: "text", paragraphs: [...paragraphs] }, table(output.result, context)],
      notes: slideNotes(
        [...definition, `Period: ${periodText(context.input.period, language)}.`],
        output.quality,
        language,
      ),
    },
  ]
}

/** Slide 5, "Väntetid": prio-1 cases whose waiting time is under 20 minutes, per municipality district. */
export const waitingTime = defineMetric({
  id: ID,
  title: TITLE,
  description: {
    sv: "Prio 1-ärenden (ärendets prioritet) från hjälpsökande i regionen. Väntetid = första ankomst (vilken resurs som helst) − samtal besvarat; räknas när den är strikt under tröskeln (1200 s). Per kommundistrikt och hela regionen. Utelämnas: saknat samtal besvarat, saknad ankomst, negativt intervall.",
    en: "Priority 1 cases (the case's priority) of callers in the region. Waiting time = first arrival (any resource) − call answered; counted when strictly under the threshold (1200 s). Per municipality district and for the whole region. Left out: no call-answered time, no arrival, negative interval.",
  },
  params: waitingTimeParams,
  compute: (input, params) =>
    Effect.sync(() => {
      const tally = new QualityTally("cases")
      const result = computeWaitingTime(input.dataset, input.period, params.thresholdSeconds, tally)
      return { result, quality: tally.toQuality() }
    }),
  views: { default: present },
})
