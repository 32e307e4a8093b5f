/**
 * @ambu/core: from a dispatch centre's mission export to the report model.
 *
 * The data flows one way: input files are read and validated into a data
 * set; metrics compute results from it; presenters turn results into slides
 * of typed blocks; renderers (JSON here, HTML and PPTX in their packages,
 * plugins) write the report model to files.
 */

export { corePlugin } from "./builtin-plugin.js"
export * from "./config/index.js"
export * from "./dataset/builder.js"
export type * from "./dataset/data-set.js"
export { MissionTimes } from "./dataset/mission-times.js"
export type * from "./dataset/records.js"
export { assumptionSentences } from "./deck/assumption-sentences.js"
export {
  type BuildReportOptions,
  buildReport,
  type DeckConflict,
  deckConflicts,
  deckSlideId,
  deckWithPluginSlides,
  describeFailure,
  type MetricFailure,
  MetricsFailedError,
  runKey,
} from "./deck/build-report.js"
export { DEFAULT_DECK, type DeckEntry } from "./deck/deck-entry.js"
export {
  COVERED_SHARE,
  coveredMonths,
  coveredPreviousPeriod,
  dataMonths,
  defaultPeriod,
  ReportError,
  sameMonthsEarlier,
} from "./deck/period.js"
export * from "./domain/geography.js"
export * from "./domain/priority.js"
export * from "./domain/time-fields.js"
export { assumedValues, type GeographyAssumptions, hasAssumptions } from "./geography/assumptions.js"
export { haversineKm } from "./geography/distance.js"
export { GeographyError, type GeographyProblem } from "./geography/geography-error.js"
export { loadGeographyFile, parseGeography } from "./geography/parse-geography.js"
export { SKANE_BOUNDARIES_FILE, skaneBoundaries, skaneGeography } from "./geography/skane.js"
export {
  type MunicipalityFacts,
  SKANE_MUNICIPALITIES,
  SKANE_STATIONS,
  type StationEvidence,
  type StationFacts,
} from "./geography/skane-reference.js"
export {
  acceptedNames,
  type ColumnSpec,
  type FileKind,
  MISSION_COLUMNS,
  RESCUE_CASE_COLUMNS,
} from "./input/columns.js"
export { InputError, type InputErrorKind } from "./input/input-error.js"
export { type QualitySummary, summariseQuality } from "./input/quality.js"
export { type ReadInputOptions, type ReadResult, readInput } from "./input/read-input.js"
export { REJECT_REASONS, type Reject, type RejectReason } from "./input/reject.js"
export { csvCell, formatRejectsCsv } from "./input/rejects-csv.js"
export { bytesSource, fileSource, type Source, textSource } from "./input/source.js"
export type { WarningCode } from "./input/warnings.js"
export * from "./metrics/builtin/index.js"
export * from "./metrics/metric.js"
export * from "./metrics/metric-error.js"
export * from "./metrics/pipeline/interval.js"
export * from "./metrics/pipeline/present.js"
export * from "./metrics/pipeline/quality.js"
export * from "./metrics/pipeline/ranked-values.js"
export * from "./metrics/pipeline/statistics.js"
export * from "./model/format.js"
export * from "./model/plane.js"
export * from "./model/report-model.js"
export { SUPPRESSED_DERIVED_TEXT, type SuppressionParameters, suppressReport } from "./model/suppress.js"
export { jsonRenderer, REPORT_SCHEMA_ID, renderJson, reportJsonSchema } from "./output/json.js"
export { formatQualitySummary } from "./output/quality-summary.js"
export { issueLine, issueLines, issuePath } from "./plugin/issue-path.js"
export { qualityProblem, slidesProblem } from "./plugin/output-check.js"
export { type AmbuPlugin, definePlugin, PluginError, PluginShape, validatePlugin } from "./plugin/plugin.js"
export { buildRegistry, type Registry, type RegistryOptions } from "./plugin/registry.js"
export * from "./plugin/renderer.js"
export {
  generateSample,
  type Sample,
  type SampleOptions,
  SampleOptionsError,
} from "./sample/generate-sample.js"
export { SAMPLE_MISSION_COLUMNS, SAMPLE_RATES, SAMPLE_RESCUE_CASE_COLUMNS } from "./sample/sample-config.js"
export type {
  ImplausibleKind,
  RescueKind,
  SampleRejectedLine,
  SampleRejectReason,
  SampleStats,
} from "./sample/sample-stats.js"
export {
  BUNDLED_SAMPLE_OPTIONS,
  bundledSamplePaths,
  SampleWriteError,
  type WriteSampleOptions,
  type WrittenSample,
  writeSampleFiles,
} from "./sample/write-sample.js"
export * from "./time/civil.js"
export * from "./time/month.js"
export * from "./time/zone.js"
