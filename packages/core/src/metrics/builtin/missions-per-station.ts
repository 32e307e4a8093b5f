import * as Effect from "effect/Effect"
import { z } from "zod"
import type { DataSet } from "../../dataset/data-set.js"
import { TIME_FIELD_INDEX } from "../../domain/time-fields.js"
import { numberCell, textCell } from "../../model/format.js"
import type { ChartBlock, Column, Language, Row, TableBlock } from "../../model/report-model.js"
import { formatMonth, type Period, periodLength } from "../../time/month.js"
import { defineMetric, type MetricOutput, type PresentContext, type SlideContent } from "../metric.js"
import { periodText, slideNotes, type Texts } from "../pipeline/present.js"
import { QualityTally } from "../pipeline/quality.js"

const ID = "missions-per-station"
const DISPATCHED_BIT = 1 << TIME_FIELD_INDEX.dispatchedAt

export const missionsPerStationParams = z.object({
  maxRowsPerSlide: z
    .number()
    .int()
    .min(1)
    .default(14)
    .describe("Most station rows on one slide; longer station lists are split evenly over several slides"),
})
export type MissionsPerStationParams = z.infer<typeof missionsPerStationParams>

export interface StationMissions {
  /** The station's name in the reference data. */
  readonly name: string
  /** The ambulance district the station belongs to. */
  readonly district: { readonly id: string; readonly name: string }
  /** Missions per month, aligned with `MissionsPerStationResult.months`. */
  readonly perMonth: ReadonlyArray<number>
  readonly total: number
}

export interface MissionsPerStationResult {
  /** The period's months, `YYYY-MM`. */
  readonly months: ReadonlyArray<string>
  /** Every reference station, in the geography's order, also those without missions. */
  readonly stations: ReadonlyArray<StationMissions>
  readonly total: { readonly perMonth: ReadonlyArray<number>; readonly total: number }
}

/** Missions of regional resources per home station and month of the period. */
export const computeMissionsPerStation = (
  dataset: DataSet,
  period: Period,
  tally: QualityTally,
): MissionsPerStationResult => {
  const { missions, geography } = dataset
  const stations = geography.geography.stations
  const months = periodLength(period)
  const counts = new Int32Array(stations.length * months)

  for (let i = 0; i < missions.count; i++) {
    const station = missions.stationRef[i]!
    if (station < 0) continue
    const position = missions.month[i]! - period.from
    if (position < 0 || position >= months) continue
    counts[station * months + position]! += 1
    tally.use((missions.ambiguousMask[i]! & DISPATCHED_BIT) !== 0)
  }

  const rows = stations.map((s, index): StationMissions => {
    const perMonth = Array.from(counts.subarray(index * months, (index + 1) * months))
    const district = geography.geography.districts[geography.stationDistrict[index]!]
    return {
      name: s.name,
      district: { id: district?.id ?? s.district, name: district?.name ?? "" },
      perMonth,
      total: perMonth.reduce((a, b) => a + b, 0),
    }
  })
  const totalPerMonth = Array.from({ length: months }, (_, k) => rows.reduce((a, r) => a + r.perMonth[k]!, 0))
  return {
    months: Array.from({ length: months }, (_, k) => formatMonth(period.from + k)),
    stations: rows,
    total: { perMonth: totalPerMonth, total: totalPerMonth.reduce((a, b) => a + b, 0) },
  }
}

/**
 * Splits `count` rows into the fewest slides of at most `max` rows, as even
 * as possible (22 rows at 14 a slide: 11 + 11 rather than 14 + 8), so no
 * slide ends with a lonely tail. Returns the `[start, end)` of each slide.
 */
export const splitEvenly = (count: number, max: number): ReadonlyArray<readonly [number, number]> => {
  const slides = Math.max(1, Math.ceil(count / max))
  const base = Math.floor(count / slides)
  const extra = count % slides
  const ranges: Array<readonly [number, number]> = []
  let start = 0
  for (let s = 0; s < slides; s++) {
    const size = base + (s < extra ? 1 : 0)
    ranges.push([start, start + size])
    start += size
  }
  return ranges
}

const TITLE: Texts = { sv: "Antal uppdrag per station", en: "Number of missions per station" }

const LABELS = {
  station: { sv: "Station", en: "Station" },
  month: { sv: "Månad", en: "Month" },
  total: { sv: "Totalt", en: "Total" },
  count: { sv: "Antal uppdrag", en: "Missions" },
} satisfies Record<string, Texts>

const explanation = (language: Language): ReadonlyArray<string> =>
  language === "sv"
    ? [
        "Uppdragen räknas på den hemmastation som den utryckande resursen hör till, oavsett varifrån den hjälpsökande ringde. " +
          "Uppdrag där regionens resurser hjälper hjälpsökande i andra regioner ingår; andra regioners resurser ingår inte.",
      ]
    : [
        "Missions are counted at the home station of the resource that responded, wherever the caller rang from. " +
          "Missions where the region's resources help callers in other regions are included; other regions' resources are not.",
      ]

const part = (index: number, count: number, language: Language): string =>
  count === 1 ? "" : language === "sv" ? ` (${index + 1} av ${count})` : ` (${index + 1} of ${count})`

const stationTable = (
  result: MissionsPerStationResult,
  stations: ReadonlyArray<StationMissions>,
  slideId: string,
  caption: string,
  withTotal: boolean,
  language: Language,
): TableBlock => {
  const columns: Column[] = [
    { key: "station", label: LABELS.station[language], align: "left" },
    ...result.months.map(
      (m): Column => ({ key: m, label: m, align: "right", group: LABELS.month[language] }),
    ),
    { key: "total", label: LABELS.total[language], align: "right" },
  ]
  const rows: Row[] = stations.map((s) => ({
    kind: "body",
    cells: [textCell(s.name), ...[...s.perMonth, s.total].map((v) => numberCell(v, "count", language))],
  }))
  if (withTotal) {
    rows.push({
      kind: "total",
      cells: [
        textCell(LABELS.total[language], ["total"]),
        ...[...result.total.perMonth, result.total.total].map((v) =>
          numberCell(v, "count", language, ["total"]),
        ),
      ],
    })
  }
  return { kind: "table", id: `${slideId}-table`, caption, columns, rows }
}

const stationChart = (
  stations: ReadonlyArray<StationMissions>,
  slideId: string,
  title: string,
  language: Language,
): ChartBlock => ({
  kind: "chart",
  id: `${slideId}-chart`,
  chartType: "bar",
  title,
  description:
    language === "sv"
      ? "Staplar: antal uppdrag under hela perioden per hemstation."
      : "Bars: missions over the whole period per home station.",
  unit: "count",
  xLabel: LABELS.station[language],
  yLabel: LABELS.count[language],
  categories: stations.map((s) => s.name),
  series: [{ name: LABELS.total[language], values: stations.map((s) => s.total) }],
})

/**
 * One slide per slice of stations. The region's total row sits on the last
 * slide only: a total repeated on every slide would not be the sum of the
 * rows shown there, which invites misreading.
 */
const present = (
  output: MetricOutput<MissionsPerStationResult>,
  context: PresentContext<MissionsPerStationParams>,
): ReadonlyArray<SlideContent> => {
  const { result, quality } = output
  const language = context.language
  const definition = explanation(language)
  const ranges = splitEvenly(result.stations.length, context.params.maxRowsPerSlide)
  const notes = slideNotes(
    [...definition, `Period: ${periodText(context.input.period, language)}.`],
    quality,
    language,
  )

  return ranges.map(([start, end], index) => {
    const id = `${ID}-${index + 1}`
    const stations = result.stations.slice(start, end)
    const suffix = part(index, ranges.length, language)
    const caption =
      language === "sv"
        ? `Antal uppdrag per station och månad${suffix}`
        : `Missions per station and month${suffix}`
    const chartTitle =
      language === "sv" ? `Antal uppdrag per station${suffix}` : `Missions per station${suffix}`
    const paragraphs = context.texts?.[id] ?? context.texts?.[ID] ?? definition
    return {
      id,
      title: TITLE[language],
      blocks: [
        { kind: "text", paragraphs: [...paragraphs] },
        stationChart(stations, id, chartTitle, language),
        stationTable(result, stations, id, caption, index === ranges.length - 1, language),
      ],
      notes,
    }
  })
}

/** Slides 3–4, "Antal uppdrag per station": regional missions per home station and month. */
export const missionsPerStation = defineMetric({
  id: ID,
  title: TITLE,
  description: {
    sv: "Vårduppdrag av regionens resurser per hemmastation (rader, alla stationer i referensdata) och månad, hjälpsökande var som helst; långa stationslistor delas på flera bilder.",
    en: "Missions of regional resources per home station (rows, every station of the reference data) and month, callers anywhere; long station lists are split over several slides.",
  },
  params: missionsPerStationParams,
  compute: (input) =>
    Effect.sync(() => {
      const tally = new QualityTally("missions")
      const result = computeMissionsPerStation(input.dataset, input.period, tally)
      return { result, quality: tally.toQuality() }
    }),
  views: { default: present },
})
