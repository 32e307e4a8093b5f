import { readFileSync } from "node:fs"
import { describe, expect, it } from "vitest"
import { Report } from "../model/report-model.js"
import { reportFixture } from "../testing/report-fixture.js"
import { renderJson, reportJsonSchema } from "./json.js"

describe("the JSON document", () => {
  it("is committed in schema/ exactly as the zod schema generates it, so a change to the model shows in review", () => {
    const committed = JSON.parse(
      readFileSync(new URL("../../schema/report.schema.json", import.meta.url), "utf8"),
    )
    expect(committed).toEqual(reportJsonSchema())
  })

  it("round-trips a report through JSON and the zod schema unchanged", () => {
    const text = renderJson(reportFixture)
    expect(text.endsWith("}\n")).toBe(true)
    expect(Report.parse(JSON.parse(text))).toEqual(reportFixture)
  })

  it("requires the parts an intranet page relies on", () => {
    const schema = reportJsonSchema() as { required: string[]; $id: string }
    expect(schema.required).toEqual(
      expect.arrayContaining([
        "schemaVersion",
        "tool",
        "region",
        "period",
        "slides",
        "metrics",
        "dataQuality",
      ]),
    )
    expect(schema.$id).toContain("report-1.0.0")
  })
})
