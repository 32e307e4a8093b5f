import { describe, expect, it } from "vitest"
import { summariseQuality } from "./quality.js"
import type { Reject } from "./reject.js"
import { csvCell, formatRejectsCsv } from "./rejects-csv.js"

describe("formatRejectsCsv", () => {
  it("writes a header and one quoted, formula-safe record per reject, CRLF-terminated", () => {
    const rejects: Reject[] = [
      {
        file: "missions.csv",
        line: 3,
        field: "priority",
        reason: "unknown-priority",
        value: "4",
        message: 'missions.csv line 3, field "priority": "4" is not a priority; use 1, 2 or 3',
      },
      {
        file: "m;x.csv",
        line: 7,
        field: "",
        reason: "malformed-row",
        value: '=HYPERLINK("x")',
        message: "-bad\nrow",
      },
    ]
    expect(formatRejectsCsv(rejects)).toBe(
      "file,line,field,reason,value,message\r\n" +
        'missions.csv,3,priority,unknown-priority,4,"missions.csv line 3, field ""priority"": ""4"" is not a priority; use 1, 2 or 3"\r\n' +
        `m;x.csv,7,,malformed-row,"'=HYPERLINK(""x"")","'-bad\nrow"\r\n`,
    )
  })

  it("writes only the header when nothing was rejected", () => {
    expect(formatRejectsCsv([])).toBe("file,line,field,reason,value,message\r\n")
  })

  it("neutralises every character a spreadsheet reads as the start of a formula", () => {
    expect(["=1", "+1", "-1", "@A1", "\t=1", "a=1", "1-2"].map(csvCell)).toEqual([
      "'=1",
      "'+1",
      "'-1",
      "'@A1",
      "'\t=1",
      "a=1",
      "1-2",
    ])
  })

  it("quotes cells with leading or trailing spaces so they survive a round trip", () => {
    expect(csvCell(" x")).toBe('" x"')
    expect(csvCell("x ")).toBe('"x "')
  })
})

describe("summariseQuality", () => {
  it("adds counts, reasons and warnings over files", () => {
    const summary = summariseQuality([
      {
        file: "m.csv",
        kind: "missions",
        read: 10,
        accepted: 7,
        rejected: 3,
        rejectedByReason: { "invalid-format": 2, "duplicate-id": 1 },
        warnings: { "unknown-column": 1 },
      },
      {
        file: "r.csv",
        kind: "rescue-cases",
        read: 5,
        accepted: 4,
        rejected: 1,
        rejectedByReason: { "invalid-format": 1 },
        warnings: { "ambiguous-local-time": 2, "unknown-column": 2 },
      },
    ])
    expect(summary).toEqual({
      read: 15,
      accepted: 11,
      rejected: 4,
      rejectedByReason: { "invalid-format": 3, "duplicate-id": 1 },
      warnings: { "unknown-column": 3, "ambiguous-local-time": 2 },
    })
  })
})
