import type { Report } from "@ambu/core"
import { Effect } from "effect"
import JSZip from "jszip"
import { renderPptx } from "../../src/render-pptx.js"

/** A rendered deck, unzipped: parts by path, text parts decoded. */
export interface Deck {
  readonly bytes: Uint8Array
  readonly paths: ReadonlyArray<string>
  readonly binary: ReadonlyMap<string, Uint8Array>
  readonly text: (path: string) => string
}

export const unzipDeck = async (bytes: Uint8Array): Promise<Deck> => {
  const zip = await JSZip.loadAsync(bytes)
  const binary = new Map<string, Uint8Array>()
  for (const file of Object.values(zip.files)) {
    if (!file.dir) binary.set(file.name, await file.async("uint8array"))
  }
  const decoder = new TextDecoder("utf-8", { fatal: true })
  return {
    bytes,
    paths: [...binary.keys()],
    binary,
    text: (path) => {
      const part = binary.get(path)
      if (part === undefined) throw new Error(`no part ${path} in the deck`)
      return decoder.decode(part)
    },
  }
}

export const renderDeck = async (report: Report): Promise<Deck> =>
  unzipDeck(await Effect.runPromise(renderPptx(report)))

/** Slide parts in slide order: `ppt/slides/slide1.xml`, `slide2.xml`, … */
export const slidePaths = (deck: Deck): ReadonlyArray<string> =>
  deck.paths
    .filter((path) => /^ppt\/slides\/slide\d+\.xml$/.test(path))
    .sort((a, b) => Number(/(\d+)\.xml$/.exec(a)![1]) - Number(/(\d+)\.xml$/.exec(b)![1]))

/** The folder a part's relative targets start from, and its rels part. */
export const relsPathOf = (part: string): string => {
  const slash = part.lastIndexOf("/")
  return `${part.slice(0, slash + 1)}_rels/${part.slice(slash + 1)}.rels`
}

/** Resolves a relationship target against the folder of the part that owns the rels. */
export const resolveTarget = (relsPath: string, target: string): string => {
  if (target.startsWith("/")) return target.slice(1)
  const owner = relsPath.replace(/_rels\/[^/]*\.rels$/, "")
  const parts = `${owner}${target}`.split("/")
  const resolved: string[] = []
  for (const part of parts) {
    if (part === "..") resolved.pop()
    else if (part !== "." && part !== "") resolved.push(part)
  }
  return resolved.join("/")
}

/** The text of every `<a:t>` run in a part, entities decoded, joined by newlines. */
export const runTexts = (xml: string): ReadonlyArray<string> =>
  [...xml.matchAll(/<a:t>([^<]*)<\/a:t>/g)].map((match) =>
    match[1]!
      .replace(/&lt;/g, "<")
      .replace(/&gt;/g, ">")
      .replace(/&quot;/g, '"')
      .replace(/&apos;/g, "'")
      .replace(/&amp;/g, "&"),
  )

/** The table cells of a slide: their text and their own fill (borders left out). */
export const tableCells = (
  xml: string,
): ReadonlyArray<{ readonly text: string; readonly fill: string | undefined }> =>
  [...xml.matchAll(/<a:tc\b[^>]*>([\s\S]*?)<\/a:tc>/g)].map((match) => {
    const cell = match[1]!
    const properties = /<a:tcPr\b[\s\S]*?<\/a:tcPr>/.exec(cell)?.[0] ?? ""
    const withoutBorders = properties.replace(/<a:ln[LRTB]\b[\s\S]*?<\/a:ln[LRTB]>/g, "")
    return {
      text: runTexts(cell).join(""),
      fill: /<a:solidFill><a:srgbClr val="([0-9A-F]{6})"/.exec(withoutBorders)?.[1],
    }
  })

/** The `id` of every shape on a slide (`<p:cNvPr id="…">`), in document order. */
export const shapeIds = (slideXml: string): ReadonlyArray<number> =>
  [...slideXml.matchAll(/<p:cNvPr\b[^>]*\sid="(\d+)"/g)].map((match) => Number(match[1]))

/** The shape ids that occur more than once on each slide that has any, by slide part. */
export const duplicateShapeIds = (deck: Deck): Record<string, ReadonlyArray<number>> => {
  const duplicates: Record<string, ReadonlyArray<number>> = {}
  for (const path of slidePaths(deck)) {
    const ids = shapeIds(deck.text(path))
    const twice = [...new Set(ids.filter((id, index) => ids.indexOf(id) !== index))]
    if (twice.length > 0) duplicates[path] = twice
  }
  return duplicates
}

/** The chart parts a slide's rels point to, in the order of the rels. */
export const chartsOf = (deck: Deck, slide: string): ReadonlyArray<string> => {
  const rels = deck.text(relsPathOf(slide))
  return [...rels.matchAll(/<Relationship\b[^>]*\sTarget="([^"]*)"/g)]
    .map((match) => resolveTarget(relsPathOf(slide), match[1]!))
    .filter((path) => path.startsWith("ppt/charts/"))
}

/** The workbook a chart part's rels point to. */
export const workbookOf = (deck: Deck, chart: string): string => {
  const rels = deck.text(relsPathOf(chart))
  const target = /Target="([^"]*\.xlsx)"/.exec(rels)
  if (target === null) throw new Error(`${chart} has no workbook`)
  return resolveTarget(relsPathOf(chart), target[1]!)
}

/** One tag per line, so that a snapshot's diff shows the element that changed. */
export const readable = (xml: string): string => `${xml.replace(/>\s*</g, ">\n<")}\n`

/** Chart parts in number order: `ppt/charts/chart1.xml`, `chart2.xml`, … */
export const chartPaths = (deck: Deck): ReadonlyArray<string> =>
  deck.paths
    .filter((path) => /^ppt\/charts\/chart\d+\.xml$/.test(path))
    .sort((a, b) => Number(/(\d+)\.xml$/.exec(a)![1]) - Number(/(\d+)\.xml$/.exec(b)![1]))
