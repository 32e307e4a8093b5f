import { buildSite } from "./build/build-site.js"
import { BUILD_DIR } from "./site/paths.js"

const log = (line: string): void => {
  process.stdout.write(`docs: ${line}\n`)
}

try {
  const { pages, unresolvedLinks } = buildSite(BUILD_DIR, log)
  for (const link of unresolvedLinks) log(`warning: no page for the link ${link}; shown as plain text`)
  log(`wrote ${pages.length} pages to ${BUILD_DIR}`)
} catch (error) {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`)
  process.exitCode = 1
}
