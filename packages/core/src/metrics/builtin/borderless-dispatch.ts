import * as Effect from "effect/Effect"
import { z } from "zod"
import type { DataSet } from "../../dataset/data-set.js"
import type { Priority } from "../../domain/priority.js"
import { TIME_FIELD_INDEX } from "../../domain/time-fields.js"
import { numberCell, textCell } from "../../model/format.js"
import type { Cell, Column, Emphasis, Language, Row, TableBlock } from "../../model/report-model.js"
import { inPeriod, type Period } from "../../time/month.js"
import {
  defineMetric,
  type MetricDefinition,
  type MetricInput,
  type MetricOutput,
  type PresentContext,
  type SlideContent,
} from "../metric.js"
import { districtLabel, slideNotes, wholeRegionLabel } from "../pipeline/present.js"
import { QualityTally } from "../pipeline/quality.js"
import { share } from "../pipeline/statistics.js"

const DISPATCHED_BIT = 1 << TIME_FIELD_INDEX.dispatchedAt

export const BorderlessDispatchParams = z.object({
  priority: z
    .union([z.literal(1), z.literal(2), z.literal(3)])
    .default(1)
    .describe("The mission priority to count (1, 2 or 3); the deck runs the metric once per priority."),
})
export type BorderlessDispatchParams = z.infer<typeof BorderlessDispatchParams>

/** Missions of one group of callers, split by the district of the resource that served them. */
export interface DispatchCounts {
  /** One entry per ambulance district of the geography, in its order. */
  readonly byResourceDistrict: ReadonlyArray<{ readonly districtId: string; readonly missions: number }>
  /** Missions served by resources of stations outside the reference data. */
  readonly external: number
  readonly total: number
  /** Missions served by a resource of the callers' own municipality district. */
  readonly ownDistrict: number
  /** `ownDistrict / total`; null without missions. */
  readonly ownDistrictShare: number | null
}

export interface BorderlessDispatchMunicipality extends DispatchCounts {
  readonly code: string
  readonly name: string
  readonly districtId: string
}

export interface BorderlessDispatchDistrict extends DispatchCounts {
  readonly id: string
  readonly name: string
}

export interface BorderlessDispatchResult {
  readonly priority: Priority
  /** The resource-district columns, in geography order. */
  readonly districts: ReadonlyArray<{ readonly id: string; readonly name: string }>
  /** Caller municipalities grouped by municipality district, each group in geography order. */
  readonly municipalities: ReadonlyArray<BorderlessDispatchMunicipality>
  /** One subtotal per municipality district (callers of that district). */
  readonly municipalityDistricts: ReadonlyArray<BorderlessDispatchDistrict>
  readonly region: DispatchCounts
  /** Missions of the priority in the period whose caller is outside the region: not in the table. */
  readonly outOfRegionCallers: number
}

/** Municipality indices per district index, each in geography order. */
const municipalitiesByDistrict = (dataset: DataSet): number[][] => {
  const groups: number[][] = dataset.geography.geography.districts.map(() => [])
  dataset.geography.municipalityDistrict.forEach((district, m) => {
    if (district >= 0) groups[district]!.push(m)
  })
  return groups
}

/**
 * Counts per caller municipality and resource column. Column `d` is resource
 * district `d`; the last column holds external resources.
 */
const countMissions = (dataset: DataSet, params: BorderlessDispatchParams, period: Period) => {
  const { missions } = dataset
  const districtCount = dataset.geography.geography.districts.length
  const columns = districtCount + 1
  const cells = new Int32Array(dataset.geography.geography.municipalities.length * columns)
  const tally = new QualityTally("missions")
  let outOfRegionCallers = 0

  for (let i = 0; i < missions.count; i++) {
    if (missions.priority[i] !== params.priority || !inPeriod(period, missions.month[i]!)) continue
    const municipality = missions.municipalityRef[i]!
    if (municipality < 0) {
      outOfRegionCallers++
      continue
    }

    // A municipality or station whose district is not in the reference data
    // cannot be placed in the table; the tally says so rather than losing it.
    if (missions.callerDistrict[i]! < 0) {
      tally.leave("municipality-without-district")
      continue
    }
    const external = missions.stationRef[i]! < 0
    const resourceDistrict = missions.resourceDistrict[i]!
    if (!external && resourceDistrict < 0) {
      tally.leave("station-without-district")
      continue
    }

    cells[municipality * columns + (external ? districtCount : resourceDistrict)]! += 1
    tally.use((missions.ambiguousMask[i]! & DISPATCHED_BIT) !== 0)
  }

  return { cells, columns, tally, outOfRegionCallers }
}

const toCounts = (
  ids: ReadonlyArray<string>,
  row: ArrayLike<number>,
  ownDistrict: number,
): DispatchCounts => {
  const byResourceDistrict = ids.map((districtId, d) => ({ districtId, missions: row[d]! }))
  const external = row[ids.length]!
  const total = byResourceDistrict.reduce((sum, c) => sum + c.missions, external)
  return {
    byResourceDistrict,
    external,
    total,
    ownDistrict,
    ownDistrictShare: share(ownDistrict, total),
  }
}

/** Computes the cross-table of caller municipality by resource district for one priority. */
export const computeBorderlessDispatch = (
  input: Pick<MetricInput, "dataset" | "period">,
  params: BorderlessDispatchParams,
): MetricOutput<BorderlessDispatchResult> => {
  const { dataset } = input
  const geography = dataset.geography.geography
  const ids = geography.districts.map((d) => d.id)
  const { cells, columns, tally, outOfRegionCallers } = countMissions(dataset, params, input.period)
  const rowOf = (m: number) => cells.subarray(m * columns, (m + 1) * columns)

  const municipalities: BorderlessDispatchMunicipality[] = []
  const municipalityDistricts: BorderlessDispatchDistrict[] = []
  const regionRow = new Int32Array(columns)
  let regionOwn = 0

  municipalitiesByDistrict(dataset).forEach((members, d) => {
    const districtRow = new Int32Array(columns)
    for (const m of members) {
      const row = rowOf(m)
      const municipality = geography.municipalities[m]!
      municipalities.push({
        code: municipality.code,
        name: municipality.name,
        districtId: ids[d]!,
        ...toCounts(ids, row, row[d]!),
      })
      for (let c = 0; c < columns; c++) districtRow[c]! += row[c]!
    }
    municipalityDistricts.push({
      id: ids[d]!,
      name: geography.districts[d]!.name,
      ...toCounts(ids, districtRow, districtRow[d]!),
    })
    for (let c = 0; c < columns; c++) regionRow[c]! += districtRow[c]!
    regionOwn += districtRow[d]!
  })

  const result: BorderlessDispatchResult = {
    priority: params.priority,
    districts: geography.districts.map((d) => ({ id: d.id, name: d.name })),
    municipalities,
    municipalityDistricts,
    region: toCounts(ids, regionRow, regionOwn),
    outOfRegionCallers,
  }
  return { result, quality: tally.toQuality() }
}

const LABELS = {
  title: {
    sv: (p: number) =>
      `Gränslös dirigering prio ${p} – Antal uppdrag inom och utanför respektive ambulansdistrikt`,
    en: (p: number) =>
      `Borderless dispatch priority ${p} – Number of missions within and outside each ambulance district`,
  },
  municipality: { sv: "Kommun", en: "Municipality" },
  resourceDistricts: { sv: "Ambulansdistrikt", en: "Ambulance district" },
  external: { sv: "Externa resurser", en: "External resources" },
  total: { sv: "Totalt", en: "Total" },
  ownShare: { sv: "Andel eget distrikt", en: "Share own district" },
  districtHeading: { sv: "Kommundistrikt", en: "Municipality district" },
  subtotal: { sv: "Totalt kommundistrikt", en: "Total municipality district" },
}

const explanation = (priority: number, language: Language): string[] =>
  language === "sv"
    ? [
        `Här räknas vårduppdrag som larmades ut med prioritet ${priority} till hjälpsökande som ringde från en kommun i regionen; uppdrag åt hjälpsökande i andra län ingår inte.`,
        "Varje rad är den kommun samtalet kom ifrån, samlad under sitt kommundistrikt. Kolumnerna visar vilket ambulansdistrikt den utlarmade resursens hemstation hör till; resurser från andra regioner har en egen kolumn.",
        "Markerade celler är uppdrag som kommunens eget ambulansdistrikt utförde, och sista kolumnen är deras andel av radens uppdrag.",
      ]
    : [
        `Counted here are care missions dispatched with priority ${priority} to callers from a municipality of the region; missions for callers in other regions are not included.`,
        "Each row is the municipality the call came from, listed under its municipality district. The columns show which ambulance district the home station of the dispatched resource belongs to; resources from other regions have a column of their own.",
        "Highlighted cells are missions carried out by the municipality's own ambulance district, and the last column is their share of the row's missions.",
      ]

const countCells = (
  counts: DispatchCounts,
  ownColumn: number,
  language: Language,
  marks: ReadonlyArray<Emphasis>,
): Cell[] => [
  ...counts.byResourceDistrict.map((c, d) =>
    numberCell(c.missions, "count", language, d === ownColumn ? ["own-district", ...marks] : marks),
  ),
  numberCell(counts.external, "count", language, marks),
  numberCell(counts.total, "count", language, marks),
  numberCell(counts.ownDistrictShare, "share", language, marks),
]

const districtTable = (
  slideId: string,
  result: BorderlessDispatchResult,
  context: PresentContext<BorderlessDispatchParams>,
): TableBlock => {
  const language = context.language
  const group = LABELS.resourceDistricts[language]
  const columns: Column[] = [
    { key: "municipality", label: LABELS.municipality[language], align: "left" },
    ...result.districts.map(
      (d): Column => ({ key: `district-${d.id}`, label: districtLabel(d), align: "right", group }),
    ),
    { key: "external", label: LABELS.external[language], align: "right" },
    { key: "total", label: LABELS.total[language], align: "right" },
    { key: "own-district-share", label: LABELS.ownShare[language], align: "right" },
  ]
  const blank = (): Cell[] => columns.slice(1).map(() => textCell(""))

  const rows: Row[] = []
  result.municipalityDistricts.forEach((district, d) => {
    rows.push({
      kind: "group-heading",
      cells: [textCell(`${LABELS.districtHeading[language]} ${districtLabel(district)}`), ...blank()],
    })
    for (const m of result.municipalities) {
      if (m.districtId !== district.id) continue
      rows.push({ kind: "body", cells: [textCell(m.name), ...countCells(m, d, language, [])] })
    }
    rows.push({
      kind: "subtotal",
      cells: [
        textCell(`${LABELS.subtotal[language]} ${district.id}`, ["total"]),
        ...countCells(district, d, language, ["total"]),
      ],
    })
  })
  rows.push({
    kind: "total",
    cells: [
      textCell(wholeRegionLabel(context.input.dataset, language), ["total"]),
      ...countCells(result.region, -1, language, ["total"]),
    ],
  })

  return {
    kind: "table",
    id: `${slideId}-table`,
    caption: LABELS.title[language](result.priority),
    columns,
    rows,
    notes: [
      language === "sv"
        ? "Markerad cell: resursen hör till kommunens eget ambulansdistrikt."
        : "Highlighted cell: the resource belongs to the municipality's own ambulance district.",
    ],
  }
}

export const borderlessDispatchDefinition: MetricDefinition<
  BorderlessDispatchParams,
  BorderlessDispatchResult
> = {
  id: "borderless-dispatch",
  title: { sv: "Gränslös dirigering", en: "Borderless dispatch" },
  description: {
    sv: "Vårduppdrag med en given prioritet (parametern priority) i perioden, för hjälpsökande som ringer från en kommun i regionen, räknade per kommun och per ambulansdistrikt för resursens hemstation, med en kolumn för externa resurser (station utanför referensdata). Andelen eget distrikt är uppdrag utförda av kommunens eget ambulansdistrikt delat med kommunens alla uppdrag. Uppdrag med hjälpsökande utanför regionen ingår inte (de räknas i resultatets outOfRegionCallers).",
    en: "Care missions of one priority (the priority parameter) in the period, for callers from a municipality of the region, counted per municipality and per ambulance district of the resource's home station, with a column for external resources (a station not in the reference data). The own-district share is the missions served by the municipality's own ambulance district divided by all its missions. Missions of callers outside the region are not included (the result counts them in outOfRegionCallers).",
  },
  params: BorderlessDispatchParams,
  compute: (input, params) => Effect.succeed(computeBorderlessDispatch(input, params)),
  views: {
    default: (output, context) => {
      const { result, quality } = output
      const language = context.language
      const id = `borderless-dispatch-p${result.priority}`
      const definition = explanation(result.priority, language)
      const slide: SlideContent = {
        id,
        title: LABELS.title[language](result.priority),
        blocks: [
          { kind: "text", paragraphs: [...(context.texts?.[id] ?? definition)] },
          districtTable(id, result, context),
        ],
        notes: slideNotes(definition, quality, language),
      }
      return [slide]
    },
  },
}

/** Slides 8–10: missions of one priority per caller municipality and resource district. */
export const borderlessDispatch = defineMetric(borderlessDispatchDefinition)
