import * as Effect from "effect/Effect"
import { z } from "zod"
import { REPORT_SCHEMA_VERSION, Report } from "../model/report-model.js"
import { defineRenderer } from "../plugin/renderer.js"

export const REPORT_SCHEMA_ID = `https://ambu.invalid/schema/report-${REPORT_SCHEMA_VERSION}.json`

/**
 * The JSON Schema of the report document, generated from the zod schema so
 * the two cannot drift. Published as `@ambu/core/schema/report.schema.json`.
 */
export const reportJsonSchema = (): Record<string, unknown> => ({
  ...z.toJSONSchema(Report, { target: "draft-2020-12" }),
  $id: REPORT_SCHEMA_ID,
  title: `ambu report, schema version ${REPORT_SCHEMA_VERSION}`,
})

/** The report as indented JSON with a final newline; key order is the model's, so output is stable. */
export const renderJson = (report: Report): string => `${JSON.stringify(report, null, 2)}\n`

export const jsonRenderer = defineRenderer({
  format: "json",
  description: "the report model as one versioned JSON document, with its JSON Schema beside it",
  render: (report, context) =>
    Effect.sync(() => [
      { path: `${context.baseName}.json`, content: renderJson(report) },
      {
        path: `${context.baseName}.schema.json`,
        content: `${JSON.stringify(reportJsonSchema(), null, 2)}\n`,
      },
    ]),
})
