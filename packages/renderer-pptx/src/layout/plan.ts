import type {
  Block,
  ChartBlock,
  ErrorBlock,
  KeyFiguresBlock,
  Report,
  Slide,
  TableBlock,
  TitleBlock,
} from "@ambu/core"
import { type Labels, theme } from "../theme.js"
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
import { mapAsTable } from "./map-table.js"
import {
  type FittedTable,
  fitTable,
  largestFittingFont,
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
  readonly items: ReadonlyArray<PlacedItem>
  readonly notes: string
}

const CAPTION_PT = theme.sizes.caption
const NOTE_PT = theme.sizes.note
/** A table that needs more than one slide is set at this size on every slide. */
const SPLIT_TABLE_PT = 10
const KEY_FIGURE_MAX_WIDTH = 3.2
const MIN_VISUAL_HEIGHT = 2.5

type Visual = ChartBlock | TableBlock

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
  return Math.max(14, Math.min(theme.sizes.keyFigureValue, Math.floor(inner / Math.max(widest, 1e-9))))
}

const keyFiguresLayout = (block: KeyFiguresBlock, width: number, labels: Labels) => {
  const count = Math.max(1, block.items.length)
  const itemWidth = Math.min(KEY_FIGURE_MAX_WIDTH, (width - (count - 1) * GAP) / count)
  const valuePt = keyFigureValueSize(block, itemWidth)
  const labelHeight = Math.max(
    ...block.items.map((item) => paragraphsHeight([item.label], itemWidth, theme.sizes.keyFigureLabel)),
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
      return paragraphsHeight([labels.error, block.message], width - 0.2, theme.sizes.text) + 0.2
    default:
      return 0
  }
}

const isVisual = (block: Block): block is Visual => block.kind === "chart" || block.kind === "table"

/** The visual blocks of a slide, maps already turned into tables. */
const visualsOf = (slide: Slide, labels: Labels): ReadonlyArray<Visual> =>
  slide.blocks.flatMap((block) => {
    if (block.kind === "map") return [mapAsTable(block, labels)]
    return isVisual(block) ? [block] : []
  })

/**
 * Widths of side-by-side visuals. A table gets about what it needs (within
 * 30–60 % of the width when it shares the slide with a chart); charts share
 * the rest.
 */
const visualWidths = (visuals: ReadonlyArray<Visual>, width: number): ReadonlyArray<number> => {
  if (visuals.length <= 1) return [width]

  const room = width - (visuals.length - 1) * GAP
  const wants = visuals.map((visual) =>
    visual.kind === "table"
      ? sum(naturalWidths(visual.columns, visual.rows, theme.sizes.maxTable))
      : undefined,
  )
  const charts = wants.filter((want) => want === undefined).length
  if (charts === 0) {
    const total = wants.reduce<number>((sum, want) => sum + (want ?? 0), 0)
    return wants.map((want) => ((want ?? 0) * room) / total)
  }

  const tables = wants.map((want) =>
    want === undefined ? 0 : Math.min(0.6 * room, Math.max(0.3 * room, want)),
  )
  const tableTotal = tables.reduce((sum, w) => sum + w, 0)
  const chartWidth = Math.max(0, room - tableTotal) / charts
  return wants.map((want, index) => (want === undefined ? chartWidth : tables[index]!))
}

interface TablePieces {
  readonly first: ReadonlyArray<PlacedItem>
  readonly continuations: ReadonlyArray<ReadonlyArray<PlacedItem>>
}

/** Places a table in `box`; rows that do not fit go on continuation pages of the full content area. */
const placeTable = (table: TableBlock, box: Box, labels: Labels): TablePieces => {
  const captionH = captionHeight(table.caption, box.w)
  const lines = tableNoteLines(table, labels)
  const notesH = notesHeight(lines, box.w)
  const room = box.h - captionH - notesH

  const caption = (at: Box): PlacedItem => ({
    kind: "caption",
    text: table.caption,
    box: { ...at, h: captionH },
  })
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
    return [caption(at), placed, ...notes(tableBox)]
  }

  const whole = largestFittingFont(table.columns, table.rows, box.w, room)
  if (whole !== undefined) {
    return { first: piece(box, { start: 0, end: table.rows.length }, whole), continuations: [] }
  }

  // A table too wide for 10 pt is split at the smallest size instead.
  const fitsWidth = sum(naturalWidths(table.columns, table.rows, SPLIT_TABLE_PT)) <= box.w
  const fitted = fitTable(table.columns, table.rows, box.w, fitsWidth ? SPLIT_TABLE_PT : theme.sizes.minTable)
  const header = sum(fitted.headerHeights)
  const nextRoom = CONTENT.h - captionH - notesH - header
  const pages = paginateRows(
    fitted.bodyHeights,
    table.rows.map((row) => row.kind),
    room - header,
    nextRoom,
  )
  return {
    first: piece(box, pages[0]!, fitted),
    continuations: pages.slice(1).map((page) => piece({ ...CONTENT, w: box.w }, page, fitted)),
  }
}

const sum = (values: ReadonlyArray<number>): number => values.reduce((total, value) => total + value, 0)

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

/** Stacks the non-visual blocks from the top; text shrinks once if it leaves too little room. */
const stackBlocks = (slide: Slide, hasVisuals: boolean, labels: Labels) => {
  const stacked = slide.blocks.filter((block) => !isVisual(block) && block.kind !== "map")
  const heightAt = (textPt: number) => stacked.map((block) => stackHeight(block, CONTENT.w, textPt, labels))
  const room = (heights: ReadonlyArray<number>) => CONTENT.h - sum(heights) - heights.length * GAP

  let textPt: number = theme.sizes.text
  let heights = heightAt(textPt)
  if (hasVisuals && room(heights) < MIN_VISUAL_HEIGHT) {
    textPt = theme.sizes.caption
    heights = heightAt(textPt)
  }

  // The title page is centred vertically; other pages start at the top.
  const isTitlePage = stacked.some((block) => block.kind === "title")
  let y = hasVisuals || !isTitlePage ? CONTENT.y : CONTENT.y + Math.max(0, room(heights)) / 2
  const items: PlacedItem[] = []
  stacked.forEach((block, index) => {
    const item = placeStacked(block, { x: CONTENT.x, y, w: CONTENT.w, h: heights[index]! }, textPt, labels)
    if (item !== undefined) items.push(item)
    y += heights[index]! + GAP
  })
  return { items, top: y }
}

/**
 * Plans the PowerPoint slides of one model slide: where every block goes
 * and which rows of a long table continue on further slides.
 */
export const planSlide = (slide: Slide, labels: Labels): ReadonlyArray<PagePlan> => {
  const visuals = visualsOf(slide, labels)
  const { items, top } = stackBlocks(slide, visuals.length > 0, labels)
  const isTitlePage = slide.blocks.some((block) => block.kind === "title")
  const title = isTitlePage ? undefined : slide.title

  const area: Box = { x: CONTENT.x, y: top, w: CONTENT.w, h: CONTENT.y + CONTENT.h - top }
  const widths = visualWidths(visuals, area.w)
  const continuations: Array<ReadonlyArray<PlacedItem>> = []
  let x = area.x
  visuals.forEach((visual, index) => {
    const box = { ...area, x, w: widths[index]! }
    x += widths[index]! + GAP
    if (visual.kind === "chart") {
      const captionH = captionHeight(visual.title, box.w)
      items.push({ kind: "caption", text: visual.title, box: { ...box, h: captionH } })
      items.push({ kind: "chart", block: visual, box: { ...box, y: box.y + captionH, h: box.h - captionH } })
      return
    }
    const pieces = placeTable(visual, box, labels)
    items.push(...pieces.first)
    continuations.push(...pieces.continuations)
  })

  const first: PagePlan = { title, slideId: slide.id, items, notes: slide.notes }
  const more = continuations.map(
    (continued): PagePlan => ({
      title: `${slide.title} ${labels.continued}`,
      slideId: slide.id,
      items: continued,
      notes: slide.notes,
    }),
  )
  return [first, ...more]
}

/** Plans every slide of the report, in order. */
export const planReport = (report: Report, labels: Labels): ReadonlyArray<PagePlan> =>
  report.slides.flatMap((slide) => planSlide(slide, labels))

/** Title font size: 24 pt when the title fits one line, smaller for long titles. */
export const titleFontSize = (title: string, width: number): number => {
  const inner = width - 2 * TEXT_INSET.x
  if (measure(title, theme.sizes.title, true) <= inner) return theme.sizes.title
  // Two lines of 20 pt fit the title box; the last resort is 16 pt.
  return measure(title, 20, true) <= 1.8 * inner ? 20 : 16
}
