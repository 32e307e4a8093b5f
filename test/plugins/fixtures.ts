import { join } from "node:path"
import { REPO } from "../support/cli.js"

/** The plugin tests' inputs: a small clean export and plugins made to succeed or fail. */
export const FIXTURES = join(REPO, "test/plugins/fixtures")

/** The clean export as `report` flags. */
export const CLEAN = [
  "--missions",
  join(FIXTURES, "clean/missions.csv"),
  "--rescue",
  join(FIXTURES, "clean/rescue_cases.csv"),
]

export const fixturePlugin = (name: string): string => join(FIXTURES, "plugins", name)
