import type { TableBlock } from "@ambu/core"
import { describe, expect, it } from "vitest"
import { headerRows } from "./table-view.js"

const column = (key: string, group?: string): TableBlock["columns"][number] =>
  group === undefined ? { key, label: key, align: "right" } : { key, label: key, align: "right", group }

describe("headerRows", () => {
  it("is one row of column headers when nothing is grouped", () => {
    const rows = headerRows([column("a"), column("b")])
    expect(rows).toHaveLength(1)
    expect(rows[0]!.map((cell) => [cell.label, cell.scope])).toEqual([
      ["a", "col"],
      ["b", "col"],
    ])
  })

  it("spans a group over its consecutive columns; ungrouped columns span both rows", () => {
    const rows = headerRows([
      column("name"),
      column("1", "District"),
      column("2", "District"),
      column("total"),
    ])

    expect(rows[0]!.map((cell) => [cell.label, cell.scope, cell.colspan, cell.rowspan])).toEqual([
      ["name", "col", null, 2],
      ["District", "colgroup", 2, null],
      ["total", "col", null, 2],
    ])
    expect(rows[1]!.map((cell) => cell.label)).toEqual(["1", "2"])
  })

  it("starts a new group cell when the same group comes back after another column", () => {
    const rows = headerRows([column("1", "G"), column("x"), column("2", "G")])
    expect(rows[0]!.map((cell) => cell.label)).toEqual(["G", "x", "G"])
    expect(rows[1]!.map((cell) => cell.label)).toEqual(["1", "2"])
  })
})
