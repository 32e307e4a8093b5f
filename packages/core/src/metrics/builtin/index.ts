import type { MetricEntry } from "../metric.js"
import { availabilityGoal } from "./availability-goal.js"
import { borderlessDispatch } from "./borderless-dispatch.js"
import { medianResponse } from "./median-response.js"
import { missionsPerMonth } from "./missions-per-month.js"
import { missionsPerStation } from "./missions-per-station.js"
import { rescueAssists } from "./rescue-assists.js"
import { segmentTimes } from "./segment-times.js"
import { startInterval } from "./start-interval.js"
import { waitingTime } from "./waiting-time.js"

/** The metrics behind the original deck's slides 2–14, in slide order. */
export const BUILTIN_METRICS: ReadonlyArray<MetricEntry> = [
  missionsPerMonth,
  missionsPerStation,
  waitingTime,
  availabilityGoal,
  startInterval,
  borderlessDispatch,
  segmentTimes,
  medianResponse,
  rescueAssists,
]

export {
  availabilityGoal,
  borderlessDispatch,
  medianResponse,
  missionsPerMonth,
  missionsPerStation,
  rescueAssists,
  segmentTimes,
  startInterval,
  waitingTime,
}
