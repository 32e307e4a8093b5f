import { definePlugin } from "@ambu/core"
import { csvTablesRenderer } from "./tables-renderer.js"

export { cellField, numberField, separatorFor, textField } from "./csv.js"
export { csvTablesRenderer, renderTables, tableCsv } from "./tables-renderer.js"

/** Adds the output format `csv-tables`: `ambu report --format csv-tables`. */
export const plugin = definePlugin({ name: "@ambu/plugin-tables", renderers: [csvTablesRenderer] })

export default plugin
