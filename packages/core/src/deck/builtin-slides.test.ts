import { describe, expect, it } from "vitest"
import { REJECT_REASONS } from "../input/reject.js"
import type { FileQuality } from "../model/report-model.js"
import { dataQualitySlide, fileQualityLabel } from "./builtin-slides.js"

// Written out here rather than imported, so a code added to the reader
// without words for the slide shows up as a failing case.
const WARNING_CODES = ["unknown-column", "ambiguous-local-time", "timestamps-out-of-order"]

describe("the data-quality slide's words for reject reasons and warnings", () => {
  it.each([...REJECT_REASONS, ...WARNING_CODES])("has Swedish and English words for %s", (code) => {
    expect(fileQualityLabel(code, "sv")).not.toBe(code)
    expect(fileQualityLabel(code, "en")).not.toBe(code)
  })

  it("writes a file's rejects and warnings in the report's language, sorted by code", () => {
    const file: FileQuality = {
      file: "missions.csv",
      kind: "missions",
      read: 10,
      accepted: 7,
      rejected: 3,
      rejectedByReason: { "unknown-priority": 1, "duplicate-id": 2 },
      warnings: { "timestamps-out-of-order": 4, "ambiguous-local-time": 1 },
    }

    const slide = dataQualitySlide([file], [], [], "sv")
    const table = slide.blocks.find((b) => b.kind === "table")
    if (table?.kind !== "table") throw new Error("no table on the data-quality slide")
    const cells = table.rows[0]?.cells.map((c) => c.text)

    expect(cells?.[4]).toBe("id förekommer redan: 2; okänd prioritet: 1")
    expect(cells?.[5]).toBe("tvetydig lokal tid: 1; tidpunkter i fel ordning: 4")
  })

  it("shows a code it has no words for as it is", () => {
    expect(fileQualityLabel("some-plugin-code", "sv")).toBe("some-plugin-code")
  })
})
