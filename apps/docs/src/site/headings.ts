import { slugify, textOf } from "./html.js"

export interface Heading {
  readonly level: number
  readonly id: string
  readonly text: string
}

const HEADING = /<h([1-4])((?:\s[^>]*)?)>([\s\S]*?)<\/h\1>/g
const ID_ATTRIBUTE = /\sid="([^"]*)"/

/**
 * Gives every heading of a page body an id (kept when it has one) and lists
 * them, for the page's table of contents, the search index and `#anchor` links.
 * Ids already used in the page are not reused: a second "Examples" becomes `examples-2`.
 */
export const anchorHeadings = (
  body: string,
): { readonly html: string; readonly headings: ReadonlyArray<Heading> } => {
  const taken = new Set([...body.matchAll(/\sid="([^"]*)"/g)].map((m) => m[1]!))
  const headings: Heading[] = []

  const html = body.replace(HEADING, (_whole, level: string, attributes: string, inner: string) => {
    const text = textOf(inner)
    const existing = ID_ATTRIBUTE.exec(attributes)?.[1]
    if (existing !== undefined) {
      headings.push({ level: Number(level), id: existing, text })
      return `<h${level}${attributes}>${inner}</h${level}>`
    }

    const base = slugify(text)
    let id = base
    for (let n = 2; taken.has(id); n++) id = `${base}-${n}`
    taken.add(id)
    headings.push({ level: Number(level), id, text })
    return `<h${level} id="${id}"${attributes}>${inner}</h${level}>`
  })

  return { html, headings }
}
