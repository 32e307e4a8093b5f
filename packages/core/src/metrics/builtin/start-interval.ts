import * as Effect from "effect/Effect"
import { z } from "zod"
import type { DataSet } from "../../dataset/data-set.js"
import { TIME_FIELD_INDEX } from "../../domain/time-fields.js"
import { numberCell, textCell } from "../../model/format.js"
import type { Emphasis, Language, Row, TableBlock } from "../../model/report-model.js"
import { inPeriod, type Period } from "../../time/month.js"
import { defineMetric, type MetricOutput, type PresentContext, type SlideContent } from "../metric.js"
import { intervalSeconds } from "../pipeline/interval.js"
import { districtLabel, periodText, slideNotes, type Texts, wholeRegionLabel } from "../pipeline/present.js"
import { QualityTally } from "../pipeline/quality.js"
import { share } from "../pipeline/statistics.js"

const ID = "start-interval"
const DISPATCHED = TIME_FIELD_INDEX.dispatchedAt
const EN_ROUTE = TIME_FIELD_INDEX.enRouteAt
const USED_BITS = (1 << DISPATCHED) | (1 << EN_ROUTE)

export const startIntervalParams = z.object({
  thresholdSeconds: z
    .number()
    .int()
    .positive()
    .default(90)
    .describe("A mission is within the target when it starts within this many seconds of dispatch (<=)"),
  maxRowsPerSlide: z
    .number()
    .int()
    .min(4)
    // Region Skåne's table (28 stations in 4 districts) has 41 rows: it stays one
    // slide, as in the original deck, and the renderers continue it on a further
    // page; the slide numbers 1–14 of the original are kept that way.
    .default(60)
    .describe(
      "Most table rows on one slide; whole ambulance districts move to a further slide when exceeded",
    ),
})
export type StartIntervalParams = z.infer<typeof startIntervalParams>

export interface StartIntervalCounts {
  /** Prio-1-from-the-start missions with a usable start interval. */
  readonly missions: number
  /** Of those, the missions that started within the threshold. */
  readonly within: number
  /** `within / missions`; null without missions. */
  readonly share: number | null
}

export interface StartIntervalResult {
  readonly thresholdSeconds: number
  /** Every reference station, in the geography's order, with its ambulance district. */
  readonly stations: ReadonlyArray<
    {
      readonly name: string
      readonly district: { readonly id: string; readonly name: string }
    } & StartIntervalCounts
  >
  /** Per ambulance district (of the resource's station), in the geography's order. */
  readonly districts: ReadonlyArray<{ readonly id: string; readonly name: string } & StartIntervalCounts>
  readonly wholeRegion: StartIntervalCounts
}

const counts = (missions: number, within: number): StartIntervalCounts => ({
  missions,
  within,
  share: share(within, missions),
})

/**
 * Missions of regional resources in the period that had priority 1 from the
 * start (priority and initial priority 1), callers anywhere: per home
 * station, how many have a usable start interval (dispatched → en route)
 * and how many of those started within the threshold.
 */
export const computeStartInterval = (
  dataset: DataSet,
  period: Period,
  thresholdSeconds: number,
  tally: QualityTally,
): StartIntervalResult => {
  const { missions, geography } = dataset
  const stations = geography.geography.stations
  const districts = geography.geography.districts
  const usable = new Int32Array(stations.length)
  const within = new Int32Array(stations.length)
  const { times } = missions

  for (let i = 0; i < missions.count; i++) {
    const station = missions.stationRef[i]!
    if (station < 0 || missions.priority[i] !== 1 || missions.initialPriority[i] !== 1) continue
    if (!inPeriod(period, missions.month[i]!)) continue

    const seconds = intervalSeconds(
      times.at(DISPATCHED, i),
      times.at(EN_ROUTE, i),
      "dispatchedAt",
      "enRouteAt",
    )
    if (typeof seconds === "string") {
      tally.leave(seconds)
      continue
    }
    tally.use((missions.ambiguousMask[i]! & USED_BITS) !== 0)
    usable[station]! += 1
    if (seconds <= thresholdSeconds) within[station]! += 1
  }

  const perStation = stations.map((s, i) => {
    const district = districts[geography.stationDistrict[i]!]
    return {
      name: s.name,
      district: { id: district?.id ?? s.district, name: district?.name ?? "" },
      ...counts(usable[i]!, within[i]!),
    }
  })
  const sumOver = (indices: ReadonlyArray<number>): StartIntervalCounts => {
    let n = 0
    let w = 0
    for (const i of indices) {
      n += usable[i]!
      w += within[i]!
    }
    return counts(n, w)
  }
  const stationsOf = (d: number) =>
    stations.flatMap((_, i) => (geography.stationDistrict[i] === d ? [i] : []))
  return {
    thresholdSeconds,
    stations: perStation,
    districts: districts.map((d, index) => ({ id: d.id, name: d.name, ...sumOver(stationsOf(index)) })),
    wholeRegion: sumOver(stations.map((_, i) => i)),
  }
}

/**
 * Packs consecutive groups of rows onto slides of at most `max` rows,
 * keeping each group whole (a group longer than `max` gets a slide of its
 * own). Returns, per slide, the indices of its groups.
 */
export const packGroups = (
  sizes: ReadonlyArray<number>,
  max: number,
): ReadonlyArray<ReadonlyArray<number>> => {
  const slides: number[][] = []
  let current: number[] = []
  let used = 0
  sizes.forEach((size, group) => {
    if (current.length > 0 && used + size > max) {
      slides.push(current)
      current = []
      used = 0
    }
    current.push(group)
    used += size
  })
  slides.push(current)
  return slides
}

const TITLE: Texts = {
  sv: "Antal med startintervall inom mål per station och ambulansdistrikt",
  en: "Number with start interval within target per station and ambulance district",
}

// Start intervals are spoken of in seconds, also above a minute ("120 s").
const limitText = (seconds: number): string => `${seconds} s`

const explanation = (thresholdSeconds: number, language: Language): ReadonlyArray<string> => {
  const limit = limitText(thresholdSeconds)
  return language === "sv"
    ? [
        "Startintervallet är tiden från att larmoperatören larmar ut en vårdresurs till att resursen påbörjar uppdraget. " +
          `Ett uppdrag är inom mål när startintervallet är högst ${limit}. ` +
          "Endast uppdrag som hade prioritet 1 redan från början räknas, också uppdrag åt hjälpsökande i andra regioner; ett ärende som prioriterats om under samtalet ingår inte.",
        "Station och ambulansdistrikt avser den utryckande resursens hemmastation.",
      ]
    : [
        "The start interval is the time from the dispatcher alerting a care resource to the resource starting the mission. " +
          `A mission is within target when its start interval is at most ${limit}. ` +
          "Only missions that had priority 1 from the start count, including those for callers in other regions; a case re-prioritised during the call does not.",
        "Station and ambulance district are those of the responding resource's home station.",
      ]
}

interface Labels {
  readonly language: Language
  readonly limit: string
  readonly region: string
}

const countRow = (kind: Row["kind"], label: string, c: StartIntervalCounts, language: Language): Row => {
  const emphasis: ReadonlyArray<Emphasis> = kind === "total" || kind === "subtotal" ? ["total"] : []
  return {
    kind,
    cells: [
      textCell(label, emphasis),
      numberCell(c.missions, "count", language, emphasis),
      numberCell(c.within, "count", language, emphasis),
      numberCell(c.share, "share", language, emphasis),
    ],
  }
}

/** The rows of one ambulance district: a heading, its stations and its subtotal. */
const districtRows = (result: StartIntervalResult, index: number, labels: Labels): Row[] => {
  const district = result.districts[index]!
  const label = districtLabel(district)
  const heading = labels.language === "sv" ? `Ambulansdistrikt ${label}` : `Ambulance district ${label}`
  return [
    { kind: "group-heading", cells: [textCell(heading), textCell(""), textCell(""), textCell("")] },
    ...result.stations
      .filter((s) => s.district.id === district.id)
      .map((s) => countRow("body", s.name, s, labels.language)),
    countRow(
      "subtotal",
      `${labels.language === "sv" ? "Totalt" : "Total"} ${label}`,
      district,
      labels.language,
    ),
  ]
}

const table = (id: string, rows: Row[], labels: Labels, part: string): TableBlock => ({
  kind: "table",
  id: `${id}-table`,
  caption:
    labels.language === "sv"
      ? `Prio 1-uppdrag med startintervall inom ${labels.limit} per station och ambulansdistrikt${part}`
      : `Priority 1 missions with a start interval within ${labels.limit} per station and ambulance district${part}`,
  columns: [
    { key: "station", label: "Station", align: "left" },
    { key: "missions", label: labels.language === "sv" ? "Uppdrag" : "Missions", align: "right" },
    {
      key: "within",
      label: labels.language === "sv" ? `Inom ${labels.limit}` : `Within ${labels.limit}`,
      align: "right",
    },
    { key: "share", label: labels.language === "sv" ? "Andel" : "Share", align: "right" },
  ],
  rows,
})

/**
 * One table of stations grouped by ambulance district, with a subtotal per
 * district and the region's total last. When that is longer than
 * `maxRowsPerSlide`, whole districts move to further slides (ids `-1`, `-2`,
 * …) and the region's total stays on the last one, so that a district is
 * never split from its subtotal.
 */
const present = (
  output: MetricOutput<StartIntervalResult>,
  context: PresentContext<StartIntervalParams>,
): ReadonlyArray<SlideContent> => {
  const { result, quality } = output
  const language = context.language
  const labels: Labels = {
    language,
    limit: limitText(result.thresholdSeconds),
    region: wholeRegionLabel(context.input.dataset, language),
  }
  const definition = explanation(result.thresholdSeconds, language)
  const notes = slideNotes(
    [...definition, `Period: ${periodText(context.input.period, language)}.`],
    quality,
    language,
  )

  const groups = result.districts.map((_, d) => districtRows(result, d, labels))
  const totalRow = countRow("total", labels.region, result.wholeRegion, language)
  // The total row travels with the last district, so its slide has room for it.
  const sizes = groups.map((rows, d) => rows.length + (d === groups.length - 1 ? 1 : 0))
  const slides = packGroups(sizes, context.params.maxRowsPerSlide)

  return slides.map((districtIndices, s) => {
    const last = s === slides.length - 1
    const id = slides.length === 1 ? ID : `${ID}-${s + 1}`
    const part =
      slides.length === 1
        ? ""
        : language === "sv"
          ? ` (${s + 1} av ${slides.length})`
          : ` (${s + 1} of ${slides.length})`
    const rows = [...districtIndices.flatMap((d) => groups[d]!), ...(last ? [totalRow] : [])]
    const paragraphs = context.texts?.[id] ?? context.texts?.[ID] ?? definition
    return {
      id,
      title: TITLE[language],
      blocks: [{ kind: "text", paragraphs: [...paragraphs] }, table(id, rows, labels, part)],
      notes,
    }
  })
}

/** Slide 7, "Antal med startintervall inom mål per station och ambulansdistrikt". */
export const startInterval = defineMetric({
  id: ID,
  title: TITLE,
  description: {
    sv: "Vårduppdrag av regionens resurser med prioritet 1 och initial prioritet 1, hjälpsökande var som helst. Startintervall = påbörjat − larmad; inom mål när det är högst tröskeln (<= 90 s). Per station (grupperad på stationens ambulansdistrikt), per ambulansdistrikt och hela regionen. Utelämnas: saknat påbörjat, negativt intervall.",
    en: "Missions of regional resources with priority 1 and initial priority 1, callers anywhere. Start interval = en route − dispatched; within target when at most the threshold (<= 90 s). Per station (grouped by the station's ambulance district), per ambulance district and for the whole region. Left out: no en-route time, negative interval.",
  },
  params: startIntervalParams,
  compute: (input, params) =>
    Effect.sync(() => {
      const tally = new QualityTally("missions")
      const result = computeStartInterval(input.dataset, input.period, params.thresholdSeconds, tally)
      return { result, quality: tally.toQuality() }
    }),
  views: { default: present },
})
