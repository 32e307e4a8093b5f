import { readFileSync } from "node:fs"
import type { Boundaries, Geography, Municipality, Station } from "../domain/geography.js"
import { bundledDataPath } from "./bundled-data.js"
import { boundariesSchema } from "./geography-schema.js"
import {
  SKANE_DISTRICTS,
  SKANE_MUNICIPALITIES,
  SKANE_REGION_NAME,
  SKANE_STATIONS,
  SKANE_TIME_ZONE,
} from "./skane-reference.js"

/** The file name of the bundled municipality boundaries in `data/`. */
export const SKANE_BOUNDARIES_FILE = "skane-municipalities.geojson"

let boundaries: Boundaries | undefined

/**
 * The municipality boundaries of Skåne (SCB, CC0), read from the bundled
 * GeoJSON on first use and kept. Throws if the package's `data/` folder is
 * missing, which only a broken installation causes.
 */
export const skaneBoundaries = (): Boundaries => {
  if (boundaries === undefined) {
    const text = readFileSync(bundledDataPath(SKANE_BOUNDARIES_FILE), "utf8")
    boundaries = boundariesSchema.parse(JSON.parse(text))
  }
  return boundaries
}

const municipalities: ReadonlyArray<Municipality> = SKANE_MUNICIPALITIES.map((m) => ({
  code: m.code,
  name: m.name,
  district: m.district,
  ...(m.assumed === true ? { assumed: true } : {}),
}))

const districtOfMunicipality = new Map(SKANE_MUNICIPALITIES.map((m) => [m.code, m.district] as const))

const stations: ReadonlyArray<Station> = SKANE_STATIONS.map((s) => ({
  name: s.name,
  district: districtOfMunicipality.get(s.municipality)!,
  municipality: s.municipality,
  lat: s.lat,
  lon: s.lon,
  ...(s.evidence === "evidenced" ? {} : { assumed: true }),
}))

/**
 * Region Skåne, the bundled default geography: 4 ambulance districts, 33
 * municipalities and 28 station localities. What is assumed rather than
 * evidenced carries `assumed: true`; see `assumedValues` and `data/REFERENCE.md`.
 * The boundaries are read from the bundled GeoJSON when first accessed.
 */
export const skaneGeography: Geography = {
  region: SKANE_REGION_NAME,
  timeZone: SKANE_TIME_ZONE,
  districts: SKANE_DISTRICTS,
  municipalities,
  stations,
  get boundaries(): Boundaries {
    return skaneBoundaries()
  },
}
