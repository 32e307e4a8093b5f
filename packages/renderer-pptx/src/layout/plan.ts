import type {
  Block,
  ChartBlock,
  ErrorBlock,
  KeyFiguresBlock,
  MapBlock,
  Report,
  Slide,
  TableBlock,
  TitleBlock,
} from "@ambu/core"
import { type Labels, SIZES } from "../theme.js"
import { displayText, hasEmphasis } from "./cell-text.js"
import {
  type Box,
  CONTENT,
  GAP,
  linesHeight,
  measure,
  NOTES_GAP,
  paragraphsHeight,
  TEXT_INSET,
} from "./geometry.js"
import { isDrawableMap, layoutMap, type MapLayout } from "./map-layout.js"
import { mapAsTable } from "./map-table.js"
import {
  type FittedTable,
  fitTable,
  largestFittingFont,
  minimumWidth,
  naturalWidths,
  paginateRows,
} from "./table-layout.js"

/** One thing drawn on a slide, with its box already computed. */
export type PlacedItem =
  | { readonly kind: "title-block"; readonly block: TitleBlock; readonly box: Box }
  | {
      readonly kind: "paragraphs"
      readonly paragraphs: ReadonlyArray<string>
      readonly fontPt: number
      readonly box: Box
    }
  | { readonly kind: "caption"; readonly text: string; readonly box: Box }
  | {
      readonly kind: "table"
      readonly table: TableBlock
      /** The body rows on this slide: `table.rows.slice(start, end)`. */
      readonly start: number
      readonly end: number
      readonly fitted: FittedTable
      readonly box: Box
    }
  | { readonly kind: "table-notes"; readonly lines: ReadonlyArray<string>; readonly box: Box }
  | { readonly kind: "chart"; readonly block: ChartBlock; readonly box: Box }
  | { readonly kind: "map"; readonly block: MapBlock; readonly layout: MapLayout; readonly box: Box }
  | {
      readonly kind: "key-figures"
      readonly block: KeyFiguresBlock
      readonly itemWidth: number
      readonly valuePt: number
      readonly legend: string | undefined
      readonly box: Box
    }
  | { readonly kind: "error"; readonly block: ErrorBlock; readonly label: string; readonly box: Box }

/** One PowerPoint slide: a model slide, or a continuation of its long table. */
export interface PagePlan {
  /** The heading; `undefined` on a title page, whose title block is the heading. */
  readonly title: string | undefined
  readonly slideId: string
  /** The model slide's number, for the footer: every format numbers by the model. */
  readonly slideNumber: number
  /** A further slide of the model slide, carrying the rest of its long table. */
  readonly continued: boolean
  readonly items: ReadonlyArray<PlacedItem>
  readonly notes: string
}

const CAPTION_PT = SIZES.caption
const NOTE_PT = SIZES.note
/** A table that needs more than one slide is set at most at this size, on every slide. */
const SPLIT_TABLE_PT = 10
const KEY_FIGURE_MAX_WIDTH = 3.2
const MIN_VISUAL_HEIGHT = 2.5
/** A chart beside a table is never narrower than this; a wider table moves the chart to a slide of its own. */
const MIN_CHART_WIDTH = 4
/**
 * Explanation sizes tried from the largest: a smaller one is taken only
 * when it saves a slide (or leaves a chart or table enough height).
 */
const TEXT_SIZES = [SIZES.text, SIZES.caption, 11] as const

type Visual = ChartBlock | TableBlock | MapBlock

const captionHeight = (text: string, width: number): number =>
  text === "" ? 0 : paragraphsHeight([text], width, CAPTION_PT, 0, true)

const notesHeight = (lines: ReadonlyArray<string>, width: number): number =>
  lines.length === 0 ? 0 : NOTES_GAP + paragraphsHeight(lines, width, NOTE_PT)

/** The table's own footnotes plus a legend for each mark it uses. */
export const tableNoteLines = (table: TableBlock, labels: Labels): ReadonlyArray<string> => {
  const cells = table.rows.flatMap((row) => row.cells)
  const legends = [
    ...(cells.some((cell) => hasEmphasis(cell, "over-goal")) ? [labels.overGoalLegend] : []),
    ...(cells.some((cell) => hasEmphasis(cell, "suppressed")) ? [labels.suppressedLegend] : []),
  ]
  return [...(table.notes ?? []), ...legends]
}

/** The largest size up to the theme's at which every key figure's value fits its box on one line. */
const keyFigureValueSize = (block: KeyFiguresBlock, itemWidth: number): number => {
  const inner = itemWidth - 2 * TEXT_INSET.x
  const widest = Math.max(0, ...block.items.map((item) => measure(displayText(item.value), 1, true)))
  return Math.max(14, Math.min(SIZES.keyFigureValue, Math.floor(inner / Math.max(widest, 1e-9))))
}

const keyFiguresLayout = (block: KeyFiguresBlock, width: number, labels: Labels) => {
  const count = Math.max(1, block.items.length)
  const itemWidth = Math.min(KEY_FIGURE_MAX_WIDTH, (width - (count - 1) * GAP) / count)
  const valuePt = keyFigureValueSize(block, itemWidth)
  const labelHeight = Math.max(
    ...block.items.map((item) => paragraphsHeight([item.label], itemWidth, SIZES.keyFigureLabel)),
    0,
  )
  const overGoal = block.items.some((item) => hasEmphasis(item.value, "over-goal"))
  const legend = overGoal ? labels.overGoalLegend : undefined
  const boxes = linesHeight(1, valuePt) + labelHeight + 2 * TEXT_INSET.y + 0.1
  const height = boxes + (legend === undefined ? 0 : notesHeight([legend], width))
  return { itemWidth, valuePt, legend, height }
}

const TITLE_BLOCK_HEIGHT = 3.2

/** Heights of the blocks stacked above the charts and tables. */
const stackHeight = (block: Block, width: number, textPt: number, labels: Labels): number => {
  switch (block.kind) {
    case "title":
      return TITLE_BLOCK_HEIGHT
    case "text":
      return paragraphsHeight(block.paragraphs, width, textPt, 6)
    case "key-figures":
      return keyFiguresLayout(block, width, labels).height
    case "error":
      return paragraphsHeight([labels.error, block.message], width - 0.2, SIZES.text) + 0.2
    default:
      return 0
  }
}

const isVisual = (block: Block): block is Visual =>
  block.kind === "chart" || block.kind === "table" || block.kind === "map"

/** The visual blocks of a slide; a map without a boundary to draw is shown as the table of its values. */
const visualsOf = (slide: Slide, labels: Labels): ReadonlyArray<Visual> =>
  slide.blocks.flatMap((block) => {
    if (block.kind === "map" && !isDrawableMap(block))
      return [mapAsTable(block, labels, labels.mapNoBoundaries)]
    return isVisual(block) ? [block] : []
  })

const sum = (values: ReadonlyArray<number>): number => values.reduce((total, value) => total + value, 0)

/**
 * Widths of visuals that share a slide side by side, or `undefined` when
 * they do not fit: when a table would have to break its words, or squeeze a
 * chart under `MIN_CHART_WIDTH`. A table gets about what it needs (within
 * 30–60 % of the width beside a chart); tables alone share the surplus over
 * their minimum by what each still wants; charts share what is left.
 */
const sideBySideWidths = (
  visuals: ReadonlyArray<Visual>,
  width: number,
): ReadonlyArray<number> | undefined => {
  if (visuals.length <= 1) return [width]

  const room = width - (visuals.length - 1) * GAP
  const tables = visuals.map((visual) =>
    visual.kind === "table"
      ? {
          min: minimumWidth(visual.columns, visual.rows, SIZES.minTable),
          natural: sum(naturalWidths(visual.columns, visual.rows, SIZES.maxTable)),
        }
      : undefined,
  )
  const charts = tables.filter((table) => table === undefined).length

  if (charts === 0) {
    const mins = sum(tables.map((table) => table?.min ?? 0))
    if (mins > room) return undefined
    const wants = tables.map((table) => Math.max(0, (table?.natural ?? 0) - (table?.min ?? 0)))
    const surplus = room - mins
    return tables.map(
      (table, index) =>
        (table?.min ?? 0) +
        (sum(wants) === 0 ? surplus / tables.length : (surplus * wants[index]!) / sum(wants)),
    )
  }

  const tableWidths = tables.map((table) =>
    table === undefined ? 0 : Math.max(table.min, Math.min(0.6 * room, Math.max(0.3 * room, table.natural))),
  )
  const chartWidth = (room - sum(tableWidths)) / charts
  if (chartWidth < MIN_CHART_WIDTH) return undefined
  return tables.map((table, index) => (table === undefined ? chartWidth : tableWidths[index]!))
}

interface TablePieces {
  readonly first: ReadonlyArray<PlacedItem>
  readonly continuations: ReadonlyArray<ReadonlyArray<PlacedItem>>
}

/**
 * Places a table in `box`; rows that do not fit go on continuation pages of
 * the full content area. `captionText` is empty when the caption would only
 * repeat the slide's title.
 */
const placeTable = (table: TableBlock, captionText: string, box: Box, labels: Labels): TablePieces => {
  const captionH = captionHeight(captionText, box.w)
  const lines = tableNoteLines(table, labels)
  const notesH = notesHeight(lines, box.w)
  const room = box.h - captionH - notesH

  const caption = (at: Box): ReadonlyArray<PlacedItem> =>
    captionText === "" ? [] : [{ kind: "caption", text: captionText, box: { ...at, h: captionH } }]
  const notes = (tableBox: Box): ReadonlyArray<PlacedItem> =>
    lines.length === 0
      ? []
      : [
          {
            kind: "table-notes",
            lines,
            box: { x: tableBox.x, y: tableBox.y + tableBox.h + NOTES_GAP, w: box.w, h: notesH - NOTES_GAP },
          },
        ]
  const piece = (at: Box, page: { start: number; end: number }, fitted: FittedTable) => {
    const bodyHeight = sum(fitted.bodyHeights.slice(page.start, page.end))
    const tableBox = {
      x: at.x,
      y: at.y + captionH,
      w: fitted.widths.reduce((sum, w) => sum + w, 0),
      h: fitted.headerHeights.reduce((sum, h) => sum + h, 0) + bodyHeight,
    }
    const placed: PlacedItem = {
      kind: "table",
      table,
      start: page.start,
      end: page.end,
      fitted,
      box: tableBox,
    }
    return [...caption(at), placed, ...notes(tableBox)]
  }

  const whole = largestFittingFont(table.columns, table.rows, box.w, room)
  if (whole !== undefined) {
    return { first: piece(box, { start: 0, end: table.rows.length }, whole), continuations: [] }
  }

  const split = splitTable(table, box.w, room, CONTENT.h - captionH - notesH)
  return {
    first: piece(box, split.pages[0]!, split.fitted),
    continuations: split.pages.slice(1).map((page) => piece({ ...CONTENT, w: box.w }, page, split.fitted)),
  }
}

/**
 * The font and row pages of a table too long for one slide: the fewest
 * pages, at the largest size up to `SPLIT_TABLE_PT` that gives them and
 * keeps words whole. `firstRoom` and `nextRoom` hold the header and rows.
 */
const splitTable = (table: TableBlock, width: number, firstRoom: number, nextRoom: number) => {
  const kinds = table.rows.map((row) => row.kind)
  const options = []
  for (let fontPt = SPLIT_TABLE_PT; fontPt >= SIZES.minTable; fontPt -= 1) {
    const fitted = fitTable(table.columns, table.rows, width, fontPt)
    if (!fitted.keepsWords && fontPt > SIZES.minTable) continue
    const header = sum(fitted.headerHeights)
    options.push({
      fitted,
      pages: paginateRows(fitted.bodyHeights, kinds, firstRoom - header, nextRoom - header),
    })
  }
  return options.reduce((best, option) => (option.pages.length < best.pages.length ? option : best))
}

const placeStacked = (block: Block, box: Box, textPt: number, labels: Labels): PlacedItem | undefined => {
  switch (block.kind) {
    case "title":
      return { kind: "title-block", block, box }
    case "text":
      return { kind: "paragraphs", paragraphs: block.paragraphs, fontPt: textPt, box }
    case "key-figures": {
      const layout = keyFiguresLayout(block, box.w, labels)
      return {
        kind: "key-figures",
        block,
        itemWidth: layout.itemWidth,
        valuePt: layout.valuePt,
        legend: layout.legend,
        box,
      }
    }
    case "error":
      return { kind: "error", block, label: labels.error, box }
    default:
      return undefined
  }
}

/** Stacks the non-visual blocks from the top with the explanation at `textPt`. */
const stackBlocks = (slide: Slide, hasVisuals: boolean, textPt: number, labels: Labels) => {
  const stacked = slide.blocks.filter((block) => !isVisual(block))
  const heights = stacked.map((block) => stackHeight(block, CONTENT.w, textPt, labels))
  const room = CONTENT.h - sum(heights) - heights.length * GAP

  // The title page is centred vertically; other pages start at the top.
  const isTitlePage = stacked.some((block) => block.kind === "title")
  let y = hasVisuals || !isTitlePage ? CONTENT.y : CONTENT.y + Math.max(0, room) / 2
  const items: PlacedItem[] = []
  stacked.forEach((block, index) => {
    const item = placeStacked(block, { x: CONTENT.x, y, w: CONTENT.w, h: heights[index]! }, textPt, labels)
    if (item !== undefined) items.push(item)
    y += heights[index]! + GAP
  })
  return { items, top: y }
}

/** Places side-by-side visuals in `area`; what a table cannot hold continues on further pages. */
const placeVisuals = (
  visuals: ReadonlyArray<Visual>,
  widths: ReadonlyArray<number>,
  area: Box,
  slideTitle: string,
  labels: Labels,
) => {
  const items: PlacedItem[] = []
  const continuations: Array<ReadonlyArray<PlacedItem>> = []
  // A caption that only repeats the slide's title takes room and says nothing.
  const captionOf = (text: string) => (text === slideTitle ? "" : text)
  let x = area.x
  visuals.forEach((visual, index) => {
    const box = { ...area, x, w: widths[index]! }
    x += widths[index]! + GAP
    if (visual.kind === "chart") {
      const caption = captionOf(visual.title)
      const captionH = captionHeight(caption, box.w)
      if (caption !== "") items.push({ kind: "caption", text: caption, box: { ...box, h: captionH } })
      items.push({ kind: "chart", block: visual, box: { ...box, y: box.y + captionH, h: box.h - captionH } })
      return
    }
    if (visual.kind === "map") {
      const caption = captionOf(visual.title)
      const captionH = captionHeight(caption, box.w)
      const mapBox = { ...box, y: box.y + captionH + NOTES_GAP, h: box.h - captionH - NOTES_GAP }
      const layout = layoutMap(visual, mapBox, labels)
      if (layout === undefined) {
        const pieces = placeTable(mapAsTable(visual, labels, labels.mapNoBoundaries), caption, box, labels)
        items.push(...pieces.first)
        continuations.push(...pieces.continuations)
        return
      }
      if (caption !== "") items.push({ kind: "caption", text: caption, box: { ...box, h: captionH } })
      items.push({ kind: "map", block: visual, layout, box: mapBox })
      // Values the map has no room for (or no boundary to show them on) follow in the table of every area.
      if (layout.unplaced.length > 0) {
        const table = placeTable(
          mapAsTable(visual, labels, labels.mapAllValues),
          visual.title,
          CONTENT,
          labels,
        )
        continuations.push(table.first, ...table.continuations)
      }
      return
    }
    const pieces = placeTable(visual, captionOf(visual.caption), box, labels)
    items.push(...pieces.first)
    continuations.push(...pieces.continuations)
  })
  return { items, continuations }
}

/**
 * The visuals in the groups that share a slide: all side by side when they
 * fit the width and no table among them needs a further slide (a table
 * that continues gets the whole width); else each on a slide of its own,
 * in the model's order.
 */
const groupVisuals = (
  visuals: ReadonlyArray<Visual>,
  area: Box,
  slideTitle: string,
  labels: Labels,
): ReadonlyArray<{ readonly visuals: ReadonlyArray<Visual>; readonly widths: ReadonlyArray<number> }> => {
  const together = sideBySideWidths(visuals, area.w)
  const fitsOneSlide =
    together !== undefined &&
    (visuals.length === 1 ||
      placeVisuals(visuals, together, area, slideTitle, labels).continuations.length === 0)
  if (together !== undefined && fitsOneSlide) return [{ visuals, widths: together }]
  return visuals.map((visual) => ({ visuals: [visual], widths: [area.w] }))
}

/** The pages of one model slide with its explanation set at `textPt`, and the height left for visuals. */
const planSlideAt = (slide: Slide, visuals: ReadonlyArray<Visual>, textPt: number, labels: Labels) => {
  const { items, top } = stackBlocks(slide, visuals.length > 0, textPt, labels)
  const isTitlePage = slide.blocks.some((block) => block.kind === "title")
  const firstArea: Box = { x: CONTENT.x, y: top, w: CONTENT.w, h: CONTENT.y + CONTENT.h - top }
  const firstPage = { slideId: slide.id, slideNumber: slide.number, continued: false, notes: slide.notes }
  const continued = (pageItems: ReadonlyArray<PlacedItem>): PagePlan => ({
    title: `${slide.title} ${labels.continued}`,
    slideId: slide.id,
    slideNumber: slide.number,
    continued: true,
    items: pageItems,
    notes: slide.notes,
  })

  const pages: PagePlan[] = []
  groupVisuals(visuals, firstArea, slide.title, labels).forEach((group, index) => {
    const area = index === 0 ? firstArea : CONTENT
    const placed = placeVisuals(group.visuals, group.widths, area, slide.title, labels)
    if (index === 0) {
      const title = isTitlePage ? undefined : slide.title
      pages.push({ ...firstPage, title, items: [...items, ...placed.items] })
    } else {
      pages.push(continued(placed.items))
    }
    pages.push(...placed.continuations.map(continued))
  })
  if (pages.length === 0) {
    const title = isTitlePage ? undefined : slide.title
    pages.push({ ...firstPage, title, items })
  }
  return { pages, visualHeight: firstArea.h }
}

/**
 * Plans the PowerPoint slides of one model slide: where every block goes
 * and which rows of a long table continue on further slides. The
 * explanation keeps its full size unless a smaller one saves a slide or
 * leaves the visuals too little height.
 */
export const planSlide = (slide: Slide, labels: Labels): ReadonlyArray<PagePlan> => {
  const visuals = visualsOf(slide, labels)
  if (visuals.length === 0) return planSlideAt(slide, visuals, SIZES.text, labels).pages

  const candidates = TEXT_SIZES.map((textPt) => planSlideAt(slide, visuals, textPt, labels))
  const roomy = candidates.filter((candidate) => candidate.visualHeight >= MIN_VISUAL_HEIGHT)
  const usable = roomy.length > 0 ? roomy : [candidates.at(-1)!]
  const best = usable.reduce((chosen, candidate) =>
    candidate.pages.length < chosen.pages.length ? candidate : chosen,
  )
  return best.pages
}

/** Plans every slide of the report, in order. */
export const planReport = (report: Report, labels: Labels): ReadonlyArray<PagePlan> =>
  report.slides.flatMap((slide) => planSlide(slide, labels))

/** Title font size: 24 pt when the title fits one line, smaller for long titles. */
export const titleFontSize = (title: string, width: number): number => {
  const inner = width - 2 * TEXT_INSET.x
  if (measure(title, SIZES.title, true) <= inner) return SIZES.title
  // Two lines of 20 pt fit the title box; the last resort is 16 pt.
  return measure(title, 20, true) <= 1.8 * inner ? 20 : 16
}
