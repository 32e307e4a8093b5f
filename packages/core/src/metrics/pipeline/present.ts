import type { DataSet } from "../../dataset/data-set.js"
import { formatCount } from "../../model/format.js"
import type { Language, MetricQuality } from "../../model/report-model.js"
import { formatMonth, type Period } from "../../time/month.js"

/** A string in both report languages. */
export type Texts = Readonly<Record<Language, string>>

const REASON_LABELS: Readonly<Record<string, Texts>> = {
  "missing-call-answered-at": { sv: "saknar samtal besvarat", en: "no call-answered time" },
  "missing-dispatched-at": { sv: "saknar larmad", en: "no dispatch time" },
  "missing-en-route-at": { sv: "saknar påbörjat", en: "no en-route time" },
  "missing-arrived-scene-at": { sv: "saknar framme hämtadress", en: "no arrival at scene" },
  "missing-left-scene-at": { sv: "saknar lämnat hämtadress", en: "no departure from scene" },
  "missing-arrived-destination-at": {
    sv: "saknar framme avlämning",
    en: "no arrival at destination",
  },
  "missing-cleared-at": { sv: "saknar klar", en: "no cleared time" },
  "negative-interval": { sv: "negativt intervall", en: "negative interval" },
  "no-category": { sv: "ingen av kategorierna", en: "none of the categories" },
  "rescue-resource-not-confirmed": {
    sv: "ingen bekräftad räddningsresurs",
    en: "no confirmed rescue resource",
  },
  "municipality-without-district": { sv: "kommun utan distrikt", en: "municipality without district" },
  "station-without-district": { sv: "station utan distrikt", en: "station without district" },
  "unknown-priority": { sv: "okänd prioritet", en: "unknown priority" },
}

/** A reason code in words; unknown codes (from plugins) are shown as they are. */
export const reasonLabel = (reason: string, language: Language): string =>
  REASON_LABELS[reason]?.[language] ?? reason

const UNIT_LABELS: Readonly<Record<MetricQuality["unit"], Texts>> = {
  missions: { sv: "uppdrag", en: "missions" },
  cases: { sv: "ärenden", en: "cases" },
  "rescue-cases": { sv: "räddningsärenden", en: "rescue cases" },
}

/**
 * The data-quality account of a metric in one sentence, e.g.
 * "Underlag: 1 204 ärenden, 1 180 använda, 24 utelämnade (20 saknar framme hämtadress, 4 negativt intervall)."
 */
export const qualitySentence = (quality: MetricQuality, language: Language): string => {
  const unit = UNIT_LABELS[quality.unit][language]
  const leftOutTotal = quality.considered - quality.used
  const parts = quality.leftOut.map(
    (l) => `${formatCount(l.count, language)} ${reasonLabel(l.reason, language)}`,
  )
  const detail = parts.length > 0 ? ` (${parts.join(", ")})` : ""
  const ambiguous =
    quality.ambiguousLocalTimes > 0
      ? language === "sv"
        ? ` ${formatCount(quality.ambiguousLocalTimes, language)} bygger på en tvetydig lokal tid (sommartidens slut).`
        : ` ${formatCount(quality.ambiguousLocalTimes, language)} rest on an ambiguous local time (end of summer time).`
      : ""
  return language === "sv"
    ? `Underlag: ${formatCount(quality.considered, language)} ${unit}, ${formatCount(quality.used, language)} använda, ${formatCount(leftOutTotal, language)} utelämnade${detail}.${ambiguous}`
    : `Basis: ${formatCount(quality.considered, language)} ${unit}, ${formatCount(quality.used, language)} used, ${formatCount(leftOutTotal, language)} left out${detail}.${ambiguous}`
}

/** Speaker notes of a slide: its definition, then its data-quality account. */
export const slideNotes = (
  definition: ReadonlyArray<string>,
  quality: MetricQuality,
  language: Language,
): string => [...definition, qualitySentence(quality, language)].join("\n\n")

/** `2025-01 till 2025-12` / `2025-01 to 2025-12`. */
export const periodText = (period: Period, language: Language): string =>
  `${formatMonth(period.from)} ${language === "sv" ? "till" : "to"} ${formatMonth(period.to)}`

/** A district as the deck labels it: its number, then its name ("1 Sydväst (Malmö)"). */
export const districtLabel = (district: { readonly id: string; readonly name: string }): string =>
  `${district.id} ${district.name}`

/** The name of district `index` as the region calls it; `districtLabel` adds the number. */
export const districtName = (dataset: DataSet, index: number): string =>
  dataset.geography.geography.districts[index]!.name

export const municipalityName = (dataset: DataSet, index: number): string =>
  dataset.geography.geography.municipalities[index]!.name

export const stationName = (dataset: DataSet, index: number): string =>
  dataset.geography.geography.stations[index]!.name

/** "Hela Skåne" when the region is Region Skåne, else the region's name: the deck's word for the whole region. */
export const wholeRegionLabel = (dataset: DataSet, language: Language): string => {
  const region = dataset.geography.geography.region
  const bare = region.replace(/^Region\s+/i, "")
  return language === "sv" ? `Hela ${bare}` : `All of ${bare}`
}
