/** Text made safe for HTML element content and double-quoted attributes. */
export const escapeHtml = (text: string): string =>
  text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;")

/**
 * An anchor id from a heading's text: lowercase ASCII words joined by
 * dashes, so Swedish letters give stable, typeable anchors (`Väntetid` → `vantetid`).
 */
export const slugify = (text: string): string => {
  const folded = text
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
  const slug = folded.replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "")
  return slug.length > 0 ? slug : "section"
}

/** The visible text of an HTML fragment: tags dropped, the entities this site writes decoded. */
export const textOf = (html: string): string =>
  html
    .replace(/<[^>]*>/g, "")
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&")
    .trim()

/** A JSON value for a `<script>` element: `</script>` inside a string cannot end the element early. */
export const jsonForScript = (value: unknown): string => JSON.stringify(value).replace(/</g, "\\u003c")

/** A table from rows of already-escaped HTML cells. */
export const htmlTable = (
  header: ReadonlyArray<string>,
  rows: ReadonlyArray<ReadonlyArray<string>>,
  className?: string,
): string => {
  const head = `<tr>${header.map((h) => `<th>${h}</th>`).join("")}</tr>`
  const body = rows.map((row) => `<tr>${row.map((cell) => `<td>${cell}</td>`).join("")}</tr>`).join("\n")
  const classAttribute = className === undefined ? "" : ` class="${className}"`
  return `<table${classAttribute}>\n<thead>${head}</thead>\n<tbody>\n${body}\n</tbody>\n</table>`
}

/** Preformatted text, escaped. */
export const pre = (text: string, language?: string): string => {
  const classAttribute = language === undefined ? "" : ` class="language-${language}"`
  return `<pre><code${classAttribute}>${escapeHtml(text)}</code></pre>`
}
