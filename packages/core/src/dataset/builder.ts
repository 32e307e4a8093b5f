import { type ResolvedGeography, stationKey } from "../domain/geography.js"
import { TIME_FIELD_INDEX } from "../domain/time-fields.js"
import type { TimeZone } from "../time/zone.js"
import type { CaseColumns, DataSet, MissionColumns, RescueCaseColumns } from "./data-set.js"
import { Growable } from "./growable.js"
import { IdLookup } from "./id-lookup.js"
import { MissionTimesBuilder } from "./mission-times.js"
import { PackedStrings } from "./packed-strings.js"
import type { MissionRecord, RescueCaseRecord } from "./records.js"
import { StringCodes } from "./string-codes.js"

const DISPATCHED = TIME_FIELD_INDEX.dispatchedAt
const ARRIVED = TIME_FIELD_INDEX.arrivedSceneAt
const ANSWERED = TIME_FIELD_INDEX.callAnsweredAt

/**
 * Collects validated records and builds the columnar data set, resolving
 * stations and municipalities against the geography and grouping missions
 * into cases. Duplicate detection is the reader's job (`missionIndexOf`
 * helps it): the builder trusts that each `missionId` arrives once.
 *
 * Ids are kept packed (`PackedStrings`) and station names and municipality
 * codes as codes of their distinct texts; the string columns of the data
 * set are made from them only when someone reads them.
 */
export class DataSetBuilder {
  private readonly missionIds = new PackedStrings()
  private readonly missionLookup = new IdLookup(this.missionIds)
  private readonly caseIndex = new Growable(Int32Array)
  private readonly stations = new StringCodes()
  private readonly stationCode = new Growable(Int32Array)
  private readonly priority = new Growable(Uint8Array)
  private readonly initialPriority = new Growable(Uint8Array)
  private readonly municipalities = new StringCodes()
  private readonly municipalityCode = new Growable(Int32Array)
  private readonly times = new MissionTimesBuilder()
  private readonly ambiguousMask = new Growable(Uint8Array)
  private readonly line = new Growable(Int32Array)

  private readonly caseIds = new PackedStrings()
  private readonly caseLookup = new IdLookup(this.caseIds)
  // Missions of one case usually follow each other.
  private lastCaseId: string | undefined = undefined
  private lastCase = -1

  private readonly rescue = {
    caseId: [] as string[],
    municipalityCode: [] as string[],
    municipalityRef: new Growable(Int16Array),
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
    return this.missionIds.length
  }

  /** The position of the mission added with this id, or -1. */
  missionIndexOf(missionId: string): number {
    return this.missionLookup.find(missionId)
  }

  /** The input line of the mission at `index` (below `missionCount`). */
  missionLine(index: number): number {
    return this.line.at(index)
  }

  /** Makes room for about `count` missions, so that the columns need not grow (and be copied) while they fill. */
  reserveMissions(count: number): void {
    for (const column of [
      this.caseIndex,
      this.stationCode,
      this.priority,
      this.initialPriority,
      this.municipalityCode,
      this.ambiguousMask,
      this.line,
    ]) {
      column.reserve(count)
    }
    this.times.reserve(count)
    this.missionIds.reserve(count)
  }

  addMission(record: MissionRecord): void {
    this.caseIndex.push(this.caseOf(record.caseId))
    this.missionLookup.add(record.missionId, this.missionIds.length)
    this.missionIds.push(record.missionId)
    this.stationCode.push(this.stations.code(record.station))
    this.priority.push(record.priority)
    this.initialPriority.push(record.initialPriority)
    this.municipalityCode.push(this.municipalities.code(record.municipalityCode))
    this.times.push(record.times)
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

  private buildMissions(): MissionColumns {
    const count = this.missionIds.length
    const stationRefOfCode = this.stations.values.map(
      (name) => this.geography.stationIndexByKey.get(stationKey(name)) ?? -1,
    )
    const municipalityRefOfCode = this.municipalities.values.map(
      (code) => this.geography.municipalityIndexByCode.get(code) ?? -1,
    )
    const stationCode = this.stationCode.toArray()
    const municipalityCode = this.municipalityCode.toArray()
    const times = this.times.build()

    const stationRef = new Int16Array(count)
    const municipalityRef = new Int16Array(count)
    const resourceDistrict = new Int16Array(count)
    const callerDistrict = new Int16Array(count)
    const month = new Int32Array(count)
    const missionsOfStation = new Int32Array(stationRefOfCode.length)
    const missionsOfMunicipality = new Int32Array(municipalityRefOfCode.length)
    for (let i = 0; i < count; i++) {
      missionsOfStation[stationCode[i]!]! += 1
      missionsOfMunicipality[municipalityCode[i]!]! += 1
      const station = stationRefOfCode[stationCode[i]!]!
      const municipality = municipalityRefOfCode[municipalityCode[i]!]!
      stationRef[i] = station
      municipalityRef[i] = municipality
      resourceDistrict[i] = station < 0 ? -1 : this.geography.stationDistrict[station]!
      callerDistrict[i] = municipality < 0 ? -1 : this.geography.municipalityDistrict[municipality]!
      month[i] = this.zone.monthOf(times.at(DISPATCHED, i))
    }

    const columns = {
      count,
      caseIndex: this.caseIndex.toArray(),
      stationRef,
      resourceDistrict,
      priority: this.priority.toArray(),
      initialPriority: this.initialPriority.toArray(),
      municipalityRef,
      callerDistrict,
      times,
      ambiguousMask: this.ambiguousMask.toArray(),
      month,
      line: this.line.toArray(),
      unmatched: {
        stations: unmatchedTexts(this.stations.values, stationRefOfCode, missionsOfStation).map(
          ({ text, missions }) => ({ name: text, missions }),
        ),
        municipalityCodes: unmatchedTexts(
          this.municipalities.values,
          municipalityRefOfCode,
          missionsOfMunicipality,
        ).map(({ text, missions }) => ({ code: text, missions })),
      },
    }
    return withLazyStrings(columns, {
      missionId: packedColumn(this.missionIds),
      stationName: codedColumn(narrowCodes(stationCode, this.stations.values.length), this.stations.values),
      municipalityCode: codedColumn(
        narrowCodes(municipalityCode, this.municipalities.values.length),
        this.municipalities.values,
      ),
    })
  }

  /** The case of a mission's case id, a new one for an id not seen before. */
  private caseOf(caseId: string): number {
    if (caseId === this.lastCaseId) return this.lastCase
    let index = this.caseLookup.find(caseId)
    if (index < 0) {
      index = this.caseIds.length
      this.caseLookup.add(caseId, index)
      this.caseIds.push(caseId)
    }
    this.lastCaseId = caseId
    this.lastCase = index
    return index
  }

  private buildCases(missions: MissionColumns): CaseColumns {
    const count = this.caseIds.length
    const missionIds = this.missionIds
    const lead = new Int32Array(count).fill(-1)
    const firstArrival = new Float64Array(count).fill(Number.NaN)
    const arrivalBeforeDispatch = new Uint8Array(count)
    const callAnswered = new Float64Array(count).fill(Number.NaN)
    const missionCount = new Int32Array(count)
    const ambiguousMask = new Uint8Array(count)
    const times = missions.times

    // One pass: the lead mission of a case is its earliest-dispatched one,
    // ties going to the smallest mission_id; the arrival and answer are the
    // earliest over all its missions.
    for (let i = 0; i < missions.count; i++) {
      const c = missions.caseIndex[i]!
      const current = lead[c]!
      const dispatched = times.at(DISPATCHED, i)
      if (current < 0) {
        lead[c] = i
      } else {
        const leading = times.at(DISPATCHED, current)
        if (dispatched < leading || (dispatched === leading && missionIds.less(i, current))) lead[c] = i
      }
      // An arrival before the mission's own dispatch is implausible (the
      // contract keeps the row but not the interval): it must not become the
      // case's first arrival, or it would shorten every response time.
      const arrived = times.at(ARRIVED, i)
      if (arrived >= dispatched) {
        if (!(arrived >= firstArrival[c]!)) firstArrival[c] = arrived
      } else if (!Number.isNaN(arrived)) {
        arrivalBeforeDispatch[c] = 1
      }
      const answered = times.at(ANSWERED, i)
      if (!(answered >= callAnswered[c]!)) {
        if (!Number.isNaN(answered)) callAnswered[c] = answered
      }
      missionCount[c]! += 1
      ambiguousMask[c]! |= missions.ambiguousMask[i]!
    }

    const priority = new Uint8Array(count)
    const municipalityRef = new Int16Array(count)
    const callerDistrict = new Int16Array(count)
    const firstDispatch = new Float64Array(count)
    const month = new Int32Array(count)
    for (let c = 0; c < count; c++) {
      const m = lead[c]!
      priority[c] = missions.priority[m]!
      municipalityRef[c] = missions.municipalityRef[m]!
      callerDistrict[c] = missions.callerDistrict[m]!
      firstDispatch[c] = times.at(DISPATCHED, m)
      month[c] = missions.month[m]!
    }

    const columns = {
      count,
      priority,
      municipalityRef,
      callerDistrict,
      firstDispatch,
      firstArrival,
      arrivalBeforeDispatch,
      callAnswered,
      month,
      missionCount,
      ambiguousMask,
    }
    return withLazyStrings(columns, { caseId: packedColumn(this.caseIds) })
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

/** The texts the reference data does not know (ref -1), most missions first, then by text. */
const unmatchedTexts = (
  texts: ReadonlyArray<string>,
  refOfCode: ReadonlyArray<number>,
  missionsOfCode: Int32Array,
): Array<{ text: string; missions: number }> =>
  texts
    .flatMap((text, code) => (refOfCode[code]! < 0 ? [{ text, missions: missionsOfCode[code]! }] : []))
    .sort((a, b) => b.missions - a.missions || (a.text < b.text ? -1 : a.text > b.text ? 1 : 0))

/**
 * Adds string columns made on first read: a million ids or names are a
 * million objects on the heap, and the report itself never reads them.
 */
const withLazyStrings = <T extends object, K extends string>(
  columns: T,
  makers: Record<K, () => string[]>,
): T & { readonly [P in K]: ReadonlyArray<string> } => {
  for (const key of Object.keys(makers) as K[]) {
    let made: string[] | undefined
    Object.defineProperty(columns, key, {
      enumerable: true,
      get: () => {
        made ??= makers[key]()
        return made
      },
    })
  }
  return columns as T & { readonly [P in K]: ReadonlyArray<string> }
}

// The makers are made out here, not in the builder's methods, so that they keep only their column alive, not the builder.
const packedColumn =
  (strings: PackedStrings): (() => string[]) =>
  () =>
    strings.toArray()

/**
 * The codes in two bytes each when there are few distinct texts (as there
 * are: stations and municipalities), since the lazy column keeps them for
 * as long as the data set lives.
 */
const narrowCodes = (codes: Int32Array, distinct: number): Int32Array | Uint16Array =>
  distinct <= 0xffff ? Uint16Array.from(codes) : codes

const codedColumn =
  (codes: Int32Array | Uint16Array, texts: ReadonlyArray<string>): (() => string[]) =>
  () =>
    Array.from(codes, (code) => texts[code]!)
