import * as Effect from "effect/Effect"
import { z } from "zod"
import type { DataSet } from "../../dataset/data-set.js"
import type { MissionTimes } from "../../dataset/mission-times.js"
import { TIME_FIELD_INDEX, TIME_FIELDS, type TimeField } from "../../domain/time-fields.js"
import { numberCell, textCell, withBasis } from "../../model/format.js"
import { compareCodePoints } from "../../model/plane.js"
import type { Cell, Column, Language, Row, TableBlock } from "../../model/report-model.js"
import { inPeriod } from "../../time/month.js"
import {
  defineMetric,
  type MetricDefinition,
  type MetricInput,
  type MetricOutput,
  type PresentContext,
  type SlideContent,
} from "../metric.js"
import { intervalSeconds } from "../pipeline/interval.js"
import { districtLabel, slideNotes, type Texts, wholeRegionLabel } from "../pipeline/present.js"
import { municipalityRanks, RankedValues } from "../pipeline/ranked-values.js"
import { medianInPlace } from "../pipeline/statistics.js"

// Its home was here; tests and callers still find it here.
export { medianInPlace }

import { QualityTally } from "../pipeline/quality.js"

/** A part of a mission between two of its timestamps. */
export interface Segment {
  readonly key: string
  readonly from: TimeField
  readonly to: TimeField
  readonly label: Texts
}

/** The eight segments of metrics.md, in the deck's column order. */
export const SEGMENTS: ReadonlyArray<Segment> = [
  {
    key: "answered-to-dispatched",
    from: "callAnsweredAt",
    to: "dispatchedAt",
    label: { sv: "Samtal besvarat till larmad", en: "Call answered to dispatched" },
  },
  {
    key: "dispatched-to-en-route",
    from: "dispatchedAt",
    to: "enRouteAt",
    label: { sv: "Startintervall", en: "Start interval" },
  },
  {
    key: "en-route-to-arrived-scene",
    from: "enRouteAt",
    to: "arrivedSceneAt",
    label: { sv: "Körtid till hämtadress", en: "Drive to scene" },
  },
  {
    key: "dispatched-to-arrived-scene",
    from: "dispatchedAt",
    to: "arrivedSceneAt",
    label: { sv: "Larm till framme hämtadress", en: "Dispatched to arrival at scene" },
  },
  {
    key: "arrived-scene-to-left-scene",
    from: "arrivedSceneAt",
    to: "leftSceneAt",
    label: { sv: "Tid på hämtadress", en: "Time on scene" },
  },
  {
    key: "left-scene-to-arrived-destination",
    from: "leftSceneAt",
    to: "arrivedDestinationAt",
    label: { sv: "Transporttid", en: "Transport" },
  },
  {
    key: "arrived-destination-to-cleared",
    from: "arrivedDestinationAt",
    to: "clearedAt",
    label: { sv: "Överlämning till klar", en: "Hand-over to cleared" },
  },
  {
    key: "dispatched-to-cleared",
    from: "dispatchedAt",
    to: "clearedAt",
    label: { sv: "Uppdragstid", en: "Mission time" },
  },
]

export const SegmentTimesParams = z.object({
  districtsPerSlide: z
    .number()
    .int()
    .min(1)
    .default(2)
    .describe("How many municipality districts each slide shows, in geography order (the deck shows 2)."),
})
export type SegmentTimesParams = z.infer<typeof SegmentTimesParams>

/** The median of one segment over a group's missions where that segment is usable. */
export interface SegmentMedian {
  readonly segment: string
  /** Null when no mission of the group has the segment usable. */
  readonly medianSeconds: number | null
  /** Missions of the group with this segment usable. */
  readonly n: number
}

export interface SegmentTimesGroup {
  /** Prio-1 missions of the group's callers in the period, usable or not. */
  readonly missions: number
  /** One entry per segment, in `SEGMENTS` order. */
  readonly segments: ReadonlyArray<SegmentMedian>
}

export interface SegmentTimesMunicipality extends SegmentTimesGroup {
  readonly code: string
  readonly name: string
  readonly districtId: string
}

export interface SegmentTimesDistrict extends SegmentTimesGroup {
  readonly id: string
  readonly name: string
}

/** The data-quality account of one segment over the whole region. */
export interface SegmentQuality {
  readonly segment: string
  readonly used: number
  readonly leftOut: ReadonlyArray<{ readonly reason: string; readonly count: number }>
}

export interface SegmentTimesResult {
  readonly segments: ReadonlyArray<{ readonly key: string; readonly from: TimeField; readonly to: TimeField }>
  readonly municipalities: ReadonlyArray<SegmentTimesMunicipality>
  /** Municipality districts in geography order: medians over all their municipalities' missions. */
  readonly districts: ReadonlyArray<SegmentTimesDistrict>
  readonly region: SegmentTimesGroup
  readonly segmentQuality: ReadonlyArray<SegmentQuality>
}

const sortedReasons = (counts: ReadonlyMap<string, number>) =>
  [...counts.entries()]
    .sort(([a], [b]) => compareCodePoints(a, b))
    .map(([reason, count]) => ({ reason, count }))

/** Each segment's two time fields as `TIME_FIELDS` indices, looked up once rather than per mission. */
const SEGMENT_FIELDS = SEGMENTS.map((s) => [TIME_FIELD_INDEX[s.from], TIME_FIELD_INDEX[s.to]] as const)

/** Segment `k`'s seconds for mission `i`, or why it is unusable. */
const segmentSeconds = (times: MissionTimes, k: number, i: number) => {
  const [from, to] = SEGMENT_FIELDS[k]!
  const segment = SEGMENTS[k]!
  return intervalSeconds(times.at(from, i), times.at(to, i), segment.from, segment.to)
}

/**
 * The missions of the population (their indices, and their municipality's
 * rank), how many of them each segment can use per rank, and the quality
 * accounts. No segment's values are kept: at ten million missions eight
 * columns of seconds would cost hundreds of megabytes; each segment's values
 * are computed again when its medians are taken.
 */
const collect = (dataset: DataSet, period: MetricInput["period"], rank: Int32Array, ranks: number) => {
  const { missions } = dataset
  const inPopulation = (i: number) =>
    missions.priority[i] === 1 && inPeriod(period, missions.month[i]!) && missions.municipalityRef[i]! >= 0

  let capacity = 0
  for (let i = 0; i < missions.count; i++) if (inPopulation(i)) capacity++
  const members = new Int32Array(capacity)
  const memberRank = new Int32Array(capacity)
  const usablePerRank = SEGMENTS.map(() => new Int32Array(ranks))
  const segmentReasons = SEGMENTS.map(() => new Map<string, number>())
  const tally = new QualityTally("missions")
  const instants = new Float64Array(TIME_FIELDS.length)
  let size = 0

  for (let i = 0; i < missions.count; i++) {
    if (!inPopulation(i)) continue
    const r = rank[missions.municipalityRef[i]!]!
    if (r < 0) {
      tally.leave("municipality-without-district")
      continue
    }

    // The seven times once, not twice per segment.
    for (let f = 0; f < instants.length; f++) instants[f] = missions.times.at(f, i)
    let firstReason: string | null = null
    for (let s = 0; s < SEGMENTS.length; s++) {
      const [from, to] = SEGMENT_FIELDS[s]!
      const value = intervalSeconds(instants[from]!, instants[to]!, SEGMENTS[s]!.from, SEGMENTS[s]!.to)
      if (typeof value === "number") {
        usablePerRank[s]![r]! += 1
      } else {
        segmentReasons[s]!.set(value, (segmentReasons[s]!.get(value) ?? 0) + 1)
        firstReason ??= value
      }
    }
    members[size] = i
    memberRank[size] = r
    size++

    // The population's account: a mission is "used" only when every segment
    // is; otherwise its first unusable segment names the reason. Each segment
    // still uses the mission where that segment is usable (see segmentQuality).
    if (firstReason === null) tally.use(missions.ambiguousMask[i]! !== 0)
    else tally.leave(firstReason)
  }

  return {
    size,
    members: members.subarray(0, size),
    memberRank: memberRank.subarray(0, size),
    usablePerRank,
    segmentReasons,
    tally,
  }
}

/** Computes the per-segment medians of prio-1 missions per municipality, district and region. */
export const computeSegmentTimes = (
  input: Pick<MetricInput, "dataset" | "period">,
): MetricOutput<SegmentTimesResult> => {
  const { dataset } = input
  const geography = dataset.geography.geography

  const { groups, order, rank, districtRange } = municipalityRanks(dataset)
  const { size, members, memberRank, usablePerRank, segmentReasons, tally } = collect(
    dataset,
    input.period,
    rank,
    order.length,
  )

  const missionsPerRank = new Int32Array(order.length)
  for (let p = 0; p < size; p++) missionsPerRank[memberRank[p]!]! += 1
  const missionsIn = (from: number, to: number) =>
    missionsPerRank.subarray(from, to).reduce((a, b) => a + b, 0)

  // The groups as ranges of ranks: each municipality, each district, the
  // region, narrowest first, as RankedValues' medians must be taken.
  const ranges: Array<readonly [number, number]> = [
    ...order.map((_, r) => [r, r + 1] as const),
    ...groups.map((_, d) => districtRange(d)),
    [0, order.length],
  ]

  // One segment at a time, so that only one segment's values exist at once.
  const medians = SEGMENTS.map((segment, k) => {
    const values = new RankedValues(usablePerRank[k]!)
    for (let p = 0; p < size; p++) {
      const value = segmentSeconds(dataset.missions.times, k, members[p]!)
      if (typeof value === "number") values.add(memberRank[p]!, value)
    }
    return ranges.map(([from, to]) => ({
      segment: segment.key,
      n: values.count(from, to),
      medianSeconds: values.median(from, to),
    }))
  })
  const groupAt = (g: number): SegmentTimesGroup => {
    const [from, to] = ranges[g]!
    return { missions: missionsIn(from, to), segments: medians.map((m) => m[g]!) }
  }

  const municipalities: SegmentTimesMunicipality[] = order.map((m, r) => {
    const municipality = geography.municipalities[m]!
    const districtId = geography.districts[dataset.geography.municipalityDistrict[m]!]!.id
    return { code: municipality.code, name: municipality.name, districtId, ...groupAt(r) }
  })
  const districts: SegmentTimesDistrict[] = groups.map((_, d) => {
    const district = geography.districts[d]!
    return { id: district.id, name: district.name, ...groupAt(order.length + d) }
  })

  const result: SegmentTimesResult = {
    segments: SEGMENTS.map(({ key, from, to }) => ({ key, from, to })),
    municipalities,
    districts,
    region: groupAt(ranges.length - 1),
    segmentQuality: SEGMENTS.map((s, k) => ({
      segment: s.key,
      used: usablePerRank[k]!.reduce((a, b) => a + b, 0),
      leftOut: sortedReasons(segmentReasons[k]!),
    })),
  }
  return { result, quality: tally.toQuality() }
}

/** `1 och 2`, `1, 2 och 3` / `1 and 2`. */
const listIds = (ids: ReadonlyArray<string>, language: Language): string => {
  const and = language === "sv" ? "och" : "and"
  return ids.length <= 1 ? (ids[0] ?? "") : `${ids.slice(0, -1).join(", ")} ${and} ${ids.at(-1)}`
}

const slideTitle = (ids: ReadonlyArray<string>, language: Language): string =>
  language === "sv"
    ? `Uppdragstider prio 1 per kommun för kommundistrikt ${listIds(ids, language)}`
    : `Mission times priority 1 per municipality for municipality district${ids.length > 1 ? "s" : ""} ${listIds(ids, language)}`

const explanation = (language: Language): string[] =>
  language === "sv"
    ? [
        "Vårduppdrag som SOS Alarm larmade ut med prioritet 1, för hjälpsökande som ringde från en kommun i regionen; kommunen är den som samtalet kom ifrån.",
        "Varje kolumn är medianen av en del av uppdraget, från samtalet besvaras till uppdraget är klart: hälften av uppdragen gick fortare och hälften långsammare. Ett uppdrag som saknar en tidpunkt räknas ändå i de delar där båda tidpunkterna finns.",
      ]
    : [
        "Care missions dispatched with priority 1 for callers from a municipality of the region; the municipality is the one the call came from.",
        "Each column is the median of one part of the mission, from the call being answered to the mission being cleared: half of the missions were faster and half slower. A mission missing one timestamp still counts in the parts where both timestamps exist.",
      ]

const definitionNotes = (language: Language): string[] => [
  ...explanation(language),
  language === "sv"
    ? "Underlaget nedan räknar ett uppdrag som använt när alla åtta delar går att beräkna och anger annars skälet för den första del som inte gör det; antalet per del finns i resultatet (n)."
    : "The basis below counts a mission as used when all eight parts can be computed, and otherwise names the reason of the first part that cannot; the count per part is in the result (n).",
]

const LABELS = {
  municipality: { sv: "Kommun", en: "Municipality" },
  missions: { sv: "Uppdrag", en: "Missions" },
  districtHeading: { sv: "Kommundistrikt", en: "Municipality district" },
  subtotal: { sv: "Totalt kommundistrikt", en: "Total municipality district" },
  medians: { sv: "Mediantid", en: "Median time" },
} satisfies Record<string, Texts>

const groupCells = (group: SegmentTimesGroup, language: Language, total: boolean): Cell[] => {
  const marks = total ? (["total"] as const) : []
  return [
    numberCell(group.missions, "count", language, marks),
    ...group.segments.map((s) => withBasis(numberCell(s.medianSeconds, "duration", language, marks), s.n)),
  ]
}

const slideTable = (
  slideId: string,
  title: string,
  result: SegmentTimesResult,
  districtIds: ReadonlyArray<string>,
  context: PresentContext<SegmentTimesParams>,
): TableBlock => {
  const language = context.language
  const columns: Column[] = [
    { key: "municipality", label: LABELS.municipality[language], align: "left" },
    { key: "missions", label: LABELS.missions[language], align: "right" },
    ...SEGMENTS.map(
      (s): Column => ({
        key: s.key,
        label: s.label[language],
        align: "right",
        group: LABELS.medians[language],
      }),
    ),
  ]
  const blank = (): Cell[] => columns.slice(1).map(() => textCell(""))

  const rows: Row[] = []
  for (const district of result.districts) {
    if (!districtIds.includes(district.id)) continue
    rows.push({
      kind: "group-heading",
      cells: [textCell(`${LABELS.districtHeading[language]} ${districtLabel(district)}`), ...blank()],
    })
    for (const m of result.municipalities) {
      if (m.districtId === district.id)
        rows.push({ kind: "body", cells: [textCell(m.name), ...groupCells(m, language, false)] })
    }
    rows.push({
      kind: "subtotal",
      cells: [
        textCell(`${LABELS.subtotal[language]} ${district.id}`, ["total"]),
        ...groupCells(district, language, true),
      ],
    })
  }
  rows.push({
    kind: "total",
    cells: [
      textCell(wholeRegionLabel(context.input.dataset, language), ["total"]),
      ...groupCells(result.region, language, true),
    ],
  })

  return { kind: "table", id: `${slideId}-table`, caption: title, columns, rows }
}

export const segmentTimesDefinition: MetricDefinition<SegmentTimesParams, SegmentTimesResult> = {
  id: "segment-times",
  title: { sv: "Uppdragstider prio 1 per kommun", en: "Mission times priority 1 per municipality" },
  description: {
    sv: "Vårduppdrag med prioritet 1 i perioden för hjälpsökande i regionens kommuner. För var och en av åtta delar (besvarat–larmad, larmad–påbörjat, påbörjat–framme, larmad–framme, framme–lämnat, lämnat–framme avlämning, framme avlämning–klar, larmad–klar) anges medianen och antalet uppdrag med delen beräkningsbar, per kommun, per kommundistrikt (median över distriktets alla uppdrag) och för hela regionen. En del är beräkningsbar när båda tidpunkterna finns och slutet inte ligger före början; varje del räknar sina egna uppdrag. Datakvaliteten räknar ett uppdrag som använt när alla delar är beräkningsbara och anger annars skälet för den första del som inte är det; segmentQuality ger antalen per del.",
    en: "Care missions with priority 1 in the period for callers in the region's municipalities. For each of eight parts (answered–dispatched, dispatched–en route, en route–arrived, dispatched–arrived, arrived–left scene, left scene–arrived destination, arrived destination–cleared, dispatched–cleared) the median and the number of missions where that part is computable, per municipality, per municipality district (median over all the district's missions) and for the whole region. A part is computable when both timestamps exist and the end is not before the start; each part counts its own missions. The data-quality account counts a mission as used when every part is computable and otherwise names the reason of its first part that is not; segmentQuality gives the counts per part.",
  },
  params: SegmentTimesParams,
  compute: (input) => Effect.succeed(computeSegmentTimes(input)),
  views: {
    default: (output, context) => {
      const { result, quality } = output
      const language = context.language
      const perSlide = context.params.districtsPerSlide
      const slides: SlideContent[] = []

      for (let start = 0; start < result.districts.length; start += perSlide) {
        const ids = result.districts.slice(start, start + perSlide).map((d) => d.id)
        const id = `segment-times-${slides.length + 1}`
        const title = slideTitle(ids, language)
        slides.push({
          id,
          title,
          blocks: [
            { kind: "text", paragraphs: [...(context.texts?.[id] ?? explanation(language))] },
            slideTable(id, title, result, ids, context),
          ],
          notes: slideNotes(definitionNotes(language), quality, language),
        })
      }
      return slides
    },
  },
}

/** Slides 11–12: median segment times of prio-1 missions per caller municipality. */
export const segmentTimes = defineMetric(segmentTimesDefinition)
