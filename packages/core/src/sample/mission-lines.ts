/**
 * The lines of `missions.csv`: cases day by day in call order, with the
 * data defects a real export has. Only one day's cases are held at a time,
 * so the number of missions is bounded by time, not memory.
 */
import { TIME_FIELD_INDEX, TIME_FIELDS } from "../domain/time-fields.js"
import type { MonthIndex } from "../time/month.js"
import type { TimeZone } from "../time/zone.js"
import { LocalClock } from "./local-clock.js"
import { type CaseDraft, CaseMaker, type MissionDraft } from "./mission-cases.js"
import { Random } from "./random.js"
import { apportion, hourWeightsOf, planDays } from "./rhythm.js"
import { CSV_DELIMITER, SAMPLE_MISSION_COLUMNS, SAMPLE_RATES } from "./sample-config.js"
import type { SampleRegion } from "./sample-region.js"
import type { ImplausibleKind, MissionCounters, SampleRejectReason } from "./sample-stats.js"

export interface MissionLinesInput {
  readonly missions: number
  readonly seed: number
  readonly from: MonthIndex
  readonly to: MonthIndex
  readonly region: SampleRegion
  readonly zone: TimeZone
  readonly defects: boolean
  /** Data-row index (0 = first row after the header) → why the row must be rejected. */
  readonly rejections: ReadonlyMap<number, SampleRejectReason>
}

/** Independent random sequences, so that changing one aspect does not reshuffle the others. */
export const STREAMS = {
  days: 1,
  cases: 2,
  defects: 3,
  rejections: 4,
  rescueDays: 5,
  rescueCases: 6,
} as const

const OPTIONAL_FIELDS = TIME_FIELDS.filter((f) => f !== "dispatchedAt").map((f) => TIME_FIELD_INDEX[f])

const IMPLAUSIBLE_KINDS: ReadonlyArray<ImplausibleKind> = [
  "arrivedBeforeDispatch",
  "enRouteBeforeDispatch",
  "clearedBeforeArrivedDestination",
]

const I = TIME_FIELD_INDEX

/** The header, then one line per mission; `counters` fill up as lines are produced. */
export function* missionLines(input: MissionLinesInput, counters: MissionCounters): Generator<string> {
  yield SAMPLE_MISSION_COLUMNS.join(CSV_DELIMITER)

  const days = planDays(input.from, input.to, new Random(input.seed, STREAMS.days))
  const quotas = apportion(input.missions, days.weights)
  const clock = new LocalClock(input.zone)
  const maker = new CaseMaker(input.region, clock, new Random(input.seed, STREAMS.cases))
  const writer = new MissionWriter(input, clock, counters)

  for (let i = 0; i < quotas.length; i++) {
    const day = days.firstDay + i
    const hourWeights = hourWeightsOf(day)
    const cases: Array<CaseDraft> = []
    for (let left = quotas[i]!; left > 0; ) {
      const draft = maker.makeCase(day, hourWeights, left)
      cases.push(draft)
      left -= draft.missions.length
    }

    cases.sort((a, b) => a.callAt - b.callAt)
    for (const draft of cases) {
      const caseId = writer.startCase(draft)
      for (const mission of draft.missions) yield writer.line(draft, caseId, mission)
    }
  }
}

/** Turns case drafts into numbered CSV lines, injecting the planned defects. */
class MissionWriter {
  private readonly random: Random
  /** The current row's timestamps, reused from row to row. */
  private readonly times: Array<number> = Array.from(TIME_FIELDS, () => 0)
  private caseNumber = 0
  private missionNumber = 0
  private lastAcceptedId = ""
  private unparsableCount = 0

  constructor(
    private readonly input: MissionLinesInput,
    private readonly clock: LocalClock,
    private readonly counters: MissionCounters,
  ) {
    this.random = new Random(input.seed, STREAMS.defects)
  }

  /** Counts a case and returns its id. */
  startCase(draft: CaseDraft): string {
    const counters = this.counters
    this.caseNumber += 1
    counters.cases += 1
    counters.casesByPriority[draft.priority - 1]! += 1
    if (draft.missions.length > 1) counters.multiMissionCases += 1
    if (draft.initialPriority !== draft.priority) counters.reprioritisedCases += 1
    if (draft.outside) counters.outOfRegionCases += 1

    return `A${String(this.caseNumber).padStart(7, "0")}`
  }

  /** The CSV line of one mission, with the defects planned or drawn for its row. */
  line(draft: CaseDraft, caseId: string, mission: MissionDraft): string {
    const row = this.counters.missionRows
    this.counters.missionRows += 1
    this.countServed(mission)
    this.missionNumber += 1

    let missionId = `U${String(this.missionNumber).padStart(8, "0")}`
    let priority = String(draft.priority)
    let unparsableDispatch = false
    const times = this.times
    for (let field = 0; field < times.length; field++) times[field] = mission.times[field]!
    const rejection = this.input.rejections.get(row)

    if (rejection === undefined) {
      if (this.input.defects) this.injectQualityDefects(times)
      this.countAmbiguous(times)
      this.lastAcceptedId = missionId
    } else if (rejection === "duplicate-id") {
      missionId = this.lastAcceptedId
    } else if (rejection === "unknown-priority") {
      priority = "4"
    } else {
      unparsableDispatch = true
    }

    const station = mission.station
    let line = `${missionId};${caseId};AMB ${station.unitPrefix}${mission.unit};${station.name};${priority};${draft.initialPriority};${draft.municipalityCode}`
    for (let field = 0; field < times.length; field++) {
      const time = times[field]!
      const text = Number.isNaN(time) ? "" : this.clock.format(time)
      line += CSV_DELIMITER + (unparsableDispatch && field === I.dispatchedAt ? this.unparsable(text) : text)
    }
    return line
  }

  private countServed(mission: MissionDraft): void {
    const counters = this.counters
    if (mission.served === "own") counters.ownDistrictMissions += 1
    else if (mission.served === "borderless") counters.borderlessMissions += 1
    else if (mission.served === "external") counters.externalResourceMissions += 1
    else counters.outOfRegionMissions += 1
  }

  /**
   * Few timestamps out of order, then about one in a hundred optional ones
   * empty. The fields of an out-of-order pair are never emptied, so each
   * injected implausibility stays visible to the reader.
   */
  private injectQualityDefects(times: Array<number>): void {
    const random = this.random
    let keep: ReadonlyArray<number> = []

    if (random.chance(SAMPLE_RATES.implausibleOrder)) {
      const kind = IMPLAUSIBLE_KINDS[random.int(IMPLAUSIBLE_KINDS.length)]!
      const early = Math.round(random.between(60, 900)) * 1000
      this.counters.implausibleOrder[kind] += 1
      if (kind === "arrivedBeforeDispatch") {
        times[I.arrivedSceneAt] = times[I.dispatchedAt]! - early
        keep = [I.arrivedSceneAt]
      } else if (kind === "enRouteBeforeDispatch") {
        times[I.enRouteAt] = times[I.dispatchedAt]! - early
        keep = [I.enRouteAt]
      } else {
        times[I.clearedAt] = times[I.arrivedDestinationAt]! - early
        keep = [I.arrivedDestinationAt, I.clearedAt]
      }
    }

    for (const field of OPTIONAL_FIELDS) {
      if (keep.includes(field) || !random.chance(SAMPLE_RATES.missingTimestamp)) continue
      times[field] = Number.NaN
      this.counters.missingTimestamps[TIME_FIELDS[field]!] += 1
    }
  }

  private countAmbiguous(times: ReadonlyArray<number>): void {
    for (const t of times) {
      if (!Number.isNaN(t) && this.clock.isAmbiguous(t)) this.counters.ambiguousTimestamps += 1
    }
  }

  /** A timestamp no reader can parse, in one of the forms seen in hand-edited exports. */
  private unparsable(text: string): string {
    const [date = "", time = ""] = text.split(" ")
    const [year, month, day] = date.split("-")
    const style = this.unparsableCount++ % 3
    if (style === 0) return `${day}.${month}.${year} ${time.slice(0, 5)}`
    if (style === 1) return "okänd"
    return `${date} 25:${time.slice(3)}`
  }
}

/**
 * Which data rows are to be rejected and why: the same number of each kind,
 * one per `missionsPerRejectedRow` missions (at least one each when defects
 * are on). Never the first row, so a duplicate always has an earlier original.
 */
export const planRejections = (
  missions: number,
  defects: boolean,
  seed: number,
): ReadonlyMap<number, SampleRejectReason> => {
  const reasons: ReadonlyArray<SampleRejectReason> = ["duplicate-id", "unknown-priority", "invalid-format"]
  const wanted = defects ? Math.max(1, Math.round(missions / SAMPLE_RATES.missionsPerRejectedRow)) : 0
  const perKind = Math.min(wanted, Math.floor((missions - 1) / reasons.length))
  const random = new Random(seed, STREAMS.rejections)
  const plan = new Map<number, SampleRejectReason>()

  for (const reason of reasons) {
    for (let placed = 0; placed < perKind; ) {
      const row = 1 + random.int(missions - 1)
      if (plan.has(row)) continue
      plan.set(row, reason)
      placed += 1
    }
  }
  return plan
}
