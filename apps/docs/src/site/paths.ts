import { dirname, join, resolve } from "node:path"
import { fileURLToPath } from "node:url"

/** The docs app's folder, whether this runs from `src` (tests) or `dist` (build). */
export const APP_DIR = resolve(dirname(fileURLToPath(import.meta.url)), "..", "..")

/** The repository root: the docs read `docs/*.md`, `examples/*` and core's schema from here. */
export const REPO_DIR = resolve(APP_DIR, "..", "..")

/** Where the static site is written. */
export const BUILD_DIR = join(APP_DIR, "build")

export const DOCS_DIR = join(REPO_DIR, "docs")
export const EXAMPLES_DIR = join(REPO_DIR, "examples")
export const REPORT_SCHEMA_FILE = join(REPO_DIR, "packages", "core", "schema", "report.schema.json")
export const CLI_MAIN = join(REPO_DIR, "packages", "cli", "dist", "main.js")
