import type { Cell } from "./report-model.js"
import { countOf, type GraphBuilder, type Grid, type GridRow } from "./suppress-builder.js"

/**
 * Inequalities between the built-in deck's tables that a reader who knows
 * the definitions can use: one table's population contains another's.
 *
 * - All missions of a station (missions per station, its total column)
 *   include its missions with initial priority 1 (start interval,
 *   "Uppdrag").
 * - All missions of the stations of an ambulance district include the
 *   district's column of every borderless-dispatch table (missions for
 *   callers in the region, one table per priority). Which stations make up a
 *   district, the start-interval table shows (stations under district
 *   headings).
 *
 * With a handful of missions these bite: in a month with 28 missions, the
 * 8 of district 2 on the priority-2 slide told that Lund and Ystad, each
 * shown as "<5", had 4 each. Each inequality is written as an equation with
 * a slack, a count no output shows and which needs no protection of its own.
 * An inequality that does not hold in the data (a deck that repeats a table)
 * is left out, so no false relation enters the audit.
 */
export const addDeckInclusions = (
  builder: GraphBuilder,
  grids: ReadonlyArray<Grid>,
  cellPlaces: ReadonlyMap<Cell, number>,
): void => {
  const ofMetric = (id: string) =>
    grids.filter((grid) => grid.pages.some((p) => p.slide.metricIds.includes(id)))
  const stations = ofMetric("missions-per-station")[0]
  const startInterval = ofMetric("start-interval")[0]
  if (stations === undefined || startInterval === undefined) return

  // A station's total: the last count of its row.
  const stationTotal = new Map<string, number>()
  for (const row of stations.rows) {
    if (row.kind !== "body") continue
    const place = lastCount(row, cellPlaces)
    if (place !== undefined) stationTotal.set(row.cells[0]!.text, place)
  }

  const districtOf = new Map<string, string>()
  let heading: string | undefined
  for (const row of startInterval.rows) {
    if (row.kind === "group-heading") heading = row.cells[0]?.text
    if (row.kind !== "body") continue
    const name = row.cells[0]!.text
    if (heading !== undefined) districtOf.set(name, heading)
    const total = stationTotal.get(name)
    const initialPriorityOne = row.cells.map((c) => cellPlaces.get(c)).find((p) => p !== undefined)
    if (total !== undefined && initialPriorityOne !== undefined) atLeast(builder, total, [initialPriorityOne])
  }

  const headings = [...new Set(districtOf.values())]
  const contained = new Map<string, number[]>()
  for (const grid of ofMetric("borderless-dispatch")) {
    const totalRow = grid.rows.find((row) => row.kind === "total")
    if (totalRow === undefined) continue
    totalRow.block.columns.forEach((column, at) => {
      if (column.group === undefined) return
      const district = headings.find((h) => h !== column.label && h.endsWith(column.label))
      const place = cellPlaces.get(totalRow.cells[at]!)
      if (district === undefined || place === undefined) return
      contained.set(district, [...(contained.get(district) ?? []), place])
    })
  }
  for (const [district, parts] of contained) {
    const members = [...districtOf].filter(([, d]) => d === district).map(([name]) => stationTotal.get(name))
    if (members.some((m) => m === undefined)) continue
    atLeastSum(builder, members as number[], parts)
  }
}

const lastCount = (row: GridRow, cellPlaces: ReadonlyMap<Cell, number>): number | undefined => {
  for (let at = row.cells.length - 1; at > 0; at--) {
    if (countOf(row.cells[at]) !== undefined) return cellPlaces.get(row.cells[at]!)
  }
  return undefined
}

/** `whole ≥ Σ parts`, as `whole = Σ parts + slack`. */
const atLeast = (builder: GraphBuilder, whole: number, parts: ReadonlyArray<number>): void =>
  atLeastSum(builder, [whole], parts)

/** `Σ wholes ≥ Σ parts`, as `Σ wholes = Σ parts + slack`, kept only where it holds. */
const atLeastSum = (
  builder: GraphBuilder,
  wholes: ReadonlyArray<number>,
  parts: ReadonlyArray<number>,
): void => {
  const sum = (places: ReadonlyArray<number>) => places.reduce((s, p) => s + builder.valueOf(p), 0)
  const slack = sum(wholes) - sum(parts)
  if (slack < 0) return
  const hidden = builder.add({ kind: "implied" }, slack, { published: false, exempt: true })
  builder.relate([
    ...wholes.map((place) => ({ place, coefficient: 1 })),
    ...[...parts, hidden].map((place) => ({ place, coefficient: -1 })),
  ])
}
