/** SQL that loads a geography (ambu's `Geography` shape) into three small DuckDB tables. */
import { valuesTable } from "./sql-text.mjs"

/** Station names match case-insensitively after trimming and folding inner white space. */
const stationKey = (name) => name.trim().replace(/\s+/g, " ").toLowerCase()

/** SQL creating `geo_district(id, name)`, `geo_muni(code, name, district)`, `geo_station(key, name, district)`. */
export const geographySql = (geography) => {
  const districts = geography.districts.map((d) => [d.id, d.name])
  const municipalities = geography.municipalities.map((m) => [m.code, m.name, m.district])
  const stations = geography.stations.map((s) => [stationKey(s.name), s.name, s.district])

  return `
CREATE OR REPLACE TABLE geo_district AS SELECT * FROM ${valuesTable(districts, ["id", "name"])};
CREATE OR REPLACE TABLE geo_muni AS SELECT * FROM ${valuesTable(municipalities, ["code", "name", "district"])};
CREATE OR REPLACE TABLE geo_station AS SELECT * FROM ${valuesTable(stations, ["key", "name", "district"])};
`
}
