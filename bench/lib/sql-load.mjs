/**
 * SQL that reads the two input files into typed DuckDB tables, applying the
 * data contract's rejection rules, written from the contract alone:
 *
 * - `m_rows`: every mission row the CSV parser produced, in file order
 *   (`rowid`), with its first rejection reason (NULL when valid) and its
 *   timestamps resolved to epoch milliseconds;
 * - `missions`: the accepted missions (a repeated `mission_id` keeps its first
 *   valid row), joined to the geography;
 * - `cases`: one row per case, from its accepted missions;
 * - `r_rows` / `rescue`: the same for rescue cases.
 *
 * Expects the macros of `sql-zone.mjs` and the geography tables of
 * `sql-geography.mjs`.
 */
import { MISSION_FIELDS, RESCUE_FIELDS, readCsvHeader } from "./csv-header.mjs"
import { ident, lit } from "./sql-text.mjs"

const TIME_FIELDS = [
  "call_answered_at",
  "dispatched_at",
  "en_route_at",
  "arrived_scene_at",
  "left_scene_at",
  "arrived_destination_at",
  "cleared_at",
]

const readCsv = (path, delimiter) =>
  `read_csv(${lit(path)}, delim = ${lit(delimiter)}, header = true, all_varchar = true, ` +
  `quote = '"', escape = '"', store_rejects = true)`

/** A value without surrounding spaces; `trim` only runs where one is there, because it is slow. */
const trimmed = (column) =>
  `CASE WHEN ${column} LIKE ' %' OR ${column} LIKE '% ' THEN trim(${column}) ELSE ${column} END`

const cleanColumns = (columns) =>
  Object.entries(columns)
    .map(([field, column]) =>
      column === null ? `NULL::VARCHAR AS ${field}` : `nullif(${trimmed(ident(column))}, '') AS ${field}`,
    )
    .join(",\n    ")

/** Rejection reason of a timestamp field, in the order the fields are read. */
const timeReason = (field, index, required) => {
  const k = index + 1
  return [
    required ? `WHEN s${k} IS NULL THEN 'missing-required:${field}'` : null,
    `WHEN s${k} IS NOT NULL AND n${k} IS NULL AND o${k} IS NULL THEN 'invalid-format:${field}'`,
    `WHEN z_gap(e${k}, y${k}) THEN 'nonexistent-local-time:${field}'`,
  ].filter((line) => line !== null)
}

/**
 * The autumn rule: an ambiguous field takes its first occurrence unless that
 * lies before the previous present timestamp of the row while the second
 * does not. One query layer per field (`r` resolved, `p` previous present),
 * because an alias chain in one select list would be expanded inline and
 * grow exponentially.
 */
const resolutionLayers = () =>
  TIME_FIELDS.slice(1)
    .map((_, index) => {
      const k = index + 2
      const previous = k === 2 ? "l1" : `q${k - 1}`
      const rule = `a${k} IS NOT NULL AND f${k} < p${k - 1} AND a${k} >= p${k - 1}`
      return `, l${k} AS (
  SELECT *, CASE WHEN ${rule} THEN a${k} ELSE f${k} END AS r${k} FROM ${previous}
), q${k} AS (SELECT * EXCLUDE (p${k - 1}), coalesce(r${k}, p${k - 1}) AS p${k} FROM l${k})`
    })
    .join("")

/** SQL creating `m_rows` from a missions CSV file. */
export const loadMissionRowsSql = (path) => {
  const { delimiter, columns } = readCsvHeader(path, MISSION_FIELDS)
  const each = (template) => TIME_FIELDS.map((_, i) => template(i + 1)).join(",\n    ")
  const last = TIME_FIELDS.length

  return `
CREATE OR REPLACE TABLE m_rows AS
WITH src AS (
  SELECT
    ${cleanColumns(columns)}
  FROM ${readCsv(path, delimiter)}
), parsed AS (
  SELECT * EXCLUDE (${TIME_FIELDS.join(", ")}),
    ${TIME_FIELDS.map((f, i) => `${f} AS s${i + 1}`).join(", ")},
    ${each((k) => `ts_naive(s${k}) AS n${k}`)}
  FROM src
), epochs AS (
  SELECT *,
    ${each((k) => `epoch_ms(n${k}) AS e${k}`)},
    ${each((k) => `z_year(n${k}) AS y${k}`)}
  FROM parsed
), instants AS (
  SELECT *,
    ${each((k) => `CASE WHEN s${k} IS NOT NULL AND n${k} IS NULL THEN ts_offset_ms(s${k}) END AS o${k}`)},
    ${each((k) => `z_second(e${k}, y${k}) AS a${k}`)}
  FROM epochs
), l1 AS (
  SELECT *, ${each((k) => `coalesce(z_first(n${k}, e${k}, y${k}), o${k}) AS f${k}`)}, f1 AS r1, f1 AS p1
  FROM instants
)${resolutionLayers()}
SELECT
  mission_id, case_id, station, municipality_code,
  CASE
    WHEN mission_id IS NULL THEN 'missing-required:mission_id'
    WHEN case_id IS NULL THEN 'missing-required:case_id'
    WHEN resource_id IS NULL THEN 'missing-required:resource_id'
    WHEN station IS NULL THEN 'missing-required:station'
    WHEN priority IS NULL THEN 'missing-required:priority'
    WHEN priority NOT IN ('1', '2', '3') THEN 'unknown-priority:priority'
    WHEN initial_priority NOT IN ('1', '2', '3') THEN 'unknown-priority:initial_priority'
    WHEN municipality_code IS NULL THEN 'missing-required:municipality_code'
    WHEN NOT regexp_full_match(municipality_code, '[0-9]{4}') THEN 'invalid-format:municipality_code'
    ${TIME_FIELDS.flatMap((f, i) => timeReason(f, i, f === "dispatched_at")).join("\n    ")}
  END AS reason,
  try_cast(priority AS TINYINT) AS priority,
  coalesce(try_cast(initial_priority AS TINYINT), try_cast(priority AS TINYINT)) AS initial_priority,
  CASE WHEN n2 IS NOT NULL THEN year(n2) * 12 + month(n2) - 1 ELSE z_local_month(o2) END AS month,
  ${TIME_FIELDS.map((_, i) => `(a${i + 1} IS NOT NULL)::INTEGER`).join(" + ")} AS ambiguous_fields,
  ${TIME_FIELDS.map((f, i) => `r${i + 1} AS ${f}`).join(", ")}
FROM q${last};
`
}

/** SQL creating `missions` and `cases` from `m_rows` and the geography tables. */
export const acceptMissionsSql = () => `
CREATE OR REPLACE TABLE m_duplicates AS
SELECT mission_id, min(rowid) AS kept, count(*) - 1 AS later_rows
FROM m_rows WHERE reason IS NULL GROUP BY mission_id HAVING count(*) > 1;

CREATE OR REPLACE TABLE station_map AS
SELECT s.station, g.name AS station_name, g.district AS station_district
FROM (SELECT DISTINCT station FROM m_rows WHERE reason IS NULL) s
LEFT JOIN geo_station g ON g.key = lower(regexp_replace(s.station, '\\s+', ' ', 'g'));

CREATE OR REPLACE TABLE missions AS
SELECT
  r.mission_id, r.case_id, r.priority, r.initial_priority, r.month, r.municipality_code,
  r.call_answered_at, r.dispatched_at, r.en_route_at, r.arrived_scene_at, r.left_scene_at,
  r.arrived_destination_at, r.cleared_at, r.ambiguous_fields, r.station,
  sm.station_name, sm.station_district, gm.district AS muni_district
FROM m_rows r
LEFT JOIN m_duplicates d ON d.mission_id = r.mission_id
JOIN station_map sm ON sm.station = r.station
LEFT JOIN geo_muni gm ON gm.code = r.municipality_code
WHERE r.reason IS NULL AND (d.kept IS NULL OR d.kept = r.rowid);

CREATE OR REPLACE TABLE cases AS
SELECT case_id, first.priority, first.municipality_code, first.muni_district, first.month,
  first_dispatch, first_arrival, call_answered_at, answered_values
FROM (
  SELECT
    case_id,
    arg_min({ priority: priority, municipality_code: municipality_code, muni_district: muni_district, month: month },
      (dispatched_at, mission_id)) AS first,
    min(dispatched_at) AS first_dispatch,
    min(arrived_scene_at) FILTER (WHERE arrived_scene_at >= dispatched_at) AS first_arrival,
    min(call_answered_at) AS call_answered_at,
    CASE WHEN min(call_answered_at) < max(call_answered_at) THEN 2 ELSE 1 END AS answered_values
  FROM missions GROUP BY case_id
);
`

/** SQL creating `r_rows` and `rescue` from a rescue-cases CSV file. */
export const loadRescueSql = (path) => {
  const { delimiter, columns } = readCsvHeader(path, RESCUE_FIELDS)
  const truthy = "('true', '1', 'ja', 'yes')"
  const falsy = "('false', '0', 'nej', 'no')"

  return `
CREATE OR REPLACE TABLE r_rows AS
WITH src AS (
  SELECT
    ${cleanColumns(columns)}
  FROM ${readCsv(path, delimiter)}
), parsed AS (
  SELECT *, created_at AS s1, ts_naive(created_at) AS n1, lower(rescue_resource_confirmed) AS confirmed FROM src
), instants AS (
  SELECT *, epoch_ms(n1) AS e1, z_year(n1) AS y1,
    CASE WHEN s1 IS NOT NULL AND n1 IS NULL THEN ts_offset_ms(s1) END AS o1
  FROM parsed
)
SELECT
  case_id, municipality_code, index_1, index_2, index_3,
  CASE
    WHEN case_id IS NULL THEN 'missing-required:case_id'
    WHEN municipality_code IS NULL THEN 'missing-required:municipality_code'
    WHEN NOT regexp_full_match(municipality_code, '[0-9]{4}') THEN 'invalid-format:municipality_code'
    ${timeReason("created_at", 0, true).join("\n    ")}
    WHEN index_1 IS NULL THEN 'missing-required:index_1'
    WHEN confirmed IS NULL THEN 'missing-required:rescue_resource_confirmed'
    WHEN confirmed NOT IN ${truthy} AND confirmed NOT IN ${falsy} THEN 'invalid-format:rescue_resource_confirmed'
  END AS reason,
  confirmed IN ${truthy} AS confirmed,
  CASE WHEN n1 IS NOT NULL THEN year(n1) * 12 + month(n1) - 1 ELSE z_local_month(o1) END AS month
FROM instants;

CREATE OR REPLACE TABLE r_duplicates AS
SELECT case_id, min(rowid) AS kept, count(*) - 1 AS later_rows
FROM r_rows WHERE reason IS NULL GROUP BY case_id HAVING count(*) > 1;

CREATE OR REPLACE TABLE rescue AS
SELECT r.*, gm.district AS muni_district
FROM r_rows r
LEFT JOIN r_duplicates d ON d.case_id = r.case_id
LEFT JOIN geo_muni gm ON gm.code = r.municipality_code
WHERE r.reason IS NULL AND (d.kept IS NULL OR d.kept = r.rowid);
`
}
