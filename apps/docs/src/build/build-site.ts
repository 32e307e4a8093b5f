import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs"
import { join } from "node:path"
import { corePlugin, DEFAULT_DECK } from "@ambu/core"
import { examplesSection, exampleAnchor, exampleFolderOf } from "../pages/examples.js"
import { inputSections } from "../pages/input.js"
import { jsonSections } from "../pages/json.js"
import { EMBED_EXAMPLE } from "../pages/embed-example.js"
import { deckTable, metricPage, metricsOverview, type RegisteredMetric } from "../pages/metrics.js"
import { ALLOWED_EXTERNAL_LINKS } from "../site/allowed-links.js"
import { checkSiteLinks } from "../site/check-links.js"
import { anchorHeadings } from "../site/headings.js"
import { type NavItem, type Page, renderPage, searchEntry } from "../site/layout.js"
import { fillMarkers } from "../site/markers.js"
import { renderMarkdown, type SiteLinker } from "../site/markdown.js"
import { DOCS_DIR, REPORT_SCHEMA_FILE } from "../site/paths.js"
import { SITE_CSS } from "../site/style.js"
import { cliHelpSection } from "./cli-help.js"
import { buildSampleReport } from "./sample-report.js"

/** The topic pages in sidebar order: which Markdown file of `docs/` each is written in. */
const TOPICS: ReadonlyArray<{ readonly markdown: string; readonly href: string }> = [
  { markdown: "getting-started.md", href: "index.html" },
  { markdown: "input.md", href: "input.html" },
  { markdown: "metrics.md", href: "metrics.html" },
  { markdown: "rules.md", href: "rules.html" },
  { markdown: "cli.md", href: "cli.html" },
  { markdown: "json-output.md", href: "json.html" },
  { markdown: "plugins.md", href: "plugins.html" },
  { markdown: "sample-report.md", href: "sample.html" },
]

/** Stands in for the plugin guide until its author's `docs/plugins.md` exists; the next build replaces it. */
const PLUGINS_PLACEHOLDER = `# Plugins

The guide to writing a plugin (a metric, a slide or an output format of your
own) is still being written. Until it lands, the examples below show working
plugins, and \`ambu metrics --plugin <path>\` lists what a plugin adds.

<!-- ambu:examples -->
`

/** Every page of `docs/`: the ordered topics, then any other Markdown file there in name order. */
const topicFiles = (): ReadonlyArray<{ readonly markdown: string; readonly href: string }> => {
  const present = existsSync(DOCS_DIR) ? readdirSync(DOCS_DIR).filter((name) => name.endsWith(".md")) : []
  const known = new Set(TOPICS.map((t) => t.markdown))
  const others = present
    .filter((name) => !known.has(name))
    .sort()
    .map((markdown) => ({ markdown, href: markdown.replace(/\.md$/, ".html") }))
  const wanted = TOPICS.filter((t) => present.includes(t.markdown) || t.markdown === "plugins.md")
  return [...wanted, ...others]
}

const linkerFor =
  (topics: ReadonlyArray<{ readonly markdown: string; readonly href: string }>): SiteLinker =>
  (repoPath) => {
    const topic = topics.find((t) => `docs/${t.markdown}` === repoPath)
    if (topic !== undefined) return topic.href
    if (repoPath === "README.md" || repoPath === "docs") return "index.html"
    if (repoPath === "packages/core/schema/report.schema.json") return "report.schema.json"
    // Files the build itself writes into the site, linked from docs/ as if they sat beside the pages.
    const generated = /^docs\/(embed-example\.html|report\.schema\.json|sample\/.+)$/.exec(repoPath)
    if (generated !== null) return generated[1]
    const example = exampleFolderOf(repoPath)
    return example === undefined ? undefined : `plugins.html#${exampleAnchor(example)}`
  }

const finishPage = (
  href: string,
  body: string,
  fallbackTitle: string,
  aliases: ReadonlyArray<string> = [],
): Page => {
  const { html, headings } = anchorHeadings(body)
  const title = headings.find((h) => h.level === 1)?.text ?? fallbackTitle
  return { href, title, body: html, headings, aliases }
}

export interface BuildResult {
  readonly pages: ReadonlyArray<Page>
  /** Relative links of `docs/*.md` that point at repository files the site does not carry. */
  readonly unresolvedLinks: ReadonlyArray<string>
}

/**
 * Builds the whole site into `siteDir`: the sample report first (metric
 * pages quote its results), then every page, the style sheet, the report
 * schema and the embedding example; then checks every link of the result.
 */
export const buildSite = (siteDir: string, log: (line: string) => void): BuildResult => {
  rmSync(siteDir, { recursive: true, force: true })
  mkdirSync(join(siteDir, "assets"), { recursive: true })

  log("running ambu report on the bundled sample")
  const sample = buildSampleReport(siteDir)
  const results = Object.fromEntries(Object.entries(sample.report.metrics).map(([key, run]) => [key, run.result]))

  const registered: ReadonlyArray<RegisteredMetric> = (corePlugin.metrics ?? []).map((metric) => ({
    metric,
    plugin: corePlugin.name,
  }))
  const schema = JSON.parse(readFileSync(REPORT_SCHEMA_FILE, "utf8"))

  log("reading the CLI's help")
  const topics = topicFiles()
  const linker = linkerFor(topics)
  const unresolvedLinks: string[] = []
  const sectionsByHref: Readonly<Record<string, Readonly<Record<string, string>>>> = {
    "input.html": inputSections(),
    "metrics.html": { "metric-list": metricsOverview(registered), "default-deck": deckTable(DEFAULT_DECK) },
    "cli.html": { "cli-help": cliHelpSection() },
    "json.html": jsonSections(schema),
    "plugins.html": { examples: examplesSection(linker, (href) => unresolvedLinks.push(`examples: ${href}`)) },
    "sample.html": { sample: sample.section },
  }

  log("rendering the pages")
  const topicPages = topics.map(({ markdown, href }) => {
    const path = join(DOCS_DIR, markdown)
    const source = existsSync(path) ? readFileSync(path, "utf8") : PLUGINS_PLACEHOLDER
    const html = renderMarkdown(source, {
      file: `docs/${markdown}`,
      linker,
      onUnresolved: (link) => unresolvedLinks.push(`docs/${markdown}: ${link}`),
    })
    return finishPage(href, fillMarkers(html, sectionsByHref[href] ?? {}, `docs/${markdown}`), markdown)
  })
  const metricPages = registered.map((entry) => {
    const page = metricPage(entry, DEFAULT_DECK, results)
    return finishPage(page.href, page.body, page.title, page.aliases)
  })
  const pages = [...topicPages, ...metricPages]

  const nav: ReadonlyArray<NavItem> = topicPages.map((page) =>
    page.href === "metrics.html"
      ? { href: page.href, title: page.title, children: metricPages.map(({ href, title }) => ({ href, title })) }
      : { href: page.href, title: page.title },
  )
  const index = pages.map(searchEntry)
  for (const page of pages) writeFileSync(join(siteDir, page.href), renderPage(page, nav, index))
  writeFileSync(join(siteDir, "assets", "site.css"), SITE_CSS)
  copyFileSync(REPORT_SCHEMA_FILE, join(siteDir, "report.schema.json"))
  writeFileSync(join(siteDir, "embed-example.html"), EMBED_EXAMPLE)

  log("checking links")
  const problems = checkSiteLinks(siteDir, ALLOWED_EXTERNAL_LINKS)
  if (problems.length > 0) {
    const list = problems.map((p) => `  ${p.file}: ${p.link} (${p.problem})`).join("\n")
    throw new Error(`docs: ${problems.length} broken link(s) in the built site:\n${list}`)
  }
  return { pages, unresolvedLinks }
}
