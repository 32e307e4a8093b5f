import type { ResolvedGeography } from "../domain/geography.js"
import type { TimeZone } from "../time/zone.js"
import type { MissionTimes } from "./mission-times.js"

/**
 * The accepted missions and rescue cases, stored by column so that metrics
 * over millions of rows are loops over typed arrays.
 *
 * Conventions:
 * - instants are epoch milliseconds (a `Float64Array`, or `MissionTimes` for
 *   a mission's seven); `NaN` means absent;
 * - months are `MonthIndex` values (`year * 12 + month - 1`) of local time;
 * - `…Ref` columns are indices into the geography's arrays, `-1` where the
 *   value is not in the reference data (an external station, an
 *   out-of-region caller);
 * - `…District` columns are district indices, `-1` likewise. Both are
 *   `Int16Array`s, since a geography holds at most 32 767 of each kind:
 *   at ten million missions each narrower column saves 20 MB.
 */
export interface MissionColumns {
  readonly count: number
  readonly missionId: ReadonlyArray<string>
  /** Index into `CaseColumns`. */
  readonly caseIndex: Int32Array
  /** The home station as written in the input. */
  readonly stationName: ReadonlyArray<string>
  /** Index into `geography.stations`; -1 for an external resource. */
  readonly stationRef: Int16Array
  /** District of the resource's home station; -1 for an external resource. */
  readonly resourceDistrict: Int16Array
  readonly priority: Uint8Array
  readonly initialPriority: Uint8Array
  /** The caller's municipality code as written in the input. */
  readonly municipalityCode: ReadonlyArray<string>
  /** Index into `geography.municipalities`; -1 for an out-of-region caller. */
  readonly municipalityRef: Int16Array
  /** Municipality district of the caller; -1 for an out-of-region caller. */
  readonly callerDistrict: Int16Array
  /** The seven timestamps: `times.at(TIME_FIELD_INDEX.enRouteAt, i)` is mission `i`'s en-route instant. */
  readonly times: MissionTimes
  /** Bit `i` set: time field `i` was an ambiguous local time, resolved by the contract's rule. */
  readonly ambiguousMask: Uint8Array
  /** Local month of `dispatchedAt`. */
  readonly month: Int32Array
  /** Line in the input file the mission was read from (1 = the header). */
  readonly line: Int32Array
  /**
   * The station names and caller municipality codes, as written, that the
   * reference data does not know, with how many missions carry each, most
   * first. Such a station is an external resource and such a caller is
   * out-of-region; the list lets a reader see a misspelt home station.
   */
  readonly unmatched: {
    readonly stations: ReadonlyArray<{ readonly name: string; readonly missions: number }>
    readonly municipalityCodes: ReadonlyArray<{ readonly code: string; readonly missions: number }>
  }
}

/**
 * Missions grouped by `case_id`. The case's priority and municipality are
 * those of its earliest-dispatched mission (ties: the smallest `mission_id`).
 */
export interface CaseColumns {
  readonly count: number
  readonly caseId: ReadonlyArray<string>
  readonly priority: Uint8Array
  readonly municipalityRef: Int16Array
  readonly callerDistrict: Int16Array
  /** Earliest `dispatchedAt` of the case's missions. */
  readonly firstDispatch: Float64Array
  /**
   * Earliest `arrivedSceneAt` of any of its missions, regional or external;
   * NaN when none arrived. An arrival before its own mission's dispatch is
   * implausible and not taken (see `arrivalBeforeDispatch`).
   */
  readonly firstArrival: Float64Array
  /** 1 when a mission of the case arrived before its own dispatch, an arrival `firstArrival` leaves out. */
  readonly arrivalBeforeDispatch: Uint8Array
  /** Earliest `callAnsweredAt` of its missions; NaN when none has one. */
  readonly callAnswered: Float64Array
  /** Local month of `firstDispatch`. */
  readonly month: Int32Array
  readonly missionCount: Int32Array
  /** Bit set as in `MissionColumns.ambiguousMask`, or-ed over the case's missions. */
  readonly ambiguousMask: Uint8Array
}

export interface RescueCaseColumns {
  readonly count: number
  readonly caseId: ReadonlyArray<string>
  readonly municipalityCode: ReadonlyArray<string>
  readonly municipalityRef: Int16Array
  readonly createdAt: Float64Array
  /** Local month of `createdAt`. */
  readonly month: Int32Array
  readonly index1: ReadonlyArray<string>
  readonly index2: ReadonlyArray<string>
  readonly index3: ReadonlyArray<string>
  /** 1 when at least one rescue resource was confirmed as attached to the case. */
  readonly rescueResourceConfirmed: Uint8Array
  readonly line: Int32Array
}

export interface DataSet {
  readonly geography: ResolvedGeography
  readonly timeZone: TimeZone
  readonly missions: MissionColumns
  readonly cases: CaseColumns
  readonly rescueCases: RescueCaseColumns
}
