import type { CaseColumns } from "../../dataset/data-set.js"
import { TIME_FIELDS, type TimeField } from "../../domain/time-fields.js"

/** Why an interval could not be used: a missing end, or an end before its start. */
export type UnusableReason = `missing-${string}` | "negative-interval"

const kebab = (field: TimeField): string => field.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)

// Made once: a metric asks for a reason for every mission that lacks a time.
const MISSING_REASONS = Object.fromEntries(
  TIME_FIELDS.map((field) => [field, `missing-${kebab(field)}` as UnusableReason]),
) as Readonly<Record<TimeField, UnusableReason>>

/** `missing-arrived-scene-at` for `arrivedSceneAt`: the reason code of a missing timestamp. */
export const missingReason = (field: TimeField): UnusableReason => MISSING_REASONS[field]

/** The reason codes a metric may report, for documentation and translation. */
export const UNUSABLE_REASONS: ReadonlyArray<UnusableReason> = [
  ...TIME_FIELDS.map(missingReason),
  "negative-interval",
]

/**
 * The length in seconds of an interval between two instants (epoch ms, NaN
 * for absent), or why it is unusable. Usable means both ends exist and the
 * end is not before the start; a zero-length interval is usable.
 */
export const intervalSeconds = (
  start: number,
  end: number,
  startField: TimeField,
  endField: TimeField,
): number | UnusableReason => {
  if (Number.isNaN(start)) return missingReason(startField)
  if (Number.isNaN(end)) return missingReason(endField)
  if (end < start) return "negative-interval"
  return (end - start) / 1000
}

/**
 * The interval from a case's `start` (its first dispatch or call answered,
 * epoch ms) to its first arrival, in seconds, or why it is unusable. A case
 * whose only arrivals came before their own mission's dispatch has no first
 * arrival, and is left out as a negative interval rather than as a missing
 * arrival: the time was there, but implausible.
 */
export const caseArrivalSeconds = (
  cases: Pick<CaseColumns, "firstArrival" | "arrivalBeforeDispatch">,
  c: number,
  start: number,
  startField: TimeField,
): number | UnusableReason => {
  const arrival = cases.firstArrival[c]!
  if (Number.isNaN(arrival) && cases.arrivalBeforeDispatch[c] === 1 && !Number.isNaN(start)) {
    return "negative-interval"
  }
  return intervalSeconds(start, arrival, startField, "arrivedSceneAt")
}
