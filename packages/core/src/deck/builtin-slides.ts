import type { DataSet } from "../dataset/data-set.js"
import type { RejectReason } from "../input/reject.js"
import type { WarningCode } from "../input/warnings.js"
import type { SlideContent } from "../metrics/metric.js"
import { periodText, reasonLabel } from "../metrics/pipeline/present.js"
import { numberCell, textCell } from "../model/format.js"
import type { FileQuality, Language, MetricQuality, Row } from "../model/report-model.js"
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
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([code, n]) => `${fileQualityLabel(code, language)}: ${n}`)
    .join("; ") || "–"

export interface MetricQualityLine {
  readonly key: string
  readonly title: string
  readonly quality: MetricQuality
}

/**
 * The closing slide: what was read, what was rejected and why, and per
 * metric what was left out and why. With it, a reader can tell how much of
 * the export each figure rests on.
 */
export const dataQualitySlide = (
  files: ReadonlyArray<FileQuality>,
  metrics: ReadonlyArray<MetricQualityLine>,
  assumptions: ReadonlyArray<string>,
  language: Language,
): SlideContent => {
  const sv = language === "sv"
  const fileRows: Row[] = files.map((f) => ({
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

  const metricRows: Row[] = metrics.map(({ key, title, quality }) => ({
    kind: "body",
    cells: [
      textCell(`${title} (${key})`),
      numberCell(quality.considered, "count", language),
      numberCell(quality.used, "count", language),
      numberCell(quality.considered - quality.used, "count", language),
      textCell(
        quality.leftOut.map((l) => `${reasonLabel(l.reason, language)}: ${l.count}`).join("; ") || "–",
      ),
    ],
  }))

  const explanation = sv
    ? [
        "Varje rad i indatafilerna är antingen godkänd eller avvisad; avvisade rader finns med fil, rad, fält och orsak i rejects.csv.",
        "Ett mått lämnar ute de uppdrag eller ärenden där en tid som måttet behöver saknas eller ligger före sin starttid. Tabellen visar hur många och varför.",
      ]
    : [
        "Every row of the input files is either accepted or rejected; rejected rows are listed with file, line, field and reason in rejects.csv.",
        "A metric leaves out the missions or cases where a time it needs is missing or lies before its start. The table shows how many and why.",
      ]

  return {
    id: "data-quality",
    title: sv ? "Datakvalitet" : "Data quality",
    blocks: [
      { kind: "text", paragraphs: [...explanation, ...assumptions] },
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
      {
        kind: "table",
        id: "data-quality-metrics",
        caption: sv ? "Utelämnade per mått" : "Left out per metric",
        columns: [
          { key: "metric", label: sv ? "Mått" : "Metric", align: "left" },
          { key: "considered", label: sv ? "Underlag" : "Population", align: "right" },
          { key: "used", label: sv ? "Använda" : "Used", align: "right" },
          { key: "leftOut", label: sv ? "Utelämnade" : "Left out", align: "right" },
          { key: "reasons", label: sv ? "Orsak" : "Reason", align: "left" },
        ],
        rows: metricRows,
      },
    ],
    notes: explanation.join("\n\n"),
  }
}
