import * as Effect from "effect/Effect"
import { z } from "zod"
import type { DataSet } from "../../dataset/data-set.js"
import { numberCell, textCell } from "../../model/format.js"
import type { Cell, Column, Emphasis, Language, Row, TableBlock } from "../../model/report-model.js"
import { inPeriod, type Period } from "../../time/month.js"
import {
  defineMetric,
  type MetricDefinition,
  type MetricInput,
  type MetricOutput,
  type PresentContext,
} from "../metric.js"
import { districtLabel, slideNotes, type Texts, wholeRegionLabel } from "../pipeline/present.js"
import { QualityTally } from "../pipeline/quality.js"
import { share } from "../pipeline/statistics.js"

export type RescueCategory = "cardiac-arrest" | "ivpa" | "ambulance-assistance"

export const RESCUE_CATEGORIES: ReadonlyArray<RescueCategory> = [
  "cardiac-arrest",
  "ivpa",
  "ambulance-assistance",
]

/** Index texts compare after Unicode normalisation, trimming and lower-casing. */
const normalise = (text: string): string => text.normalize("NFC").trim().toLocaleLowerCase("sv")

const SJUKVARDSLARM = normalise("Sjukvårdslarm")
const FORSTA_HJALPENLARM = normalise("Första hjälpenlarm")
const HJARTSTOPP = normalise("Hjärtstopp")
const IVPA = normalise("IVPA")
const AMBULANSASSISTANS = normalise("Ambulansassistans")

/**
 * `rescueCategory`, remembered per combination of index texts: an export
 * uses a handful of them over and over, and normalising three texts per
 * case is most of the metric's time.
 */
const rememberedCategories = () => {
  const memo = new Map<string, Map<string, Map<string, RescueCategory | null>>>()
  return (index1: string, index2: string, index3: string): RescueCategory | null => {
    let byFirst = memo.get(index1)
    if (byFirst === undefined) {
      byFirst = new Map()
      memo.set(index1, byFirst)
    }
    let bySecond = byFirst.get(index2)
    if (bySecond === undefined) {
      bySecond = new Map()
      byFirst.set(index2, bySecond)
    }
    let category = bySecond.get(index3)
    if (category === undefined) {
      category = rescueCategory(index1, index2, index3)
      bySecond.set(index3, category)
    }
    return category
  }
}

/** The category of a rescue case by its index texts, or null for none of the three. */
export const rescueCategory = (index1: string, index2: string, index3: string): RescueCategory | null => {
  const first = normalise(index1)
  if (first === AMBULANSASSISTANS) return "ambulance-assistance"
  if (first !== SJUKVARDSLARM) return null

  const second = normalise(index2)
  if (second === IVPA) return "ivpa"
  return second === FORSTA_HJALPENLARM && normalise(index3) === HJARTSTOPP ? "cardiac-arrest" : null
}

export const RescueAssistsParams = z.object({})
export type RescueAssistsParams = z.infer<typeof RescueAssistsParams>

export interface CategoryCount {
  /** Confirmed rescue cases of the category. */
  readonly cases: number
  /** `cases` divided by the group's prio-1 care cases; null when it has none. */
  readonly share: number | null
}

export interface RescueAssistsGroup {
  /** Prio-1 care cases of the group's callers in the period: the denominator of the shares. */
  readonly prio1Cases: number
  readonly byCategory: Readonly<Record<RescueCategory, CategoryCount>>
}

export interface RescueAssistsMunicipality extends RescueAssistsGroup {
  readonly code: string
  readonly name: string
  readonly districtId: string
}

export interface RescueAssistsDistrict extends RescueAssistsGroup {
  readonly id: string
  readonly name: string
}

export interface RescueAssistsResult {
  /** Municipalities grouped by municipality district, each group in geography order. */
  readonly municipalities: ReadonlyArray<RescueAssistsMunicipality>
  readonly districts: ReadonlyArray<RescueAssistsDistrict>
  readonly region: RescueAssistsGroup
}

/** Municipality indices per district index, each in geography order. */
const municipalitiesByDistrict = (dataset: DataSet): number[][] => {
  const groups: number[][] = dataset.geography.geography.districts.map(() => [])
  dataset.geography.municipalityDistrict.forEach((district, m) => {
    if (district >= 0) groups[district]!.push(m)
  })
  return groups
}

/** Prio-1 care cases of regional callers per municipality, in the period. */
const countPrio1Cases = (dataset: DataSet, period: Period): Int32Array => {
  const { cases } = dataset
  const counts = new Int32Array(dataset.geography.geography.municipalities.length)
  for (let c = 0; c < cases.count; c++) {
    const municipality = cases.municipalityRef[c]!
    if (municipality >= 0 && cases.priority[c] === 1 && inPeriod(period, cases.month[c]!))
      counts[municipality]! += 1
  }
  return counts
}

/** Counts per category and municipality: `counts[category][municipality]`. */
const countRescueCases = (dataset: DataSet, period: Period) => {
  const rescue = dataset.rescueCases
  const municipalityCount = dataset.geography.geography.municipalities.length
  const counts = RESCUE_CATEGORIES.map(() => new Int32Array(municipalityCount))
  const tally = new QualityTally("rescue-cases")
  const categoryOf = rememberedCategories()

  for (let r = 0; r < rescue.count; r++) {
    const municipality = rescue.municipalityRef[r]!
    if (municipality < 0 || !inPeriod(period, rescue.month[r]!)) continue
    if (dataset.geography.municipalityDistrict[municipality]! < 0) {
      tally.leave("municipality-without-district")
      continue
    }
    if (rescue.rescueResourceConfirmed[r] !== 1) {
      tally.leave("rescue-resource-not-confirmed")
      continue
    }
    const category = categoryOf(rescue.index1[r]!, rescue.index2[r]!, rescue.index3[r]!)
    if (category === null) {
      tally.leave("no-category")
      continue
    }
    counts[RESCUE_CATEGORIES.indexOf(category)]![municipality]! += 1
    tally.use()
  }
  return { counts, tally }
}

const groupOf = (members: ReadonlyArray<number>, prio1: Int32Array, counts: ReadonlyArray<Int32Array>) => {
  const prio1Cases = members.reduce((sum, m) => sum + prio1[m]!, 0)
  const entries = RESCUE_CATEGORIES.map((category, k) => {
    const cases = members.reduce((sum, m) => sum + counts[k]![m]!, 0)
    return [category, { cases, share: share(cases, prio1Cases) }] as const
  })
  return { prio1Cases, byCategory: Object.fromEntries(entries) as Record<RescueCategory, CategoryCount> }
}

/** Counts cardiac-arrest, IVPA and ambulance-assistance rescue cases per municipality, with shares of prio-1 care cases. */
export const computeRescueAssists = (
  input: Pick<MetricInput, "dataset" | "period">,
): MetricOutput<RescueAssistsResult> => {
  const { dataset } = input
  const geography = dataset.geography.geography
  const prio1 = countPrio1Cases(dataset, input.period)
  const { counts, tally } = countRescueCases(dataset, input.period)

  const municipalities: RescueAssistsMunicipality[] = []
  const districts: RescueAssistsDistrict[] = []
  const everyone: number[] = []
  municipalitiesByDistrict(dataset).forEach((members, d) => {
    const district = geography.districts[d]!
    for (const m of members) {
      const { code, name } = geography.municipalities[m]!
      municipalities.push({ code, name, districtId: district.id, ...groupOf([m], prio1, counts) })
    }
    districts.push({ id: district.id, name: district.name, ...groupOf(members, prio1, counts) })
    everyone.push(...members)
  })

  const result: RescueAssistsResult = { municipalities, districts, region: groupOf(everyone, prio1, counts) }
  return { result, quality: tally.toQuality() }
}

const CATEGORY_LABELS: Readonly<Record<RescueCategory, Texts>> = {
  "cardiac-arrest": { sv: "Hjärtstopp", en: "Cardiac arrest" },
  ivpa: { sv: "IVPA", en: "IVPA" },
  "ambulance-assistance": { sv: "Ambulansassistans", en: "Ambulance assistance" },
}

const LABELS = {
  title: {
    sv: "Hjärtstopp – IVPA – Ambulansassistans från räddningstjänst",
    en: "Cardiac arrest – IVPA – Ambulance assistance from the rescue service",
  },
  municipality: { sv: "Kommun", en: "Municipality" },
  count: { sv: "Antal", en: "Number" },
  share: { sv: "Andel", en: "Share" },
  prio1: { sv: "Vårdärenden prio 1", en: "Care cases priority 1" },
  districtHeading: { sv: "Kommundistrikt", en: "Municipality district" },
  subtotal: { sv: "Totalt kommundistrikt", en: "Total municipality district" },
} satisfies Record<string, Texts>

const explanation = (language: Language): string[] =>
  language === "sv"
    ? [
        "Räddningstjänstens ärenden för hjälpsökande i regionens kommuner, där SOS Alarm fått bekräftat att minst en räddningsresurs kopplats till ärendet; kommunen är den som samtalet kom ifrån.",
        "Hjärtstopp: indexnivåerna Sjukvårdslarm, Första hjälpenlarm och Hjärtstopp. IVPA (i väntan på ambulans): Sjukvårdslarm och IVPA. Ambulansassistans: indexnivå 1 Ambulansassistans.",
        "Andelen är antalet sådana ärenden delat med kommunens vårdärenden med prioritet 1 under samma period.",
      ]
    : [
        "Rescue-service cases of callers in the region's municipalities where SOS Alarm had confirmation that at least one rescue resource was attached to the case; the municipality is the one the call came from.",
        "Cardiac arrest: index levels Sjukvårdslarm, Första hjälpenlarm and Hjärtstopp. IVPA (while waiting for the ambulance): Sjukvårdslarm and IVPA. Ambulance assistance: index level 1 Ambulansassistans.",
        "The share is the number of such cases divided by the municipality's priority 1 care cases in the same period.",
      ]

const qualityNote = (language: Language): string =>
  language === "sv"
    ? "Underlaget är räddningsärenden i perioden från regionens kommuner; ärenden utan bekräftad räddningsresurs och ärenden utanför de tre kategorierna räknas som utelämnade."
    : "The basis is the rescue cases of the period from the region's municipalities; cases without a confirmed rescue resource and cases outside the three categories count as left out."

const groupCells = (
  group: RescueAssistsGroup,
  language: Language,
  marks: ReadonlyArray<Emphasis>,
): Cell[] => [
  ...RESCUE_CATEGORIES.flatMap((category) => [
    numberCell(group.byCategory[category].cases, "count", language, marks),
    numberCell(group.byCategory[category].share, "share", language, marks),
  ]),
  numberCell(group.prio1Cases, "count", language, marks),
]

const table = (
  slideId: string,
  result: RescueAssistsResult,
  context: PresentContext<RescueAssistsParams>,
): TableBlock => {
  const language = context.language
  const columns: Column[] = [
    { key: "municipality", label: LABELS.municipality[language], align: "left" },
    ...RESCUE_CATEGORIES.flatMap((category): Column[] => [
      {
        key: `${category}-cases`,
        label: LABELS.count[language],
        align: "right",
        group: CATEGORY_LABELS[category][language],
      },
      {
        key: `${category}-share`,
        label: LABELS.share[language],
        align: "right",
        group: CATEGORY_LABELS[category][language],
      },
    ]),
    { key: "prio1-cases", label: LABELS.prio1[language], align: "right" },
  ]
  const blank = (): Cell[] => columns.slice(1).map(() => textCell(""))

  const rows: Row[] = []
  for (const district of result.districts) {
    rows.push({
      kind: "group-heading",
      cells: [textCell(`${LABELS.districtHeading[language]} ${districtLabel(district)}`), ...blank()],
    })
    for (const m of result.municipalities) {
      if (m.districtId === district.id)
        rows.push({ kind: "body", cells: [textCell(m.name), ...groupCells(m, language, [])] })
    }
    rows.push({
      kind: "subtotal",
      cells: [
        textCell(`${LABELS.subtotal[language]} ${district.id}`, ["total"]),
        ...groupCells(district, language, ["total"]),
      ],
    })
  }
  rows.push({
    kind: "total",
    cells: [
      textCell(wholeRegionLabel(context.input.dataset, language), ["total"]),
      ...groupCells(result.region, language, ["total"]),
    ],
  })

  return { kind: "table", id: `${slideId}-table`, caption: LABELS.title[language], columns, rows }
}

export const rescueAssistsDefinition: MetricDefinition<RescueAssistsParams, RescueAssistsResult> = {
  id: "rescue-assists",
  title: {
    sv: "Hjärtstopp – IVPA – Ambulansassistans från räddningstjänst",
    en: "Cardiac arrest – IVPA – Ambulance assistance from the rescue service",
  },
  description: {
    sv: "Räddningsärenden i perioden (månad för skapad) för hjälpsökande i regionens kommuner, med bekräftad räddningsresurs, per kommun, kommundistrikt och region i tre kategorier efter indexnivåerna (jämförda utan hänsyn till skiftläge och omgivande blanksteg): hjärtstopp (Sjukvårdslarm / Första hjälpenlarm / Hjärtstopp), IVPA (Sjukvårdslarm / IVPA) och ambulansassistans (Ambulansassistans). Varje antal anges också som andel av gruppens vårdärenden med prioritet 1 i perioden (ingen andel utan sådana ärenden). Datakvaliteten räknar alla regionens räddningsärenden i perioden; de utan bekräftad resurs (rescue-resource-not-confirmed) och de utanför kategorierna (no-category) är utelämnade.",
    en: "Rescue cases in the period (month of creation) of callers in the region's municipalities with a confirmed rescue resource, per municipality, municipality district and region, in three categories by their index levels (compared ignoring case and surrounding white space): cardiac arrest (Sjukvårdslarm / Första hjälpenlarm / Hjärtstopp), IVPA (Sjukvårdslarm / IVPA) and ambulance assistance (Ambulansassistans). Each count is also given as a share of the group's priority 1 care cases in the period (no share without such cases). The data-quality account considers every regional rescue case of the period; those without a confirmed resource (rescue-resource-not-confirmed) and those of no category (no-category) are left out.",
  },
  params: RescueAssistsParams,
  compute: (input) => Effect.succeed(computeRescueAssists(input)),
  views: {
    default: (output, context) => {
      const id = "rescue-assists"
      const language = context.language
      return [
        {
          id,
          title: LABELS.title[language],
          blocks: [
            { kind: "text", paragraphs: [...(context.texts?.[id] ?? explanation(language))] },
            table(id, output.result, context),
          ],
          notes: slideNotes([...explanation(language), qualityNote(language)], output.quality, language),
        },
      ]
    },
  },
}

/** Slide 14: rescue-service cardiac arrests, IVPA and ambulance assistance per municipality. */
export const rescueAssists = defineMetric(rescueAssistsDefinition)
