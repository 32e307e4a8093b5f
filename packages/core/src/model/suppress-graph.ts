import { compareCodePoints } from "./plane.js"
import type { Cell, Report, Slide, TableBlock } from "./report-model.js"
import {
  countOf,
  type FigureGraph,
  GraphBuilder,
  type Grid,
  type GridRow,
  listEntries,
  type Place,
  type QualityField,
  slideOfKey,
  tableGrids,
} from "./suppress-builder.js"
import { addDeckInclusions } from "./suppress-inclusions.js"

/**
 * Every count the report publishes, where it is published, and the sums
 * that tie counts together: the input of the suppression audit. The pieces
 * are described in suppress-builder.ts.
 */

/**
 * The figure graph of a report: every count on the slides that present a
 * metric and on the data-quality slide, the quality accounts, the sums
 * within each table, and the links between places that show one figure.
 */
export const buildFigureGraph = (report: Report, below: number): { graph: FigureGraph; grids: Grid[] } => {
  const builder = new GraphBuilder()
  const published = report.slides.filter((slide) => slide.metricIds.length > 0 || slide.id === "data-quality")
  const grids = tableGrids(published)

  const cellPlaces = new Map<Cell, number>()
  grids.forEach((grid, g) => {
    addGrid(builder, grid, g, cellPlaces)
  })
  linkAcrossTables(builder, grids, cellPlaces, below)
  for (const slide of published) addOutsideTables(builder, slide, grids, cellPlaces)
  addImpliedComplements(builder, grids, cellPlaces, below)
  addDeckInclusions(builder, grids, cellPlaces)
  const quality = addQualityAccounts(builder, report, published, cellPlaces, below)
  addDataQualityModel(builder, report, published, cellPlaces, quality, below)

  return { graph: builder.build(), grids }
}

// ---------------------------------------------------------------- tables

const addGrid = (builder: GraphBuilder, grid: Grid, g: number, cellPlaces: Map<Cell, number>): void => {
  const totalColumns = rowTotalColumns(grid)
  grid.rows.forEach((row, r) => {
    row.cells.forEach((cell, column) => {
      const value = countOf(cell)
      if (value === undefined || column === 0) return
      const total =
        row.kind === "total" || row.kind === "subtotal" || totalColumns.has(column) || hasTotalMark(cell)
      cellPlaces.set(
        cell,
        builder.add(
          {
            kind: "cell",
            cell,
            slide: row.slide,
            block: row.block,
            grid: g,
            rowCells: row.cells,
            row: r,
            column,
            total,
          },
          value,
        ),
      )
    })
    row.cells.forEach((cell, column) => {
      if (column === 0 || cell.format !== "text") return
      const entries = listEntries(cell.text)
      if (entries === undefined) return
      const listed = entries.map((entry, at) =>
        builder.addListed({ kind: "listed", slide: row.slide, cell, entry: at }, entry.count),
      )
      // The list sums to a count of its row (rejected rows and their reasons): the nearest such before it.
      for (let before = column - 1; before > 0; before--) {
        const total = cellPlaces.get(row.cells[before]!)
        if (total !== undefined && builder.valueOf(total) === entries.reduce((s, e) => s + e.count, 0)) {
          builder.sum(total, listed)
          break
        }
      }
    })
  })

  for (const [column, addends] of totalColumns) {
    for (const row of grid.rows) {
      const total = cellPlaces.get(row.cells[column]!)
      if (total === undefined) continue
      const parts = addends.map((a) => cellPlaces.get(row.cells[a]!))
      if (parts.every((p) => p !== undefined)) builder.sum(total, parts as number[])
    }
  }
  for (const { total, parts } of columnTotals(grid)) {
    const width = total.cells.length
    for (let column = 1; column < width; column++) {
      const t = cellPlaces.get(total.cells[column]!)
      const ps = parts.map((row) => cellPlaces.get(row.cells[column]!))
      if (t !== undefined && ps.every((p) => p !== undefined)) builder.sum(t, ps as number[])
    }
  }
}

const hasTotalMark = (cell: Cell): boolean => cell.emphasis?.includes("total") === true

/**
 * Row totals: a count column that, in every row with counts, equals the sum
 * of other count columns: all count columns before it, the run of count
 * columns just before it, or the run just after it (rows read = accepted +
 * rejected). Totals of two or more parts are not parts of later totals. A
 * column that merely equals one other column (a total over a single month,
 * or two columns that happen to agree) is kept as an equality, but does not
 * hide a real sum from a later column.
 */
const rowTotalColumns = (grid: Grid): Map<number, number[]> => {
  const rows = grid.rows.filter((row) => row.kind !== "group-heading")
  const width = Math.max(0, ...rows.map((row) => row.cells.length))
  const isCountColumn = (c: number) => rows.some((row) => countOf(row.cells[c]) !== undefined)
  const totals = new Map<number, number[]>()
  const isTotal = (c: number) => (totals.get(c)?.length ?? 0) >= 2

  const holds = (column: number, parts: ReadonlyArray<number>) => {
    if (parts.length === 0) return false
    const counted = rows.filter((row) => countOf(row.cells[column]) !== undefined)
    return (
      counted.length > 0 &&
      counted.some((row) => countOf(row.cells[column])! > 0) &&
      counted.every((row) => {
        let sum = 0
        for (const part of parts) {
          const value = countOf(row.cells[part])
          if (value === undefined) return false
          sum += value
        }
        return sum === countOf(row.cells[column])
      })
    )
  }
  const run = (from: number, step: 1 | -1) => {
    const parts: number[] = []
    for (let c = from; c >= 1 && c < width && isCountColumn(c) && !isTotal(c); c += step) parts.push(c)
    return parts
  }

  for (let column = 1; column < width; column++) {
    if (!isCountColumn(column)) continue
    const allBefore = Array.from({ length: column - 1 }, (_, i) => i + 1).filter(
      (c) => isCountColumn(c) && !isTotal(c),
    )
    const candidates = [allBefore, run(column - 1, -1), run(column + 1, 1)]
    // The widest sum that holds: a real total rather than an equality with its last part.
    const parts = candidates.filter((c) => holds(column, c)).sort((a, b) => b.length - a.length)[0]
    if (parts !== undefined) totals.set(column, parts)
  }
  return totals
}

/**
 * Column totals: a subtotal row sums the body rows since the previous
 * subtotal or total; a total row sums every body row of the table (all
 * pages), and its subtotals when there are any.
 */
const columnTotals = (grid: Grid): Array<{ total: GridRow; parts: GridRow[] }> => {
  const sums: Array<{ total: GridRow; parts: GridRow[] }> = []
  const body = grid.rows.filter((row) => row.kind === "body")
  const subtotals = grid.rows.filter((row) => row.kind === "subtotal")
  let group: GridRow[] = []
  for (const row of grid.rows) {
    if (row.kind === "body") group.push(row)
    else if (row.kind === "subtotal") {
      if (group.length > 0) sums.push({ total: row, parts: group })
      group = []
    } else if (row.kind === "total") {
      sums.push({ total: row, parts: body })
      if (subtotals.length > 0) sums.push({ total: row, parts: subtotals })
      group = []
    }
  }
  return sums.filter((s) => s.parts.length > 0)
}

/**
 * Cells of different tables that show one figure: equal values with the
 * same row header and column label, or with the two swapped (a month's
 * total as a row of one table and a column of another); and equal values of
 * N or more under the same row header of two tables with the same rows (a
 * municipality's priority-1 missions as the "Totalt" of one table and the
 * "Uppdrag" of another). An equality that merely happens to hold is still
 * true, so taking it as known only makes the audit stricter; the limits keep
 * coincidences (the station Sjöbo and the municipality Sjöbo) from tying
 * unrelated tables together.
 */
const linkAcrossTables = (
  builder: GraphBuilder,
  grids: ReadonlyArray<Grid>,
  cellPlaces: ReadonlyMap<Cell, number>,
  below: number,
): void => {
  // Tables of one shape side by side (priority 1, 2 and 3) count disjoint populations: no figure is in two.
  const shapeOf = grids.map((grid) => grid.pages[0]!.block.columns.map((c) => c.label).join("\u0000"))
  // "The same rows": the same body row headers (a paged table repeats its total row on each page).
  const rowsOf = grids.map((grid) =>
    [...new Set(grid.rows.filter((row) => row.kind === "body").map((row) => row.cells[0]?.text ?? ""))]
      .sort()
      .join("\u0000"),
  )
  const byKey = new Map<string, Array<{ grid: number; place: number }>>()
  const remember = (key: string, grid: number, place: number) => {
    const list = byKey.get(key) ?? []
    list.push({ grid, place })
    byKey.set(key, list)
  }
  grids.forEach((grid, g) => {
    for (const row of grid.rows) {
      const header = row.cells[0]?.text ?? ""
      row.cells.forEach((cell, column) => {
        const place = cellPlaces.get(cell)
        if (place === undefined) return
        const value = builder.valueOf(place)
        const label = row.block.columns[column]?.label ?? ""
        remember(`pair\u0000${header}\u0000${label}\u0000${value}`, g, place)
        if (label !== header) remember(`pair\u0000${label}\u0000${header}\u0000${value}`, g, place)
        if (value >= below) remember(`row\u0000${rowsOf[g]}\u0000${header}\u0000${value}`, g, place)
      })
    }
  })
  for (const list of byKey.values()) {
    for (const a of list) {
      for (const b of list) {
        if (a.grid < b.grid && shapeOf[a.grid] !== shapeOf[b.grid]) builder.equal(a.place, b.place)
      }
    }
  }
}

// ------------------------------------------------- charts, maps, key figures

/** Row header and column label of every count cell in the tables of one slide. */
const cellsByPlace = (
  slide: Slide,
  grids: ReadonlyArray<Grid>,
  cellPlaces: ReadonlyMap<Cell, number>,
): Map<string, number> => {
  const places = new Map<string, number>()
  for (const grid of grids) {
    for (const row of grid.rows) {
      if (row.slide !== slide) continue
      row.cells.forEach((cell, column) => {
        const place = cellPlaces.get(cell)
        const label = row.block.columns[column]?.label
        if (place !== undefined && label !== undefined) places.set(placeKey(row.cells[0]!.text, label), place)
      })
    }
  }
  return places
}

const placeKey = (rowHeader: string, columnLabel: string): string => `${rowHeader}\u0000${columnLabel}`

const addOutsideTables = (
  builder: GraphBuilder,
  slide: Slide,
  grids: ReadonlyArray<Grid>,
  cellPlaces: ReadonlyMap<Cell, number>,
): void => {
  const tableCells = cellsByPlace(slide, grids, cellPlaces)
  const onSlide = [...cellPlaces.values()].filter((p) => {
    const place = builder.placeOf(p)
    return place.kind === "cell" && place.slide === slide
  })
  for (const block of slide.blocks) {
    if (block.kind === "chart" && block.unit === "count") {
      block.series.forEach((series, s) => {
        series.values.forEach((value, index) => {
          if (value === null) return
          const place = builder.add({ kind: "chart", slide, chart: block, series: s, index }, value)
          const category = block.categories[index] ?? ""
          for (const key of [placeKey(category, series.name), placeKey(series.name, category)]) {
            const cell = tableCells.get(key)
            if (cell !== undefined) builder.link(place, cell)
          }
        })
      })
    } else if (block.kind === "map" && block.unit === "count") {
      block.areas.forEach((area, index) => {
        if (area.value === null) return
        const place = builder.add({ kind: "map", slide, map: block, index }, area.value)
        for (const grid of grids) {
          for (const row of grid.rows) {
            if (
              row.cells[0]?.text !== area.name ||
              !row.slide.metricIds.some((id) => slide.metricIds.includes(id))
            )
              continue
            for (const cell of row.cells) {
              const at = cellPlaces.get(cell)
              if (at !== undefined) builder.link(place, at)
            }
          }
        }
      })
    } else if (block.kind === "key-figures") {
      for (const item of block.items) {
        const value = countOf(item.value)
        if (value === undefined) continue
        const place = builder.add({ kind: "key-figure", slide, cell: item.value }, value)
        // A key figure usually repeats a count of the slide's table (zeros say nothing to protect).
        if (value > 0) for (const cell of onSlide) builder.equal(place, cell)
      }
    }
  }
}

// ------------------------------------------------------ implied complements

/**
 * A share whose numerator and denominator are counts of its row (3 of 40
 * within the goal) implies a third count, the rest (37 not within). When the
 * rest is small, it is a count to protect like any other, though never shown.
 */
const addImpliedComplements = (
  builder: GraphBuilder,
  grids: ReadonlyArray<Grid>,
  cellPlaces: ReadonlyMap<Cell, number>,
  below: number,
): void => {
  for (const grid of grids) {
    for (const row of grid.rows) {
      row.cells.forEach((share, column) => {
        if (share.format !== "share" || typeof share.value !== "number") return
        const pair = shareCounts(row, column, share.value)
        if (pair === undefined) return
        const [numerator, denominator] = pair.map((c) => cellPlaces.get(c)!) as [number, number]
        const rest = builder.valueOf(denominator) - builder.valueOf(numerator)
        if (rest <= 0 || rest >= below) return
        const implied = builder.add({ kind: "implied" }, rest, { published: false })
        builder.sum(denominator, [numerator, implied])
      })
    }
  }
}

/** The counts of the row a share is the quotient of; the share's own column group first. */
const shareCounts = (row: GridRow, column: number, share: number): [Cell, Cell] | undefined => {
  const group = row.block.columns[column]?.group
  const counts = row.cells
    .map((cell, at) => ({ cell, at, value: countOf(cell) }))
    .filter((c) => c.value !== undefined && c.at > 0)
  const ranked = [...counts].sort(
    (a, b) =>
      Number(row.block.columns[b.at]?.group === group) - Number(row.block.columns[a.at]?.group === group),
  )
  for (const numerator of ranked) {
    for (const denominator of counts) {
      if (denominator === numerator || denominator.value! <= 0) continue
      if (Math.abs(numerator.value! / denominator.value! - share) < 1e-12)
        return [numerator.cell, denominator.cell]
    }
  }
  return undefined
}

// ------------------------------------------------------- quality accounts

interface QualityPlaces {
  readonly considered: number
  readonly used: number
  readonly leftOut: number
  readonly reasons: ReadonlyArray<number>
  readonly ambiguous: number
}

/**
 * Each metric's account (population = used + left out, left out = Σ per
 * reason), as written in the JSON, the speaker notes and the data-quality
 * slide. Its population and used counts are the same figures as equal counts
 * on the metric's own slides (used missions = the table's total), and as
 * equal counts in the accounts of metrics over the same population.
 */
const addQualityAccounts = (
  builder: GraphBuilder,
  report: Report,
  slides: ReadonlyArray<Slide>,
  cellPlaces: ReadonlyMap<Cell, number>,
  below: number,
): Map<string, QualityPlaces> => {
  const accounts = new Map<string, QualityPlaces>()
  for (const [key, { quality }] of Object.entries(report.metrics)) {
    const add = (field: QualityField, value: number) => builder.add({ kind: "quality", key, field }, value)
    const places: QualityPlaces = {
      considered: add("considered", quality.considered),
      used: add("used", quality.used),
      leftOut: add("leftOut", quality.considered - quality.used),
      reasons: quality.leftOut.map((l, at) => add(at, l.count)),
      ambiguous: add("ambiguous", quality.ambiguousLocalTimes),
    }
    builder.sum(places.considered, [places.used, places.leftOut])
    builder.sum(places.leftOut, places.reasons)
    accounts.set(key, places)

    // Only totals: a body cell that happens to equal the population is another figure, and linking
    // zeros would merge every zero of the slide.
    const ownTotals = [...cellPlaces.values()].filter((p) => {
      const place = builder.placeOf(p)
      return place.kind === "cell" && place.total && slideOfKey(place.slide, key) && builder.valueOf(p) > 0
    })
    // Left-out rows are in no table, so their count is never a table's total.
    for (const cell of ownTotals) {
      for (const field of [places.considered, places.used]) builder.equal(field, cell)
    }
  }

  // Metrics over one population (priority-1 cases of the region) have equal accounts. Small counts
  // coincide too often to be taken as one: "2 left out" of two metrics are seldom the same two.
  const entries = [...accounts.entries()]
  const equalFromN = (a: number, b: number) => {
    if (builder.valueOf(a) >= below) builder.equal(a, b)
  }
  for (const [i, [keyA, a]] of entries.entries()) {
    for (const [keyB, b] of entries.slice(i + 1)) {
      for (const field of ["considered", "used", "leftOut", "ambiguous"] as const)
        equalFromN(a[field], b[field])
      const reasonsA = report.metrics[keyA]!.quality.leftOut
      const reasonsB = report.metrics[keyB]!.quality.leftOut
      reasonsA.forEach((ra, x) => {
        reasonsB.forEach((rb, y) => {
          if (ra.reason === rb.reason) equalFromN(a.reasons[x]!, b.reasons[y]!)
        })
      })
    }
  }

  // The data-quality slide's table of metrics repeats each account: row "Title (key)".
  const dqTable = tableById(slides, "data-quality-metrics")
  if (dqTable !== undefined) {
    for (const row of dqTable.rows) {
      const key = /\(([^()]+)\)$/.exec(row.cells[0]?.text ?? "")?.[1]
      const account = key === undefined ? undefined : accounts.get(key)
      if (account === undefined) continue
      row.cells.forEach((cell, column) => {
        const columnKey = dqTable.columns[column]?.key ?? ""
        const field = FIELD_BY_COLUMN[columnKey]
        const place = cellPlaces.get(cell)
        if (field !== undefined && place !== undefined) builder.link(account[field], place)
        if (columnKey === "reasons") linkListed(builder, cell, account.reasons)
      })
    }
  }
  return accounts
}

const FIELD_BY_COLUMN: Readonly<Record<string, "considered" | "used" | "leftOut" | "ambiguous">> = {
  considered: "considered",
  used: "used",
  leftOut: "leftOut",
  ambiguous: "ambiguous",
}

const tableById = (slides: ReadonlyArray<Slide>, id: string): TableBlock | undefined => {
  for (const slide of slides) {
    for (const block of slide.blocks) if (block.kind === "table" && block.id === id) return block
  }
  return undefined
}

/**
 * The files, period coverage and unknown reference texts of the JSON's
 * `dataQuality`, with the same sums the data-quality slide shows (read =
 * accepted + rejected, rejected = Σ per reason, accepted = in the period +
 * before + after), linked to the slide's cells and to equal totals of the
 * report: with a handful of missions, "2 accepted" is the region's total.
 */
const addDataQualityModel = (
  builder: GraphBuilder,
  report: Report,
  slides: ReadonlyArray<Slide>,
  cellPlaces: ReadonlyMap<Cell, number>,
  accounts: ReadonlyMap<string, QualityPlaces>,
  below: number,
): void => {
  const dq = report.dataQuality
  /** Counts that, with very little data, can equal a total of the report, with what they count. */
  const totalLike: Array<{ place: number; kind: "missions" | "rescue-cases" }> = []
  const add = (place: Place, value: number, kind?: "missions" | "rescue-cases") => {
    // The period's counts are integers the JSON schema requires: no mark can stand there.
    const at = builder.add(place, value, { fixed: place.kind === "coverage" && place.field !== "total" })
    if (kind !== undefined && value > 0) totalLike.push({ place: at, kind })
    return at
  }

  const accepted: Record<"missions" | "rescue-cases", number[]> = { missions: [], "rescue-cases": [] }
  const filesTable = tableById(slides, "data-quality-files")
  dq.files.forEach((file, index) => {
    const read = add({ kind: "file", index }, file.read, file.kind)
    const ok = add({ kind: "file", index }, file.accepted, file.kind)
    const rejected = add({ kind: "file", index }, file.rejected)
    const reasons = sortedCounts(file.rejectedByReason).map((n) => add({ kind: "file", index }, n))
    const warnings = sortedCounts(file.warnings).map((n) => add({ kind: "file", index }, n))
    builder.sum(read, [ok, rejected])
    builder.sum(rejected, reasons)
    accepted[file.kind].push(ok)

    const row = filesTable?.rows.find((r) => r.cells[0]?.text === file.file)
    if (filesTable === undefined || row === undefined) return
    const byKey: Readonly<Record<string, number>> = { read, accepted: ok, rejected }
    row.cells.forEach((cell, column) => {
      const key = filesTable.columns[column]?.key ?? ""
      const place = cellPlaces.get(cell)
      if (place !== undefined && byKey[key] !== undefined) builder.link(byKey[key]!, place)
      const lists: Readonly<Record<string, number[]>> = { reasons, warnings }
      const list = lists[key]
      if (list !== undefined) linkListed(builder, cell, list)
    })
  })

  for (const [of, kind] of [
    ["missions", "missions"],
    ["rescueCases", "rescue-cases"],
  ] as const) {
    const c = dq.period[of]
    const inPeriod = add({ kind: "coverage", of, field: "inPeriod" }, c.inPeriod, kind)
    const before = add({ kind: "coverage", of, field: "before" }, c.before)
    const after = add({ kind: "coverage", of, field: "after" }, c.after)
    const total = add({ kind: "coverage", of, field: "total" }, c.inPeriod + c.before + c.after, kind)
    builder.sum(total, [inPeriod, before, after])
    const files = accepted[kind]
    builder.sum(total, files)
  }

  const unmatchedTable = tableById(slides, "data-quality-unmatched")
  for (const list of ["stations", "municipalityCodes"] as const) {
    const entries: ReadonlyArray<{
      readonly missions: number
      readonly name?: string
      readonly code?: string
    }> = dq.unmatched[list]
    const items = entries.map((item, index) => ({
      text: item.name ?? item.code ?? "",
      place: add({ kind: "unmatched", list, index }, item.missions, "missions"),
    }))
    if (unmatchedTable === undefined) continue
    const listedTexts = new Set<string>()
    for (const row of unmatchedTable.rows) {
      const text = row.cells[1]?.text ?? ""
      const item = items.find((i) => i.text === text)
      const place = row.cells.map((c) => cellPlaces.get(c)).find((p) => p !== undefined)
      if (item !== undefined && place !== undefined) {
        builder.link(item.place, place)
        listedTexts.add(text)
      }
    }
    // A last row sums the texts not listed one by one.
    const rest = items.filter((i) => !listedTexts.has(i.text)).map((i) => i.place)
    for (const row of unmatchedTable.rows) {
      const place = row.cells.map((c) => cellPlaces.get(c)).find((p) => p !== undefined)
      if (place !== undefined && rest.length > 0 && !items.some((i) => i.text === row.cells[1]?.text))
        builder.sum(place, rest)
    }
  }

  // With very little data, a file's or the period's count is a total of the report as well: the
  // missions file's of a table of missions or cases, the rescue file's of one of rescue cases.
  // Only from N up: small counts are hidden on both sides anyway, and a chain of equal 1s and 2s
  // across the report would tie unrelated tables together.
  const unitOfSlide = (slide: Slide) =>
    Object.entries(report.metrics).find(([key]) => slideOfKey(slide, key))?.[1].quality.unit
  const kindOfUnit = (unit: string | undefined) => (unit === "rescue-cases" ? "rescue-cases" : "missions")
  const totals = [
    ...[...cellPlaces.values()].filter((p) => {
      const place = builder.placeOf(p)
      return place.kind === "cell" && place.total && place.slide.id !== "data-quality"
    }),
    ...[...accounts.values()].flatMap((a) => [a.considered, a.used]),
  ].map((place) => {
    const at = builder.placeOf(place)
    const unit =
      at.kind === "cell"
        ? unitOfSlide(at.slide)
        : at.kind === "quality"
          ? report.metrics[at.key]?.quality.unit
          : undefined
    return { place, kind: kindOfUnit(unit) }
  })
  for (const { place, kind } of totalLike) {
    if (builder.valueOf(place) < below) continue
    for (const total of totals) if (total.kind === kind) builder.equal(place, total.place)
  }
}

const sortedCounts = (counts: Readonly<Record<string, number>>): number[] =>
  Object.entries(counts)
    .sort(([a], [b]) => compareCodePoints(a, b))
    .map(([, n]) => n)

/** Links the counts of a list cell, in order, to the model's counts they show. */
const linkListed = (builder: GraphBuilder, cell: Cell, model: ReadonlyArray<number>): void => {
  const listed = builder.listedPlaces(cell)
  if (listed.length !== model.length) return
  listed.forEach((place, at) => {
    builder.link(model[at]!, place)
  })
}
