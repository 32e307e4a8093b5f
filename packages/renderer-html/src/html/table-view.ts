import type { Cell, TableBlock } from "@ambu/core"
import type { RendererLabels } from "../labels.js"
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
  readonly caption: string
  /** Lines the table needs (caption, header rows, body rows, notes); the stylesheet shrinks the text to fit them. */
  readonly lines: number
  readonly headerRows: ReadonlyArray<ReadonlyArray<HeaderCellView>>
  readonly rows: ReadonlyArray<TableRowView>
  readonly notes: ReadonlyArray<string>
}

/**
 * The table as the template draws it: header rows with column groups,
 * marked cells, and its line count, from which the stylesheet picks a text
 * size that fits every row on the slide (a long table is never cut off).
 */
export const tableView = (block: TableBlock, anchor: string, labels: RendererLabels): TableView => {
  const rows = block.rows.map((row) => rowView(row, block.columns, labels))
  const hasSuppressed = block.rows.some((row) => row.cells.some((cell) => hasEmphasis(cell, "suppressed")))
  const header = headerRows(block.columns)
  const notes = [...(block.notes ?? []), ...(hasSuppressed ? [`* ${labels.suppressed}`] : [])]

  return {
    kind: "table",
    anchor,
    caption: block.caption,
    lines: 1 + header.length + rows.length + notes.length,
    headerRows: header,
    rows,
    // The mark on hidden values needs a key on the slide itself, not only for screen readers.
    notes,
  }
}

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

const rowView = (row: TableBlock["rows"][number], columns: TableBlock["columns"], labels: RendererLabels) => {
  const [first, ...rest] = row.cells
  if (row.kind === "group-heading" && first !== undefined && rest.every((cell) => cell.text === "")) {
    return { kind: row.kind, heading: { text: first.text, colspan: columns.length }, cells: [] }
  }

  return {
    kind: row.kind,
    heading: null,
    cells: row.cells.map((cell, index) => ({
      ...cellValueView(cell, labels),
      isRowHeader: index === 0,
      classes: cellClasses(cell, columns[index]?.align ?? "left"),
    })),
  }
}

const EMPHASIS_CLASSES = ["own-district", "over-goal", "suppressed"] as const

const cellClasses = (cell: Cell, align: "left" | "right"): string =>
  [`align-${align}`, ...EMPHASIS_CLASSES.filter((emphasis) => hasEmphasis(cell, emphasis))].join(" ")

const hasEmphasis = (cell: Cell, emphasis: NonNullable<Cell["emphasis"]>[number]): boolean =>
  cell.emphasis?.includes(emphasis) ?? false
