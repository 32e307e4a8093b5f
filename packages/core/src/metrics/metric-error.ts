import * as Data from "effect/Data"

/** A metric could not be computed; the message names the metric and the cause. */
export class MetricError extends Data.TaggedError("MetricError")<{
  readonly metricId: string
  readonly message: string
  readonly cause?: unknown
}> {}
