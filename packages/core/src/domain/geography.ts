/**
 * The region a report is about: its ambulance districts, its municipalities
 * (callers) and its stations (where resources are based). The bundled default
 * is Region Skåne; `--geography FILE` replaces it with the same shape.
 */
export interface District {
  readonly id: string
  readonly name: string
}

export interface Municipality {
  readonly code: string
  readonly name: string
  /** Id of the ambulance district the municipality belongs to. */
  readonly district: string
  /** True where the district membership is an assumption, not evidenced. */
  readonly assumed?: boolean
}

export interface Station {
  readonly name: string
  readonly district: string
  /** Code of the municipality the station lies in. */
  readonly municipality: string
  readonly lat?: number
  readonly lon?: number
  /** True where the station's existence or position is an assumption. */
  readonly assumed?: boolean
}

/** A GeoJSON feature collection of municipality boundaries, `properties.code` naming the municipality. */
export interface Boundaries {
  readonly type: "FeatureCollection"
  readonly features: ReadonlyArray<{
    readonly type: "Feature"
    readonly properties: { readonly code: string; readonly name?: string }
    readonly geometry: { readonly type: string; readonly coordinates: unknown }
  }>
}

export interface Geography {
  readonly region: string
  readonly timeZone: string
  readonly districts: ReadonlyArray<District>
  readonly municipalities: ReadonlyArray<Municipality>
  readonly stations: ReadonlyArray<Station>
  readonly boundaries?: Boundaries
}

/**
 * A geography with its look-ups built once. Indices are positions in the
 * geography's own arrays, so metrics can group by small integers.
 */
export interface ResolvedGeography {
  readonly geography: Geography
  /** District index of each municipality, in `geography.municipalities` order. */
  readonly municipalityDistrict: Int32Array
  /** District index of each station, in `geography.stations` order. */
  readonly stationDistrict: Int32Array
  readonly districtIndexById: ReadonlyMap<string, number>
  readonly municipalityIndexByCode: ReadonlyMap<string, number>
  /** Keyed by the normalised station name (see `stationKey`). */
  readonly stationIndexByKey: ReadonlyMap<string, number>
}

/**
 * Station names match case-insensitively after Unicode normalisation (an ö
 * typed as o and a combining diaeresis is Malmö too), trimming and folding
 * inner white space.
 */
export const stationKey = (name: string): string =>
  name.normalize("NFC").trim().replace(/\s+/g, " ").toLocaleLowerCase("sv")

export const resolveGeography = (geography: Geography): ResolvedGeography => {
  const districtIndexById = new Map(geography.districts.map((d, i) => [d.id, i] as const))
  const municipalityIndexByCode = new Map(geography.municipalities.map((m, i) => [m.code, i] as const))
  const stationIndexByKey = new Map(geography.stations.map((s, i) => [stationKey(s.name), i] as const))

  const municipalityDistrict = Int32Array.from(
    geography.municipalities,
    (m) => districtIndexById.get(m.district) ?? -1,
  )
  const stationDistrict = Int32Array.from(geography.stations, (s) => districtIndexById.get(s.district) ?? -1)

  return {
    geography,
    municipalityDistrict,
    stationDistrict,
    districtIndexById,
    municipalityIndexByCode,
    stationIndexByKey,
  }
}
