import type { Heading } from "./headings.js"
import { escapeHtml, jsonForScript } from "./html.js"
import { SEARCH_SCRIPT } from "./search-script.js"

/** A finished page: its file name in the site, title, body HTML with anchored headings. */
export interface Page {
  readonly href: string
  readonly title: string
  readonly body: string
  readonly headings: ReadonlyArray<Heading>
  /** Other names the search should find the page by, such as a metric's Swedish title and id. */
  readonly aliases?: ReadonlyArray<string>
}

/** One sidebar entry; metric pages hang under the metrics overview. */
export interface NavItem {
  readonly href: string
  readonly title: string
  readonly children?: ReadonlyArray<NavItem>
}

/** What the search box searches: every page's title and its h2/h3 headings. */
export interface SearchEntry {
  readonly href: string
  readonly title: string
  readonly aliases: ReadonlyArray<string>
  readonly headings: ReadonlyArray<{ readonly id: string; readonly text: string }>
}

export const searchEntry = (page: Page): SearchEntry => ({
  href: page.href,
  title: page.title,
  aliases: page.aliases ?? [],
  headings: page.headings.filter((h) => h.level === 2 || h.level === 3).map(({ id, text }) => ({ id, text })),
})

const navList = (items: ReadonlyArray<NavItem>, page: Page): string => {
  const entries = items.map((item) => {
    const current = item.href === page.href ? ' aria-current="page"' : ""
    const link = `<a href="${escapeHtml(item.href)}"${current}>${escapeHtml(item.title)}</a>`
    const children = item.children === undefined ? "" : navList(item.children, page)
    const onPage = item.href === page.href ? onThisPage(page) : ""
    return `<li>${link}${onPage}${children}</li>`
  })
  return `<ul>${entries.join("")}</ul>`
}

/** The current page's sections under its sidebar entry, when there are enough to need them. */
const onThisPage = (page: Page): string => {
  const sections = page.headings.filter((h) => h.level === 2)
  if (sections.length < 2) return ""
  const links = sections.map((h) => `<li><a href="#${h.id}">${escapeHtml(h.text)}</a></li>`)
  return `<ul class="on-page">${links.join("")}</ul>`
}

/**
 * A whole HTML page: sidebar with search, then the body. The search index and
 * script are inline, so a page opened straight from the folder (file://) works.
 */
export const renderPage = (
  page: Page,
  nav: ReadonlyArray<NavItem>,
  index: ReadonlyArray<SearchEntry>,
): string => {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(page.title)} · ambu</title>
<link rel="stylesheet" href="assets/site.css">
</head>
<body>
<nav class="sidebar" aria-label="Documentation">
<a class="brand" href="index.html">ambu</a>
<input id="search" type="search" placeholder="Search titles and headings" aria-label="Search the documentation">
<ul id="search-results" aria-live="polite"></ul>
${navList(nav, page)}
</nav>
<main>
${page.body}
</main>
<script type="application/json" id="search-index">${jsonForScript(index)}</script>
<script>${SEARCH_SCRIPT}</script>
</body>
</html>
`
}
