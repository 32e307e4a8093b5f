import type { DataSet } from "../dataset/data-set.js"
import type { RejectReason } from "../input/reject.js"
import type { WarningCode } from "../input/warnings.js"
import type { SlideContent } from "../metrics/metric.js"
import { periodText, reasonLabel } from "../metrics/pipeline/present.js"
import { formatCount, numberCell, textCell } from "../model/format.js"
import { compareCodePoints } from "../model/plane.js"
import type {
  Block,
  DataQuality,
  Language,
  MetricQuality,
  PeriodCoverage,
  Row,
} from "../model/report-model.js"
import { formatMonth, type Period } from "../time/month.js"

/** The deck's first slide: region, period and the month the report was produced. */
export const titleSlide = (
  dataset: DataSet,
  period: Period,
  generatedAt: string,
  language: Language,
): SlideContent => {
  const region = dataset.geography.geography.region
  const produced = formatMonth(dataset.timeZone.monthOf(Date.parse(generatedAt)))
  const title = language === "sv" ? "Ambulansuppföljning" : "Ambulance follow-up"
  return {
    id: "title",
    title,
    blocks: [
      {
        kind: "title",
        title,
        subtitle:
          language === "sv"
            ? `${region} för ${periodText(period, language)}`
            : `${region}, ${periodText(period, language)}`,
        produced: language === "sv" ? `Framtagen ${produced}` : `Produced ${produced}`,
      },
    ],
    notes: "",
  }
}

// Typed by the codes themselves, so a new reject reason or warning cannot
// reach the slide as a bare English code.
type Words = Readonly<Record<Language, string>>

const FILE_QUALITY_LABELS: Readonly<Record<RejectReason | WarningCode, Words>> = {
  "missing-required": { sv: "obligatoriskt fält saknas", en: "required field missing" },
  "invalid-format": { sv: "fel format", en: "wrong format" },
  "unknown-priority": { sv: "okänd prioritet", en: "unknown priority" },
  "duplicate-id": { sv: "id förekommer redan", en: "id already seen" },
  "nonexistent-local-time": { sv: "lokal tid som inte finns", en: "local time that does not exist" },
  "malformed-row": { sv: "trasig rad", en: "malformed row" },
  "ambiguous-local-time": { sv: "tvetydig lokal tid", en: "ambiguous local time" },
  "unknown-column": { sv: "okänd kolumn", en: "unknown column" },
  "timestamps-out-of-order": { sv: "tidpunkter i fel ordning", en: "timestamps out of order" },
}

const isFileQualityCode = (code: string): code is RejectReason | WarningCode =>
  Object.hasOwn(FILE_QUALITY_LABELS, code)

/** The words for a reject reason or warning code; an unknown code is shown as it is. */
export const fileQualityLabel = (code: string, language: Language): string =>
  isFileQualityCode(code) ? FILE_QUALITY_LABELS[code][language] : code

const reasonsText = (counts: Readonly<Record<string, number>>, language: Language): string =>
  Object.entries(counts)
    .sort(([a], [b]) => compareCodePoints(a, b))
    .map(([code, n]) => `${fileQualityLabel(code, language)}: ${n}`)
    .join("; ") || "–"

export interface MetricQualityLine {
  readonly key: string
  readonly title: string
  readonly quality: MetricQuality
}

export interface DataQualitySlideInput {
  readonly quality: DataQuality
  readonly metrics: ReadonlyArray<MetricQualityLine>
  readonly period: Period
  /** Sentences on reference data that rests on assumptions. */
  readonly assumptions: ReadonlyArray<string>
  readonly language: Language
}

/** How many unmatched texts of each kind the slide lists; the rest are summed in one line. */
const UNMATCHED_LISTED = 10

/** Where the accepted rows lie against the period, as one sentence per file kind. */
const coverageSentences = (quality: DataQuality, period: Period, language: Language): string[] => {
  const sv = language === "sv"
  const n = (x: number) => formatCount(x, language)
  const sentence = (c: PeriodCoverage, what: { sv: string; en: string }) => {
    const total = c.inPeriod + c.before + c.after
    if (total === 0) return undefined
    const outside =
      c.before + c.after === 0
        ? sv
          ? "; inga ligger utanför perioden"
          : "; none lie outside it"
        : sv
          ? `; ${n(c.before)} ligger före och ${n(c.after)} efter perioden och ingår inte`
          : `; ${n(c.before)} lie before and ${n(c.after)} after it and are not included`
    return sv
      ? `Perioden ${periodText(period, language)} omfattar ${n(c.inPeriod)} av ${n(total)} godkända ${what.sv}${outside}.`
      : `The period ${periodText(period, language)} holds ${n(c.inPeriod)} of ${n(total)} accepted ${what.en}${outside}.`
  }
  return [
    sentence(quality.period.missions, { sv: "uppdrag", en: "missions" }),
    sentence(quality.period.rescueCases, { sv: "räddningsärenden", en: "rescue cases" }),
  ].filter((x): x is string => x !== undefined)
}

/** The unmatched stations and municipality codes, the most frequent first, the rest in one line per kind. */
const unmatchedRows = (quality: DataQuality, language: Language): Row[] => {
  const sv = language === "sv"
  const kinds = [
    {
      label: sv ? "Hemmastation" : "Home station",
      countsAs: sv ? "extern resurs" : "external resource",
      items: quality.unmatched.stations.map((s) => ({ text: s.name, missions: s.missions })),
    },
    {
      label: sv ? "Kommunkod" : "Municipality code",
      countsAs: sv ? "hjälpsökande utanför regionen" : "caller outside the region",
      items: quality.unmatched.municipalityCodes.map((m) => ({ text: m.code, missions: m.missions })),
    },
  ]
  return kinds.flatMap(({ label, countsAs, items }) => {
    const listed = items.slice(0, UNMATCHED_LISTED).map(
      (item): Row => ({
        kind: "body",
        cells: [
          textCell(label),
          textCell(item.text),
          numberCell(item.missions, "count", language),
          textCell(countsAs),
        ],
      }),
    )
    const rest = items.slice(UNMATCHED_LISTED)
    if (rest.length === 0) return listed
    const missions = rest.reduce((sum, item) => sum + item.missions, 0)
    const others = sv
      ? `${formatCount(rest.length, language)} till`
      : `${formatCount(rest.length, language)} more`
    return [
      ...listed,
      {
        kind: "body",
        cells: [
          textCell(label),
          textCell(others),
          numberCell(missions, "count", language),
          textCell(countsAs),
        ],
      },
    ]
  })
}

/**
 * The closing slide: what was read, what was rejected and why, where the
 * accepted rows lie against the period, which stations and municipality
 * codes the reference data does not know, and per metric what was left out
 * and why. With it, a reader can tell how much of the export each figure
 * rests on.
 */
export const dataQualitySlide = (input: DataQualitySlideInput): SlideContent => {
  const { quality, metrics, period, assumptions, language } = input
  const sv = language === "sv"
  const fileRows: Row[] = quality.files.map((f) => ({
    kind: "body",
    cells: [
      textCell(f.file),
      numberCell(f.read, "count", language),
      numberCell(f.accepted, "count", language),
      numberCell(f.rejected, "count", language),
      textCell(reasonsText(f.rejectedByReason, language)),
      textCell(reasonsText(f.warnings, language)),
    ],
  }))

  const metricRows: Row[] = metrics.map(({ key, title, quality: q }) => ({
    kind: "body",
    cells: [
      textCell(`${title} (${key})`),
      numberCell(q.considered, "count", language),
      numberCell(q.used, "count", language),
      numberCell(q.considered - q.used, "count", language),
      textCell(q.leftOut.map((l) => `${reasonLabel(l.reason, language)}: ${l.count}`).join("; ") || "–"),
      numberCell(q.ambiguousLocalTimes, "count", language),
    ],
  }))

  const explanation = sv
    ? [
        "Varje rad i indatafilerna är antingen godkänd eller avvisad; avvisade rader finns med fil, rad, fält och orsak i rejects.csv.",
        "Ett mått lämnar ute de uppdrag eller ärenden där en tid som måttet behöver saknas eller ligger före sin starttid. Tabellen visar hur många och varför, och hur många av de använda som vilar på en tvetydig lokal tid (timmen som finns två gånger när sommartiden slutar).",
      ]
    : [
        "Every row of the input files is either accepted or rejected; rejected rows are listed with file, line, field and reason in rejects.csv.",
        "A metric leaves out the missions or cases where a time it needs is missing or lies before its start. The table shows how many and why, and how many of those used rest on an ambiguous local time (the hour that occurs twice when summer time ends).",
      ]
  const coverage = coverageSentences(quality, period, language)
  const unmatched = unmatchedRows(quality, language)

  const blocks: Block[] = [
    { kind: "text", paragraphs: [...explanation, ...coverage, ...assumptions] },
    {
      kind: "table",
      id: "data-quality-files",
      caption: sv ? "Inlästa rader per fil" : "Rows read per file",
      columns: [
        { key: "file", label: sv ? "Fil" : "File", align: "left" },
        { key: "read", label: sv ? "Lästa" : "Read", align: "right" },
        { key: "accepted", label: sv ? "Godkända" : "Accepted", align: "right" },
        { key: "rejected", label: sv ? "Avvisade" : "Rejected", align: "right" },
        { key: "reasons", label: sv ? "Avvisade, orsak" : "Rejected, reason", align: "left" },
        { key: "warnings", label: sv ? "Varningar" : "Warnings", align: "left" },
      ],
      rows: fileRows,
    },
  ]
  if (unmatched.length > 0) {
    blocks.push({
      kind: "table",
      id: "data-quality-unmatched",
      caption: sv ? "Okända i referensdata" : "Not in the reference data",
      columns: [
        { key: "kind", label: sv ? "Slag" : "Kind", align: "left" },
        { key: "text", label: sv ? "Som det står i filen" : "As written in the file", align: "left" },
        { key: "missions", label: sv ? "Uppdrag" : "Missions", align: "right" },
        { key: "countsAs", label: sv ? "Räknas som" : "Counts as", align: "left" },
      ],
      rows: unmatched,
    })
  }
  blocks.push({
    kind: "table",
    id: "data-quality-metrics",
    caption: sv ? "Utelämnade per mått" : "Left out per metric",
    columns: [
      { key: "metric", label: sv ? "Mått" : "Metric", align: "left" },
      { key: "considered", label: sv ? "Underlag" : "Population", align: "right" },
      { key: "used", label: sv ? "Använda" : "Used", align: "right" },
      { key: "leftOut", label: sv ? "Utelämnade" : "Left out", align: "right" },
      { key: "reasons", label: sv ? "Orsak" : "Reason", align: "left" },
      { key: "ambiguous", label: sv ? "Tvetydig tid" : "Ambiguous time", align: "right" },
    ],
    rows: metricRows,
  })

  return {
    id: "data-quality",
    title: sv ? "Datakvalitet" : "Data quality",
    blocks,
    notes: [...explanation, ...coverage].join("\n\n"),
  }
}
