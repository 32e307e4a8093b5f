import type { Cell, Column, Row, TableBlock } from "@ambu/core"
import { displayText, hasEmphasis } from "../layout/cell-text.js"
import type { Box } from "../layout/geometry.js"
import { CELL_MARGIN, type FittedTable, type HeaderCell, isBold } from "../layout/table-layout.js"
import type { PptxSlide, TableCellProps, TableRow } from "../pptxgen.js"
import type { PptxTheme } from "../theme.js"

/** What every cell of a table shares: its font size, the text's language and the theme. */
interface CellStyle {
  readonly fontPt: number
  readonly lang: string
  readonly theme: PptxTheme
}

const baseCell = ({ fontPt, lang, theme }: CellStyle): TableCellProps => {
  const border = { type: "solid", pt: 0.5, color: theme.colors.border } as const
  return {
    fontFace: theme.font,
    lang,
    fontSize: fontPt,
    color: theme.colors.text,
    margin: [...CELL_MARGIN],
    valign: "middle",
    border: [border, border, border, border],
  }
}

const headerCell = (cell: HeaderCell, columns: ReadonlyArray<Column>, style: CellStyle) => ({
  text: cell.text,
  options: {
    ...baseCell(style),
    bold: true,
    color: style.theme.colors.headerText,
    fill: { color: style.theme.colors.headerFill },
    align: cell.colspan > 1 ? "center" : (columns[cell.column]?.align ?? "left"),
    ...(cell.colspan > 1 ? { colspan: cell.colspan } : {}),
    ...(cell.rowspan > 1 ? { rowspan: cell.rowspan } : {}),
  } satisfies TableCellProps,
})

/** The fill of a row by its kind; `undefined` leaves the slide's white. */
const rowFill = (kind: Row["kind"], theme: PptxTheme): string | undefined => {
  switch (kind) {
    case "group-heading":
      return theme.colors.groupHeadingFill
    case "subtotal":
    case "total":
      return theme.colors.totalFill
    case "body":
      return undefined
  }
}

/**
 * A body cell with the marks of the original deck: grey for the own
 * district, red with ▲ for a value over its goal, grey italics with * for a
 * suppressed count, bold for totals and headings.
 */
const bodyCell = (cell: Cell, row: Row, column: Column | undefined, style: CellStyle) => {
  const { theme } = style
  const fill = hasEmphasis(cell, "own-district") ? theme.colors.ownDistrictFill : rowFill(row.kind, theme)
  const overGoal = hasEmphasis(cell, "over-goal")
  const suppressed = hasEmphasis(cell, "suppressed")
  const bold = isBold(row, cell)
  const color = overGoal ? theme.colors.overGoal : suppressed ? theme.colors.suppressed : theme.colors.text
  return {
    text: displayText(cell),
    options: {
      ...baseCell(style),
      align: column?.align ?? "left",
      color,
      ...(bold ? { bold: true } : {}),
      ...(suppressed ? { italic: true } : {}),
      ...(fill === undefined ? {} : { fill: { color: fill } }),
    } satisfies TableCellProps,
  }
}

/** Draws one page of a table as a native PowerPoint table: header rows repeated, then `rows`. */
export const drawTable = (
  slide: PptxSlide,
  table: TableBlock,
  page: { readonly start: number; readonly end: number },
  fitted: FittedTable,
  box: Box,
  lang: string,
  theme: PptxTheme,
): void => {
  const style: CellStyle = { fontPt: fitted.fontPt, lang, theme }
  const rows = table.rows.slice(page.start, page.end)
  const header: TableRow[] = fitted.header.map((cells) =>
    cells.map((cell) => headerCell(cell, table.columns, style)),
  )
  const body: TableRow[] = rows.map((row) =>
    row.cells.map((cell, index) => bodyCell(cell, row, table.columns[index], style)),
  )
  const rowHeights = [...fitted.headerHeights, ...fitted.bodyHeights.slice(page.start, page.end)]

  slide.addTable([...header, ...body], {
    x: box.x,
    y: box.y,
    w: box.w,
    colW: [...fitted.widths],
    rowH: rowHeights,
    objectName: table.id,
  })
}
