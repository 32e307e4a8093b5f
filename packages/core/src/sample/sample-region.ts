/**
 * What the generator needs to know about a region beyond its geography:
 * where callers and stations are, how many people live where, and which
 * resources of neighbouring regions might help. For Skåne the bundled facts
 * supply it; for another geography it is estimated (see `sampleRegion`).
 */
import type { Boundaries, Geography } from "../domain/geography.js"
import { SKANE_MUNICIPALITIES } from "../geography/skane-reference.js"
import { cumulativeWeights } from "./random.js"

export interface SamplePlace {
  readonly code: string
  readonly lat: number
  readonly lon: number
  /** Where most callers live: the town of a station in the municipality, else the centroid. */
  readonly townLat: number
  readonly townLon: number
  /** Share of callers who live in the main town; larger towns hold more of their municipality. */
  readonly townShare: number
  /** Spread of town callers around the town centre, in km; larger towns are wider. */
  readonly townSpreadKm: number
  /** Spread of the other callers around the centroid, in km. */
  readonly spreadKm: number
  readonly districtIndex: number
}

export interface SampleStation {
  readonly name: string
  readonly lat: number
  readonly lon: number
  /** -1 for a resource of another region. */
  readonly districtIndex: number
  /** The leading digits of its units' ids, e.g. `102` for units `AMB 1021`–`AMB 1026`. */
  readonly unitPrefix: string
}

export interface SampleRegion {
  readonly municipalities: ReadonlyArray<SamplePlace>
  /** Cumulative population weights over `municipalities`. */
  readonly municipalityWeights: Float64Array
  readonly stations: ReadonlyArray<SampleStation>
  /** Station indices of each district. */
  readonly stationsByDistrict: ReadonlyArray<ReadonlyArray<number>>
  /** Callers from municipalities of neighbouring regions. */
  readonly outsidePlaces: ReadonlyArray<SamplePlace>
  readonly outsideWeights: Float64Array
  /** Resources of neighbouring regions. */
  readonly externalStations: ReadonlyArray<SampleStation>
  /** Per municipality, how much more likely than average its missions get an external resource. */
  readonly externalAffinity: Float64Array
  /** Per municipality, how much more likely than average its missions go to another district's station. */
  readonly borderlessAffinity: Float64Array
}

interface OutsideFacts {
  readonly code: string
  readonly town: string
  readonly lat: number
  readonly lon: number
  /** Relative share of out-of-region calls: border towns call over more often. */
  readonly weight: number
  readonly hasStation: boolean
}

/**
 * Municipalities next to Skåne, at approximate town-centre positions. They
 * only serve the invented sample data, so a kilometre off does not matter.
 */
const NEIGHBOURS: ReadonlyArray<OutsideFacts> = [
  { code: "1380", town: "Halmstad", lat: 56.674, lon: 12.857, weight: 3, hasStation: true },
  { code: "0767", town: "Markaryd", lat: 56.461, lon: 13.597, weight: 2, hasStation: false },
  { code: "0765", town: "Älmhult", lat: 56.551, lon: 14.137, weight: 2, hasStation: false },
  { code: "0780", town: "Växjö", lat: 56.879, lon: 14.806, weight: 1, hasStation: true },
  { code: "1060", town: "Olofström", lat: 56.277, lon: 14.533, weight: 2, hasStation: true },
  { code: "1083", town: "Sölvesborg", lat: 56.05, lon: 14.575, weight: 3, hasStation: false },
]

/** Population used for a municipality the bundled facts do not know: all such weigh the same. */
const DEFAULT_POPULATION = 20_000

const DEFAULT_AREA_KM2 = 400

const KM_PER_DEGREE = 111.195

/** Builds the generator's view of a geography. */
export const sampleRegion = (geography: Geography): SampleRegion => {
  const districtIndex = new Map(geography.districts.map((d, i) => [d.id, i] as const))
  const facts = new Map(SKANE_MUNICIPALITIES.map((m) => [m.code, m] as const))
  const areas = boundaryAreas(geography.boundaries)
  const centres = municipalityCentres(geography, facts)

  const stations = geography.stations.map((s, i): SampleStation => {
    const centre = centres.get(s.municipality) ?? regionCentre(centres)
    const district = districtIndex.get(s.district) ?? -1
    return {
      name: s.name,
      lat: s.lat ?? centre.lat,
      lon: s.lon ?? centre.lon,
      districtIndex: district,
      unitPrefix: `${district + 1}${String(i % 100).padStart(2, "0")}`,
    }
  })

  const populations = geography.municipalities.map((m) => facts.get(m.code)?.population ?? DEFAULT_POPULATION)
  const municipalities = geography.municipalities.map((m, i): SamplePlace => {
    const centre = centres.get(m.code) ?? regionCentre(centres)
    const town = geography.stations.findIndex((s) => s.municipality === m.code)
    const area = areas.get(m.code) ?? DEFAULT_AREA_KM2
    return {
      code: m.code,
      ...centre,
      townLat: town < 0 ? centre.lat : stations[town]!.lat,
      townLon: town < 0 ? centre.lon : stations[town]!.lon,
      ...settlement(populations[i]!),
      spreadKm: 0.35 * Math.sqrt(area),
      districtIndex: districtIndex.get(m.district) ?? -1,
    }
  })

  const knownCodes = new Set(geography.municipalities.map((m) => m.code))
  const knownStations = new Set(geography.stations.map((s) => s.name.toLocaleLowerCase("sv")))
  const neighbours = NEIGHBOURS.filter((n) => !knownCodes.has(n.code))
  const outsidePlaces = neighbours.map(
    (n): SamplePlace => ({
      ...n,
      townLat: n.lat,
      townLon: n.lon,
      townShare: 0.5,
      townSpreadKm: 3,
      spreadKm: 8,
      districtIndex: -1,
    }),
  )
  const externalStations = NEIGHBOURS.filter(
    (n) => n.hasStation && !knownStations.has(n.town.toLocaleLowerCase("sv")),
  ).map(
    (n, i): SampleStation => ({
      name: n.town,
      lat: n.lat,
      lon: n.lon,
      districtIndex: -1,
      unitPrefix: `9${i}`,
    }),
  )

  return {
    municipalities,
    municipalityWeights: cumulativeWeights(populations),
    stations,
    stationsByDistrict: geography.districts.map((_, d) =>
      stations.flatMap((s, i) => (s.districtIndex === d ? [i] : [])),
    ),
    outsidePlaces,
    outsideWeights: cumulativeWeights(neighbours.map((n) => n.weight)),
    externalStations,
    externalAffinity: normalise(
      municipalities.map((m) => Math.max(0, 60 - nearestKm(m, externalStations))),
      populations,
    ),
    borderlessAffinity: normalise(
      municipalities.map((m) => {
        const own = stations.filter((s) => s.districtIndex === m.districtIndex)
        const others = stations.filter((s) => s.districtIndex !== m.districtIndex)
        const town = { ...m, lat: m.townLat, lon: m.townLon }
        return Math.exp(-(nearestKm(town, others) - nearestKm(town, own)) / BORDER_SCALE_KM)
      }),
      populations,
    ),
  }
}

/**
 * How a municipality's callers are settled: a city of 150 000 or more holds
 * 95 % of its callers within a few km of its centre; a small
 * municipality about half, the rest spread over the countryside.
 */
const settlement = (population: number): { townShare: number; townSpreadKm: number } => ({
  townShare: 0.45 + 0.5 * Math.min(1, population / 150_000),
  townSpreadKm: 0.8 + Math.sqrt(population) / 450,
})

/** How fast borderless dispatch fades with the extra distance to another district's nearest station. */
const BORDER_SCALE_KM = 8

const nearestKm = (place: SamplePlace, stations: ReadonlyArray<SampleStation>): number =>
  stations.reduce(
    (best, s) => Math.min(best, planarKm(place.lat, place.lon, s.lat, s.lon)),
    Number.POSITIVE_INFINITY,
  )

/**
 * Scales per-municipality tendencies to a population-weighted mean of 1, so
 * that a rate multiplied by them keeps its overall value while border
 * municipalities get more of it: external resources help within 60 km of
 * their station, and borderless dispatch is likelier where another
 * district's station is hardly farther than the own one.
 */
const normalise = (raw: ReadonlyArray<number>, populations: ReadonlyArray<number>): Float64Array => {
  const affinity = Float64Array.from(raw, (a) => (Number.isFinite(a) ? a : 0))
  const population = populations.reduce((sum, p) => sum + p, 0)
  const mean = affinity.reduce((sum, a, i) => sum + a * populations[i]!, 0) / Math.max(1, population)
  return mean > 0 ? affinity.map((a) => a / mean) : affinity.fill(1)
}

const municipalityCentres = (
  geography: Geography,
  facts: ReadonlyMap<string, { readonly lat: number; readonly lon: number }>,
): ReadonlyMap<string, { readonly lat: number; readonly lon: number }> => {
  const centres = new Map<string, { lat: number; lon: number }>()
  const boundaryCentres = boundaryRingCentres(geography.boundaries)

  for (const m of geography.municipalities) {
    const known = facts.get(m.code) ?? boundaryCentres.get(m.code) ?? stationCentre(geography, m.code)
    if (known !== undefined) centres.set(m.code, { lat: known.lat, lon: known.lon })
  }
  return centres
}

const stationCentre = (geography: Geography, code: string): { lat: number; lon: number } | undefined => {
  const placed = geography.stations.filter(
    (s) => s.municipality === code && s.lat !== undefined && s.lon !== undefined,
  )
  if (placed.length === 0) return undefined
  return {
    lat: placed.reduce((sum, s) => sum + s.lat!, 0) / placed.length,
    lon: placed.reduce((sum, s) => sum + s.lon!, 0) / placed.length,
  }
}

const regionCentre = (
  centres: ReadonlyMap<string, { readonly lat: number; readonly lon: number }>,
): { lat: number; lon: number } => {
  const all = [...centres.values()]
  if (all.length === 0) return { lat: 0, lon: 0 }
  return {
    lat: all.reduce((sum, c) => sum + c.lat, 0) / all.length,
    lon: all.reduce((sum, c) => sum + c.lon, 0) / all.length,
  }
}

/** The outer rings of a polygon or multipolygon geometry, as [lon, lat] pairs. */
const outerRings = (geometry: { readonly type: string; readonly coordinates: unknown }): number[][][] => {
  if (geometry.type === "Polygon") return [(geometry.coordinates as number[][][])[0] ?? []]
  if (geometry.type === "MultiPolygon") return (geometry.coordinates as number[][][][]).map((p) => p[0] ?? [])
  return []
}

/** The mean vertex of each municipality's outer rings: rough, but inside for compact shapes. */
const boundaryRingCentres = (
  boundaries: Boundaries | undefined,
): ReadonlyMap<string, { lat: number; lon: number }> => {
  const centres = new Map<string, { lat: number; lon: number }>()
  for (const feature of boundaries?.features ?? []) {
    const points = outerRings(feature.geometry).flat()
    if (points.length === 0) continue
    centres.set(feature.properties.code, {
      lat: points.reduce((sum, p) => sum + p[1]!, 0) / points.length,
      lon: points.reduce((sum, p) => sum + p[0]!, 0) / points.length,
    })
  }
  return centres
}

/** Area in km² of each municipality's outer rings (shoelace on a local flat projection). */
const boundaryAreas = (boundaries: Boundaries | undefined): ReadonlyMap<string, number> => {
  const areas = new Map<string, number>()
  for (const feature of boundaries?.features ?? []) {
    let area = 0
    for (const ring of outerRings(feature.geometry)) {
      const cosLat = Math.cos(((ring[0]?.[1] ?? 0) * Math.PI) / 180)
      let twice = 0
      for (let i = 0; i + 1 < ring.length; i++) {
        twice += ring[i]![0]! * ring[i + 1]![1]! - ring[i + 1]![0]! * ring[i]![1]!
      }
      area += (Math.abs(twice) / 2) * KM_PER_DEGREE * KM_PER_DEGREE * cosLat
    }
    areas.set(feature.properties.code, area)
  }
  return areas
}

/** Distance in km on a local flat projection: enough to rank stations by closeness. */
export const planarKm = (lat1: number, lon1: number, lat2: number, lon2: number): number => {
  const dx = (lon2 - lon1) * Math.cos(((lat1 + lat2) * Math.PI) / 360)
  return KM_PER_DEGREE * Math.hypot(lat2 - lat1, dx)
}
