import { escapeHtml, htmlTable, pre } from "../site/html.js"
import { EMBED_EXAMPLE } from "./embed-example.js"

interface SchemaNode {
  readonly type?: string
  readonly const?: unknown
  readonly properties?: Readonly<Record<string, SchemaNode>>
  readonly items?: SchemaNode
  readonly oneOf?: ReadonlyArray<SchemaNode>
  readonly anyOf?: ReadonlyArray<SchemaNode>
}

/** The docs' words for each top-level key; the build fails when the schema gains a key without them. */
const KEY_MEANINGS: Readonly<Record<string, string>> = {
  schemaVersion: "Version of this document's shape. A new major version means a reader may need changes.",
  tool: "The program and version that wrote the document.",
  generatedAt: "The production time the report states (ISO 8601), from --generated-at or the clock.",
  language: "sv or en: the language of every title, label and formatted text.",
  region: "The region's name from the reference data.",
  timeZone: "The time zone naive timestamps were read in and months are counted in.",
  period: "First and last month of the report (YYYY-MM).",
  previousPeriod: "The comparison period of slide 2, or null when the data does not cover it.",
  parameters: "The parameters each metric run used, defaults filled in, keyed like metrics.",
  slides: "The deck: slides in order, each with a stable id, a number, a title and typed blocks.",
  metrics:
    "Each metric run's raw result (numbers unformatted: shares 0–1, times in seconds) and its data-quality account.",
  dataQuality: "Rows read, accepted and rejected per file and reason; what each metric left out and why.",
}

/** What each block kind carries. */
const BLOCK_MEANINGS: Readonly<Record<string, string>> = {
  title: "The title slide: title, subtitle (region and period), production date.",
  text: "Explanation paragraphs.",
  table:
    "Columns and rows of cells; each cell has the formatted text, the raw value, its format and marks such as over-goal, own-district or total.",
  chart:
    "Categories and series of raw values with the chart type, unit, axis labels and an optional goal line.",
  "key-figures": "A few labelled headline values.",
  map: "Municipalities with a value each, the goal, and the boundaries as GeoJSON.",
  error: "Stands in for a slide whose metric failed (outside strict mode), with the reason.",
}

const typeOf = (node: SchemaNode): string => {
  if (node.const !== undefined) return `"${String(node.const)}"`
  if (node.anyOf !== undefined) return node.anyOf.map(typeOf).join(" or ")
  return node.type ?? "any"
}

const meaning = (table: Readonly<Record<string, string>>, key: string, what: string): string => {
  const text = table[key]
  if (text === undefined)
    throw new Error(`docs: the report schema's ${what} "${key}" has no explanation in pages/json.ts`)
  return escapeHtml(text)
}

/**
 * The JSON page's generated sections, read from core's published schema:
 * the top-level keys and the block kinds, plus the embedding example.
 */
export const jsonSections = (schema: SchemaNode): Readonly<Record<string, string>> => {
  const keys = Object.entries(schema.properties ?? {})
  const keyRows = keys.map(([key, node]) => [
    `<code>${escapeHtml(key)}</code>`,
    escapeHtml(typeOf(node)),
    meaning(KEY_MEANINGS, key, "key"),
  ])

  const blocks = schema.properties?.slides?.items?.properties?.blocks?.items?.oneOf ?? []
  const kinds = blocks.map((block) => String(block.properties?.kind?.const ?? ""))
  const blockRows = kinds.map((kind) => [
    `<code>${escapeHtml(kind)}</code>`,
    meaning(BLOCK_MEANINGS, kind, "block kind"),
  ])

  return {
    "json-keys": htmlTable(["key", "type", "holds"], keyRows),
    "block-kinds": htmlTable(["kind", "carries"], blockRows),
    "embed-example": pre(EMBED_EXAMPLE, "html"),
  }
}
