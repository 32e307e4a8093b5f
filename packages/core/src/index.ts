/**
 * @ambu/core: from a dispatch centre's mission export to the report model.
 *
 * The data flows one way: input files are read and validated into a data
 * set; metrics compute results from it; presenters turn results into slides
 * of typed blocks; renderers (JSON here, HTML and PPTX in their packages,
 * plugins) write the report model to files.
 */
export * from "./dataset/builder.js"
export type * from "./dataset/data-set.js"
export type * from "./dataset/records.js"
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
export * from "./metrics/metric.js"
export * from "./metrics/metric-error.js"
export * from "./model/format.js"
export * from "./model/report-model.js"
export * from "./plugin/renderer.js"
export * from "./time/civil.js"
export * from "./time/month.js"
export * from "./time/zone.js"
