// Writes the published JSON Schemas from the built package, so the files in
// `schema/` always match the zod schemas they come from: the report document
// and the deck configuration (`ambu.config.json` can point its `$schema` at it).
import { mkdirSync, writeFileSync } from "node:fs"
import { z } from "zod"
import { DeckConfigSchema } from "../dist/config/deck-config.js"
import { reportJsonSchema } from "../dist/output/json.js"

const write = (name, schema) =>
  writeFileSync(new URL(`../schema/${name}`, import.meta.url), `${JSON.stringify(schema, null, 2)}\n`)

mkdirSync(new URL("../schema/", import.meta.url), { recursive: true })
write("report.schema.json", reportJsonSchema())
write("config.schema.json", {
  ...z.toJSONSchema(DeckConfigSchema, { target: "draft-2020-12", io: "input", unrepresentable: "any" }),
  title: "ambu deck configuration (ambu.config.json)",
})
