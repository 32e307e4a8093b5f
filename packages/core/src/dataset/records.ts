import type { Priority } from "../domain/priority.js"

/**
 * A mission as the input reader hands it over: validated, with its instants
 * resolved. `times` follows `TIME_FIELDS`; NaN marks an absent timestamp.
 */
export interface MissionRecord {
  readonly missionId: string
  readonly caseId: string
  readonly resourceId: string
  readonly station: string
  readonly priority: Priority
  readonly initialPriority: Priority
  readonly municipalityCode: string
  readonly times: ArrayLike<number>
  readonly ambiguousMask: number
  readonly line: number
}

export interface RescueCaseRecord {
  readonly caseId: string
  readonly municipalityCode: string
  readonly createdAt: number
  readonly index1: string
  readonly index2: string
  readonly index3: string
  readonly rescueResourceConfirmed: boolean
  readonly line: number
}
