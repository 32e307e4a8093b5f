import { readFileSync } from "node:fs"

/** The CLI's version, from its package.json, so --version and the JSON's tool.version agree. */
export const AMBU_VERSION: string = (
  JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8")) as { version: string }
).version
