import * as Effect from "effect/Effect"
import { z } from "zod"
import type { DataSet } from "../../dataset/data-set.js"
import type { Boundaries } from "../../domain/geography.js"
import { TIME_FIELD_INDEX } from "../../domain/time-fields.js"
import { formatDuration, formatValue, numberCell, textCell } from "../../model/format.js"
import type { Cell, Column, Language, MapBlock, Row, TableBlock } from "../../model/report-model.js"
import { inPeriod } from "../../time/month.js"
import {
  defineMetric,
  type MetricDefinition,
  type MetricInput,
  type MetricOutput,
  type PresentContext,
  type SlideContent,
} from "../metric.js"
import { caseArrivalSeconds } from "../pipeline/interval.js"
import { districtLabel, slideNotes, type Texts, wholeRegionLabel } from "../pipeline/present.js"
import { QualityTally } from "../pipeline/quality.js"
import { municipalityRanks, RankedValues } from "../pipeline/ranked-values.js"

const INTERVAL_BITS = (1 << TIME_FIELD_INDEX.dispatchedAt) | (1 << TIME_FIELD_INDEX.arrivedSceneAt)

export const MedianResponseParams = z.object({
  regionGoalSeconds: z
    .number()
    .positive()
    .default(720)
    .describe("Goal for the whole region's median in seconds; met when the median is below it."),
  municipalityGoalSeconds: z
    .number()
    .positive()
    .default(1080)
    .describe("Goal for each municipality's median in seconds; met when the median is below it."),
})
export type MedianResponseParams = z.infer<typeof MedianResponseParams>

export interface MedianResponseGroup {
  /** Cases in the median: prio-1 cases of the group's callers with a usable interval. */
  readonly cases: number
  /** Null when no case has a usable interval. */
  readonly medianSeconds: number | null
}

export interface MedianResponseMunicipality extends MedianResponseGroup {
  readonly code: string
  readonly name: string
  readonly districtId: string
  /** The median is not below the municipality goal (false without a median). */
  readonly overGoal: boolean
}

export interface MedianResponseDistrict extends MedianResponseGroup {
  readonly id: string
  readonly name: string
}

export interface MedianResponseResult {
  readonly goals: { readonly regionSeconds: number; readonly municipalitySeconds: number }
  /** Municipalities grouped by municipality district, each group in geography order. */
  readonly municipalities: ReadonlyArray<MedianResponseMunicipality>
  /** Municipality districts in geography order; the spec sets them no goal. */
  readonly districts: ReadonlyArray<MedianResponseDistrict>
  readonly region: MedianResponseGroup & { readonly overGoal: boolean }
}

/** A "below the goal" goal is missed by a median equal to it or above. */
const overGoal = (medianSeconds: number | null, goal: number): boolean =>
  medianSeconds !== null && medianSeconds >= goal

/** Dispatch to first arrival of case `c` in seconds, or why it is unusable. */
const responseSeconds = (cases: DataSet["cases"], c: number) =>
  caseArrivalSeconds(cases, c, cases.firstDispatch[c]!, "dispatchedAt")

/** Computes the median of first dispatch to first arrival of prio-1 cases per municipality, district and region. */
export const computeMedianResponse = (
  input: Pick<MetricInput, "dataset" | "period">,
  params: MedianResponseParams,
): MetricOutput<MedianResponseResult> => {
  const { dataset } = input
  const { cases } = dataset
  const geography = dataset.geography.geography
  const ranks = municipalityRanks(dataset)
  const tally = new QualityTally("cases")
  const inPopulation = (c: number) =>
    cases.priority[c] === 1 && inPeriod(input.period, cases.month[c]!) && cases.municipalityRef[c]! >= 0

  // First pass: the account, and how many usable values each municipality has.
  const usablePerRank = new Int32Array(ranks.order.length)
  for (let c = 0; c < cases.count; c++) {
    if (!inPopulation(c)) continue
    if (cases.callerDistrict[c]! < 0) {
      tally.leave("municipality-without-district")
      continue
    }

    const seconds = responseSeconds(cases, c)
    if (typeof seconds !== "number") {
      tally.leave(seconds)
      continue
    }
    usablePerRank[ranks.rank[cases.municipalityRef[c]!]!]! += 1
    tally.use((cases.ambiguousMask[c]! & INTERVAL_BITS) !== 0)
  }

  // Second pass: the values, laid out by municipality in district order.
  const values = new RankedValues(usablePerRank)
  for (let c = 0; c < cases.count; c++) {
    if (!inPopulation(c) || cases.callerDistrict[c]! < 0) continue
    const seconds = responseSeconds(cases, c)
    if (typeof seconds === "number") values.add(ranks.rank[cases.municipalityRef[c]!]!, seconds)
  }

  const municipalities: MedianResponseMunicipality[] = []
  const districts: MedianResponseDistrict[] = []
  ranks.groups.forEach((members, d) => {
    const district = geography.districts[d]!
    for (const m of members) {
      const r = ranks.rank[m]!
      const medianSeconds = values.median(r, r + 1)
      municipalities.push({
        code: geography.municipalities[m]!.code,
        name: geography.municipalities[m]!.name,
        districtId: district.id,
        cases: values.count(r, r + 1),
        medianSeconds,
        overGoal: overGoal(medianSeconds, params.municipalityGoalSeconds),
      })
    }
    const [from, to] = ranks.districtRange(d)
    districts.push({
      id: district.id,
      name: district.name,
      cases: values.count(from, to),
      medianSeconds: values.median(from, to),
    })
  })

  const regionMedian = values.median(0, ranks.order.length)
  const result: MedianResponseResult = {
    goals: { regionSeconds: params.regionGoalSeconds, municipalitySeconds: params.municipalityGoalSeconds },
    municipalities,
    districts,
    region: {
      cases: values.count(0, ranks.order.length),
      medianSeconds: regionMedian,
      overGoal: overGoal(regionMedian, params.regionGoalSeconds),
    },
  }
  return { result, quality: tally.toQuality() }
}

/** `12 minuter` for whole minutes, else `m:ss`. */
const goalText = (seconds: number, language: Language): string =>
  seconds % 60 === 0
    ? `${seconds / 60} ${language === "sv" ? "minuter" : "minutes"}`
    : formatDuration(seconds)

const LABELS = {
  title: {
    sv: "Mediantid larm till framme hämtadress per kommundistrikt och kommun",
    en: "Median time from dispatch to arrival at pick-up address per municipality district and municipality",
  },
  mapTitle: {
    sv: "Mediantid larm till framme hämtadress – karta",
    en: "Median time from dispatch to arrival at pick-up address – map",
  },
  mapCaption: {
    sv: "Mediantid per kommun, ärenden med prioritet 1",
    en: "Median time per municipality, priority 1 cases",
  },
  municipality: { sv: "Kommun", en: "Municipality" },
  cases: { sv: "Ärenden", en: "Cases" },
  median: { sv: "Mediantid", en: "Median time" },
  districtHeading: { sv: "Kommundistrikt", en: "Municipality district" },
  districtRow: { sv: "Totalt kommundistrikt", en: "Total municipality district" },
} satisfies Record<string, Texts>

const explanation = (params: MedianResponseParams, language: Language, region: string): string[] =>
  language === "sv"
    ? [
        "Ärenden med prioritet 1 för hjälpsökande som ringde från en kommun i regionen; kommunen är den som samtalet kom ifrån.",
        "Tiden räknas från att den första resursen larmas till att den första resursen, vilken som helst, är framme vid hämtadressen. Värdet är medianen: hälften av ärendena gick fortare.",
        `Målet är en median under ${goalText(params.regionGoalSeconds, language)} för ${region} och under ${goalText(params.municipalityGoalSeconds, language)} i varje kommun; markerade värden når inte målet.`,
      ]
    : [
        "Priority 1 cases of callers from a municipality of the region; the municipality is the one the call came from.",
        "The time runs from the first resource being dispatched to the first resource, whichever it is, arriving at the pick-up address. The value is the median: half of the cases were faster.",
        `The goal is a median below ${goalText(params.regionGoalSeconds, language)} for ${region} and below ${goalText(params.municipalityGoalSeconds, language)} in each municipality; marked values miss the goal.`,
      ]

const districtNote = (language: Language): string =>
  language === "sv"
    ? "Kommundistrikten har inget eget mål och markeras inte."
    : "The municipality districts have no goal of their own and are not marked."

const table = (
  slideId: string,
  result: MedianResponseResult,
  context: PresentContext<MedianResponseParams>,
): TableBlock => {
  const language = context.language
  const columns: Column[] = [
    { key: "municipality", label: LABELS.municipality[language], align: "left" },
    { key: "cases", label: LABELS.cases[language], align: "right" },
    { key: "median", label: LABELS.median[language], align: "right" },
  ]
  const medianCell = (group: MedianResponseGroup, over: boolean, total: boolean): Cell =>
    numberCell(group.medianSeconds, "duration", language, [
      ...(over ? (["over-goal"] as const) : []),
      ...(total ? (["total"] as const) : []),
    ])

  const rows: Row[] = []
  for (const district of result.districts) {
    rows.push({
      kind: "group-heading",
      cells: [
        textCell(`${LABELS.districtHeading[language]} ${districtLabel(district)}`),
        textCell(""),
        textCell(""),
      ],
    })
    for (const m of result.municipalities) {
      if (m.districtId !== district.id) continue
      rows.push({
        kind: "body",
        cells: [textCell(m.name), numberCell(m.cases, "count", language), medianCell(m, m.overGoal, false)],
      })
    }
    rows.push({
      kind: "subtotal",
      cells: [
        textCell(`${LABELS.districtRow[language]} ${district.id}`, ["total"]),
        numberCell(district.cases, "count", language, ["total"]),
        medianCell(district, false, true),
      ],
    })
  }
  rows.push({
    kind: "total",
    cells: [
      textCell(wholeRegionLabel(context.input.dataset, language), ["total"]),
      numberCell(result.region.cases, "count", language, ["total"]),
      medianCell(result.region, result.region.overGoal, true),
    ],
  })

  const goals =
    language === "sv"
      ? `Mål: ${wholeRegionLabel(context.input.dataset, language)} under ${formatDuration(result.goals.regionSeconds)}, varje kommun under ${formatDuration(result.goals.municipalitySeconds)}. Markerat: målet nås inte.`
      : `Goals: ${wholeRegionLabel(context.input.dataset, language)} below ${formatDuration(result.goals.regionSeconds)}, each municipality below ${formatDuration(result.goals.municipalitySeconds)}. Marked: goal missed.`
  return {
    kind: "table",
    id: `${slideId}-table`,
    caption: LABELS.title[language],
    columns,
    rows,
    notes: [goals, districtNote(language)],
  }
}

/** The geography's boundaries in the report model's (mutable, plain) shape. */
const toModelBoundaries = (boundaries: Boundaries): MapBlock["boundaries"] => ({
  type: "FeatureCollection",
  features: boundaries.features.map((f) => ({
    type: "Feature",
    properties:
      f.properties.name === undefined
        ? { code: f.properties.code }
        : { code: f.properties.code, name: f.properties.name },
    geometry: { type: f.geometry.type, coordinates: f.geometry.coordinates },
  })),
})

const notesOf = (
  output: MetricOutput<MedianResponseResult>,
  context: PresentContext<MedianResponseParams>,
): string => {
  const region = wholeRegionLabel(context.input.dataset, context.language)
  return slideNotes(
    [...explanation(context.params, context.language, region), districtNote(context.language)],
    output.quality,
    context.language,
  )
}

const mapSlide = (
  output: MetricOutput<MedianResponseResult>,
  context: PresentContext<MedianResponseParams>,
): SlideContent => {
  const id = "median-response-map"
  const language = context.language
  const { result } = output
  const boundaries = context.input.dataset.geography.geography.boundaries
  const title = LABELS.mapTitle[language]

  if (boundaries === undefined) {
    const missing =
      language === "sv"
        ? "Geografin saknar kommungränser, så kartan kan inte ritas. Tabellen på föregående bild visar samma värden."
        : "The geography has no municipality boundaries, so the map cannot be drawn. The table of the previous slide shows the same values."
    return { id, title, blocks: [{ kind: "text", paragraphs: [missing] }], notes: notesOf(output, context) }
  }

  const map: MapBlock = {
    kind: "map",
    id: `${id}-map`,
    // Its own caption: the slide's title above it already names the figure.
    title: LABELS.mapCaption[language],
    description:
      language === "sv"
        ? `Kommunerna färgade efter mediantiden från larm till framme hämtadress för ärenden med prioritet 1; målet per kommun är under ${formatDuration(result.goals.municipalitySeconds)}.`
        : `Municipalities coloured by the median time from dispatch to arrival at the pick-up address for priority 1 cases; the goal per municipality is below ${formatDuration(result.goals.municipalitySeconds)}.`,
    unit: "duration",
    areas: result.municipalities.map((m) => ({
      code: m.code,
      name: m.name,
      value: m.medianSeconds,
      text: formatValue(m.medianSeconds, "duration", language),
      overGoal: m.overGoal,
    })),
    goal: {
      value: result.goals.municipalitySeconds,
      label: `${language === "sv" ? "Mål per kommun" : "Goal per municipality"}: < ${formatDuration(result.goals.municipalitySeconds)}`,
    },
    boundaries: toModelBoundaries(boundaries),
  }
  return {
    id,
    title,
    blocks: [{ kind: "text", paragraphs: mapExplanation(result, language) }, map],
    notes: notesOf(output, context),
  }
}

/** What the map shows, in the slide's own words: the same figure as the table before it. */
const mapExplanation = (result: MedianResponseResult, language: Language): string[] => {
  const goal = formatDuration(result.goals.municipalitySeconds)
  return language === "sv"
    ? [
        `Samma mediantider som på föregående bild, per kommun som den hjälpsökande ringde från: tiden från att den första resursen larmades till att den första resursen var framme, för ärenden med prioritet 1. Mörkare färg betyder längre tid.`,
        `Kommuner vars median är ${goal} eller mer, och därmed inte når målet för en enskild kommun, är markerade. En kommun utan ärenden i perioden är grå.`,
      ]
    : [
        `The same medians as on the previous slide, per municipality the caller rang from: the time from the first resource's dispatch to the first resource's arrival, for priority 1 cases. A darker colour means a longer time.`,
        `Municipalities whose median is ${goal} or more, missing the goal for a single municipality, are marked. A municipality without cases in the period is grey.`,
      ]
}

export const medianResponseDefinition: MetricDefinition<MedianResponseParams, MedianResponseResult> = {
  id: "median-response",
  title: {
    sv: "Mediantid larm till framme hämtadress",
    en: "Median time from dispatch to arrival at pick-up address",
  },
  description: {
    sv: "Ärenden med prioritet 1 i perioden för hjälpsökande i regionens kommuner. Intervallet går från ärendets första larmning till första ankomst till hämtadressen (vilken resurs som helst, även extern). Medianen anges per kommun, per kommundistrikt och för hela regionen. Målet nås när medianen är strikt under målet (regionGoalSeconds för regionen, municipalityGoalSeconds för varje kommun); en median lika med målet eller högre markeras. Kommundistrikten har inget mål. Ärenden utan ankomst eller med ankomst före larm utelämnas och räknas i datakvaliteten.",
    en: "Priority 1 cases in the period of callers in the region's municipalities. The interval runs from the case's first dispatch to its first arrival at the pick-up address (any resource, external ones included). The median is given per municipality, per municipality district and for the whole region. A goal is met when the median is strictly below it (regionGoalSeconds for the region, municipalityGoalSeconds for each municipality); a median equal to the goal or above is marked. Municipality districts have no goal. Cases without an arrival or with an arrival before the dispatch are left out and counted in the data-quality account.",
  },
  params: MedianResponseParams,
  compute: (input, params) => Effect.succeed(computeMedianResponse(input, params)),
  views: {
    default: (output, context) => {
      const id = "median-response"
      const region = wholeRegionLabel(context.input.dataset, context.language)
      const paragraphs = context.texts?.[id] ?? explanation(context.params, context.language, region)
      return [
        {
          id,
          title: LABELS.title[context.language],
          blocks: [{ kind: "text", paragraphs: [...paragraphs] }, table(id, output.result, context)],
          notes: notesOf(output, context),
        },
      ]
    },
    map: (output, context) => [mapSlide(output, context)],
  },
}

/** Slide 13: median first dispatch to first arrival of prio-1 cases, against the goals; also as a map. */
export const medianResponse = defineMetric(medianResponseDefinition)
