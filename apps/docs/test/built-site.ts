import { existsSync, readFileSync } from "node:fs"
import { join } from "node:path"
import { BUILD_DIR } from "../src/site/paths.js"

/**
 * A page of the built site. The tests read what `pnpm build` wrote (turbo
 * builds before it tests); a missing site is a failure that says what to run.
 */
export const builtPage = (file: string): string => {
  const path = join(BUILD_DIR, file)
  if (!existsSync(path)) {
    throw new Error(
      `${path} does not exist: build the site first (pnpm build, or pnpm --filter @ambu/docs build)`,
    )
  }
  return readFileSync(path, "utf8")
}

/** Undoes `escapeHtml`, to compare page text with the values it shows. */
export const unescapeHtml = (html: string): string =>
  html
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&")
