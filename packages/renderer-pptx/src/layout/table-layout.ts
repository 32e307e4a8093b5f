import type { Column, Row } from "@ambu/core"
import { SIZES } from "../theme.js"
import { displayText } from "./cell-text.js"
import { linesHeight, measure, widestWord, wrappedLines } from "./geometry.js"

/**
 * Inner cell margins in inches: top, right, bottom, left (pptxgenjs order).
 * Thin above and below so that a long table keeps 20 or more rows on a slide.
 */
export const CELL_MARGIN: readonly [number, number, number, number] = [0.02, 0.06, 0.02, 0.06]

const CELL_PADDING_X = CELL_MARGIN[1] + CELL_MARGIN[3]
const CELL_PADDING_Y = CELL_MARGIN[0] + CELL_MARGIN[2]

/** A text column never gets narrower than this; it wraps instead. */
const MIN_TEXT_COLUMN = 0.8

/** No column is narrower than this, so a one-digit column still reads as a column. */
const MIN_COLUMN = 0.45

/** Room for rounding between the estimate and a real font. */
const SLACK = 0.06

/** A header cell: a column's label, or a group label spanning several columns. */
export interface HeaderCell {
  readonly text: string
  readonly colspan: number
  readonly rowspan: number
  /** Index of the first column it covers, for its alignment and width. */
  readonly column: number
}

/**
 * The header rows of a table: one row of labels, or two when columns carry
 * a `group` (the group label spans its consecutive columns, the others
 * span both rows).
 */
export const headerRows = (columns: ReadonlyArray<Column>): ReadonlyArray<ReadonlyArray<HeaderCell>> => {
  const grouped = columns.some((column) => column.group !== undefined)
  if (!grouped)
    return [columns.map((column, index) => ({ text: column.label, colspan: 1, rowspan: 1, column: index }))]

  const top: HeaderCell[] = []
  const bottom: HeaderCell[] = []
  let index = 0
  while (index < columns.length) {
    const group = columns[index]!.group
    if (group === undefined) {
      top.push({ text: columns[index]!.label, colspan: 1, rowspan: 2, column: index })
      index += 1
      continue
    }

    let end = index
    while (end < columns.length && columns[end]!.group === group) end += 1
    top.push({ text: group, colspan: end - index, rowspan: 1, column: index })
    for (let member = index; member < end; member += 1) {
      bottom.push({ text: columns[member]!.label, colspan: 1, rowspan: 1, column: member })
    }
    index = end
  }
  return [top, bottom]
}

/** The width of the widest line of a text: labels may carry their own line breaks. */
const widestLine = (text: string, fontPt: number, bold: boolean): number =>
  Math.max(0, ...text.split("\n").map((line) => measure(line, fontPt, bold)))

/** A body row's cells are bold in totals and headings, and where a value misses its goal. */
export const isBold = (row: Row, cell: Row["cells"][number]): boolean =>
  row.kind !== "body" || (cell.emphasis ?? []).some((mark) => mark === "total" || mark === "over-goal")

/**
 * What a column needs, in inches at one font size, padding included:
 * - `floor`: its header wraps between words and keeps them whole, numbers
 *   never wrap, and text may break a word too long for a readable column
 *   (a very long name); narrower, the header's words would break;
 * - `min`: its header may wrap between words, its body only if it is text
 *   (numbers never wrap); no word is ever broken;
 * - `body`: as `min`, but no body cell wraps;
 * - `natural`: nothing wraps, the header included.
 */
export interface ColumnNeed {
  readonly floor: number
  readonly min: number
  readonly body: number
  readonly natural: number
  /** The width at which the column's header label takes at most `lines` lines. */
  readonly headerIn: (lines: number) => number
}

type NeedLevel = "floor" | "min" | "body" | "natural"

/** Halvings of the search for a header width; 20 resolve a width to far below a glyph. */
const WIDTH_STEPS = 20

/** The narrowest padded width at which `label` wraps into at most `lines` lines, words kept whole. */
const labelWidthIn = (label: string, fontPt: number, lines: number): number => {
  let low = widestWord(label, fontPt, true)
  let high = widestLine(label, fontPt, true)
  const fits = (width: number) =>
    label.split("\n").reduce((sum, line) => sum + wrappedLines(line, width, fontPt, true), 0) <= lines
  if (fits(low)) return padded(low)
  for (let step = 0; step < WIDTH_STEPS; step += 1) {
    const middle = (low + high) / 2
    if (fits(middle)) high = middle
    else low = middle
  }
  return padded(high)
}

const padded = (content: number): number => content + CELL_PADDING_X + SLACK

/** Each column's needs; columns under a group label widen together until the label fits. */
export const columnNeeds = (
  columns: ReadonlyArray<Column>,
  rows: ReadonlyArray<Row>,
  fontPt: number,
): ReadonlyArray<ColumnNeed> => {
  const needs = columns.map((column, index): ColumnNeed => {
    const texts = rows.flatMap((row) => {
      const cell = row.cells[index]
      return cell === undefined ? [] : [{ text: displayText(cell), bold: isBold(row, cell) }]
    })
    const lines = texts.map(({ text, bold }) => widestLine(text, fontPt, bold))
    const words = texts.map(({ text, bold }) => widestWord(text, fontPt, bold))
    const bodyLine = Math.max(0, ...lines)
    const headerWord = widestWord(column.label, fontPt, true)
    // A text column may wrap down to its widest word, but no narrower than a readable minimum.
    const textMin =
      column.align === "left"
        ? Math.min(bodyLine, Math.max(...words, MIN_TEXT_COLUMN - CELL_PADDING_X - SLACK))
        : bodyLine
    // Below its widest word a text column still keeps a readable width, unless its text is narrower.
    const textFloor =
      column.align === "left" ? Math.min(bodyLine, MIN_TEXT_COLUMN - CELL_PADDING_X - SLACK) : bodyLine
    const atLeast = (content: number) => Math.max(MIN_COLUMN, padded(content))
    return {
      floor: atLeast(Math.max(headerWord, textFloor)),
      min: atLeast(Math.max(headerWord, textMin)),
      body: atLeast(Math.max(headerWord, bodyLine)),
      natural: atLeast(Math.max(widestLine(column.label, fontPt, true), bodyLine)),
      headerIn: (lines) => labelWidthIn(column.label, fontPt, lines),
    }
  })

  for (const cell of headerRows(columns)[0] ?? []) {
    if (cell.colspan < 2) continue
    const span = { from: cell.column, to: cell.column + cell.colspan }
    const widen = (level: NeedLevel, needed: number) => {
      const members = needs.slice(span.from, span.to)
      const deficit = needed - members.reduce((sum, need) => sum + need[level], 0)
      if (deficit <= 0) return
      for (let member = span.from; member < span.to; member += 1) {
        needs[member] = { ...needs[member]!, [level]: needs[member]![level] + deficit / cell.colspan }
      }
    }
    widen("floor", padded(widestWord(cell.text, fontPt, true)))
    widen("min", padded(widestWord(cell.text, fontPt, true)))
    widen("body", padded(widestWord(cell.text, fontPt, true)))
    widen("natural", padded(widestLine(cell.text, fontPt, true)))
  }
  return needs
}

/** The width each column wants at `fontPt` so that nothing wraps. */
export const naturalWidths = (
  columns: ReadonlyArray<Column>,
  rows: ReadonlyArray<Row>,
  fontPt: number,
): ReadonlyArray<number> => columnNeeds(columns, rows, fontPt).map((need) => need.natural)

/** The narrowest a table can be at `fontPt` without breaking a word or wrapping a number. */
export const minimumWidth = (
  columns: ReadonlyArray<Column>,
  rows: ReadonlyArray<Row>,
  fontPt: number,
): number => columnNeeds(columns, rows, fontPt).reduce((sum, need) => sum + need.min, 0)

/** Moves each width from `low` towards `high` by the same fraction, so that they add up to `available`. */
const between = (
  low: ReadonlyArray<number>,
  high: ReadonlyArray<number>,
  available: number,
): ReadonlyArray<number> => {
  const lowTotal = low.reduce((sum, width) => sum + width, 0)
  const span = high.reduce((sum, width) => sum + width, 0) - lowTotal
  const fraction = span <= 0 ? 0 : Math.min(1, (available - lowTotal) / span)
  return low.map((width, index) => width + (high[index]! - width) * fraction)
}

/** The most lines a header is allowed before its columns simply share the width. */
const MAX_HEADER_LINES = 6

/**
 * Widths from `base` up to at most the natural ones at which the header
 * takes as few lines as `available` allows: a long label gets the width to
 * wrap once before a short one is widened to a single line.
 */
const headerLevel = (
  needs: ReadonlyArray<ColumnNeed>,
  base: ReadonlyArray<number>,
  available: number,
): ReadonlyArray<number> => {
  for (let lines = 1; lines <= MAX_HEADER_LINES; lines += 1) {
    const widths = needs.map((need, index) =>
      Math.max(base[index]!, Math.min(need.natural, need.headerIn(lines))),
    )
    if (widths.reduce((sum, width) => sum + width, 0) <= available) return widths
  }
  return base
}

/**
 * Column widths that fill at most `available` inches. A table keeps its
 * natural width when it fits; otherwise header labels wrap first (between
 * words), then text cells, then a text cell's word too long for its column
 * breaks (a header's words never do), and only when even that is too wide
 * does every column shrink alike (a smaller font should have been tried
 * first).
 */
export const fitColumnWidths = (
  needs: ReadonlyArray<ColumnNeed>,
  available: number,
): ReadonlyArray<number> => {
  const level = (key: NeedLevel) => needs.map((need) => need[key])
  const total = (widths: ReadonlyArray<number>) => widths.reduce((sum, width) => sum + width, 0)
  const natural = level("natural")
  const body = level("body")
  const min = level("min")
  const floor = level("floor")

  if (total(natural) <= available) return natural
  if (total(body) <= available) return between(headerLevel(needs, body, available), natural, available)
  if (total(min) <= available) {
    const header = headerLevel(needs, min, available)
    return between(
      header,
      body.map((width, index) => Math.max(width, header[index]!)),
      available,
    )
  }
  if (total(floor) <= available) return between(floor, min, available)
  return floor.map((width) => (width * available) / total(floor))
}

/** The height of one table row whose cells have these texts and widths. */
export const rowHeight = (
  texts: ReadonlyArray<string>,
  widths: ReadonlyArray<number>,
  fontPt: number,
  bold = false,
): number => {
  const lines = texts.reduce((most, text, index) => {
    const inner = Math.max(0.1, (widths[index] ?? 0) - CELL_PADDING_X)
    const needed = text.split("\n").reduce((sum, line) => sum + wrappedLines(line, inner, fontPt, bold), 0)
    return Math.max(most, needed)
  }, 1)
  return linesHeight(lines, fontPt) + CELL_PADDING_Y
}

/**
 * The heights of the header rows. A cell spanning several rows is given its
 * whole height in its last row: LibreOffice grows that row rather than
 * sharing the height out, so an even share would underestimate the header.
 */
export const headerHeights = (
  header: ReadonlyArray<ReadonlyArray<HeaderCell>>,
  widths: ReadonlyArray<number>,
  fontPt: number,
): ReadonlyArray<number> => {
  const heights = header.map((cells) => {
    const own = cells.filter((cell) => cell.rowspan === 1)
    const spans = own.map((cell) =>
      widths.slice(cell.column, cell.column + cell.colspan).reduce((sum, width) => sum + width, 0),
    )
    return rowHeight(
      own.map((cell) => cell.text),
      spans,
      fontPt,
      true,
    )
  })
  header.forEach((cells, rowIndex) => {
    for (const cell of cells) {
      if (cell.rowspan < 2) continue
      const last = Math.min(heights.length, rowIndex + cell.rowspan) - 1
      const needed = rowHeight([cell.text], [widths[cell.column] ?? 0], fontPt, true)
      heights[last] = Math.max(heights[last]!, needed)
    }
  })
  return heights
}

export const bodyHeights = (
  rows: ReadonlyArray<Row>,
  widths: ReadonlyArray<number>,
  fontPt: number,
): ReadonlyArray<number> =>
  rows.map((row) => rowHeight(row.cells.map(displayText), widths, fontPt, row.kind !== "body"))

/** A table fitted to a width: its font, column widths and row heights. */
export interface FittedTable {
  readonly fontPt: number
  readonly widths: ReadonlyArray<number>
  readonly header: ReadonlyArray<ReadonlyArray<HeaderCell>>
  readonly headerHeights: ReadonlyArray<number>
  readonly bodyHeights: ReadonlyArray<number>
  /** Whether every word fits its column; when not, a word breaks in its middle. */
  readonly keepsWords: boolean
}

export const fitTable = (
  columns: ReadonlyArray<Column>,
  rows: ReadonlyArray<Row>,
  width: number,
  fontPt: number,
): FittedTable => {
  const needs = columnNeeds(columns, rows, fontPt)
  const widths = fitColumnWidths(needs, width)
  const header = headerRows(columns)
  return {
    fontPt,
    widths,
    keepsWords: needs.reduce((sum, need) => sum + need.min, 0) <= width + 1e-9,
    header,
    headerHeights: headerHeights(header, widths, fontPt),
    bodyHeights: bodyHeights(rows, widths, fontPt),
  }
}

export const tableHeight = (fitted: FittedTable): number =>
  [...fitted.headerHeights, ...fitted.bodyHeights].reduce((sum, height) => sum + height, 0)

/**
 * The largest font from the theme's range at which the whole table fits
 * `height` without breaking a word (at the smallest font words may break,
 * since a smaller font is not an option), or `undefined` when it does not fit.
 */
export const largestFittingFont = (
  columns: ReadonlyArray<Column>,
  rows: ReadonlyArray<Row>,
  width: number,
  height: number,
): FittedTable | undefined => {
  const smallest: number = SIZES.minTable
  for (let fontPt: number = SIZES.maxTable; fontPt >= smallest; fontPt -= 1) {
    const fitted = fitTable(columns, rows, width, fontPt)
    const keepsWordsEnough = fitted.keepsWords || fontPt === smallest
    if (keepsWordsEnough && tableHeight(fitted) <= height) return fitted
  }
  return undefined
}

type PageRange = { readonly start: number; readonly end: number }

/** Fills each page with as many whole rows as its room takes. */
const fillPages = (
  heights: ReadonlyArray<number>,
  kinds: ReadonlyArray<Row["kind"]>,
  firstRoom: number,
  nextRoom: number,
): ReadonlyArray<PageRange> => {
  const pages: PageRange[] = []
  let start = 0
  while (start < heights.length) {
    const room = pages.length === 0 ? firstRoom : nextRoom
    let end = start
    let used = 0
    while (end < heights.length && (end === start || used + heights[end]! <= room)) {
      used += heights[end]!
      end += 1
    }
    if (end < heights.length && end - start > 1 && kinds[end - 1] === "group-heading") end -= 1
    pages.push({ start, end })
    start = end
  }
  return pages
}

/** Steps of the search for the balancing height; 40 halvings resolve far below a row. */
const BALANCE_STEPS = 40

/**
 * Splits body rows into pages: the first page has `firstRoom` inches for
 * body rows, every later page `nextRoom`. Every page takes at least one
 * row, so a row taller than a page still moves on. A group heading is never
 * left alone at the bottom of a page: it moves to the page of its rows.
 *
 * The rows are spread evenly over the fewest pages that hold them: every
 * page's room is capped at the lowest height that needs no extra page, so
 * that a last page never holds only a few rows.
 */
export const paginateRows = (
  heights: ReadonlyArray<number>,
  kinds: ReadonlyArray<Row["kind"]>,
  firstRoom: number,
  nextRoom: number,
): ReadonlyArray<PageRange> => {
  const fullest = fillPages(heights, kinds, firstRoom, nextRoom)
  if (fullest.length < 2) return fullest

  const capped = (cap: number) => fillPages(heights, kinds, Math.min(firstRoom, cap), Math.min(nextRoom, cap))
  let low = 0
  let high = Math.max(firstRoom, nextRoom)
  for (let step = 0; step < BALANCE_STEPS; step += 1) {
    const middle = (low + high) / 2
    if (capped(middle).length <= fullest.length) high = middle
    else low = middle
  }
  return capped(high)
}
