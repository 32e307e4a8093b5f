import { existsSync, readdirSync, readFileSync, statSync } from "node:fs"
import { dirname, join, relative, resolve, sep } from "node:path"

/** A link of the built site that does not hold, with where it is. */
export interface LinkProblem {
  readonly file: string
  readonly link: string
  readonly problem: string
}

const ATTRIBUTE_LINK = /\s(href|src)\s*=\s*("([^"]*)"|'([^']*)')/gi
const ID_ATTRIBUTE = /\s(?:id|name)\s*=\s*("([^"]*)"|'([^']*)')/gi
const CSS_URL = /url\(\s*['"]?([^'")]+)['"]?\s*\)/gi
const SCHEME = /^([a-z][a-z0-9+.-]*):/i

/** Script bodies are code, not markup: a string in them is no link. The opening tag (and its `src`) stays. */
const withoutScriptBodies = (html: string): string =>
  html.replace(/(<script\b[^>]*>)[\s\S]*?<\/script>/gi, "$1</script>")

const decodeAttribute = (value: string): string =>
  value
    .replace(/&amp;/g, "&")
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")

const htmlFiles = (dir: string): ReadonlyArray<string> =>
  readdirSync(dir).flatMap((name) => {
    const path = join(dir, name)
    if (statSync(path).isDirectory()) return htmlFiles(path)
    return name.endsWith(".html") ? [path] : []
  })

/** The ids (and old-style `name` anchors) a page defines, read once per file. */
const idsOf = (() => {
  const cache = new Map<string, ReadonlySet<string>>()
  return (file: string): ReadonlySet<string> => {
    const known = cache.get(file)
    if (known !== undefined) return known
    const html = readFileSync(file, "utf8")
    const ids = new Set([...html.matchAll(ID_ATTRIBUTE)].map((m) => decodeAttribute(m[2] ?? m[3] ?? "")))
    cache.set(file, ids)
    return ids
  }
})()

const checkLink = (
  root: string,
  file: string,
  link: string,
  allowedExternal: ReadonlyArray<string>,
): string | undefined => {
  const scheme = SCHEME.exec(link)?.[1]?.toLowerCase()
  if (scheme === "data") return undefined
  if (scheme !== undefined) {
    const allowed = allowedExternal.some((prefix) => link.startsWith(prefix))
    return allowed ? undefined : `external ${scheme}: link not in the allow-list`
  }
  if (link.startsWith("//")) return "protocol-relative link to another host"

  const hashAt = link.indexOf("#")
  const path = decodeURIComponent(hashAt === -1 ? link : link.slice(0, hashAt)).replace(/\?.*$/, "")
  const anchor = hashAt === -1 ? undefined : decodeURIComponent(link.slice(hashAt + 1))
  const target = path === "" ? file : resolve(dirname(file), path)

  if (!target.startsWith(root + sep) && target !== root) return "points outside the site"
  if (!existsSync(target)) return "no such file"
  if (statSync(target).isDirectory()) {
    return existsSync(join(target, "index.html")) ? undefined : "a folder without index.html"
  }
  if (anchor === undefined || anchor === "") return undefined
  if (!target.endsWith(".html")) return `anchor #${anchor} on a file that is not a page`
  return idsOf(target).has(anchor) ? undefined : `no element with id "${anchor}"`
}

/**
 * Every `href`/`src` (and CSS `url()`) of every page under `root` that does
 * not resolve: a missing file, a missing anchor, a link leaving the site,
 * or an external link whose prefix is not in `allowedExternal`.
 */
export const checkSiteLinks = (
  root: string,
  allowedExternal: ReadonlyArray<string>,
): ReadonlyArray<LinkProblem> => {
  const absoluteRoot = resolve(root)

  return htmlFiles(absoluteRoot).flatMap((file) => {
    const html = withoutScriptBodies(readFileSync(file, "utf8"))
    const links = [
      ...[...html.matchAll(ATTRIBUTE_LINK)].map((m) => decodeAttribute(m[3] ?? m[4] ?? "")),
      ...[...html.matchAll(CSS_URL)].map((m) => decodeAttribute(m[1] ?? "")),
    ]
    return links.flatMap((link) => {
      const problem = checkLink(absoluteRoot, file, link.trim(), allowedExternal)
      return problem === undefined ? [] : [{ file: relative(absoluteRoot, file), link, problem }]
    })
  })
}
