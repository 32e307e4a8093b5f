import { existsSync, readdirSync, readFileSync, statSync } from "node:fs"
import { join } from "node:path"
import { escapeHtml, pre } from "../site/html.js"
import { renderMarkdown, type SiteLinker } from "../site/markdown.js"
import { EXAMPLES_DIR } from "../site/paths.js"

/** The anchor of an example's section on the plugins page. */
export const exampleAnchor = (folder: string): string => `example-${folder}`

/** README headings sit under the example's own h3. */
const demoteHeadings = (html: string): string =>
  html.replace(/<(\/?)h([1-4])(\s|>)/g, (_tag, slash: string, level: string, after: string) => {
    return `<${slash}h${Math.min(6, Number(level) + 2)}${after}`
  })

const shownFiles = (folder: string): ReadonlyArray<string> => {
  const dir = join(EXAMPLES_DIR, folder)
  const configs = readdirSync(dir).filter((name) => /^ambu\.config\.(json|mjs|ts)$/.test(name))
  const srcDir = join(dir, "src")
  const sources = existsSync(srcDir)
    ? readdirSync(srcDir)
        .filter((name) => /\.(ts|mjs|js)$/.test(name) && !/\.test\./.test(name))
        .sort()
        .map((name) => `src/${name}`)
    : []
  return [...configs, ...sources]
}

const languageOf = (file: string): string => (file.endsWith(".json") ? "json" : "ts")

/**
 * One section per folder of `examples/`: its package name and description,
 * its README, and its configuration and source files to read in full.
 */
export const examplesSection = (linker: SiteLinker, onUnresolved: (href: string) => void): string => {
  if (!existsSync(EXAMPLES_DIR)) return ""
  const folders = readdirSync(EXAMPLES_DIR)
    .filter((name) => existsSync(join(EXAMPLES_DIR, name, "package.json")))
    .sort()

  const parts = [`<h2 id="examples">The example plugins and folders</h2>`]
  for (const folder of folders) {
    const dir = join(EXAMPLES_DIR, folder)
    const pkg = JSON.parse(readFileSync(join(dir, "package.json"), "utf8")) as {
      name?: string
      description?: string
    }
    const readmePath = join(dir, "README.md")
    const readme = existsSync(readmePath)
      ? demoteHeadings(
          renderMarkdown(readFileSync(readmePath, "utf8"), {
            file: `examples/${folder}/README.md`,
            linker,
            onUnresolved,
          }),
        )
      : ""
    const files = shownFiles(folder).map((file) => {
      const text = readFileSync(join(dir, file), "utf8")
      const lines = text.split("\n").length
      return `<details><summary><code>examples/${escapeHtml(folder)}/${escapeHtml(file)}</code> (${lines} lines)</summary>\n${pre(text, languageOf(file))}\n</details>`
    })

    parts.push(
      `<h3 id="${exampleAnchor(folder)}">${escapeHtml(pkg.name ?? folder)}</h3>`,
      pkg.description === undefined ? "" : `<p><em>${escapeHtml(pkg.description)}</em></p>`,
      readme,
      files.join("\n"),
    )
  }
  return parts.filter((part) => part !== "").join("\n")
}

/** Whether a repository path is an example folder or a file in one, for the site's link map. */
export const exampleFolderOf = (repoPath: string): string | undefined => {
  const match = /^examples\/([^/]+)/.exec(repoPath)
  if (match === null) return undefined
  const folder = match[1]!
  return existsSync(join(EXAMPLES_DIR, folder)) && statSync(join(EXAMPLES_DIR, folder)).isDirectory()
    ? folder
    : undefined
}
