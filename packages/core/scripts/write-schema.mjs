// Writes the published JSON Schema of the report from the built package, so
// `schema/report.schema.json` always matches the zod schema it comes from.
import { mkdirSync, writeFileSync } from "node:fs"
import { reportJsonSchema } from "../dist/output/json.js"

const target = new URL("../schema/report.schema.json", import.meta.url)
mkdirSync(new URL("../schema/", import.meta.url), { recursive: true })
writeFileSync(target, `${JSON.stringify(reportJsonSchema(), null, 2)}\n`)
