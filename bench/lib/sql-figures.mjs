/**
 * SQL for every figure of the report, written from the metric definitions
 * (not from ambu's code). Each query yields rows `(key, value, kind)`: `kind`
 * is `count` (exact), `median` (seconds, ±0.5 s) or `info` (not compared).
 * Months are indices `year * 12 + month - 1`, the period `[from, to]`.
 */
import { lit } from "./sql-text.mjs"

const TWENTY_MINUTES_MS = 1_200_000
const START_TARGET_MS = 90_000

const monthText = (column) => `printf('%04d-%02d', ${column} // 12, ${column} % 12 + 1)`

/** A district group key: the district's id, or `region` for the grouping-set total. */
const districtKey = (column) =>
  `CASE WHEN grouping(${column}) = 1 THEN 'region' ELSE 'district:' || ${column} END`

/** Municipality, district or region key of a `GROUPING SETS` row over (municipality_code, muni_district). */
const areaKey = `CASE
    WHEN grouping(municipality_code) = 0 THEN municipality_code
    WHEN grouping(muni_district) = 0 THEN 'district:' || muni_district
    ELSE 'region' END AS g`

/** The segments of slides 11–12: name, start field, end field. */
export const SEGMENTS = [
  ["answered-to-dispatched", "call_answered_at", "dispatched_at"],
  ["dispatched-to-en-route", "dispatched_at", "en_route_at"],
  ["en-route-to-arrived-scene", "en_route_at", "arrived_scene_at"],
  ["dispatched-to-arrived-scene", "dispatched_at", "arrived_scene_at"],
  ["arrived-scene-to-left-scene", "arrived_scene_at", "left_scene_at"],
  ["left-scene-to-arrived-destination", "left_scene_at", "arrived_destination_at"],
  ["arrived-destination-to-cleared", "arrived_destination_at", "cleared_at"],
  ["dispatched-to-cleared", "dispatched_at", "cleared_at"],
]

/** An interval in ms when both ends exist and the end is not before the start, else NULL. */
const usable = (start, end) => `CASE WHEN ${end} >= ${start} THEN ${end} - ${start} END`

const rowCounts = (file, rows, accepted, duplicates, path) => `
SELECT * FROM (
  WITH pr AS (
    SELECT count(DISTINCT (e.scan_id, e.line)) AS parse_rejects FROM reject_errors e
    JOIN reject_scans s ON s.scan_id = e.scan_id WHERE s.file_path = ${lit(path)}
  ), dup AS (SELECT coalesce(sum(later_rows), 0) AS n FROM ${duplicates})
  SELECT 'rows/${file}/' || k AS key, v::DOUBLE AS value, 'count' AS kind FROM (
    SELECT 'read' AS k, (SELECT count(*) FROM ${rows}) + (SELECT parse_rejects FROM pr) AS v
    UNION ALL SELECT 'accepted', (SELECT count(*) FROM ${accepted})
    UNION ALL SELECT 'rejected', (SELECT count(*) FROM ${rows} WHERE reason IS NOT NULL)
      + (SELECT n FROM dup) + (SELECT parse_rejects FROM pr)
    UNION ALL SELECT 'rejected/duplicate-id', (SELECT n FROM dup)
    UNION ALL SELECT 'rejected/malformed-row', (SELECT parse_rejects FROM pr)
    UNION ALL SELECT 'rejected/' || split_part(reason, ':', 1), count(*) FROM ${rows}
      WHERE reason IS NOT NULL GROUP BY 1
  )
)
`

/** The queries, by figure family. `from`/`to` are month indices. */
export const figureQueries = ({ from, to, previousFrom, previousTo, missionsPath, rescuePath }) => {
  const inPeriod = (column) => `${column} BETWEEN ${from} AND ${to}`
  const p1RegionalCases = `priority = 1 AND muni_district IS NOT NULL AND ${inPeriod("month")}`

  return {
    rows: `
${rowCounts("missions", "m_rows", "missions", "m_duplicates", missionsPath)}
UNION ALL
SELECT 'rows/missions/ambiguous-fields', coalesce(sum(ambiguous_fields), 0)::DOUBLE, 'count' FROM missions
UNION ALL
SELECT 'rows/missions/cases-with-differing-answer-times', count(*)::DOUBLE, 'info' FROM cases
WHERE answered_values > 1
${rescuePath === null ? "" : `UNION ALL ${rowCounts("rescue-cases", "r_rows", "rescue", "r_duplicates", rescuePath)}`}`,

    "period-coverage": `
SELECT 'period/missions/' || CASE WHEN month < ${from} THEN 'before' WHEN month > ${to} THEN 'after' ELSE 'in' END,
  count(*)::DOUBLE, 'count'
FROM missions GROUP BY 1
${
  rescuePath === null
    ? ""
    : `UNION ALL
SELECT 'period/rescue-cases/' || CASE WHEN month < ${from} THEN 'before' WHEN month > ${to} THEN 'after' ELSE 'in' END,
  count(*)::DOUBLE, 'count'
FROM rescue GROUP BY 1`
}`,

    unmatched: `
SELECT 'unmatched/station/' || station, count(*)::DOUBLE, 'count' FROM missions
WHERE station_district IS NULL GROUP BY station
UNION ALL
SELECT 'unmatched/municipality/' || municipality_code, count(*)::DOUBLE, 'count' FROM missions
WHERE muni_district IS NULL GROUP BY municipality_code`,

    "missions-per-month": `
SELECT 'missions-per-month/' || ${monthText("month")} || '/p' || priority, count(*)::DOUBLE, 'count'
FROM missions WHERE station_district IS NOT NULL
  AND (${inPeriod("month")} OR month BETWEEN ${previousFrom} AND ${previousTo})
GROUP BY month, priority`,

    "missions-per-station": `
SELECT 'missions-per-station/' || station_name || '/' || ${monthText("month")}, count(*)::DOUBLE, 'count'
FROM missions WHERE station_district IS NOT NULL AND ${inPeriod("month")} GROUP BY station_name, month`,

    "waiting-time": `
SELECT 'waiting-time/' || g || '/' || k, v::DOUBLE, 'count' FROM (
  SELECT ${districtKey("muni_district")} AS g, count(*) AS cases, count_if(w < ${TWENTY_MINUTES_MS}) AS under
  FROM (SELECT muni_district, ${usable("call_answered_at", "first_arrival")} AS w FROM cases WHERE ${p1RegionalCases})
  WHERE w IS NOT NULL GROUP BY GROUPING SETS ((muni_district), ())
) UNPIVOT (v FOR k IN (cases, under))`,

    availability: `
SELECT 'availability/' || ${monthText("month")} || '/' || g || '/' || k, v::DOUBLE, 'count'
FROM (
  SELECT month, ${districtKey("muni_district")} AS g, count(*) AS cases, count_if(w <= ${TWENTY_MINUTES_MS}) AS within
  FROM (SELECT month, muni_district, ${usable("first_dispatch", "first_arrival")} AS w FROM cases WHERE ${p1RegionalCases})
  WHERE w IS NOT NULL GROUP BY GROUPING SETS ((month, muni_district), (month))
) UNPIVOT (v FOR k IN (cases, within))`,

    "start-interval": `
SELECT 'start-interval/' || g || '/' || k, v::DOUBLE, 'count'
FROM (
  SELECT CASE
      WHEN grouping(station_name) = 0 THEN 'station:' || station_name
      WHEN grouping(station_district) = 0 THEN 'district:' || station_district
      ELSE 'region' END AS g,
    count(*) AS missions, count_if(s <= ${START_TARGET_MS}) AS within
  FROM (
    SELECT station_name, station_district, ${usable("dispatched_at", "en_route_at")} AS s FROM missions
    WHERE station_district IS NOT NULL AND priority = 1 AND initial_priority = 1 AND ${inPeriod("month")}
  ) WHERE s IS NOT NULL GROUP BY GROUPING SETS ((station_name), (station_district), ())
) UNPIVOT (v FOR k IN (missions, within))`,

    borderless: `
SELECT 'borderless/p' || priority || '/' || municipality_code || '/' || coalesce('district:' || station_district, 'external'),
  count(*)::DOUBLE, 'count'
FROM missions WHERE muni_district IS NOT NULL AND ${inPeriod("month")}
GROUP BY priority, municipality_code, station_district`,

    "segment-times": `
SELECT 'segment-times/' || g || '/' || k,
  CASE WHEN k LIKE '%/n' THEN v ELSE v / 1000.0 END,
  CASE WHEN k LIKE '%/n' THEN 'count' ELSE 'median' END
FROM (
  SELECT ${areaKey},
    ${SEGMENTS.map(([name, start, end]) => `median(${usable(start, end)})::DOUBLE AS "${name}", count(${usable(start, end)})::DOUBLE AS "${name}/n"`).join(",\n    ")}
  FROM missions WHERE priority = 1 AND muni_district IS NOT NULL AND ${inPeriod("month")}
  GROUP BY GROUPING SETS ((municipality_code, muni_district), (muni_district), ())
) UNPIVOT INCLUDE NULLS (v FOR k IN (${SEGMENTS.map(([name]) => `"${name}", "${name}/n"`).join(", ")}))`,

    "median-response": `
SELECT 'median-response/' || g || '/' || k, v, CASE WHEN k = 'median' THEN 'median' ELSE 'count' END
FROM (
  SELECT ${areaKey}, median(r) / 1000.0 AS median, count(r)::DOUBLE AS cases
  FROM (SELECT municipality_code, muni_district, ${usable("first_dispatch", "first_arrival")} AS r FROM cases
        WHERE ${p1RegionalCases})
  GROUP BY GROUPING SETS ((municipality_code, muni_district), (muni_district), ())
) UNPIVOT INCLUDE NULLS (v FOR k IN (median, cases))`,

    ...(rescuePath === null
      ? {}
      : {
          rescue: `
WITH counts AS (
  SELECT municipality_code,
    count_if(i1 = 'sjukvårdslarm' AND i2 = 'första hjälpenlarm' AND i3 = 'hjärtstopp') AS "cardiac-arrest",
    count_if(i1 = 'sjukvårdslarm' AND i2 = 'ivpa') AS ivpa,
    count_if(i1 = 'ambulansassistans') AS "ambulance-assistance"
  FROM (SELECT municipality_code, lower(trim(index_1)) AS i1, lower(trim(index_2)) AS i2,
          lower(trim(index_3)) AS i3 FROM rescue
        WHERE confirmed AND muni_district IS NOT NULL AND ${inPeriod("month")})
  GROUP BY municipality_code
), p1 AS (
  SELECT municipality_code, count(*) AS "prio1-cases" FROM cases WHERE ${p1RegionalCases} GROUP BY municipality_code
), joined AS (
  SELECT gm.code AS municipality_code, gm.district AS muni_district,
    coalesce("cardiac-arrest", 0) AS "cardiac-arrest", coalesce(ivpa, 0) AS ivpa,
    coalesce("ambulance-assistance", 0) AS "ambulance-assistance", coalesce("prio1-cases", 0) AS "prio1-cases"
  FROM geo_muni gm LEFT JOIN counts c ON c.municipality_code = gm.code LEFT JOIN p1 ON p1.municipality_code = gm.code
)
SELECT 'rescue/' || g || '/' || k, v::DOUBLE, 'count' FROM (
  SELECT ${areaKey}, sum("cardiac-arrest") AS "cardiac-arrest", sum(ivpa) AS ivpa,
    sum("ambulance-assistance") AS "ambulance-assistance", sum("prio1-cases") AS "prio1-cases"
  FROM joined GROUP BY GROUPING SETS ((municipality_code, muni_district), (muni_district), ())
) UNPIVOT (v FOR k IN ("cardiac-arrest", ivpa, "ambulance-assistance", "prio1-cases"))`,
        }),
  }
}
