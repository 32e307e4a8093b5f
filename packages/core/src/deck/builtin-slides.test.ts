import { describe, expect, it } from "vitest"
import { REJECT_REASONS } from "../input/reject.js"
import type { DataQuality, FileQuality, Language, TableBlock } from "../model/report-model.js"
import { monthIndex } from "../time/month.js"
import { type DataQualitySlideInput, dataQualitySlide, fileQualityLabel } from "./builtin-slides.js"

const YEAR_2025 = { from: monthIndex(2025, 1), to: monthIndex(2025, 12) }

const input =
  (quality: Partial<DataQuality>) =>
  (language: Language): DataQualitySlideInput => ({
    quality: {
      files: [],
      metrics: {},
      period: {
        missions: { inPeriod: 0, before: 0, after: 0 },
        rescueCases: { inPeriod: 0, before: 0, after: 0 },
      },
      unmatched: { stations: [], municipalityCodes: [] },
      ...quality,
    },
    metrics: [],
    period: YEAR_2025,
    assumptions: [],
    language,
  })

const slideOf = (quality: Partial<DataQuality>, language: Language) =>
  dataQualitySlide(input(quality)(language))

const tableOf = (quality: Partial<DataQuality>, id: string, language: Language = "sv"): TableBlock => {
  const table = slideOf(quality, language).blocks.find((b) => b.kind === "table" && b.id === id)
  if (table?.kind !== "table") throw new Error(`no table ${id}`)
  return table
}

const paragraphs = (quality: Partial<DataQuality>, language: Language): ReadonlyArray<string> => {
  const text = slideOf(quality, language).blocks.find((b) => b.kind === "text")
  return text?.kind === "text" ? text.paragraphs : []
}

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

    const cells = tableOf({ files: [file] }, "data-quality-files").rows[0]?.cells.map((c) => c.text)

    expect(cells?.[4]).toBe("id förekommer redan: 2; okänd prioritet: 1")
    expect(cells?.[5]).toBe("tvetydig lokal tid: 1; tidpunkter i fel ordning: 4")
  })

  it("shows a code it has no words for as it is", () => {
    expect(fileQualityLabel("some-plugin-code", "sv")).toBe("some-plugin-code")
  })

  it("says where the accepted rows lie against the period", () => {
    // Swedish groups thousands with a no-break space.
    const period = {
      missions: { inPeriod: 11_875, before: 12_116, after: 0 },
      rescueCases: { inPeriod: 1_247, before: 0, after: 0 },
    }
    expect(paragraphs({ period }, "sv")).toContain(
      "Perioden 2025-01 till 2025-12 omfattar 11\u00a0875 av 23\u00a0991 godkända uppdrag; 12\u00a0116 ligger före och 0 efter perioden och ingår inte.",
    )
    expect(paragraphs({ period }, "sv")).toContain(
      "Perioden 2025-01 till 2025-12 omfattar 1\u00a0247 av 1\u00a0247 godkända räddningsärenden; inga ligger utanför perioden.",
    )
    expect(paragraphs({ period }, "en")).toContain(
      "The period 2025-01 to 2025-12 holds 11,875 of 23,991 accepted missions; 12,116 lie before and 0 after it and are not included.",
    )
  })

  it("lists the stations and municipality codes the reference data does not know, ten of each and the rest summed", () => {
    const stations = Array.from({ length: 12 }, (_, i) => ({ name: `Station ${i + 1}`, missions: 20 - i }))
    const table = tableOf(
      { unmatched: { stations, municipalityCodes: [{ code: "0780", missions: 4 }] } },
      "data-quality-unmatched",
    )
    const rows = table.rows.map((r) => r.cells.map((c) => c.text))

    expect(rows).toHaveLength(12)
    expect(rows[0]).toEqual(["Hemmastation", "Station 1", "20", "extern resurs"])
    expect(rows[9]).toEqual(["Hemmastation", "Station 10", "11", "extern resurs"])
    // Stations 11 and 12 carry 10 + 9 missions.
    expect(rows[10]).toEqual(["Hemmastation", "2 till", "19", "extern resurs"])
    expect(rows[11]).toEqual(["Kommunkod", "0780", "4", "hjälpsökande utanför regionen"])
  })

  it("leaves the unmatched table out when every text is known", () => {
    const ids = slideOf({}, "sv").blocks.flatMap((b) => (b.kind === "table" ? [b.id] : []))
    expect(ids).toEqual(["data-quality-files", "data-quality-metrics"])
  })
})
