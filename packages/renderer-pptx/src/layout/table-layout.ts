import type { Column, Row } from "@ambu/core"
import { theme } from "../theme.js"
import { displayText } from "./cell-text.js"
import { linesHeight, measure, wrappedLines } from "./geometry.js"

/** Inner cell margins in inches: top, right, bottom, left (pptxgenjs order). */
export const CELL_MARGIN: readonly [number, number, number, number] = [0.03, 0.06, 0.03, 0.06]

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
 * The width each column wants at `fontPt` so that nothing wraps; columns
 * under a group label widen together until the label fits.
 */
export const naturalWidths = (
  columns: ReadonlyArray<Column>,
  rows: ReadonlyArray<Row>,
  fontPt: number,
): ReadonlyArray<number> => {
  const widths = columns.map((column, index) => {
    const cells = rows.map((row) => {
      const cell = row.cells[index]
      return cell === undefined ? 0 : widestLine(displayText(cell), fontPt, isBold(row, cell))
    })
    const content = Math.max(widestLine(column.label, fontPt, true), ...cells)
    return Math.max(MIN_COLUMN, content + CELL_PADDING_X + SLACK)
  })

  for (const cell of headerRows(columns)[0] ?? []) {
    if (cell.colspan < 2) continue
    const members = widths.slice(cell.column, cell.column + cell.colspan)
    const needed = widestLine(cell.text, fontPt, true) + CELL_PADDING_X + SLACK
    const deficit = needed - members.reduce((sum, width) => sum + width, 0)
    if (deficit <= 0) continue
    for (let member = cell.column; member < cell.column + cell.colspan; member += 1) {
      widths[member] = widths[member]! + deficit / cell.colspan
    }
  }
  return widths
}

/**
 * Column widths that fill at most `available` inches. Numbers keep their
 * natural width; when the table is too wide, text columns (left-aligned)
 * give up width first and wrap, then every column shrinks alike.
 */
export const fitColumnWidths = (
  columns: ReadonlyArray<Column>,
  natural: ReadonlyArray<number>,
  available: number,
): ReadonlyArray<number> => {
  const total = natural.reduce((sum, width) => sum + width, 0)
  if (total <= available) return natural

  const isText = columns.map((column) => column.align === "left")
  const fixed = natural.reduce((sum, width, index) => (isText[index] ? sum : sum + width), 0)
  const textTotal = total - fixed
  const textRoom = available - fixed
  const textCount = isText.filter(Boolean).length
  if (textCount > 0 && textRoom >= textCount * MIN_TEXT_COLUMN) {
    return natural.map((width, index) =>
      isText[index] ? Math.max(MIN_TEXT_COLUMN, (width * textRoom) / textTotal) : width,
    )
  }

  return natural.map((width) => (width * available) / total)
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

/** The heights of the header rows; a header cell spanning two rows counts half in each. */
export const headerHeights = (
  header: ReadonlyArray<ReadonlyArray<HeaderCell>>,
  widths: ReadonlyArray<number>,
  fontPt: number,
): ReadonlyArray<number> =>
  header.map((cells) => {
    const texts = cells.filter((cell) => cell.rowspan === 1).map((cell) => cell.text)
    const spans = cells
      .filter((cell) => cell.rowspan === 1)
      .map((cell) =>
        widths.slice(cell.column, cell.column + cell.colspan).reduce((sum, width) => sum + width, 0),
      )
    const tallSpanning = cells
      .filter((cell) => cell.rowspan > 1)
      .map((cell) => rowHeight([cell.text], [widths[cell.column] ?? 0], fontPt, true) / cell.rowspan)
    return Math.max(rowHeight(texts, spans, fontPt, true), ...tallSpanning)
  })

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
}

export const fitTable = (
  columns: ReadonlyArray<Column>,
  rows: ReadonlyArray<Row>,
  width: number,
  fontPt: number,
): FittedTable => {
  const widths = fitColumnWidths(columns, naturalWidths(columns, rows, fontPt), width)
  const header = headerRows(columns)
  return {
    fontPt,
    widths,
    header,
    headerHeights: headerHeights(header, widths, fontPt),
    bodyHeights: bodyHeights(rows, widths, fontPt),
  }
}

export const tableHeight = (fitted: FittedTable): number =>
  [...fitted.headerHeights, ...fitted.bodyHeights].reduce((sum, height) => sum + height, 0)

/**
 * The largest font from the theme's range at which the whole table fits
 * `height`, or `undefined` when it does not fit even at the smallest.
 */
export const largestFittingFont = (
  columns: ReadonlyArray<Column>,
  rows: ReadonlyArray<Row>,
  width: number,
  height: number,
): FittedTable | undefined => {
  for (let fontPt = theme.sizes.maxTable; fontPt >= theme.sizes.minTable; fontPt -= 1) {
    const fitted = fitTable(columns, rows, width, fontPt)
    if (tableHeight(fitted) <= height) return fitted
  }
  return undefined
}

/**
 * Splits body rows into pages: the first page has `firstRoom` inches for
 * body rows, every later page `nextRoom`. Every page takes at least one
 * row, so a row taller than a page still moves on. A group heading is never
 * left alone at the bottom of a page: it moves to the page of its rows.
 */
export const paginateRows = (
  heights: ReadonlyArray<number>,
  kinds: ReadonlyArray<Row["kind"]>,
  firstRoom: number,
  nextRoom: number,
): ReadonlyArray<{ readonly start: number; readonly end: number }> => {
  const pages: Array<{ start: number; end: number }> = []
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
