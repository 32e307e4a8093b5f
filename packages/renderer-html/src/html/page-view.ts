import type { Block, Report, Slide } from "@ambu/core"
import { type ChartView, NARROW_CHART, renderChart, WIDE_CHART } from "../chart/chart-svg.js"
import { type MapView, renderMap } from "../chart/map-svg.js"
import type { RendererLabels } from "../labels.js"
import type { HtmlTheme } from "../theme.js"
import { type CellValueView, cellValueView } from "./cell-view.js"
import { type TableView, tableView } from "./table-view.js"

/** What a block's partial (`templates/blocks/<kind>.hbs`) receives. */
export type BlockView =
  | {
      readonly kind: "title"
      readonly headingId: string
      readonly title: string
      readonly subtitle: string
      readonly produced: string
    }
  | { readonly kind: "text"; readonly paragraphs: ReadonlyArray<string> }
  | TableView
  | ({ readonly kind: "chart"; readonly anchor: string; readonly title: string } & ChartView)
  | ({ readonly kind: "map"; readonly anchor: string; readonly title: string } & MapView)
  | {
      readonly kind: "key-figures"
      readonly items: ReadonlyArray<{ readonly label: string } & CellValueView>
    }
  | { readonly kind: "error"; readonly heading: string; readonly message: string }

/** Consecutive charts, maps and tables share a row; other blocks take the full width. */
export interface BlockGroupView {
  readonly row: boolean
  readonly blocks: ReadonlyArray<BlockView>
}

export interface SlideView {
  readonly id: string
  readonly anchor: string
  readonly title: string
  readonly isTitle: boolean
  readonly groups: ReadonlyArray<BlockGroupView>
  readonly footer: string
  readonly position: string
}

export interface ViewContext {
  readonly report: Report
  readonly document: Document
  readonly theme: HtmlTheme
  readonly labels: RendererLabels
}

/** The slides as the templates draw them, in model order; charts and maps are drawn here. */
export const slideViews = (context: ViewContext): SlideView[] =>
  context.report.slides.map((slide, index) => slideView(slide, index, context))

const slideView = (slide: Slide, index: number, context: ViewContext): SlideView => {
  const anchor = `slide-${String(index + 1).padStart(2, "0")}`
  const crowded = sharesARow(slide.blocks)
  const blocks = slide.blocks.map((block, blockIndex) =>
    blockView(block, `${anchor}-b${blockIndex + 1}`, crowded[blockIndex]!, context),
  )
  const { report, labels } = context

  return {
    id: slide.id,
    anchor,
    title: slide.title,
    isTitle: slide.blocks.length > 0 && slide.blocks.every((block) => block.kind === "title"),
    groups: groupBlocks(blocks),
    footer: `${report.region} · ${report.period.from} – ${report.period.to}`,
    position: `${labels.slide} ${index + 1} ${labels.of} ${report.slides.length}`,
  }
}

const PANEL_KINDS = new Set(["chart", "map", "table"])

/** For each block: whether it shares its row with another panel, which gives its chart a narrower shape. */
const sharesARow = (blocks: ReadonlyArray<Block>): boolean[] =>
  blocks.map((block, index) => {
    const panel = (other: Block | undefined) => other !== undefined && PANEL_KINDS.has(other.kind)
    return panel(block) && (panel(blocks[index - 1]) || panel(blocks[index + 1]))
  })

const groupBlocks = (blocks: ReadonlyArray<BlockView>): BlockGroupView[] => {
  const groups: Array<{ row: boolean; blocks: BlockView[] }> = []
  for (const block of blocks) {
    const row = PANEL_KINDS.has(block.kind)
    const last = groups[groups.length - 1]
    if (row && last?.row === true) last.blocks.push(block)
    else groups.push({ row, blocks: [block] })
  }
  return groups
}

const blockView = (block: Block, anchor: string, sharesRow: boolean, context: ViewContext): BlockView => {
  const { document, theme, labels } = context
  const language = context.report.language

  switch (block.kind) {
    case "title":
      return { ...block, headingId: `${anchor.split("-b")[0]}-heading` }
    case "text":
      return { kind: "text", paragraphs: block.paragraphs }
    case "table":
      return tableView(block, anchor, labels)
    case "chart":
      return {
        kind: "chart",
        anchor,
        title: block.title,
        ...renderChart(block, {
          document,
          language,
          theme,
          idPrefix: anchor,
          size: sharesRow ? NARROW_CHART : WIDE_CHART,
        }),
      }
    case "map":
      return {
        kind: "map",
        anchor,
        title: block.title,
        ...renderMap(block, { document, language, theme, labels, idPrefix: anchor }),
      }
    case "key-figures":
      return {
        kind: "key-figures",
        items: block.items.map((item) => ({ label: item.label, ...cellValueView(item.value, labels) })),
      }
    case "error":
      return { kind: "error", heading: labels.error, message: block.message }
  }
}
