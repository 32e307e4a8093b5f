import type { Cell, Column, Row, TableBlock } from "@ambu/core"
import { captionHeight, textHeight } from "./geometry.js"
import { longestWordWidth, textWidth, wrappedLines } from "./text-metrics.js"

/**
 * Table text sizes in reference pixels. A table is set as large as its
 * room allows up to `max`, never below `min`; beside a chart or map it must
 * still be readable at `besideDrawing`, or it moves to a page of its own.
 */
export const TABLE_FONT = { max: 16, min: 11, step: 0.5, besideDrawing: 13 } as const

const LINE_HEIGHT = 1.3

/** Cell padding in em: 0.2em above and below, 0.6em left and right. */
const PAD_Y = 0.4
const PAD_X = 1.2

/** Per column, for rounding and kerning between the estimate and the browser. */
const COLUMN_SLACK = 4

/** Per row: the 1px rule under it, and rounding. */
const ROW_EXTRA = 2

/** A table narrower than its room is widened by at most this much, so few columns do not sprawl. */
const STRETCH = 1.2

/** A short row is never split from its next rows: at least this many start a table on a page. */
export const MIN_FIRST_ROWS = 3

/** The text a cell shows: its marks are part of it (see `templates/blocks/cell-value.hbs`). */
export const shownText = (cell: Cell): string => {
  const emphasis = cell.emphasis ?? []
  const sign = emphasis.includes("over-goal") ? "▲ " : ""
  const mark = emphasis.includes("suppressed") ? "*" : ""
  return `${sign}${cell.text}${mark}`
}

/**
 * Numbers and other values without a space never wrap: a month label
 * broken as "2025-" / "01" or a number split in two cannot be read. Text
 * in left-aligned columns may wrap at its spaces.
 */
export const isNoWrap = (cell: Cell, column: Column | undefined): boolean =>
  column?.align !== "left" || !/[ \t\n]/.test(cell.text)

const isBold = (row: Row, cell: Cell): boolean =>
  row.kind !== "body" || (cell.emphasis ?? []).includes("over-goal")

/** A group heading with nothing in its other cells is drawn as one cell across the table. */
export const isSpanningHeading = (row: Row): boolean =>
  row.kind === "group-heading" && row.cells.slice(1).every((cell) => cell.text === "")

/** The table's footnotes as shown under it: its own, and the key to the suppression mark when used. */
export const tableNotes = (table: TableBlock, suppressedLabel: string): ReadonlyArray<string> => {
  const suppressed = table.rows.some((row) => row.cells.some((cell) => cell.emphasis?.includes("suppressed")))
  return [...(table.notes ?? []), ...(suppressed ? [`* ${suppressedLabel}`] : [])]
}

/** What a column's content needs, in em: the narrowest it may be, and its width on one line. */
interface ColumnNeed {
  readonly min: number
  readonly natural: number
  /** One-line width of the body cells, with the header at its longest word. */
  readonly body: number
}

interface GroupSpan {
  readonly label: string
  readonly first: number
  readonly count: number
}

const groupSpans = (columns: ReadonlyArray<Column>): GroupSpan[] => {
  const spans: GroupSpan[] = []
  let index = 0
  while (index < columns.length) {
    const group = columns[index]!.group
    let end = index + 1
    while (group !== undefined && end < columns.length && columns[end]!.group === group) end++
    if (group !== undefined) spans.push({ label: group, first: index, count: end - index })
    index = end
  }
  return spans
}

// The layout tries many sizes of one table; what its columns need in em does not change between them.
const needsCache = new WeakMap<TableBlock, ReadonlyArray<ColumnNeed>>()

const columnNeeds = (table: TableBlock): ReadonlyArray<ColumnNeed> => {
  const cached = needsCache.get(table)
  if (cached !== undefined) return cached
  const needs = measureColumns(table)
  needsCache.set(table, needs)
  return needs
}

/** In em: header labels may wrap at their spaces; body text counts on one line or at its longest word. */
const measureColumns = (table: TableBlock): ColumnNeed[] =>
  table.columns.map((column, index) => {
    let min = longestWordWidth(column.label, 1, true)
    let natural = textWidth(column.label, 1, true)
    let body = min
    for (const row of table.rows) {
      const cell = row.cells[index]
      if (cell === undefined || isSpanningHeading(row)) continue
      const text = shownText(cell)
      const width = textWidth(text, 1, isBold(row, cell))
      natural = Math.max(natural, width)
      body = Math.max(body, width)
      min = Math.max(min, isNoWrap(cell, column) ? width : longestWordWidth(text, 1, isBold(row, cell)))
    }
    return { min, natural, body }
  })

const outerWidth = (em: number, font: number): number => em * font + PAD_X * font + COLUMN_SLACK

/**
 * The width a table asks for beside a chart at `font`: no body cell
 * wrapped, header labels wrapped at their spaces.
 */
export const shareWidth = (table: TableBlock, font: number): number =>
  sum(
    widenForGroups(
      columnNeeds(table).map((need) => outerWidth(need.body, font)),
      groupSpans(table.columns),
      (label) => outerWidth(longestWordWidth(label, 1, true), font),
    ),
  )

/** A table laid out at one font size in one width. */
export interface FittedTable {
  readonly font: number
  /** Column widths in reference pixels; the table is exactly their sum wide. */
  readonly widths: ReadonlyArray<number>
  readonly width: number
  readonly captionHeight: number
  readonly headerHeight: number
  readonly rowHeights: ReadonlyArray<number>
  readonly notesHeight: number
  /**
   * The last resort for a table whose columns are too wide for the slide
   * even one to a page at the smallest size (a very long name without a
   * space): its values may then break anywhere rather than be cut off.
   */
  readonly squeezed: boolean
}

/** Caption, header and notes: what every page of a split table repeats. */
export const frameHeight = (fitted: FittedTable): number =>
  fitted.captionHeight + fitted.headerHeight + fitted.notesHeight

export const fittedHeight = (fitted: FittedTable, start = 0, end = fitted.rowHeights.length): number =>
  frameHeight(fitted) + sum(fitted.rowHeights.slice(start, end))

const sum = (values: ReadonlyArray<number>): number => values.reduce((total, value) => total + value, 0)

/** Widens the columns under a group label until the label's words fit above them. */
const widenForGroups = (
  widths: number[],
  spans: ReadonlyArray<GroupSpan>,
  need: (label: string) => number,
) => {
  for (const span of spans) {
    const members = widths.slice(span.first, span.first + span.count)
    const deficit = need(span.label) - sum(members)
    if (deficit <= 0) continue
    for (let index = span.first; index < span.first + span.count; index++)
      widths[index] = widths[index]! + deficit / span.count
  }
  return widths
}

/**
 * Column widths at `font` in at most `available` pixels, or `undefined`
 * when even the narrowest columns (no value wrapped, no word broken) are
 * wider. Columns share the room between their narrowest and their
 * one-line width, as a browser's automatic table layout does.
 */
export const columnWidths = (
  table: TableBlock,
  font: number,
  available: number,
  squeeze = false,
): ReadonlyArray<number> | undefined => {
  const needs = columnNeeds(table)
  const spans = groupSpans(table.columns)
  const outer = (em: number) => outerWidth(em, font)
  const mins = widenForGroups(
    needs.map((need) => outer(need.min)),
    spans,
    (label) => outer(longestWordWidth(label, 1, true)),
  )
  const naturals = widenForGroups(
    needs.map((need, index) => Math.max(mins[index]!, outer(need.natural))),
    spans,
    (label) => outer(textWidth(label, 1, true)),
  )
  const least = sum(mins)
  const most = sum(naturals)
  if (least > available) return squeeze ? mins.map((width) => (width * available) / least) : undefined
  if (most <= available) {
    const stretch = Math.min(STRETCH, available / most)
    return naturals.map((width) => width * stretch)
  }
  const share = (available - least) / (most - least)
  return mins.map((width, index) => width + (naturals[index]! - width) * share)
}

const rowHeight = (lines: number, font: number): number =>
  lines * font * LINE_HEIGHT + PAD_Y * font + ROW_EXTRA

const cellLines = (text: string, width: number, font: number, bold: boolean, noWrap: boolean): number =>
  noWrap ? 1 : wrappedLines(text, Math.max(1, width - PAD_X * font), font, bold)

const headerHeight = (table: TableBlock, widths: ReadonlyArray<number>, font: number): number => {
  const spans = groupSpans(table.columns)
  const labelLines = (index: number) =>
    cellLines(table.columns[index]!.label, widths[index]!, font, true, false)
  if (spans.length === 0) {
    return rowHeight(Math.max(1, ...table.columns.map((_, index) => labelLines(index))), font)
  }

  const grouped = new Set(
    spans.flatMap((span) => Array.from({ length: span.count }, (_, i) => span.first + i)),
  )
  const top = Math.max(
    1,
    ...spans.map((span) =>
      cellLines(span.label, sum(widths.slice(span.first, span.first + span.count)), font, true, false),
    ),
  )
  const members = [...grouped].map(labelLines)
  const spanning = table.columns.map((_, index) => index).filter((index) => !grouped.has(index))
  const twoRows = rowHeight(top, font) + rowHeight(Math.max(1, ...members), font)
  return Math.max(twoRows, ...spanning.map((index) => rowHeight(labelLines(index), font)))
}

const bodyRowHeight = (
  table: TableBlock,
  row: Row,
  widths: ReadonlyArray<number>,
  font: number,
  squeezed: boolean,
): number => {
  if (isSpanningHeading(row)) {
    // Its cell has more padding above (0.6em) and a 2px rule below.
    const lines = cellLines(row.cells[0]?.text ?? "", sum(widths), font, true, false)
    return rowHeight(lines, font) + 0.4 * font + 1
  }
  const lines = row.cells.map((cell, index) =>
    cellLines(
      shownText(cell),
      widths[index] ?? 0,
      font,
      isBold(row, cell),
      !squeezed && isNoWrap(cell, table.columns[index]),
    ),
  )
  return rowHeight(Math.max(1, ...lines), font) + (row.kind === "total" ? 1 : 0)
}

const NOTE_FONT = 0.9
const NOTE_LINE_HEIGHT = 1.35

const notesHeight = (notes: ReadonlyArray<string>, width: number, font: number): number =>
  notes.length === 0
    ? 0
    : 0.5 * NOTE_FONT * font +
      sum(notes.map((note) => textHeight(note, width, NOTE_FONT * font, NOTE_LINE_HEIGHT)))

/** The table at `font` in at most `available` pixels, or `undefined` when it is too wide for it. */
export const fitTable = (
  table: TableBlock,
  notes: ReadonlyArray<string>,
  font: number,
  available: number,
  squeeze = false,
): FittedTable | undefined => {
  const widths = columnWidths(table, font, available, squeeze)
  if (widths === undefined) return undefined
  const squeezed = squeeze && columnWidths(table, font, available) === undefined

  const width = sum(widths)
  return {
    font,
    widths,
    width,
    captionHeight: captionHeight(table.caption, width),
    headerHeight: headerHeight(table, widths, font),
    rowHeights: table.rows.map((row) => bodyRowHeight(table, row, widths, font, squeezed)),
    notesHeight: notesHeight(notes, width, font),
    squeezed,
  }
}

/** Font sizes from the largest down to `smallest`. */
export const fontSizes = (smallest: number = TABLE_FONT.min): number[] => {
  const sizes: number[] = []
  for (let font = TABLE_FONT.max; font >= smallest - 1e-9; font -= TABLE_FONT.step) sizes.push(font)
  return sizes
}

/** The table whole at the largest font (down to `smallest`) at which it fits `width` × `height`. */
export const fitWhole = (
  table: TableBlock,
  notes: ReadonlyArray<string>,
  width: number,
  height: number,
  smallest: number = TABLE_FONT.min,
): FittedTable | undefined => {
  for (const font of fontSizes(smallest)) {
    const fitted = fitTable(table, notes, font, width)
    if (fitted !== undefined && fittedHeight(fitted) <= height) return fitted
  }
  return undefined
}

/** A range of body rows: `rows.slice(start, end)`. */
export interface RowRange {
  readonly start: number
  readonly end: number
}

/**
 * Splits body rows into pages: `firstRoom` pixels for rows on the first
 * page, `nextRoom` on each further one. Every page takes at least one row.
 * A group heading never ends a page (it moves on with its rows), and a
 * final total row never stands alone (the row above it comes along).
 */
export const paginateRows = (
  heights: ReadonlyArray<number>,
  kinds: ReadonlyArray<Row["kind"]>,
  firstRoom: number,
  nextRoom: number,
): RowRange[] => {
  const pages: Array<{ start: number; end: number }> = []
  let start = 0
  while (start < heights.length) {
    const room = pages.length === 0 ? firstRoom : nextRoom
    let end = start
    let used = 0
    while (end < heights.length && (end === start || used + heights[end]! <= room)) {
      used += heights[end]!
      end++
    }
    while (end < heights.length && end - start > 1 && kinds[end - 1] === "group-heading") end--
    pages.push({ start, end })
    start = end
  }

  const last = pages[pages.length - 1]
  const before = pages[pages.length - 2]
  if (
    last !== undefined &&
    before !== undefined &&
    last.end - last.start === 1 &&
    kinds[last.start] === "total"
  ) {
    if (before.end - before.start > 1) {
      before.end--
      last.start--
    }
  }
  return pages
}

/** A table too long for one page: its size, layout and the rows of each page. */
export interface SplitTable {
  readonly fitted: FittedTable
  readonly pages: ReadonlyArray<RowRange>
}

/**
 * Splits a table over pages: the first page has `firstRoom` pixels (caption,
 * header and notes included), every further page `nextRoom`. It is set at
 * the largest size that needs no more pages than the smallest size would.
 * A table too wide for `width` even at the smallest size is squeezed into
 * it at that size rather than left out.
 */
export const splitTable = (
  table: TableBlock,
  notes: ReadonlyArray<string>,
  width: number,
  firstRoom: number,
  nextRoom: number,
): SplitTable => {
  const kinds = table.rows.map((row) => row.kind)
  const layout = (fitted: FittedTable): SplitTable => {
    const frame = frameHeight(fitted)
    return { fitted, pages: paginateRows(fitted.rowHeights, kinds, firstRoom - frame, nextRoom - frame) }
  }
  const layouts = fontSizes().flatMap((font) => {
    const fitted = fitTable(table, notes, font, width)
    return fitted === undefined ? [] : [layout(fitted)]
  })
  const fewest = Math.min(...layouts.map((candidate) => candidate.pages.length))
  return (
    layouts.find((candidate) => candidate.pages.length === fewest) ??
    layout(fitTable(table, notes, TABLE_FONT.min, width, true)!)
  )
}

/** The same table with only some of its columns (the first, the row header, always stays). */
const withColumns = (table: TableBlock, indexes: ReadonlyArray<number>): TableBlock => ({
  ...table,
  columns: indexes.map((index) => table.columns[index]!),
  rows: table.rows.map((row) => ({
    ...row,
    cells: indexes.map((index) => row.cells[index] ?? { text: "", value: null, format: "text" }),
  })),
})

/**
 * A table too wide for `width` even at the smallest size is cut into
 * column groups, each with the row header column first: as few groups as
 * the smallest size allows, at the largest size that needs no more.
 */
export const columnChunks = (table: TableBlock, width: number): ReadonlyArray<TableBlock> => {
  if (columnWidths(table, TABLE_FONT.min, width) !== undefined || table.columns.length <= 2) return [table]

  const chunksAt = (font: number): number[][] => {
    const chunks: number[][] = []
    let current: number[] = [0]
    for (let index = 1; index < table.columns.length; index++) {
      const candidate = [...current, index]
      if (current.length > 1 && columnWidths(withColumns(table, candidate), font, width) === undefined) {
        chunks.push(current)
        current = [0, index]
      } else current = candidate
    }
    chunks.push(current)
    return chunks
  }
  const fewest = chunksAt(TABLE_FONT.min).length
  const chunks =
    fontSizes()
      .map(chunksAt)
      .find((found) => found.length === fewest) ?? chunksAt(TABLE_FONT.min)
  return chunks.map((indexes) => withColumns(table, indexes))
}
