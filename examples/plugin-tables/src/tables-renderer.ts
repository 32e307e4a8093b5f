import { defineRenderer, type OutputFile, type Report, type TableBlock } from "@ambu/core"
import * as Effect from "effect/Effect"
import { cellField, csvText, separatorFor, textField } from "./csv.js"

/** A column's header: its spanning group, when it has one, before its own label. */
const headerOf = (column: TableBlock["columns"][number]): string =>
  column.group === undefined ? column.label : `${column.group} – ${column.label}`

/** One table as CSV: a header row of column labels, then every row of the table in order. */
export const tableCsv = (table: TableBlock, language: Report["language"]): string => {
  const separator = separatorFor(language)
  const header = table.columns.map((c) => textField(headerOf(c), separator))
  const rows = table.rows.map((row) => row.cells.map((cell) => cellField(cell, language)))
  return csvText([header, ...rows], separator)
}

/**
 * Every table block of the report as `tables/<slide-id>-<n>.csv` (n counts
 * the tables of one slide from 1), and `tables/index.csv` saying which
 * slide and caption each file holds.
 */
export const renderTables = (report: Report): ReadonlyArray<OutputFile> => {
  const separator = separatorFor(report.language)
  const files: OutputFile[] = []
  const index: string[][] = [
    (report.language === "sv"
      ? ["fil", "bild", "rubrik", "tabell"]
      : ["file", "slide", "title", "table"]
    ).map((h) => textField(h, separator)),
  ]

  for (const slide of report.slides) {
    const tables = slide.blocks.filter((b): b is TableBlock => b.kind === "table")
    tables.forEach((table, i) => {
      const path = `tables/${slide.id}-${i + 1}.csv`
      files.push({ path, content: tableCsv(table, report.language) })
      index.push([
        textField(path.slice("tables/".length), separator),
        String(slide.number),
        textField(slide.title, separator),
        textField(table.caption, separator),
      ])
    })
  }

  return [...files, { path: "tables/index.csv", content: csvText(index, separator) }]
}

export const csvTablesRenderer = defineRenderer({
  format: "csv-tables",
  description: "every table of the report as a CSV file for Excel (tables/<slide-id>-<n>.csv)",
  render: (report) => Effect.sync(() => renderTables(report)),
})
