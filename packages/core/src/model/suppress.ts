import { formatCount } from "./format.js"
import type { Cell, ChartBlock, Language, MapBlock, MetricQuality, Report, Slide } from "./report-model.js"
import {
  type FigureGraph,
  type Grid,
  type GridRow,
  type Place,
  type QualityField,
  slideOfKey,
} from "./suppress-builder.js"
import { buildFigureGraph } from "./suppress-graph.js"
import { type HideEvent, marksBelow, protect, requiredWidth } from "./suppress-protect.js"
import { type PublishedQuality, publishList, publishQualitySentence, replaceCounts } from "./suppress-text.js"

/**
 * Small-count suppression for publication; the rule is set out in
 * docs/hardening.md ("Small-count suppression"), in short:
 *
 * 1. Every count the report publishes is a figure: table cells, chart
 *    points, map areas, key figures, the counts in the speaker notes, on the
 *    data-quality slide and in the JSON's data-quality accounts. Places that
 *    show the same figure are one figure (see suppress-graph.ts).
 * 2. Primary: a figure from 1 to N−1 is hidden, as is a count the report
 *    implies without showing (the cases a share leaves out) when it is that
 *    small.
 * 3. Complementary: a reader who knows every sum the report states must not
 *    be able to narrow a hidden small count to fewer values than `<N` alone
 *    allows while zeros are shown (N−1 values, at least two). The range is
 *    worked out by linear programming over everything published
 *    (suppress-protect.ts, suppress-lp.ts), and further figures are hidden
 *    until every range is wide enough.
 * 4. Derived: shares and medians computed from a hidden count, resting on
 *    fewer than N cases, or whose basis splits into a part below N, are
 *    hidden; so are chart points and map areas showing a hidden cell.
 * 5. The JSON: raw results become `{ suppressed: true }`; an account that
 *    holds a hidden count is withheld (the schema has no mark for it) and
 *    named in `parameters.suppression.withheld`.
 *
 * A hidden count reads `<N` where it is below N (a zero hidden to protect
 * another is below N too) and `..` otherwise; a hidden share or duration
 * reads `..`. No published text states a false value.
 */
export const SUPPRESSED_DERIVED_TEXT = ".."

/** What `parameters.suppression` holds in a suppressed report. */
export interface SuppressionParameters {
  readonly below: number
  /** Every hidden count from 1 to N−1 can, from all that is published, take at least this many more values. */
  readonly minimumRange: number
  /**
   * Counts from 1 to N−1 that stay shown, or narrower than `minimumRange`,
   * because the JSON schema has no mark for them: the period coverage in
   * `dataQuality.period` (e.g. one mission dated after the period).
   */
  readonly unprotected: number
  /** JSON data-quality entries left out because they hold a hidden count. */
  readonly withheld: {
    readonly metrics: ReadonlyArray<string>
    readonly files: ReadonlyArray<string>
    readonly unmatched: number
  }
}

/**
 * A copy of the report with small counts hidden as described above; the
 * input report is not changed. `below` is the smallest count that may be
 * shown (an integer of at least 1; 1 hides nothing but still drops the raw
 * results). `trace` is told of each figure hidden and why.
 *
 * @example
 * const published = suppressReport(report, 5)
 * // a cell { text: "3", value: 3, format: "count" } is now
 * // { text: "<5", value: null, format: "count", emphasis: ["suppressed"] }
 */
export const suppressReport = (
  report: Report,
  below: number,
  options: { readonly trace?: (event: HideEvent, places: ReadonlyArray<Place>) => void } = {},
): Report => {
  if (!Number.isInteger(below) || below < 1) {
    throw new RangeError(`suppression threshold must be a whole number of at least 1, not ${below}`)
  }
  const copy: Report = structuredClone(report)
  const { graph, grids } = buildFigureGraph(copy, below)
  const cellFigure = new Map<Cell, number>()
  graph.places.forEach((places, f) => {
    for (const place of places) if (place.kind === "cell") cellFigure.set(place.cell, f)
  })

  // Figures tied by an equality (x − y = 0) go hidden together: closing that relation takes the other.
  const twins: number[][] = graph.figures.map(() => [])
  for (const { terms } of graph.relations) {
    if (terms.length !== 2) continue
    twins[terms[0]!.figure]!.push(terms[1]!.figure)
    twins[terms[1]!.figure]!.push(terms[0]!.figure)
  }
  const { hidden, blanked, unprotected } = protect({
    figures: graph.figures,
    relations: graph.relations,
    below,
    penalty: (f, hiddenFigures) => penalty(graph, cellFigure, twins, below, f, hiddenFigures),
    distance: (a, b) => distance(graph, a, b),
    ...(options.trace === undefined
      ? {}
      : { trace: (event: HideEvent) => options.trace!(event, graph.places[event.figure]!) }),
  })
  const markOf = (f: number): string =>
    blanked.has(f) || graph.figures[f]!.value >= below || !marksBelow(below)
      ? SUPPRESSED_DERIVED_TEXT
      : `<${below}`
  const textOf = (f: number, language: Language): string =>
    hidden.has(f) ? markOf(f) : formatCount(graph.figures[f]!.value, language)

  const hiddenCells = hiddenCellSet()
  for (const f of hidden) {
    const small = graph.figures[f]!.value < below
    for (const place of graph.places[f]!) writeHidden(place, markOf(f), small, hiddenCells)
  }
  publishLists(graph, hidden, markOf)

  for (const grid of grids) {
    hideDerived(grid, hiddenCells)
    hideThinlyBased(grid, below, hiddenCells)
  }
  for (const slide of copy.slides) {
    for (const block of slide.blocks) {
      if (block.kind === "chart" && block.unit !== "count") hideChartPoints(block, slide, grids, hiddenCells)
      if (block.kind === "map" && block.unit !== "count") hideMapAreas(block, slide, grids, hiddenCells)
    }
  }

  const qualityFigure = new Map<string, number>()
  graph.places.forEach((places, f) => {
    for (const place of places)
      if (place.kind === "quality") qualityFigure.set(qualityKey(place.key, place.field), f)
  })
  publishTexts(copy, graph, hidden, below, markOf, (key, field) => {
    const f = qualityFigure.get(qualityKey(key, field))!
    return textOf(f, copy.language)
  })

  const withheld = withheldEntries(copy, graph, hidden)
  const metrics = Object.fromEntries(
    Object.entries(copy.metrics)
      .filter(([key]) => !withheld.metrics.includes(key))
      .map(([key, entry]) => [key, { result: { suppressed: true }, quality: entry.quality }]),
  )
  const suppression: SuppressionParameters = {
    below,
    minimumRange: requiredWidth(below),
    unprotected: unprotected.size,
    withheld,
  }
  return {
    ...copy,
    parameters: { ...copy.parameters, suppression: { ...suppression } },
    metrics,
    dataQuality: {
      ...copy.dataQuality,
      files: copy.dataQuality.files.filter((f) => !withheld.files.includes(f.file)),
      metrics: Object.fromEntries(
        Object.entries(copy.dataQuality.metrics).filter(([key]) => !withheld.metrics.includes(key)),
      ),
      unmatched: {
        stations: copy.dataQuality.unmatched.stations.filter(
          (_, i) => !isHiddenUnmatched(graph, hidden, "stations", i),
        ),
        municipalityCodes: copy.dataQuality.unmatched.municipalityCodes.filter(
          (_, i) => !isHiddenUnmatched(graph, hidden, "municipalityCodes", i),
        ),
      },
    },
  }
}

const qualityKey = (key: string, field: QualityField): string => `${key}\u0000${field}`

// ------------------------------------------------------- choosing cells

/**
 * What hiding figure f costs beyond itself: each further place it is shown
 * in, 3 for a total (a reader misses a total more than a part), and every
 * share or median of its rows that would go with it.
 */
const penalty = (
  graph: FigureGraph,
  cellFigure: ReadonlyMap<Cell, number>,
  twins: ReadonlyArray<ReadonlyArray<number>>,
  below: number,
  f: number,
  hidden: ReadonlySet<number>,
): number => {
  const own = (figure: number): number => {
    let cost = graph.places[figure]!.length - 1
    const small = graph.figures[figure]!.value < below
    for (const place of graph.places[figure]!) {
      if (place.kind !== "cell") continue
      if (place.total) cost += 3
      const state = (cell: Cell): "small" | "large" | undefined => {
        const other = cellFigure.get(cell)
        if (other === undefined || !hidden.has(other)) return undefined
        return graph.figures[other]!.value < below ? "small" : "large"
      }
      const before = derivedOf(place.rowCells, place.block.columns, state).size
      const after = derivedOf(place.rowCells, place.block.columns, (c) =>
        c === place.cell ? (small ? "small" : "large") : state(c),
      ).size
      cost += after - before
    }
    return cost
  }
  // A figure shown as equal to another (the same total in two tables) takes that one along.
  let cost = own(f)
  for (const twin of twins[f]!) if (!hidden.has(twin)) cost += 1 + own(twin)
  return cost
}

/** Table distance between two figures' nearest cells (same table), for breaking ties towards neighbours. */
const distance = (graph: FigureGraph, a: number, b: number): number => {
  let best = 1000
  for (const pa of graph.places[a]!) {
    for (const pb of graph.places[b]!) {
      if (pa.kind === "cell" && pb.kind === "cell" && pa.grid === pb.grid) {
        best = Math.min(best, Math.abs(pa.row - pb.row) + Math.abs(pa.column - pb.column))
      }
    }
  }
  return best
}

// ------------------------------------------------------------- writing

/** The cells hidden so far: counts, with whether they are below N, and derived cells. */
interface HiddenCells {
  readonly counts: Map<Cell, "small" | "large">
  readonly derived: Set<Cell>
  count(cell: Cell): "small" | "large" | undefined
  has(cell: Cell): boolean
}

const hiddenCellSet = (): HiddenCells => {
  const counts = new Map<Cell, "small" | "large">()
  const derived = new Set<Cell>()
  return {
    counts,
    derived,
    count: (cell) => counts.get(cell),
    has: (cell) => counts.has(cell) || derived.has(cell),
  }
}

/** Hides one cell in place (the cells belong to the report's private copy). */
const hideCell = (cell: Cell, text: string): void => {
  const kept = (cell.emphasis ?? []).filter((mark) => mark !== "over-goal" && mark !== "suppressed")
  cell.text = text
  cell.value = null
  cell.emphasis = [...kept, "suppressed"]
}

const writeHidden = (place: Place, mark: string, small: boolean, hidden: HiddenCells): void => {
  switch (place.kind) {
    case "cell":
    case "key-figure":
      hideCell(place.cell, mark)
      hidden.counts.set(place.cell, small ? "small" : "large")
      return
    case "chart":
      place.chart.series[place.series]!.values[place.index] = null
      return
    case "map": {
      const area = place.map.areas[place.index]!
      place.map.areas[place.index] = { ...area, value: null, text: mark, overGoal: false }
      return
    }
    default:
      // Lists, notes and the JSON accounts are rewritten as a whole below.
      return
  }
}

/** List cells ("saknar klar: 3; negativt intervall: 1") with each hidden count replaced by its mark. */
const publishLists = (
  graph: FigureGraph,
  hidden: ReadonlySet<number>,
  markOf: (f: number) => string,
): void => {
  const lists = new Map<Cell, string[]>()
  graph.places.forEach((places, f) => {
    for (const place of places) {
      if (place.kind !== "listed") continue
      const counts = lists.get(place.cell) ?? []
      counts[place.entry] = hidden.has(f) ? markOf(f) : String(graph.figures[f]!.value)
      lists.set(place.cell, counts)
    }
  })
  for (const [cell, counts] of lists) {
    if (!counts.some((text) => text === SUPPRESSED_DERIVED_TEXT || text.startsWith("<"))) continue
    const text = publishList(cell.text, counts)
    // A list this module cannot rebuild is hidden whole, rather than shown with its counts.
    if (text === undefined) hideCell(cell, SUPPRESSED_DERIVED_TEXT)
    else cell.text = text
  }
}

/**
 * Derived cells that would give a hidden count away. A share in a column
 * group goes with a hidden count of that group or a hidden count outside any
 * group (the denominators); one outside any group goes with any hidden count
 * of its row: with the other count shown, a share gives the hidden one back.
 * A median goes only with a hidden count below N (the median of a handful of
 * missions is close to one mission's time); the median of a count hidden to
 * protect another, N or more, says nothing of that count.
 */
const derivedOf = (
  cells: ReadonlyArray<Cell>,
  columns: ReadonlyArray<{ readonly group?: string | undefined }>,
  hiddenCount: (cell: Cell) => "small" | "large" | undefined,
): Set<Cell> => {
  const groups = { share: new Set<string | undefined>(), duration: new Set<string | undefined>() }
  cells.forEach((cell, column) => {
    if (cell.format !== "count") return
    const hidden = hiddenCount(cell)
    if (hidden === undefined) return
    groups.share.add(columns[column]?.group)
    if (hidden === "small") groups.duration.add(columns[column]?.group)
  })
  const derived = new Set<Cell>()
  cells.forEach((cell, column) => {
    if ((cell.format !== "share" && cell.format !== "duration") || typeof cell.value !== "number") return
    const hiddenGroups = groups[cell.format]
    const group = columns[column]?.group
    if (
      hiddenGroups.size > 0 &&
      (group === undefined || hiddenGroups.has(undefined) || hiddenGroups.has(group))
    ) {
      derived.add(cell)
    }
  })
  return derived
}

const hideDerived = (grid: Grid, hidden: HiddenCells): void => {
  for (const row of grid.rows) {
    for (const cell of derivedOf(row.cells, row.block.columns, (c) => hidden.count(c))) {
      hideCell(cell, SUPPRESSED_DERIVED_TEXT)
      hidden.derived.add(cell)
    }
  }
}

/**
 * A share or median resting on `basis` cases where the table shows no count
 * for it: hidden when the basis is below N (a share of one case is that
 * case's outcome), and a share also when the cases in it or the cases out of
 * it are from 1 to N−1 (7 of 8 within the goal says one case was not).
 */
const hideThinlyBased = (grid: Grid, below: number, hidden: HiddenCells): void => {
  for (const row of grid.rows) {
    for (const cell of row.cells) {
      if (cell.basis === undefined || typeof cell.value !== "number") continue
      const small = (n: number) => n > 0 && n < below
      const within = cell.format === "share" ? Math.round(cell.value * cell.basis) : 0
      if (small(cell.basis) || (cell.format === "share" && (small(within) || small(cell.basis - within)))) {
        hideCell(cell, SUPPRESSED_DERIVED_TEXT)
        hidden.derived.add(cell)
      }
    }
  }
}

const placeKey = (rowHeader: string, columnLabel: string): string => `${rowHeader}\u0000${columnLabel}`

/** Row header and column label of every hidden cell in the tables of one slide. */
const hiddenPlaces = (slide: Slide, grids: ReadonlyArray<Grid>, hiddenCells: HiddenCells): Set<string> => {
  const places = new Set<string>()
  for (const grid of grids) {
    for (const row of grid.rows) {
      if (row.slide !== slide) continue
      row.cells.forEach((cell, column) => {
        const label = row.block.columns[column]?.label
        if (hiddenCells.has(cell) && label !== undefined) places.add(placeKey(row.cells[0]!.text, label))
      })
    }
  }
  return places
}

/** A share or duration chart: a point goes when the table cell it shows is hidden. */
const hideChartPoints = (
  chart: ChartBlock,
  slide: Slide,
  grids: ReadonlyArray<Grid>,
  hiddenCells: HiddenCells,
): void => {
  const places = hiddenPlaces(slide, grids, hiddenCells)
  for (const series of chart.series) {
    series.values = series.values.map((value, at) => {
      const category = chart.categories[at] ?? ""
      const shown = places.has(placeKey(category, series.name)) || places.has(placeKey(series.name, category))
      return shown ? null : value
    })
  }
}

/**
 * Row headers of rows whose derived cells are hidden, in the tables of
 * slides that share a metric with `slide`: the map shows those values.
 */
const hiddenRowNames = (slide: Slide, grids: ReadonlyArray<Grid>, hiddenCells: HiddenCells): Set<string> => {
  const names = new Set<string>()
  for (const grid of grids) {
    for (const row of grid.rows as ReadonlyArray<GridRow>) {
      if (!row.slide.metricIds.some((id) => slide.metricIds.includes(id))) continue
      if (row.cells.some((cell) => hiddenCells.derived.has(cell) || hiddenCells.count(cell) === "small"))
        names.add(row.cells[0]!.text)
    }
  }
  return names
}

/** A map of shares or medians: an area goes when its municipality's value is hidden in a table. */
const hideMapAreas = (
  map: MapBlock,
  slide: Slide,
  grids: ReadonlyArray<Grid>,
  hiddenCells: HiddenCells,
): void => {
  const names = hiddenRowNames(slide, grids, hiddenCells)
  map.areas = map.areas.map((area) =>
    names.has(area.name) ? { ...area, value: null, text: SUPPRESSED_DERIVED_TEXT, overGoal: false } : area,
  )
}

// ----------------------------------------------------------------- text

/**
 * Speaker notes, table footnotes and the data-quality slide's sentences:
 * the notes' data-quality sentence is rebuilt from its figures; elsewhere a
 * count from 1 to N−1, or equal to a figure hidden on the same slide, is
 * replaced by its mark.
 */
const publishTexts = (
  report: Report,
  graph: FigureGraph,
  hidden: ReadonlySet<number>,
  below: number,
  markOf: (f: number) => string,
  qualityText: (key: string, field: QualityField) => string,
): void => {
  const language = report.language
  const hiddenOnSlide = hiddenFiguresBySlide(report, graph, hidden)
  const replacement = (slide: Slide) => (count: number) => {
    if (count > 0 && count < below) return `<${below}`
    const f = hiddenOnSlide.get(slide)?.get(count)
    return f === undefined ? undefined : markOf(f)
  }

  for (const slide of report.slides) {
    const keys = Object.keys(report.metrics).filter((key) => slideOfKey(slide, key))
    let notes = slide.notes
    const sentences: string[] = []
    for (const key of keys) {
      const quality = report.metrics[key]!.quality
      const published = publishedQuality(quality, (field) => qualityText(key, field))
      const written = publishQualitySentence(notes, quality, published, language)
      notes = written.notes
      if (written.sentence !== undefined) sentences.push(written.sentence)
    }
    const isDataQuality = slide.id === "data-quality"
    if (slide.metricIds.length === 0 && !isDataQuality) continue
    const rewrite = (text: string) => replaceCounts(text, !isDataQuality, replacement(slide))
    slide.notes = notes
      .split("\n\n")
      .map((p) => (sentences.includes(p) || isReferenceSentence(p) ? p : rewrite(p)))
      .join("\n\n")
    for (const block of slide.blocks) {
      if (block.kind === "table" && block.notes !== undefined) block.notes = block.notes.map(rewrite)
      if (block.kind === "text" && isDataQuality) {
        block.paragraphs = block.paragraphs.map((p) => (isReferenceSentence(p) ? p : rewrite(p)))
      }
    }
  }
}

/** Sentences on the reference data ("15 kommuner"): counts of places, not of people. */
const isReferenceSentence = (paragraph: string): boolean => /^(Referensdata|Reference data)\b/.test(paragraph)

const publishedQuality = (
  quality: MetricQuality,
  text: (field: QualityField) => string,
): PublishedQuality => ({
  unit: quality.unit,
  considered: text("considered"),
  used: text("used"),
  leftOut: text("leftOut"),
  reasons: quality.leftOut.map((l, at) => ({ reason: l.reason, text: text(at) })),
  ambiguous: quality.ambiguousLocalTimes > 0 ? text("ambiguous") : undefined,
})

/**
 * For each slide, the hidden figures its sentences may repeat, by value:
 * on a metric's slide, those shown on the slide and its metric's account;
 * on the data-quality slide, whose sentences speak of the files and the
 * period, the JSON's file and period figures.
 */
const hiddenFiguresBySlide = (
  report: Report,
  graph: FigureGraph,
  hidden: ReadonlySet<number>,
): Map<Slide, Map<number, number>> => {
  const bySlide = new Map<Slide, Map<number, number>>(report.slides.map((s) => [s, new Map()]))
  const dataQuality = report.slides.find((s) => s.id === "data-quality")
  for (const f of hidden) {
    const value = graph.figures[f]!.value
    for (const place of graph.places[f]!) {
      const slides =
        place.kind === "file" || place.kind === "coverage" || place.kind === "unmatched"
          ? dataQuality === undefined
            ? []
            : [dataQuality]
          : place.kind === "quality"
            ? report.slides.filter((s) => slideOfKey(s, place.key))
            : "slide" in place && place.slide !== dataQuality
              ? [place.slide]
              : []
      for (const slide of slides) bySlide.get(slide)?.set(value, f)
    }
  }
  return bySlide
}

// ----------------------------------------------------------------- JSON

const withheldEntries = (
  report: Report,
  graph: FigureGraph,
  hidden: ReadonlySet<number>,
): SuppressionParameters["withheld"] => {
  const metrics = new Set<string>()
  const files = new Set<string>()
  let unmatched = 0
  for (const f of hidden) {
    for (const place of graph.places[f]!) {
      if (place.kind === "quality") metrics.add(place.key)
      if (place.kind === "file") files.add(report.dataQuality.files[place.index]!.file)
      if (place.kind === "unmatched") unmatched++
    }
  }
  return {
    metrics: Object.keys(report.metrics).filter((key) => metrics.has(key)),
    files: report.dataQuality.files.map((f) => f.file).filter((file) => files.has(file)),
    unmatched,
  }
}

const isHiddenUnmatched = (
  graph: FigureGraph,
  hidden: ReadonlySet<number>,
  list: "stations" | "municipalityCodes",
  index: number,
): boolean =>
  [...hidden].some((f) =>
    graph.places[f]!.some((p) => p.kind === "unmatched" && p.list === list && p.index === index),
  )
