import * as Data from "effect/Data"
import * as Effect from "effect/Effect"
import type { Geography } from "../domain/geography.js"
import { skaneGeography } from "../geography/skane.js"
import { formatMonth, type MonthIndex, parseMonth } from "../time/month.js"
import { isValidTimeZone, timeZone } from "../time/zone.js"
import { missionLines, planRejections } from "./mission-lines.js"
import { rescueCaseCount, rescueLines } from "./rescue-lines.js"
import { sampleRegion } from "./sample-region.js"
import {
  emptyMissionCounters,
  emptyRescueCounters,
  type MissionCounters,
  type RescueCounters,
  type SampleRejectedLine,
  type SampleRejectReason,
  type SampleStats,
} from "./sample-stats.js"

export interface SampleOptions {
  /** Rows of `missions.csv` to produce, defective ones included. */
  readonly missions: number
  /** Any integer; the same seed and options give byte-identical files. */
  readonly seed: number
  /** First month, `YYYY-MM`. */
  readonly from: string
  /** Last month, `YYYY-MM`, inclusive. */
  readonly to: string
  /** The region; Region Skåne by default. */
  readonly geography?: Geography
  /** Inject missing and out-of-order timestamps and rows the reader must reject; true by default. */
  readonly defects?: boolean
}

/** Invented mission and rescue-case exports, produced lazily line by line. */
export interface Sample {
  /**
   * The lines of `missions.csv`, header first, without line ends. Each
   * iteration generates the data afresh from the seed (same lines every time)
   * and restarts the mission counts of `stats`.
   */
  readonly missionLines: Iterable<string>
  /** The lines of `rescue_cases.csv`, like `missionLines`. */
  readonly rescueCaseLines: Iterable<string>
  /** The rows of `missions.csv` the reader must reject; known before generating. */
  readonly rejectedLines: ReadonlyArray<SampleRejectedLine>
  /** What was generated so far; complete once both line sequences have been read to the end. */
  readonly stats: () => SampleStats
}

/** The sample options were not usable; the message names the option and the fix. */
export class SampleOptionsError extends Data.TaggedError("SampleOptionsError")<{
  readonly option: string
  readonly message: string
}> {}

const REJECTED_FIELD = {
  "duplicate-id": "mission_id",
  "unknown-priority": "priority",
  "invalid-format": "dispatched_at",
} as const satisfies Record<SampleRejectReason, SampleRejectedLine["field"]>

/** The most missions one sample may have: far beyond any benchmark, below where ids would overflow. */
const MAX_MISSIONS = 99_999_999

/**
 * Invented dispatch-centre exports for demos, tests and benchmarks: missions
 * with Region Skåne's rhythm and geography and realistic defects, and rescue
 * cases, as Swedish-named `;`-separated CSV with naive local times. Nothing
 * is held in memory beyond one day of cases.
 *
 * @example
 * const sample = yield* generateSample({ missions: 1000, seed: 7, from: "2025-01", to: "2025-12" })
 * const text = [...sample.missionLines].join("\n")
 */
export const generateSample = (options: SampleOptions): Effect.Effect<Sample, SampleOptionsError> =>
  Effect.suspend(() => {
    const checked = checkOptions(options)
    return checked instanceof SampleOptionsError ? Effect.fail(checked) : Effect.succeed(makeSample(checked))
  })

interface CheckedOptions {
  readonly missions: number
  readonly seed: number
  readonly from: MonthIndex
  readonly to: MonthIndex
  readonly geography: Geography
  readonly defects: boolean
}

const checkOptions = (options: SampleOptions): CheckedOptions | SampleOptionsError => {
  const { missions, seed } = options
  if (!Number.isInteger(missions) || missions < 1 || missions > MAX_MISSIONS) {
    return new SampleOptionsError({
      option: "missions",
      message: `missions must be a whole number from 1 to ${MAX_MISSIONS}, not ${missions}`,
    })
  }
  if (!Number.isSafeInteger(seed)) {
    return new SampleOptionsError({ option: "seed", message: `seed must be a whole number, not ${seed}` })
  }

  const from = parseMonth(options.from)
  const to = parseMonth(options.to)
  if (from === undefined || to === undefined) {
    const [option, value] = from === undefined ? ["from", options.from] : ["to", options.to]
    return new SampleOptionsError({
      option,
      message: `${option} must be a month written YYYY-MM, not "${value}"`,
    })
  }
  if (to < from) {
    return new SampleOptionsError({
      option: "to",
      message: `the last month ${formatMonth(to)} comes before the first month ${formatMonth(from)}; swap them`,
    })
  }

  const geography = options.geography ?? skaneGeography
  if (!isValidTimeZone(geography.timeZone) || geography.stations.length === 0) {
    return new SampleOptionsError({
      option: "geography",
      message: "the geography needs a known time zone and at least one station; check it with parseGeography",
    })
  }
  return { missions, seed, from, to, geography, defects: options.defects ?? true }
}

const makeSample = (options: CheckedOptions): Sample => {
  const region = sampleRegion(options.geography)
  const zone = timeZone(options.geography.timeZone)
  const rejections = planRejections(options.missions, options.defects, options.seed)
  const rejectedLines = [...rejections]
    .map(([row, reason]): SampleRejectedLine => ({ line: row + 2, reason, field: REJECTED_FIELD[reason] }))
    .sort((a, b) => a.line - b.line)
  let missionCounters = emptyMissionCounters()
  let rescueCounters = emptyRescueCounters()

  const missionInput = { ...options, region, zone, rejections }
  const rescueInput = { ...options, region, zone, rescueCases: rescueCaseCount(options.missions) }

  return {
    missionLines: {
      [Symbol.iterator]: () => {
        missionCounters = emptyMissionCounters()
        return missionLines(missionInput, missionCounters)
      },
    },
    rescueCaseLines: {
      [Symbol.iterator]: () => {
        rescueCounters = emptyRescueCounters()
        return rescueLines(rescueInput, rescueCounters)
      },
    },
    rejectedLines,
    stats: () => snapshot(missionCounters, rescueCounters, rejectedLines),
  }
}

const snapshot = (
  missions: MissionCounters,
  rescue: RescueCounters,
  rejectedLines: ReadonlyArray<SampleRejectedLine>,
): SampleStats => {
  const rejected: Record<SampleRejectReason, number> = {
    "duplicate-id": 0,
    "unknown-priority": 0,
    "invalid-format": 0,
  }
  for (const { reason } of rejectedLines) rejected[reason] += 1

  return structuredClone({
    ...missions,
    casesByPriority: [
      missions.casesByPriority[0],
      missions.casesByPriority[1],
      missions.casesByPriority[2],
    ] as const,
    ...rescue,
    rejected,
    rejectedLines,
  })
}
