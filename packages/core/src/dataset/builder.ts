import { type ResolvedGeography, stationKey } from "../domain/geography.js"
import { TIME_FIELD_INDEX, TIME_FIELDS } from "../domain/time-fields.js"
import type { TimeZone } from "../time/zone.js"
import type { CaseColumns, DataSet, MissionColumns, RescueCaseColumns } from "./data-set.js"
import { Growable } from "./growable.js"
import type { MissionRecord, RescueCaseRecord } from "./records.js"

const DISPATCHED = TIME_FIELD_INDEX.dispatchedAt
const ARRIVED = TIME_FIELD_INDEX.arrivedSceneAt
const ANSWERED = TIME_FIELD_INDEX.callAnsweredAt

/**
 * Collects validated records and builds the columnar data set, resolving
 * stations and municipalities against the geography and grouping missions
 * into cases. Duplicate detection is the reader's job: the builder trusts
 * that each `missionId` arrives once.
 */
export class DataSetBuilder {
  private readonly missionId: string[] = []
  private readonly caseIndex = new Growable(Int32Array)
  private readonly stationName: string[] = []
  private readonly stationRef = new Growable(Int32Array)
  private readonly priority = new Growable(Uint8Array)
  private readonly initialPriority = new Growable(Uint8Array)
  private readonly municipalityCode: string[] = []
  private readonly municipalityRef = new Growable(Int32Array)
  private readonly times = TIME_FIELDS.map(() => new Growable(Float64Array))
  private readonly ambiguousMask = new Growable(Uint8Array)
  private readonly line = new Growable(Int32Array)

  private readonly caseIdToIndex = new Map<string, number>()
  private readonly caseIds: string[] = []
  private readonly stationRefCache = new Map<string, number>()

  private readonly rescue = {
    caseId: [] as string[],
    municipalityCode: [] as string[],
    municipalityRef: new Growable(Int32Array),
    createdAt: new Growable(Float64Array),
    month: new Growable(Int32Array),
    index1: [] as string[],
    index2: [] as string[],
    index3: [] as string[],
    confirmed: new Growable(Uint8Array),
    line: new Growable(Int32Array),
  }

  constructor(
    private readonly geography: ResolvedGeography,
    private readonly zone: TimeZone,
  ) {}

  get missionCount(): number {
    return this.missionId.length
  }

  addMission(record: MissionRecord): void {
    let caseIndex = this.caseIdToIndex.get(record.caseId)
    if (caseIndex === undefined) {
      caseIndex = this.caseIds.length
      this.caseIds.push(record.caseId)
      this.caseIdToIndex.set(record.caseId, caseIndex)
    }

    this.missionId.push(record.missionId)
    this.caseIndex.push(caseIndex)
    this.stationName.push(record.station)
    this.stationRef.push(this.lookUpStation(record.station))
    this.priority.push(record.priority)
    this.initialPriority.push(record.initialPriority)
    this.municipalityCode.push(record.municipalityCode)
    this.municipalityRef.push(this.geography.municipalityIndexByCode.get(record.municipalityCode) ?? -1)
    for (let f = 0; f < TIME_FIELDS.length; f++) this.times[f]!.push(record.times[f] ?? Number.NaN)
    this.ambiguousMask.push(record.ambiguousMask)
    this.line.push(record.line)
  }

  addRescueCase(record: RescueCaseRecord): void {
    const r = this.rescue
    r.caseId.push(record.caseId)
    r.municipalityCode.push(record.municipalityCode)
    r.municipalityRef.push(this.geography.municipalityIndexByCode.get(record.municipalityCode) ?? -1)
    r.createdAt.push(record.createdAt)
    r.month.push(this.zone.monthOf(record.createdAt))
    r.index1.push(record.index1)
    r.index2.push(record.index2)
    r.index3.push(record.index3)
    r.confirmed.push(record.rescueResourceConfirmed ? 1 : 0)
    r.line.push(record.line)
  }

  build(): DataSet {
    const missions = this.buildMissions()
    return {
      geography: this.geography,
      timeZone: this.zone,
      missions,
      cases: this.buildCases(missions),
      rescueCases: this.buildRescueCases(),
    }
  }

  private lookUpStation(name: string): number {
    let ref = this.stationRefCache.get(name)
    if (ref === undefined) {
      ref = this.geography.stationIndexByKey.get(stationKey(name)) ?? -1
      this.stationRefCache.set(name, ref)
    }
    return ref
  }

  private buildMissions(): MissionColumns {
    const count = this.missionId.length
    const stationRef = this.stationRef.toArray()
    const municipalityRef = this.municipalityRef.toArray()
    const times = this.times.map((t) => t.toArray())
    const dispatched = times[DISPATCHED]!

    const resourceDistrict = new Int32Array(count)
    const callerDistrict = new Int32Array(count)
    const month = new Int32Array(count)
    for (let i = 0; i < count; i++) {
      const station = stationRef[i]!
      const municipality = municipalityRef[i]!
      resourceDistrict[i] = station < 0 ? -1 : this.geography.stationDistrict[station]!
      callerDistrict[i] = municipality < 0 ? -1 : this.geography.municipalityDistrict[municipality]!
      month[i] = this.zone.monthOf(dispatched[i]!)
    }

    return {
      count,
      missionId: this.missionId,
      caseIndex: this.caseIndex.toArray(),
      stationName: this.stationName,
      stationRef,
      resourceDistrict,
      priority: this.priority.toArray(),
      initialPriority: this.initialPriority.toArray(),
      municipalityCode: this.municipalityCode,
      municipalityRef,
      callerDistrict,
      times,
      ambiguousMask: this.ambiguousMask.toArray(),
      month,
      line: this.line.toArray(),
    }
  }

  private buildCases(missions: MissionColumns): CaseColumns {
    const count = this.caseIds.length
    const lead = new Int32Array(count).fill(-1)
    const firstArrival = new Float64Array(count).fill(Number.NaN)
    const callAnswered = new Float64Array(count).fill(Number.NaN)
    const missionCount = new Int32Array(count)
    const ambiguousMask = new Uint8Array(count)
    const dispatched = missions.times[DISPATCHED]!
    const arrived = missions.times[ARRIVED]!
    const answered = missions.times[ANSWERED]!

    // One pass: the lead mission of a case is its earliest-dispatched one,
    // ties going to the smallest mission_id; the arrival and answer are the
    // earliest over all its missions.
    for (let i = 0; i < missions.count; i++) {
      const c = missions.caseIndex[i]!
      const current = lead[c]!
      if (
        current < 0 ||
        dispatched[i]! < dispatched[current]! ||
        (dispatched[i] === dispatched[current] && missions.missionId[i]! < missions.missionId[current]!)
      ) {
        lead[c] = i
      }
      if (!(arrived[i]! >= firstArrival[c]!)) {
        if (!Number.isNaN(arrived[i]!)) firstArrival[c] = arrived[i]!
      }
      if (!(answered[i]! >= callAnswered[c]!)) {
        if (!Number.isNaN(answered[i]!)) callAnswered[c] = answered[i]!
      }
      missionCount[c]! += 1
      ambiguousMask[c]! |= missions.ambiguousMask[i]!
    }

    const priority = new Uint8Array(count)
    const municipalityRef = new Int32Array(count)
    const callerDistrict = new Int32Array(count)
    const firstDispatch = new Float64Array(count)
    const month = new Int32Array(count)
    for (let c = 0; c < count; c++) {
      const m = lead[c]!
      priority[c] = missions.priority[m]!
      municipalityRef[c] = missions.municipalityRef[m]!
      callerDistrict[c] = missions.callerDistrict[m]!
      firstDispatch[c] = dispatched[m]!
      month[c] = missions.month[m]!
    }

    return {
      count,
      caseId: this.caseIds,
      priority,
      municipalityRef,
      callerDistrict,
      firstDispatch,
      firstArrival,
      callAnswered,
      month,
      missionCount,
      ambiguousMask,
    }
  }

  private buildRescueCases(): RescueCaseColumns {
    const r = this.rescue
    return {
      count: r.caseId.length,
      caseId: r.caseId,
      municipalityCode: r.municipalityCode,
      municipalityRef: r.municipalityRef.toArray(),
      createdAt: r.createdAt.toArray(),
      month: r.month.toArray(),
      index1: r.index1,
      index2: r.index2,
      index3: r.index3,
      rescueResourceConfirmed: r.confirmed.toArray(),
      line: r.line.toArray(),
    }
  }
}
