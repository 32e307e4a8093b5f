import type { Block, Cell, ChartBlock, MapBlock, Report, Slide, TableBlock } from "./report-model.js"

/**
 * Small-count suppression for publication.
 *
 * The rule, in the order it is applied:
 * 1. Primary: on every slide that presents a metric (`metricIds` not
 *    empty), a count cell with `0 < value < below` is hidden. Zero is shown:
 *    it says no one, which discloses no person.
 * 2. Complementary: a hidden count must not be recoverable from a total. A
 *    total is a count cell that equals the sum of other count cells: a
 *    column holding, in every row, the sum of the count columns before it
 *    (a row total), or a subtotal/total row holding the sum of the body rows
 *    of its group or of the whole table (a column total). Tables paged over
 *    several slides (`…-1-table`, `…-2-table`) count as one table, since
 *    the last page's total row sums every page. Wherever such a sum has
 *    exactly one hidden member, its smallest non-zero visible addend is
 *    hidden too (the total itself when no addend qualifies), until no sum
 *    has exactly one.
 * 3. Derived: shares and durations computed from a hidden count are hidden
 *    (a share of it, or a median of a handful of missions). Which cells of a
 *    row those are is read from the column groups: a share in a group comes
 *    from that group's counts and the row's ungrouped counts (denominators);
 *    an ungrouped share or duration, from any count of the row.
 * 4. Charts: count values with `0 < value < below` become null, and so does
 *    any point that a hidden table cell on the same slide shows (matched by
 *    row header and column label). Map areas likewise: a count below the
 *    threshold, or an area named by a table row with a hidden count on a
 *    slide of the same metric. Key figures follow rule 1.
 * 5. `metrics[*].result`, the raw results, would give everything away: each
 *    becomes `{ suppressed: true }`; `parameters.suppression` records
 *    `{ below }`. The data-quality account (rows read, rejected, left out)
 *    is kept: it counts rows of the files, not people in a small area.
 *
 * A hidden count reads `<N` in both languages; a hidden share or duration
 * reads `..` (the mark Swedish official statistics use for "too uncertain to
 * show"), since `<N` would misread as a percentage or a time. Hidden cells
 * have `value: null` and the emphasis `suppressed`; `over-goal` is dropped
 * from them, as it would tell on which side of the goal the value lies.
 */
export const SUPPRESSED_DERIVED_TEXT = ".."

/** What `parameters.suppression` and `metrics[*].result` hold in a suppressed report. */
export interface SuppressionParameters {
  readonly below: number
}

/**
 * A copy of the report with small counts hidden as described above; the
 * input report is not changed. `below` is the smallest count that may be
 * shown (an integer of at least 1; 1 hides nothing but still drops the raw
 * results).
 *
 * @example
 * const published = suppressReport(report, 5)
 * // a cell { text: "3", value: 3, format: "count" } is now
 * // { text: "<5", value: null, format: "count", emphasis: ["suppressed"] }
 */
export const suppressReport = (report: Report, below: number): Report => {
  if (!Number.isInteger(below) || below < 1) {
    throw new RangeError(`suppression threshold must be a whole number of at least 1, not ${below}`)
  }
  const slides: Slide[] = structuredClone(report.slides)
  const published = slides.filter((slide) => slide.metricIds.length > 0)

  const grids = tableGrids(published)
  for (const grid of grids) hidePrimary(grid, below)
  for (const grid of grids) hideComplementary(grid)
  for (const grid of grids) hideDerived(grid)
  for (const grid of grids) hideThinlyBased(grid, below)

  for (const slide of published) {
    for (const block of slide.blocks) hideOutsideTables(block, slide, below, grids)
  }
  for (const grid of grids) writeHiddenCells(grid, below)

  const metrics = Object.fromEntries(
    Object.entries(report.metrics).map(([id, entry]) => [
      id,
      { result: { suppressed: true }, quality: entry.quality },
    ]),
  )
  return {
    ...report,
    parameters: { ...report.parameters, suppression: { below } satisfies SuppressionParameters },
    slides,
    metrics,
  }
}

/** One table, or the pages of one paged table, with the cells that are to be hidden. */
interface Grid {
  readonly tables: ReadonlyArray<{ readonly block: TableBlock; readonly slide: Slide }>
  /** Rows of all pages in order, each with the page's columns. */
  readonly rows: ReadonlyArray<GridRow>
  readonly hidden: Set<Cell>
}

interface GridRow {
  readonly kind: TableBlock["rows"][number]["kind"]
  readonly cells: ReadonlyArray<Cell>
  readonly block: TableBlock
  readonly slide: Slide
}

/** A paged table's pages share an id but for the page number: `segment-times-1-table`. */
const familyOf = (block: TableBlock): string => block.id.replace(/-\d+(-table)$/, "$1")

const tableGrids = (slides: ReadonlyArray<Slide>): Grid[] => {
  const families = new Map<string, Array<{ block: TableBlock; slide: Slide }>>()
  for (const slide of slides) {
    for (const block of slide.blocks) {
      if (block.kind !== "table") continue
      const key = `${familyOf(block)}\u0000${block.columns.map((c) => c.key).join("\u0000")}`
      const members = families.get(key) ?? []
      members.push({ block, slide })
      families.set(key, members)
    }
  }
  return [...families.values()].map((tables) => ({
    tables,
    rows: tables.flatMap(({ block, slide }) =>
      block.rows.map((row) => ({ kind: row.kind, cells: row.cells, block, slide })),
    ),
    hidden: new Set<Cell>(),
  }))
}

const countOf = (cell: Cell | undefined): number | undefined =>
  cell !== undefined && cell.format === "count" && typeof cell.value === "number" ? cell.value : undefined

const hidePrimary = (grid: Grid, below: number): void => {
  for (const row of grid.rows) {
    for (const cell of row.cells) {
      const value = countOf(cell)
      if (value !== undefined && value > 0 && value < below) grid.hidden.add(cell)
    }
  }
}

/** A total and the cells it is the sum of. */
interface Sum {
  readonly total: Cell
  readonly addends: ReadonlyArray<Cell>
}

const hideComplementary = (grid: Grid): void => {
  const sums = [...rowTotals(grid), ...columnTotals(grid)]
  let changed = true
  while (changed) {
    changed = false
    for (const sum of sums) {
      const members = [sum.total, ...sum.addends]
      if (members.filter((cell) => grid.hidden.has(cell)).length !== 1) continue
      grid.hidden.add(complementOf(sum, grid.hidden))
      changed = true
    }
  }
}

/** The smallest non-zero visible addend; else the total; else any visible addend. */
const complementOf = (sum: Sum, hidden: ReadonlySet<Cell>): Cell => {
  const visible = sum.addends.filter((cell) => !hidden.has(cell))
  const nonZero = visible.filter((cell) => countOf(cell)! > 0)
  if (nonZero.length > 0) {
    return nonZero.reduce((smallest, cell) => (countOf(cell)! < countOf(smallest)! ? cell : smallest))
  }
  return hidden.has(sum.total) ? visible[0]! : sum.total
}

const isSum = (total: number | undefined, addends: ReadonlyArray<Cell>): boolean => {
  if (total === undefined) return false
  let sum = 0
  for (const cell of addends) {
    const value = countOf(cell)
    if (value === undefined) return false
    sum += value
  }
  return sum === total
}

/**
 * Row totals: a count column that, in every row with counts, equals the sum
 * of the count columns before it (earlier totals left out), with at least two
 * of them and not all zero.
 */
const rowTotals = (grid: Grid): Sum[] => {
  const rows = grid.rows.filter((row) => row.kind !== "group-heading")
  const width = Math.max(0, ...rows.map((row) => row.cells.length))
  const totalColumns = new Set<number>()
  const sums: Sum[] = []

  for (let column = 1; column < width; column++) {
    const addendColumns = (row: GridRow) =>
      row.cells.slice(1, column).filter((cell, at) => !totalColumns.has(at + 1) && cell.format === "count")
    const counted = rows.filter((row) => countOf(row.cells[column]) !== undefined)
    const holds =
      counted.length > 0 &&
      counted.some((row) => countOf(row.cells[column])! > 0) &&
      counted.every((row) => {
        const addends = addendColumns(row)
        return addends.length >= 2 && isSum(countOf(row.cells[column]), addends)
      })
    if (!holds) continue

    totalColumns.add(column)
    for (const row of counted) sums.push({ total: row.cells[column]!, addends: addendColumns(row) })
  }
  return sums
}

/**
 * Column totals: a subtotal row sums the body rows since the previous
 * subtotal; a total row sums all body rows (of every page), and the subtotals
 * too when there are any. Only sums that hold are kept.
 */
const columnTotals = (grid: Grid): Sum[] => {
  const sums: Sum[] = []
  const allBody: GridRow[] = []
  const subtotals: GridRow[] = []
  let group: GridRow[] = []

  const addColumnSums = (total: GridRow, parts: ReadonlyArray<GridRow>) => {
    if (parts.length === 0) return
    total.cells.forEach((cell, column) => {
      const addends = parts.map((row) => row.cells[column]).filter((c): c is Cell => c !== undefined)
      if (column > 0 && addends.length === parts.length && isSum(countOf(cell), addends)) {
        sums.push({ total: cell, addends })
      }
    })
  }

  for (const row of grid.rows) {
    if (row.kind === "body") {
      group.push(row)
      allBody.push(row)
    } else if (row.kind === "subtotal") {
      addColumnSums(row, group)
      subtotals.push(row)
      group = []
    } else if (row.kind === "total") {
      addColumnSums(row, allBody)
      addColumnSums(row, subtotals)
    }
  }
  return sums
}

/**
 * A share or duration is taken as computed from the counts of its own column
 * group and from the counts outside any group (the denominators); one outside
 * any group, from every count of the row.
 */
const hideDerived = (grid: Grid): void => {
  for (const row of grid.rows) {
    const groupOf = (column: number) => row.block.columns[column]?.group
    const hiddenGroups = new Set<string | undefined>()
    row.cells.forEach((cell, column) => {
      if (cell.format === "count" && grid.hidden.has(cell)) hiddenGroups.add(groupOf(column))
    })
    if (hiddenGroups.size === 0) continue

    row.cells.forEach((cell, column) => {
      const derived =
        (cell.format === "share" || cell.format === "duration") && typeof cell.value === "number"
      const group = groupOf(column)
      if (derived && (group === undefined || hiddenGroups.has(undefined) || hiddenGroups.has(group))) {
        grid.hidden.add(cell)
      }
    })
  }
}

/**
 * A share or median that rests on fewer than `below` cases or missions
 * (its `basis`, where the table shows no count for it) is hidden like the
 * count it rests on would be: a share of one case is that case's outcome.
 */
const hideThinlyBased = (grid: Grid, below: number): void => {
  for (const row of grid.rows) {
    for (const cell of row.cells) {
      if (
        cell.basis !== undefined &&
        cell.basis > 0 &&
        cell.basis < below &&
        typeof cell.value === "number"
      ) {
        grid.hidden.add(cell)
      }
    }
  }
}

/**
 * `<N` only where the count really is below N; a cell hidden to protect
 * another (complementary hiding), a share or a median reads `..`, so that no
 * published text states a false value.
 */
const hiddenText = (cell: Cell, below: number): string =>
  cell.format === "count" && typeof cell.value === "number" && cell.value < below
    ? `<${below}`
    : SUPPRESSED_DERIVED_TEXT

const writeHiddenCells = (grid: Grid, below: number): void => {
  for (const cell of grid.hidden) hideCell(cell, below)
}

/** Hides one cell in place (the cells belong to the report's private copy). */
const hideCell = (cell: Cell, below: number): void => {
  const kept = (cell.emphasis ?? []).filter((mark) => mark !== "over-goal" && mark !== "suppressed")
  cell.text = hiddenText(cell, below)
  cell.value = null
  cell.emphasis = [...kept, "suppressed"]
}

const hideOutsideTables = (block: Block, slide: Slide, below: number, grids: ReadonlyArray<Grid>): void => {
  switch (block.kind) {
    case "chart":
      hideChartPoints(block, slide, below, grids)
      return
    case "map":
      hideMapAreas(block, slide, below, grids)
      return
    case "key-figures":
      for (const item of block.items) {
        const value = countOf(item.value)
        if (value !== undefined && value > 0 && value < below) hideCell(item.value, below)
      }
      return
    default:
      return
  }
}

/** Row header and column label of every hidden cell in the tables of one slide. */
const hiddenPlaces = (slide: Slide, grids: ReadonlyArray<Grid>): Set<string> => {
  const places = new Set<string>()
  for (const grid of grids) {
    for (const row of grid.rows) {
      if (row.slide !== slide) continue
      row.cells.forEach((cell, column) => {
        const label = row.block.columns[column]?.label
        if (grid.hidden.has(cell) && label !== undefined) places.add(place(row.cells[0]!.text, label))
      })
    }
  }
  return places
}

const place = (rowHeader: string, columnLabel: string): string => `${rowHeader}\u0000${columnLabel}`

const hideChartPoints = (
  chart: ChartBlock,
  slide: Slide,
  below: number,
  grids: ReadonlyArray<Grid>,
): void => {
  const places = hiddenPlaces(slide, grids)
  for (const series of chart.series) {
    series.values = series.values.map((value, at) => {
      const category = chart.categories[at] ?? ""
      const small = chart.unit === "count" && value !== null && value > 0 && value < below
      const shownInTable =
        places.has(place(category, series.name)) || places.has(place(series.name, category))
      return small || shownInTable ? null : value
    })
  }
}

/** Row headers of rows with a hidden count, in the tables of slides that share a metric with `slide`. */
const hiddenRowNames = (slide: Slide, grids: ReadonlyArray<Grid>): Set<string> => {
  const names = new Set<string>()
  for (const grid of grids) {
    for (const row of grid.rows) {
      if (!row.slide.metricIds.some((id) => slide.metricIds.includes(id))) continue
      if (row.cells.some((cell) => cell.format === "count" && grid.hidden.has(cell))) {
        names.add(row.cells[0]!.text)
      }
    }
  }
  return names
}

const hideMapAreas = (map: MapBlock, slide: Slide, below: number, grids: ReadonlyArray<Grid>): void => {
  const names = hiddenRowNames(slide, grids)
  map.areas = map.areas.map((area) => {
    const small = map.unit === "count" && area.value !== null && area.value > 0 && area.value < below
    if (!small && !names.has(area.name)) return area
    return {
      ...area,
      value: null,
      text: map.unit === "count" ? `<${below}` : SUPPRESSED_DERIVED_TEXT,
      overGoal: false,
    }
  })
}
