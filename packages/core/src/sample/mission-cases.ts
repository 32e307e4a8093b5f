/**
 * One invented dispatch case at a time: who called from where, which
 * resources went, and when each step happened. Rows and defects are the
 * business of `mission-lines.ts`; this module only models the events.
 */
import type { Priority } from "../domain/priority.js"
import { haversineKm } from "../geography/distance.js"
import { MS_PER_DAY } from "../time/civil.js"
import type { LocalClock } from "./local-clock.js"
import type { Random } from "./random.js"
import { SAMPLE_RATES } from "./sample-config.js"
import { planarKm, type SamplePlace, type SampleRegion, type SampleStation } from "./sample-region.js"

/** Who served a mission, seen from the caller. */
export type Served = "own" | "borderless" | "external" | "outside"

export interface MissionDraft {
  readonly station: SampleStation
  readonly unit: number
  readonly served: Served
  /** Instants in `TIME_FIELDS` order, whole seconds in milliseconds. A plain array: typed arrays are slow to allocate by the million. */
  readonly times: ReadonlyArray<number>
}

export interface CaseDraft {
  readonly callAt: number
  readonly priority: Priority
  readonly initialPriority: Priority
  readonly municipalityCode: string
  readonly outside: boolean
  readonly missions: ReadonlyArray<MissionDraft>
}

const SECOND = 1000

/** Units per station: resource ids run `AMB <prefix>1` … `AMB <prefix>6`. */
const UNITS_PER_STATION = 6

/** About 5 km, in the degrees of the flat projection `distances` uses. */
const NEXT_STATION_SLACK_DEGREES = 5 / 111.195

/** Minutes per km of straight-line distance when driving, by priority (blue lights for prio 1). */
const PACE_MIN_PER_KM: Readonly<Record<Priority, number>> = { 1: 1.2, 2: 1.35, 3: 1.5 }

/** Median and log-scale spread of the intervals that do not depend on distance, in seconds. */
const ANSWER_TO_DISPATCH: Readonly<Record<Priority, readonly [number, number]>> = {
  1: [100, 0.35],
  2: [270, 0.6],
  3: [720, 0.8],
}
const DISPATCH_TO_EN_ROUTE: Readonly<Record<Priority, readonly [number, number]>> = {
  1: [62, 0.38],
  2: [110, 0.5],
  3: [170, 0.6],
}
const ON_SCENE: Readonly<Record<Priority, readonly [number, number]>> = {
  1: [21 * 60, 0.35],
  2: [18 * 60, 0.35],
  3: [15 * 60, 0.4],
}
const TRANSPORT: readonly [number, number] = [16 * 60, 0.45]
const HAND_OVER: readonly [number, number] = [14 * 60, 0.4]

/** Makes the cases of one region, drawing from one random sequence. */
export class CaseMaker {
  private readonly distances: Float64Array
  private readonly regionalStations: ReadonlyArray<number>
  /** Per district, the stations of all other districts. */
  private readonly otherDistrictStations: ReadonlyArray<ReadonlyArray<number>>

  constructor(
    private readonly region: SampleRegion,
    private readonly clock: LocalClock,
    private readonly random: Random,
  ) {
    this.distances = new Float64Array(region.stations.length)
    this.regionalStations = region.stations.map((_, i) => i)
    this.otherDistrictStations = region.stationsByDistrict.map((_, d) =>
      this.regionalStations.filter((i) => region.stations[i]!.districtIndex !== d),
    )
  }

  /** A case whose call comes in on `day` (days since 1970-01-01, local) with at most `maxMissions` missions. */
  makeCase(day: number, hourWeights: Float64Array, maxMissions: number): CaseDraft {
    const random = this.random
    const priority = this.priority()
    const outside = this.region.outsidePlaces.length > 0 && random.chance(SAMPLE_RATES.outOfRegionCase)
    const placeIndex = random.weighted(outside ? this.region.outsideWeights : this.region.municipalityWeights)
    const place = (outside ? this.region.outsidePlaces : this.region.municipalities)[placeIndex]!
    const [lat, lon] = this.callerPoint(place)
    this.measureDistances(lat, lon)

    const callAt = this.callInstant(day, hourWeights)
    const firstDispatch = callAt + this.seconds(ANSWER_TO_DISPATCH[priority], 20)
    const count = Math.min(maxMissions, this.resourceCount(priority))

    const missions: Array<MissionDraft> = []
    let dispatchAt = firstDispatch
    for (let k = 0; k < count; k++) {
      const station = k === 0 ? this.firstStation(place, placeIndex, outside) : this.supportStation()
      missions.push(this.mission(station, place, outside, priority, callAt, dispatchAt, lat, lon))
      dispatchAt += Math.round(random.between(60, 300)) * SECOND
    }

    return {
      callAt,
      priority,
      initialPriority: random.chance(SAMPLE_RATES.reprioritisedCase)
        ? this.otherPriority(priority)
        : priority,
      municipalityCode: place.code,
      outside,
      missions,
    }
  }

  private priority(): Priority {
    const [p1, p2] = SAMPLE_RATES.priorityShares
    const u = this.random.next()
    return u < p1 ? 1 : u < p1 + p2 ? 2 : 3
  }

  private otherPriority(priority: Priority): Priority {
    if (priority === 2) return this.random.chance(0.5) ? 1 : 3
    return 2
  }

  private resourceCount(priority: Priority): number {
    if (priority !== 1 || !this.random.chance(SAMPLE_RATES.multiResourcePrio1Case)) return 1
    return this.random.chance(SAMPLE_RATES.threeResources) ? 3 : 2
  }

  /** Most callers live in the main town; the rest spread over the municipality. */
  private callerPoint(place: SamplePlace): [number, number] {
    const inTown = this.random.chance(place.townShare)
    const spread = inTown ? place.townSpreadKm : place.spreadKm
    const lat = (inTown ? place.townLat : place.lat) + (spread * this.random.normal()) / 111.195
    const lonScale = 111.195 * Math.cos((lat * Math.PI) / 180)
    const lon = (inTown ? place.townLon : place.lon) + (spread * this.random.normal()) / lonScale
    return [lat, lon]
  }

  /** Squared distances on a local flat projection: enough to rank stations, and cheap. */
  private measureDistances(lat: number, lon: number): void {
    const stations = this.region.stations
    const cosLat = Math.cos((lat * Math.PI) / 180)
    for (let i = 0; i < stations.length; i++) {
      const dLat = stations[i]!.lat - lat
      const dLon = (stations[i]!.lon - lon) * cosLat
      this.distances[i] = dLat * dLat + dLon * dLon
    }
  }

  /** A whole-second instant on `day` at an hour drawn from the day's rhythm, in local time. */
  private callInstant(day: number, hourWeights: Float64Array): number {
    const hour = this.random.weighted(hourWeights)
    const wall = day * MS_PER_DAY + hour * 3_600_000 + this.random.int(3600) * SECOND
    const resolution = this.clock.resolveLocal(wall)
    if (resolution.kind === "ok") return resolution.instant
    if (resolution.kind === "ambiguous") return this.random.chance(0.5) ? resolution.first : resolution.second

    // The spring hour does not exist; the call comes an hour later on the clock.
    const later = this.clock.resolveLocal(wall + 3_600_000)
    return later.kind === "ok" ? later.instant : wall
  }

  private firstStation(place: SamplePlace, placeIndex: number, outside: boolean): SampleStation {
    const random = this.random
    const region = this.region
    if (outside) return region.stations[this.nearest(this.regionalStations, random.chance(0.3) ? 1 : 0)]!

    const external = SAMPLE_RATES.externalResource * region.externalAffinity[placeIndex]!
    if (region.externalStations.length > 0 && random.chance(external)) return this.nearestExternal(place)

    const own = region.stationsByDistrict[place.districtIndex] ?? []
    const others = this.otherDistrictStations[place.districtIndex] ?? this.regionalStations
    const borderless = SAMPLE_RATES.borderlessResource * region.borderlessAffinity[placeIndex]!
    if (own.length === 0 || (others.length > 0 && random.chance(borderless))) {
      return region.stations[this.nearest(others.length > 0 ? others : this.regionalStations, 0)]!
    }
    const nearest = this.nearest(own, 0)
    if (own.length === 1 || !random.chance(SAMPLE_RATES.secondNearestStation))
      return region.stations[nearest]!

    // When the nearest unit is busy, help comes from the next station only if
    // it is not much farther; otherwise another unit of the same station goes.
    const next = this.nearest(own, 1)
    const reach = Math.sqrt(this.distances[nearest]!) * 1.6 + NEXT_STATION_SLACK_DEGREES
    return region.stations[Math.sqrt(this.distances[next]!) <= reach ? next : nearest]!
  }

  /** A further resource on a big prio-1 case: one of the three nearest stations, any district. */
  private supportStation(): SampleStation {
    const rank = this.random.int(Math.min(3, this.regionalStations.length))
    return this.region.stations[this.nearest(this.regionalStations, rank)]!
  }

  private nearestExternal(place: SamplePlace): SampleStation {
    let best = this.region.externalStations[0]!
    for (const station of this.region.externalStations) {
      if (
        planarKm(place.lat, place.lon, station.lat, station.lon) <
        planarKm(place.lat, place.lon, best.lat, best.lon)
      )
        best = station
    }
    return best
  }

  /**
   * The station of `candidates` that is `rank`-th nearest (0 = nearest) to
   * the current caller, or the farthest if there are fewer. Ranks are small,
   * so repeated minimum search beats sorting.
   */
  private nearest(candidates: ReadonlyArray<number>, rank: number): number {
    let previous = -1
    let previousDistance = -1
    for (let r = 0; r <= Math.min(rank, candidates.length - 1); r++) {
      let best = -1
      let bestDistance = Number.POSITIVE_INFINITY
      for (const i of candidates) {
        const d = this.distances[i]!
        const after = d > previousDistance || (d === previousDistance && i > previous)
        if (after && (d < bestDistance || (d === bestDistance && i < best))) {
          best = i
          bestDistance = d
        }
      }
      previous = best
      previousDistance = bestDistance
    }
    return previous
  }

  private mission(
    station: SampleStation,
    place: SamplePlace,
    outside: boolean,
    priority: Priority,
    callAt: number,
    dispatchAt: number,
    lat: number,
    lon: number,
  ): MissionDraft {
    const enRoute = dispatchAt + this.seconds(DISPATCH_TO_EN_ROUTE[priority], 10)
    const km = haversineKm(station.lat, station.lon, lat, lon)
    const drive =
      Math.round((150 + km * PACE_MIN_PER_KM[priority] * 60) * this.random.logNormal(1, 0.22)) * SECOND
    const arrived = enRoute + drive
    const left = arrived + this.seconds(ON_SCENE[priority], 120)
    const destination = left + this.seconds(TRANSPORT, 180)
    const cleared = destination + this.seconds(HAND_OVER, 120)

    return {
      station,
      unit: 1 + this.random.int(UNITS_PER_STATION),
      served: servedBy(station, place, outside),
      times: [callAt, dispatchAt, enRoute, arrived, left, destination, cleared],
    }
  }

  /** A log-normal duration in whole seconds, at least `minimum`, as milliseconds. */
  private seconds([median, sigma]: readonly [number, number], minimum: number): number {
    return Math.max(minimum, Math.round(this.random.logNormal(median, sigma))) * SECOND
  }
}

const servedBy = (station: SampleStation, place: SamplePlace, outside: boolean): Served => {
  if (outside) return "outside"
  if (station.districtIndex < 0) return "external"
  return station.districtIndex === place.districtIndex ? "own" : "borderless"
}
