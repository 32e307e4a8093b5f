import { type Cell, numberCell, type Report, type TableBlock, textCell, validatePlugin } from "@ambu/core"
import { reportFixture } from "@ambu/core/testing"
import { Effect } from "effect"
import { describe, expect, it } from "vitest"
import { cellField, textField } from "./csv.js"
import plugin from "./index.js"
import { renderTables, tableCsv } from "./tables-renderer.js"

const BOM = "\uFEFF"

const contentOf = (files: ReturnType<typeof renderTables>, path: string): string => {
  const file = files.find((f) => f.path === path)
  if (file === undefined) throw new Error(`no ${path} among ${files.map((f) => f.path).join(", ")}`)
  return file.content as string
}

const oneColumnTable = (cells: ReadonlyArray<Cell>): TableBlock => ({
  kind: "table",
  id: "t",
  caption: "t",
  columns: [{ key: "a", label: "A", align: "left" }],
  rows: cells.map((cell) => ({ kind: "body", cells: [cell] })),
})

describe("csv-tables", () => {
  it("writes one file per table block, numbered within its slide, and an index", () => {
    const files = renderTables(reportFixture)
    expect(files.map((f) => f.path)).toEqual([
      "tables/missions-per-month-1.csv",
      "tables/borderless-dispatch-p1-1.csv",
      "tables/index.csv",
    ])
  })

  it("writes a Swedish table with a BOM, `;` and raw numbers instead of the formatted text", () => {
    // The formatted total is "1 000" (with a space); the file has the number 1000.
    expect(contentOf(renderTables(reportFixture), "tables/missions-per-month-1.csv")).toBe(
      `${BOM}Månad;Prio 1;Prio 2;Prio 3;Totalt\r\n` +
        "2025-01;450;400;150;1000\r\n" +
        "2025-02;410;380;140;930\r\n" +
        "2025-03;470;420;160;1050\r\n" +
        "Totalt;1330;1200;450;2980\r\n",
    )
  })

  it("writes shares as fractions with a decimal comma, column groups in the header, and quotes a hostile name", () => {
    const lines = contentOf(renderTables(reportFixture), "tables/borderless-dispatch-p1-1.csv").split("\r\n")
    expect(lines[0]).toBe(
      `${BOM}Kommun;Ambulansdistrikt – 1;Ambulansdistrikt – 2;Ambulansdistrikt – Externa;Totalt;Andel eget distrikt`,
    )
    expect(lines[1]).toBe("Kommundistrikt 1;;;;;")
    expect(lines[2]).toBe("Malmö;90;8;2;100;0,9")
    // The name has quotes, so it is quoted and its quotes doubled; the suppressed count goes out as its text.
    expect(lines[3]).toBe(`"<script>alert(""x"")</script> & ""Ö"" =cmd";3;0;0;3;1`)
    expect(lines[4]).toBe("Summa kommundistrikt 1;93;8;2;103;0,9029126213592233") // 93 / 103
    expect(lines[5]).toBe("")
  })

  it("lists each file's slide and caption in the index", () => {
    expect(contentOf(renderTables(reportFixture), "tables/index.csv")).toBe(
      `${BOM}fil;bild;rubrik;tabell\r\n` +
        "missions-per-month-1.csv;2;Antal vårduppdrag;Antal vårduppdrag per månad och prioritet\r\n" +
        "borderless-dispatch-p1-1.csv;4;Gränslös dirigering prio 1 – Antal uppdrag inom och utanför respektive ambulansdistrikt;Uppdrag per kommun och ambulansdistrikt\r\n",
    )
  })

  it("neutralises text that a spreadsheet would run as a formula, but not negative numbers", () => {
    const table = oneColumnTable([
      textCell('=HYPERLINK("http://x")'),
      textCell("+1"),
      textCell("-2"),
      textCell("@SUM(A1)"),
      textCell("\tA"),
      textCell("\rB"),
      textCell("a=b"),
      numberCell(-5, "count", "sv"),
    ])
    const lines = tableCsv(table, "sv").split("\r\n")
    expect(lines).toEqual([
      `${BOM}A`,
      `"'=HYPERLINK(""http://x"")"`, // prefixed, then quoted because it holds quotes
      "'+1",
      "'-2",
      "'@SUM(A1)",
      "'\tA", // after the prefix it no longer starts with white space, so no quotes are needed
      `"'\rB"`, // a CR needs quotes wherever it is
      "a=b",
      "-5",
      "",
    ])
  })

  it("uses `,` and a decimal point in English, quoting text that holds a comma", () => {
    const table = oneColumnTable([
      textCell("Malmö, city"),
      numberCell(0.884, "share", "en"),
      numberCell(null, "duration", "en"),
    ])
    expect(tableCsv(table, "en")).toBe(`${BOM}A\r\n"Malmö, city"\r\n0.884\r\n\r\n`)
  })

  it("writes a duration as seconds", () => {
    expect(cellField(numberCell(75.5, "duration", "sv"), "sv")).toBe("75,5")
    expect(cellField(numberCell(75.5, "duration", "en"), "en")).toBe("75.5")
  })

  it("leaves the separator of the other language unquoted", () => {
    expect(textField("a,b", ";")).toBe("a,b")
    expect(textField("a;b", ";")).toBe('"a;b"')
  })

  it("renders through the plugin's renderer and is a valid plugin", () => {
    expect(Effect.runSync(validatePlugin(plugin, "@ambu/plugin-tables"))).toBe(plugin)
    const renderer = plugin.renderers![0]!
    expect(renderer.format).toBe("csv-tables")
    const report: Report = { ...reportFixture, language: "en" }
    const files = Effect.runSync(
      renderer.render(report, { baseName: "report", options: {}, progress: { step: () => {} } }),
    )
    expect(contentOf(files, "tables/index.csv").startsWith(`${BOM}file,slide,title,table\r\n`)).toBe(true)
  })
})
