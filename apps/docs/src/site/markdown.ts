import { posix } from "node:path"
import { Marked, type Tokens } from "marked"
import { escapeHtml } from "./html.js"

/** Where a repository path (e.g. `docs/plugins.md`) lives in the site, if it does. */
export type SiteLinker = (repoPath: string) => string | undefined

export interface MarkdownOptions {
  /** The Markdown file's path in the repository, e.g. `docs/plugins.md`; relative links resolve from it. */
  readonly file: string
  readonly linker: SiteLinker
  /** Told about each relative link that has no page in the site; the link becomes plain text. */
  readonly onUnresolved?: (href: string) => void
}

const EXTERNAL = /^[a-z][a-z0-9+.-]*:/i

/**
 * A relative link of a Markdown file as a site link: `./plugins.md#hooks` in
 * `docs/` becomes `plugins.html#hooks`. External and same-page links stay;
 * a repository file the site does not carry gives `undefined`.
 */
export const siteHref = (href: string, file: string, linker: SiteLinker): string | undefined => {
  if (EXTERNAL.test(href) || href.startsWith("#")) return href

  const hashAt = href.indexOf("#")
  const path = hashAt === -1 ? href : href.slice(0, hashAt)
  const anchor = hashAt === -1 ? "" : href.slice(hashAt)
  const repoPath = posix.normalize(posix.join(posix.dirname(file), path)).replace(/\/$/, "")
  const target = linker(repoPath)
  if (target === undefined) return undefined

  // A page linker may answer with an anchor of its own (an example's section); the link's wins.
  return anchor === "" ? target : `${target.replace(/#.*$/, "")}${anchor}`
}

/** Renders one Markdown file of `docs/` to HTML with its links pointing into the site. */
export const renderMarkdown = (source: string, options: MarkdownOptions): string => {
  const marked = new Marked({
    gfm: true,
    renderer: {
      link(token: Tokens.Link) {
        const inner = this.parser.parseInline(token.tokens)
        const href = siteHref(token.href, options.file, options.linker)
        if (href === undefined) {
          options.onUnresolved?.(token.href)
          return `<span class="repo-path" title="${escapeHtml(token.href)}">${inner}</span>`
        }
        const title = token.title ? ` title="${escapeHtml(token.title)}"` : ""
        return `<a href="${escapeHtml(href)}"${title}>${inner}</a>`
      },
    },
  })
  return marked.parse(source, { async: false })
}
