import type { TimeField } from "../domain/time-fields.js"

/** Why the reader must reject an injected row: the reader's own reason codes. */
export type SampleRejectReason = "duplicate-id" | "unknown-priority" | "invalid-format"

/** The kinds of implausible timestamp order injected; the row stays, the interval must be excluded. */
export type ImplausibleKind =
  | "arrivedBeforeDispatch"
  | "enRouteBeforeDispatch"
  | "clearedBeforeArrivedDestination"

export type RescueKind = "cardiacArrest" | "ivpa" | "ambulanceAssistance" | "other"

/** A row of `missions.csv` the reader must reject; `line` counts the header as line 1. */
export interface SampleRejectedLine {
  readonly line: number
  readonly reason: SampleRejectReason
  /** The contract's name of the offending field. */
  readonly field: "mission_id" | "priority" | "dispatched_at"
}

/**
 * What the generator produced and injected. The first group describes all
 * generated missions; the data-quality group (`missingTimestamps`,
 * `implausibleOrder`, `ambiguousTimestamps`) counts only rows the reader
 * should accept, so an end-to-end test can compare it with the reader's summary.
 */
export interface SampleStats {
  /** Data rows of `missions.csv`, without the header. */
  readonly missionRows: number
  readonly cases: number
  /** Cases by the priority of their missions, [prio 1, prio 2, prio 3]. */
  readonly casesByPriority: readonly [number, number, number]
  /** Cases with two or more missions. */
  readonly multiMissionCases: number
  readonly reprioritisedCases: number
  readonly outOfRegionCases: number
  /** Missions of out-of-region callers. */
  readonly outOfRegionMissions: number
  /** Missions of regional callers, by who served them. */
  readonly ownDistrictMissions: number
  readonly borderlessMissions: number
  readonly externalResourceMissions: number

  /** Empty optional timestamps, by field, in rows the reader should accept. */
  readonly missingTimestamps: Readonly<Record<TimeField, number>>
  readonly implausibleOrder: Readonly<Record<ImplausibleKind, number>>
  /** Timestamps whose local time falls in the repeated autumn hour, in rows the reader should accept. */
  readonly ambiguousTimestamps: number

  readonly rejected: Readonly<Record<SampleRejectReason, number>>
  /** Every rejected row, in line order. Known before any line is generated. */
  readonly rejectedLines: ReadonlyArray<SampleRejectedLine>

  /** Data rows of `rescue_cases.csv`. */
  readonly rescueCaseRows: number
  readonly rescueCasesByKind: Readonly<Record<RescueKind, number>>
  /** Of each kind, the cases of regional callers with a confirmed rescue resource: what slide 14 counts. */
  readonly confirmedRegionalRescueCasesByKind: Readonly<Record<RescueKind, number>>
  readonly outOfRegionRescueCases: number
  /** Index texts written with other letter case or surrounding spaces, which must still match. */
  readonly rescueIndexVariants: number
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] extends object ? Mutable<T[K]> : T[K] }

export type MissionCounters = Pick<
  Mutable<SampleStats>,
  | "missionRows"
  | "cases"
  | "multiMissionCases"
  | "reprioritisedCases"
  | "outOfRegionCases"
  | "outOfRegionMissions"
  | "ownDistrictMissions"
  | "borderlessMissions"
  | "externalResourceMissions"
  | "missingTimestamps"
  | "implausibleOrder"
  | "ambiguousTimestamps"
> & { casesByPriority: [number, number, number] }

export type RescueCounters = Pick<
  Mutable<SampleStats>,
  | "rescueCaseRows"
  | "rescueCasesByKind"
  | "confirmedRegionalRescueCasesByKind"
  | "outOfRegionRescueCases"
  | "rescueIndexVariants"
>

export const emptyMissionCounters = (): MissionCounters => ({
  missionRows: 0,
  cases: 0,
  casesByPriority: [0, 0, 0],
  multiMissionCases: 0,
  reprioritisedCases: 0,
  outOfRegionCases: 0,
  outOfRegionMissions: 0,
  ownDistrictMissions: 0,
  borderlessMissions: 0,
  externalResourceMissions: 0,
  missingTimestamps: {
    callAnsweredAt: 0,
    dispatchedAt: 0,
    enRouteAt: 0,
    arrivedSceneAt: 0,
    leftSceneAt: 0,
    arrivedDestinationAt: 0,
    clearedAt: 0,
  },
  implausibleOrder: {
    arrivedBeforeDispatch: 0,
    enRouteBeforeDispatch: 0,
    clearedBeforeArrivedDestination: 0,
  },
  ambiguousTimestamps: 0,
})

const noRescueKinds = (): Record<RescueKind, number> => ({
  cardiacArrest: 0,
  ivpa: 0,
  ambulanceAssistance: 0,
  other: 0,
})

export const emptyRescueCounters = (): RescueCounters => ({
  rescueCaseRows: 0,
  rescueCasesByKind: noRescueKinds(),
  confirmedRegionalRescueCasesByKind: noRescueKinds(),
  outOfRegionRescueCases: 0,
  rescueIndexVariants: 0,
})
