/**
 * The lines of `rescue_cases.csv`: rescue-service cases over the same
 * period, about a quarter as many as the prio-1 care cases, by population.
 */
import { MS_PER_DAY } from "../time/civil.js"
import type { MonthIndex } from "../time/month.js"
import type { TimeZone } from "../time/zone.js"
import { LocalClock } from "./local-clock.js"
import { STREAMS } from "./mission-lines.js"
import { Random } from "./random.js"
import { apportion, hourWeightsOf, planDays } from "./rhythm.js"
import { CSV_DELIMITER, SAMPLE_RATES, SAMPLE_RESCUE_CASE_COLUMNS } from "./sample-config.js"
import type { SampleRegion } from "./sample-region.js"
import type { RescueCounters, RescueKind } from "./sample-stats.js"

export interface RescueLinesInput {
  readonly rescueCases: number
  readonly seed: number
  readonly from: MonthIndex
  readonly to: MonthIndex
  readonly region: SampleRegion
  readonly zone: TimeZone
  readonly defects: boolean
}

type Indices = readonly [string, string, string]

/** Shares of the kinds of rescue cases among all rescue cases. */
const KIND_SHARES: ReadonlyArray<readonly [RescueKind, number]> = [
  ["cardiacArrest", 0.2],
  ["ivpa", 0.3],
  ["ambulanceAssistance", 0.28],
  ["other", 0.22],
]

const IVPA_THIRD = ["", "Medvetslös", "Andningsbesvär", "Bröstsmärta"]
const ASSISTANCE_SECOND = ["Bärhjälp", "Lyfthjälp", "Tillträde"]

/** Other cases, including first-aid alarms that are not cardiac arrests, so the matcher must look at index 3. */
const OTHER_INDICES: ReadonlyArray<Indices> = [
  ["Brand i byggnad", "Brand i bostad", ""],
  ["Brand ej i byggnad", "Skogsbrand", ""],
  ["Trafikolycka", "Personbil", ""],
  ["Sjukvårdslarm", "Första hjälpenlarm", "Drunkning"],
  ["Sjukvårdslarm", "Första hjälpenlarm", "Trauma"],
]

/** Cardiac-arrest index texts as a careless export writes them: other case, stray spaces. */
const CARDIAC_VARIANTS: ReadonlyArray<Indices> = [
  ["sjukvårdslarm", "första hjälpenlarm", "hjärtstopp"],
  [" Sjukvårdslarm", "Första hjälpenlarm ", " HJÄRTSTOPP "],
]

const VARIANT_SHARE = 0.02

/** The number of rescue cases that goes with `missions` care missions. */
export const rescueCaseCount = (missions: number): number => {
  const missionsPerCase = 1 + SAMPLE_RATES.priorityShares[0] * SAMPLE_RATES.multiResourcePrio1Case * 1.3
  const prio1RegionalCases =
    (missions / missionsPerCase) * SAMPLE_RATES.priorityShares[0] * (1 - SAMPLE_RATES.outOfRegionCase)
  return Math.round(SAMPLE_RATES.rescueCasesPerPrio1Case * prio1RegionalCases)
}

/** The header, then one line per rescue case in time order; `counters` fill up as lines are produced. */
export function* rescueLines(input: RescueLinesInput, counters: RescueCounters): Generator<string> {
  yield SAMPLE_RESCUE_CASE_COLUMNS.join(CSV_DELIMITER)

  const random = new Random(input.seed, STREAMS.rescueCases)
  const days = planDays(input.from, input.to, new Random(input.seed, STREAMS.rescueDays))
  const quotas = apportion(input.rescueCases, days.weights)
  const clock = new LocalClock(input.zone)
  const kindWeights = KIND_SHARES.map(([, share]) => share)
  let number = 0

  for (let i = 0; i < quotas.length; i++) {
    const day = days.firstDay + i
    const hourWeights = hourWeightsOf(day)
    const times = Array.from({ length: quotas[i]! }, () => createdAt(day, hourWeights, clock, random)).sort(
      (a, b) => a - b,
    )

    for (const time of times) {
      number += 1
      const outside =
        input.region.outsidePlaces.length > 0 && random.chance(SAMPLE_RATES.outOfRegionRescueCase)
      const places = outside ? input.region.outsidePlaces : input.region.municipalities
      const place =
        places[random.weighted(outside ? input.region.outsideWeights : input.region.municipalityWeights)]!
      const kind = KIND_SHARES[pickIndex(random, kindWeights)]![0]
      const indices = indicesOf(kind, random, input.defects, counters)
      const confirmed = random.chance(SAMPLE_RATES.rescueResourceConfirmed)

      counters.rescueCaseRows += 1
      counters.rescueCasesByKind[kind] += 1
      if (outside) counters.outOfRegionRescueCases += 1
      else if (confirmed) counters.confirmedRegionalRescueCasesByKind[kind] += 1

      yield [
        `R${String(number).padStart(7, "0")}`,
        place.code,
        clock.format(time),
        ...indices,
        confirmed ? "ja" : "nej",
      ].join(CSV_DELIMITER)
    }
  }
}

const indicesOf = (kind: RescueKind, random: Random, defects: boolean, counters: RescueCounters): Indices => {
  if (kind === "cardiacArrest") {
    if (defects && random.chance(VARIANT_SHARE)) {
      counters.rescueIndexVariants += 1
      return CARDIAC_VARIANTS[random.int(CARDIAC_VARIANTS.length)]!
    }
    return ["Sjukvårdslarm", "Första hjälpenlarm", "Hjärtstopp"]
  }
  if (kind === "ivpa") return ["Sjukvårdslarm", "IVPA", IVPA_THIRD[random.int(IVPA_THIRD.length)]!]
  if (kind === "ambulanceAssistance") {
    return ["Ambulansassistans", ASSISTANCE_SECOND[random.int(ASSISTANCE_SECOND.length)]!, ""]
  }
  return OTHER_INDICES[random.int(OTHER_INDICES.length)]!
}

const pickIndex = (random: Random, weights: ReadonlyArray<number>): number => {
  let u = random.next()
  for (let i = 0; i < weights.length - 1; i++) {
    u -= weights[i]!
    if (u < 0) return i
  }
  return weights.length - 1
}

/** A whole-second instant on the local `day`; the spring hour that does not exist moves an hour on. */
const createdAt = (day: number, hourWeights: Float64Array, clock: LocalClock, random: Random): number => {
  const wall = day * MS_PER_DAY + random.weighted(hourWeights) * 3_600_000 + random.int(3600) * 1000
  const resolution = clock.resolveLocal(wall)
  if (resolution.kind === "ok") return resolution.instant
  if (resolution.kind === "ambiguous") return random.chance(0.5) ? resolution.first : resolution.second
  return wall + 3_600_000 - clock.offsetAt(wall)
}
