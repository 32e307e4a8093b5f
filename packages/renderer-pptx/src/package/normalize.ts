import { type ChartFix, hideLegendEntries } from "./chart-fix.js"
import {
  formatCodes,
  styleValueCells,
  type ValueFormat,
  valueFormats,
  withNumberFormats,
} from "./workbook.js"
import { bytesOf, readZip, textOf, writeZip, type ZipEntries } from "./zip.js"

/**
 * Makes a pptxgenjs deck depend only on the report: pptxgenjs stamps the
 * current time into `docProps/core.xml` (of the deck and of every chart's
 * workbook), numbers charts with a counter that lives as long as the
 * process, and lets the zip carry the time of writing. It also writes a
 * missing chart value as an empty point (and as 0 in the workbook); both
 * become real gaps here, so a null is never shown or edited as zero. It
 * gives a table the id of another shape on its slide, which PowerPoint
 * repairs on opening; shapes are renumbered here. What pptxgenjs cannot
 * write at all comes from `chartFixes` (by chart, in drawing order) and
 * from the charts themselves: hidden legend entries, and the values'
 * number formats in each workbook.
 */
export const normalizeDeck = async (
  deck: Uint8Array,
  generatedAt: Date,
  chartFixes: ReadonlyArray<ChartFix> = [],
): Promise<Uint8Array> => {
  const entries = await readZip(deck)
  const renamed = renumberCharts(entries)
  const workbooks = new Map<string, WorkbookFix>()

  for (const [path, bytes] of renamed) {
    if (path === "docProps/core.xml") renamed.set(path, bytesOf(stampDates(textOf(bytes), generatedAt)))
    if (SLIDE_PART.test(path)) renamed.set(path, bytesOf(renumberShapeIds(textOf(bytes))))
    const chart = CHART_PART.exec(path)
    if (chart !== null) {
      const hidden = chartFixes[Number(chart[1]) - 1]?.hiddenLegendEntries ?? []
      const xml = hideLegendEntries(removeEmptyPoints(textOf(bytes)), hidden)
      renamed.set(path, bytesOf(xml))
      workbooks.set(workbookOf(renamed, path), { blanks: blankCells(xml), formats: valueFormats(xml) })
    }
  }

  for (const [path, fix] of workbooks) {
    const workbook = renamed.get(path)
    if (workbook !== undefined) renamed.set(path, await normalizeWorkbook(workbook, fix, generatedAt))
  }
  return writeZip(renamed, generatedAt)
}

const CHART_PART = /^ppt\/charts\/chart(\d+)\.xml$/

/** What a chart's workbook needs: the cells of its gaps emptied, its values formatted as in the chart. */
interface WorkbookFix {
  readonly blanks: ReadonlyArray<string>
  readonly formats: ReadonlyArray<ValueFormat>
}

const SLIDE_PART = /^ppt\/slides\/slide\d+\.xml$/

/**
 * Numbers the shapes of a slide 1, 2, 3, … in document order (the shape
 * tree itself is 1). pptxgenjs 4.0.1 numbers a table by a deck-wide counter
 * and so can give it the id of another shape on its slide; ids must be
 * unique within a slide. Nothing in a pptxgenjs slide refers to a shape by
 * its id (no connectors, no animations), so renumbering changes nothing else.
 */
export const renumberShapeIds = (slideXml: string): string => {
  let next = 0
  return slideXml.replace(/<p:cNvPr id="\d+"/g, () => {
    next += 1
    return `<p:cNvPr id="${next}"`
  })
}

/** The W3CDTF form Office writes: whole seconds, `Z`. */
const w3cdtf = (date: Date): string => date.toISOString().replace(/\.\d{3}Z$/, "Z")

/** Sets `dcterms:created` and `dcterms:modified` to the report's time. */
export const stampDates = (coreXml: string, date: Date): string =>
  coreXml.replace(
    /(<dcterms:(created|modified)\b[^>]*>)[^<]*(<\/dcterms:\2>)/g,
    (_match, open: string, _name: string, close: string) => `${open}${w3cdtf(date)}${close}`,
  )

const CHART_NAME = /chart(\d+)\.xml/g
const WORKBOOK_NAME = /Microsoft_Excel_Worksheet(\d+)\.xlsx/g

/**
 * Renames `chartN.xml` and its workbook to 1, 2, … in the order pptxgenjs
 * numbered them, in paths and in every reference to them.
 */
export const renumberCharts = (entries: ZipEntries): ZipEntries => {
  const numbers = [...entries.keys()]
    .map((path) => /^ppt\/charts\/chart(\d+)\.xml$/.exec(path)?.[1])
    .filter((number): number is string => number !== undefined)
    .map(Number)
    .sort((a, b) => a - b)
  const next = new Map(numbers.map((number, index) => [number, index + 1]))
  const rename = (text: string) =>
    text
      .replace(CHART_NAME, (match, number: string) => {
        const renumbered = next.get(Number(number))
        return renumbered === undefined ? match : `chart${renumbered}.xml`
      })
      .replace(WORKBOOK_NAME, (match, number: string) => {
        const renumbered = next.get(Number(number))
        return renumbered === undefined ? match : `Microsoft_Excel_Worksheet${renumbered}.xlsx`
      })

  const result: ZipEntries = new Map()
  for (const [path, bytes] of entries) {
    const isText = /\.(xml|rels)$/.test(path)
    result.set(rename(path), isText ? bytesOf(rename(textOf(bytes))) : bytes)
  }
  return result
}

/** Drops the points pptxgenjs writes for missing values (`<c:v></c:v>`), which readers take as 0 or as errors. */
export const removeEmptyPoints = (chartXml: string): string =>
  chartXml.replace(/<c:pt idx="\d+">\s*<c:v>\s*<\/c:v>\s*<\/c:pt>/g, "")

/**
 * The workbook cells behind the missing points of a chart: for each value
 * range `Sheet1!$C$2:$C$4`, the rows whose point is absent.
 */
export const blankCells = (chartXml: string): ReadonlyArray<string> => {
  const blanks: string[] = []
  const values = chartXml.matchAll(/<c:val>([\s\S]*?)<\/c:val>/g)
  for (const [, value] of values) {
    const range = /<c:f>Sheet1!\$([A-Z]+)\$(\d+):\$[A-Z]+\$(\d+)<\/c:f>/.exec(value ?? "")
    if (range === null) continue
    const [, column, first, last] = range
    const present = new Set(
      [...(value ?? "").matchAll(/<c:pt idx="(\d+)">/g)].map((match) => Number(match[1])),
    )
    for (let row = Number(first); row <= Number(last); row += 1) {
      if (!present.has(row - Number(first))) blanks.push(`${column}${row}`)
    }
  }
  return blanks
}

const workbookOf = (entries: ZipEntries, chartPath: string): string => {
  const relsPath = chartPath.replace(/^ppt\/charts\//, "ppt/charts/_rels/").concat(".rels")
  const rels = entries.get(relsPath)
  const target = rels === undefined ? null : /Target="\.\.\/embeddings\/([^"]+)"/.exec(textOf(rels))
  return target === null ? "" : `ppt/embeddings/${target[1]}`
}

/**
 * Rewrites a chart's embedded workbook: fixed dates, empty cells where the
 * chart has gaps, and the chart's number formats on the value cells.
 */
const normalizeWorkbook = async (workbook: Uint8Array, fix: WorkbookFix, date: Date): Promise<Uint8Array> => {
  const entries = await readZip(workbook)
  const core = entries.get("docProps/core.xml")
  if (core !== undefined) entries.set("docProps/core.xml", bytesOf(stampDates(textOf(core), date)))

  const sheet = entries.get("xl/worksheets/sheet1.xml")
  const styles = entries.get("xl/styles.xml")
  if (sheet !== undefined) {
    const blank = new Set(fix.blanks)
    const withGaps = textOf(sheet).replace(
      /<c r="([A-Z]+\d+)"\s*><v>[^<]*<\/v><\/c>/g,
      (cell, ref: string) => (blank.has(ref) ? "" : cell),
    )
    const formatted = styles === undefined ? withGaps : styleValueCells(withGaps, fix.formats)
    entries.set("xl/worksheets/sheet1.xml", bytesOf(formatted))
  }
  if (styles !== undefined && fix.formats.length > 0) {
    entries.set("xl/styles.xml", bytesOf(withNumberFormats(textOf(styles), formatCodes(fix.formats))))
  }
  return writeZip(entries, date)
}
