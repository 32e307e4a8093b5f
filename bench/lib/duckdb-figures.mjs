/**
 * Computes every figure of the report with DuckDB from the input CSV files,
 * as a flat map `key -> { value, kind }` (see `sql-figures.mjs` for the keys).
 */
import { resolve } from "node:path"
import { DuckDBInstance } from "@duckdb/node-api"
import { figureQueries } from "./sql-figures.mjs"
import { geographySql } from "./sql-geography.mjs"
import { acceptMissionsSql, loadMissionRowsSql, loadRescueSql } from "./sql-load.mjs"
import { zoneMacros } from "./sql-zone.mjs"

/** `YYYY-MM` as the month index `year * 12 + month - 1`. */
export const monthIndex = (text) => {
  const match = /^(\d{4})-(\d{2})$/.exec(text)
  if (match === null) throw new Error(`not a month (YYYY-MM): ${text}`)
  return Number(match[1]) * 12 + Number(match[2]) - 1
}

const timed = async (timings, step, work) => {
  const start = performance.now()
  const result = await work()
  timings[step] = Math.round(performance.now() - start)
  return result
}

/**
 * Runs the SQL of all figures. `rescuePath` may be null. `from`/`to` are
 * `YYYY-MM`; `previous` (optional `{ from, to }`) adds that period's monthly counts. Returns the figures and the milliseconds each step took.
 */
export const computeDuckdbFigures = async ({ missionsPath, rescuePath, geography, from, to, previous }) => {
  const missions = resolve(missionsPath)
  const rescue = rescuePath === null ? null : resolve(rescuePath)
  const timings = {}

  const instance = await DuckDBInstance.create(":memory:")
  const connection = await instance.connect()
  try {
    await connection.run("SET TimeZone = 'UTC'")
    await connection.run(zoneMacros(geography.timeZone))
    await connection.run(geographySql(geography))

    await timed(timings, "load missions", () => connection.run(loadMissionRowsSql(missions)))
    await timed(timings, "accept missions, build cases", () => connection.run(acceptMissionsSql()))
    if (rescue !== null)
      await timed(timings, "load rescue cases", () => connection.run(loadRescueSql(rescue)))

    const queries = figureQueries({
      from: monthIndex(from),
      to: monthIndex(to),
      previousFrom: previous === undefined ? monthIndex(from) : monthIndex(previous.from),
      previousTo: previous === undefined ? monthIndex(to) : monthIndex(previous.to),
      missionsPath: missions,
      rescuePath: rescue,
    })
    const figures = {}
    for (const [family, sql] of Object.entries(queries)) {
      const rows = await timed(timings, family, async () => (await connection.runAndReadAll(sql)).getRows())
      for (const [key, value, kind] of rows)
        figures[key] = { value: value === null ? null : Number(value), kind }
    }
    return { figures, timings }
  } finally {
    connection.closeSync()
    instance.closeSync()
  }
}
