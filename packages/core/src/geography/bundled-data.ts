import { fileURLToPath } from "node:url"

/**
 * The absolute path of a file in the package's `data/` folder.
 *
 * This module sits at `src/geography/` in the sources and at `dist/geography/`
 * once built; both are two levels below the package root, so one relative
 * URL serves the tests (run from `src`) and the published package.
 */
export const bundledDataPath = (relativePath: string): string =>
  fileURLToPath(new URL(`../../data/${relativePath}`, import.meta.url))
