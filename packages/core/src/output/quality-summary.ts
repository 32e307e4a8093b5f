import type { MissionColumns } from "../dataset/data-set.js"
import { reasonLabel } from "../metrics/pipeline/present.js"
import { compareCodePoints } from "../model/plane.js"
import type { DataQuality, FileQuality, MetricQuality, PeriodCoverage } from "../model/report-model.js"

const sortedEntries = (counts: Readonly<Record<string, number>>): Array<[string, number]> =>
  Object.entries(counts).sort(([a], [b]) => compareCodePoints(a, b))

/**
 * The data-quality summary as plain Markdown (readable in a terminal and as
 * a file): per input file what was read, accepted and rejected and why;
 * where the accepted rows lie against the report period; the stations and
 * municipality codes the reference data does not know; per metric what was
 * left out and why. English, since it is a technical log.
 */
export const formatQualitySummary = (
  files: ReadonlyArray<FileQuality>,
  metrics: Readonly<Record<string, MetricQuality>> = {},
  rejectsFile?: string,
  report?: {
    readonly period?: DataQuality["period"]
    readonly unmatched?: MissionColumns["unmatched"]
    /** The period as the summary names it, e.g. `2025-01 to 2025-12`. */
    readonly periodText?: string
  },
): string => {
  const lines: string[] = ["# Data quality", ""]

  for (const file of files) {
    lines.push(`## ${file.file} (${file.kind})`, "")
    lines.push(`- rows read: ${file.read}`, `- accepted: ${file.accepted}`, `- rejected: ${file.rejected}`)
    for (const [reason, count] of sortedEntries(file.rejectedByReason)) lines.push(`  - ${reason}: ${count}`)
    const warnings = sortedEntries(file.warnings)
    if (warnings.length > 0) {
      lines.push("- warnings (rows kept):")
      for (const [code, count] of warnings) lines.push(`  - ${code}: ${count}`)
    }
    lines.push("")
  }
  if (rejectsFile !== undefined)
    lines.push(`Rejected rows, with file, line, field and reason: ${rejectsFile}`, "")

  if (report?.period !== undefined) {
    const line = (what: string, c: PeriodCoverage) =>
      `- ${what}: ${c.inPeriod} in the period, ${c.before} before it, ${c.after} after it`
    lines.push(
      `## Against the report period${report.periodText === undefined ? "" : ` (${report.periodText})`}`,
      "",
    )
    lines.push(line("missions", report.period.missions), line("rescue cases", report.period.rescueCases), "")
  }

  const stations = report?.unmatched?.stations ?? []
  const codes = report?.unmatched?.municipalityCodes ?? []
  if (stations.length + codes.length > 0) {
    lines.push(
      "## Not in the reference data",
      "",
      "| kind | as written | missions | counts as |",
      "|---|---|---:|---|",
    )
    for (const s of stations)
      lines.push(`| home station | ${cell(s.name)} | ${s.missions} | external resource |`)
    for (const m of codes)
      lines.push(`| municipality code | ${cell(m.code)} | ${m.missions} | caller outside the region |`)
    lines.push("")
  }

  const metricEntries = Object.entries(metrics)
  if (metricEntries.length > 0) {
    lines.push(
      "## Per metric",
      "",
      "| metric | unit | population | used | left out | why | used on an ambiguous time |",
      "|---|---|---:|---:|---:|---|---:|",
    )
    for (const [key, q] of metricEntries) {
      const why = q.leftOut.map((l) => `${reasonLabel(l.reason, "en")}: ${l.count}`).join("; ") || "–"
      lines.push(
        `| ${key} | ${q.unit} | ${q.considered} | ${q.used} | ${q.considered - q.used} | ${why} | ${q.ambiguousLocalTimes} |`,
      )
    }
    lines.push("")
  }
  return lines.join("\n")
}

/** A text from the data as a Markdown table cell: no line break, no column break, nothing read as markup. */
const cell = (text: string): string =>
  text.replace(/[\r\n]+/g, " ").replace(/[\\`*_<>[\]|]/g, (c) => `\\${c}`)
