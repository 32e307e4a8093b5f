import { reasonLabel } from "../metrics/pipeline/present.js"
import type { FileQuality, MetricQuality } from "../model/report-model.js"

const sortedEntries = (counts: Readonly<Record<string, number>>): Array<[string, number]> =>
  Object.entries(counts).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))

/**
 * The data-quality summary as plain Markdown (readable in a terminal and as
 * a file): per input file what was read, accepted and rejected and why; per
 * metric what was left out and why. English, since it is a technical log.
 */
export const formatQualitySummary = (
  files: ReadonlyArray<FileQuality>,
  metrics: Readonly<Record<string, MetricQuality>> = {},
  rejectsFile?: string,
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

  const metricEntries = Object.entries(metrics)
  if (metricEntries.length > 0) {
    lines.push(
      "## Per metric",
      "",
      "| metric | unit | population | used | left out | why |",
      "|---|---|---:|---:|---:|---|",
    )
    for (const [key, q] of metricEntries) {
      const why = q.leftOut.map((l) => `${reasonLabel(l.reason, "en")}: ${l.count}`).join("; ") || "–"
      lines.push(`| ${key} | ${q.unit} | ${q.considered} | ${q.used} | ${q.considered - q.used} | ${why} |`)
    }
    lines.push("")
  }
  return lines.join("\n")
}
