import type { Cell, TableBlock } from "@ambu/core"
import type { RendererLabels } from "../labels.js"
import { type FittedTable, isNoWrap, isSpanningHeading, type RowRange } from "../layout/table-fit.js"
import { type CellValueView, cellValueView } from "./cell-view.js"

export interface HeaderCellView {
  readonly label: string
  readonly scope: "col" | "colgroup"
  readonly colspan: number | null
  readonly rowspan: number | null
  readonly align: "left" | "right" | "center"
}

export interface TableCellView extends CellValueView {
  readonly isRowHeader: boolean
  readonly classes: string
}

export interface TableRowView {
  readonly kind: string
  /** A group heading whose other cells are empty spans the whole row. */
  readonly heading: { readonly text: string; readonly colspan: number } | null
  readonly cells: ReadonlyArray<TableCellView>
}

export interface TableView {
  readonly kind: "table"
  readonly anchor: string
  /** Set when the layout had to let values break anywhere to keep the table on the slide. */
  readonly squeezed: boolean
  readonly caption: string
  /** Inline style: the text size and width the layout chose, in reference pixels. */
  readonly style: string
  /** Each column's share of the table's width, as CSS. */
  readonly columnWidths: ReadonlyArray<string>
  readonly headerRows: ReadonlyArray<ReadonlyArray<HeaderCellView>>
  readonly rows: ReadonlyArray<TableRowView>
  readonly notes: ReadonlyArray<string>
}

/** What the layout decided for one table on one page (see `layout/slide-plan.ts`). */
export interface TablePiece {
  readonly block: TableBlock
  readonly fitted: FittedTable
  readonly rows: RowRange
  readonly notes: ReadonlyArray<string>
}

/**
 * The table as the template draws it: header rows with column groups,
 * marked cells, the body rows of this page, and the size and column widths
 * the layout chose, so that every row is on the slide and none is cut off.
 */
export const tableView = (piece: TablePiece, anchor: string, labels: RendererLabels): TableView => {
  const { block, fitted } = piece
  const rows = block.rows
    .slice(piece.rows.start, piece.rows.end)
    .map((row) => rowView(row, block.columns, labels))
  return {
    kind: "table",
    anchor,
    squeezed: fitted.squeezed,
    caption: block.caption,
    style: `--table-font: ${round(fitted.font)}; --table-width: ${round(fitted.width)}`,
    columnWidths: fitted.widths.map((width) => `${round((100 * width) / fitted.width, 3)}%`),
    headerRows: headerRows(block.columns),
    rows,
    notes: piece.notes,
  }
}

const round = (value: number, digits = 2): number => Number(value.toFixed(digits))

/**
 * One header row, or two when columns are grouped: a spanning group cell
 * above its columns, and ungrouped columns spanning both rows.
 */
export const headerRows = (columns: TableBlock["columns"]): HeaderCellView[][] => {
  if (!columns.some((column) => column.group !== undefined)) {
    return [columns.map((column) => header(column.label, "col", null, null, column.align))]
  }

  const top: HeaderCellView[] = []
  const bottom: HeaderCellView[] = []
  let index = 0
  while (index < columns.length) {
    const group = columns[index]!.group
    if (group === undefined) {
      top.push(header(columns[index]!.label, "col", null, 2, columns[index]!.align))
      index++
      continue
    }

    let end = index
    while (end < columns.length && columns[end]!.group === group) end++
    top.push(header(group, "colgroup", end - index > 1 ? end - index : null, null, "center"))
    for (const column of columns.slice(index, end))
      bottom.push(header(column.label, "col", null, null, column.align))
    index = end
  }

  return [top, bottom]
}

const header = (
  label: string,
  scope: HeaderCellView["scope"],
  colspan: number | null,
  rowspan: number | null,
  align: HeaderCellView["align"],
): HeaderCellView => ({ label, scope, colspan, rowspan, align })

const rowView = (
  row: TableBlock["rows"][number],
  columns: TableBlock["columns"],
  labels: RendererLabels,
): TableRowView => {
  const first = row.cells[0]
  if (isSpanningHeading(row) && first !== undefined) {
    return { kind: row.kind, heading: { text: first.text, colspan: columns.length }, cells: [] }
  }

  return {
    kind: row.kind,
    heading: null,
    cells: row.cells.map((cell, index) => ({
      ...cellValueView(cell, labels),
      isRowHeader: index === 0,
      classes: cellClasses(cell, columns[index]),
    })),
  }
}

const EMPHASIS_CLASSES = ["own-district", "over-goal", "suppressed"] as const

const cellClasses = (cell: Cell, column: TableBlock["columns"][number] | undefined): string =>
  [
    `align-${column?.align ?? "left"}`,
    ...(isNoWrap(cell, column) ? ["nowrap"] : []),
    ...EMPHASIS_CLASSES.filter((emphasis) => hasEmphasis(cell, emphasis)),
  ].join(" ")

const hasEmphasis = (cell: Cell, emphasis: NonNullable<Cell["emphasis"]>[number]): boolean =>
  cell.emphasis?.includes(emphasis) ?? false
