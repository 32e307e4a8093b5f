import { readdirSync, readFileSync } from "node:fs"
import Handlebars from "handlebars"

/**
 * The page's templates, stylesheet and script, read once when the module
 * loads. They live in the package's `templates/` folder, two levels above
 * this module both as `src/html/*.ts` and as `dist/html/*.js`.
 */
const TEMPLATE_DIR = new URL("../../templates/", import.meta.url)

const read = (name: string): string => readFileSync(new URL(name, TEMPLATE_DIR), "utf8")

/** The stylesheet, without the theme's variables. */
export const BASE_CSS = read("styles.css")

/** The slide navigation, inserted verbatim: its hash in the page's CSP is taken from exactly this text. */
export const NAVIGATION_SCRIPT = read("navigation.js").trim()

// An own instance, so partials registered here never meet another library's.
const handlebars = Handlebars.create()

// A partial's final newline would end up inside table cells and key figures.
const partial = (name: string): string => read(name).replace(/\n$/, "")

for (const file of readdirSync(new URL("blocks/", TEMPLATE_DIR)).sort()) {
  if (file.endsWith(".hbs")) handlebars.registerPartial(file.slice(0, -4), partial(`blocks/${file}`))
}
handlebars.registerPartial("slide", partial("slide.hbs"))

/** The whole page from its view (see `page-view.ts`). Data text goes through `{{ }}`, so it is escaped. */
export const pageTemplate = handlebars.compile(read("page.hbs"), { strict: true, noEscape: false })
