import type { Report, Slide } from "@ambu/core"
import { type ChartView, legendNames, renderChart } from "../chart/chart-svg.js"
import { type MapView, renderMap } from "../chart/map-svg.js"
import type { RendererLabels } from "../labels.js"
import {
  type PlanLabels,
  type PlannedItem,
  type PlannedPanel,
  planSlide,
  type StackedBlock,
} from "../layout/slide-plan.js"
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

/** Panels side by side (`row`), or one block across the slide; a row holding a drawing has a set height. */
export interface BlockGroupView {
  readonly row: boolean
  readonly style: string | null
  readonly blocks: ReadonlyArray<BlockView>
}

/** The speaker notes: the slide's definition and data-quality account, under its last page. */
export interface NotesView {
  readonly summary: string
  readonly paragraphs: ReadonlyArray<string>
}

/** One `<section>`: a slide, or a further page of a slide whose tables did not fit on one. */
export interface SlideView {
  readonly id: string
  readonly anchor: string
  readonly title: string
  readonly isTitle: boolean
  readonly continued: boolean
  readonly groups: ReadonlyArray<BlockGroupView>
  readonly footer: string
  /** "Bild 9", or "Bild 9 (forts.)" on a further page of slide 9. */
  readonly position: string
  /** The model's slide number, and which of its pages this is (1 on its first): the PNG files are named by these. */
  readonly slideNumber: number
  readonly page: number
  readonly notes: NotesView | null
}

export interface ViewContext {
  readonly report: Report
  readonly document: Document
  readonly theme: HtmlTheme
  readonly labels: RendererLabels
}

/**
 * The sections as the templates draw them, in model order: each slide is
 * planned to fit 1600 × 900 (`layout/slide-plan.ts`), continuing on further
 * sections when its tables need them; charts and maps are drawn here.
 */
export const slideViews = (context: ViewContext): SlideView[] => {
  const { report, labels } = context
  const planLabels: PlanLabels = {
    continued: labels.continued,
    suppressed: labels.suppressed,
    error: labels.error,
    legendNames,
  }
  const planned = report.slides.map((slide) => ({ slide, pages: planSlide(slide, planLabels) }))

  return planned.flatMap(({ slide, pages }, slideIndex) =>
    pages.map((page) => {
      const anchor = `slide-${String(slideIndex + 1).padStart(2, "0")}${page.page === 0 ? "" : `-p${page.page + 1}`}`
      const isLast = page.page === pages.length - 1
      return {
        id: slide.id,
        anchor,
        title: page.title,
        isTitle: slide.blocks.length > 0 && slide.blocks.every((block) => block.kind === "title"),
        continued: page.page > 0,
        groups: page.items.map((item) => groupView(item, anchor, context)),
        footer: `${report.region} · ${report.period.from} – ${report.period.to}`,
        position: slideLabel(slide, page.page > 0, labels),
        slideNumber: slide.number,
        page: page.page + 1,
        notes: isLast ? notesView(slide, labels) : null,
      }
    }),
  )
}

/**
 * The model's slide number, as the PowerPoint deck shows it too, so "Bild 9"
 * is the same slide in every format; a further page of the slide says so.
 */
const slideLabel = (slide: Slide, continued: boolean, labels: RendererLabels): string =>
  `${labels.slide} ${slide.number}${continued ? ` ${labels.continued}` : ""}`

const notesView = (slide: Slide, labels: RendererLabels): NotesView | null => {
  const paragraphs = slide.notes
    .split(/\n\s*\n/)
    .map((paragraph) => paragraph.trim())
    .filter((paragraph) => paragraph.length > 0)
  return paragraphs.length === 0 ? null : { summary: labels.notesSummary, paragraphs }
}

const groupView = (item: PlannedItem, anchor: string, context: ViewContext): BlockGroupView => {
  if (item.kind === "block") {
    return {
      row: false,
      style: null,
      blocks: [stackedView(item.block, `${anchor}-b${item.blockIndex + 1}`, context)],
    }
  }
  // A table cut into column groups appears more than once in a row or page: its later parts get a suffix.
  const seen = new Map<number, number>()
  const blocks = item.panels.map((panel) => {
    const count = (seen.get(panel.blockIndex) ?? 0) + 1
    seen.set(panel.blockIndex, count)
    const blockAnchor = `${anchor}-b${panel.blockIndex + 1}${count > 1 ? `-${count}` : ""}`
    return panelView(panel, blockAnchor, context)
  })
  return {
    row: true,
    style: item.height === null ? null : `--row-height: ${Math.floor(item.height)}`,
    blocks,
  }
}

const panelView = (panel: PlannedPanel, anchor: string, context: ViewContext): BlockView => {
  const { document, theme, labels } = context
  const language = context.report.language
  switch (panel.kind) {
    case "table":
      return tableView(panel, anchor, labels)
    case "chart":
      return {
        kind: "chart",
        anchor,
        title: panel.block.title,
        ...renderChart(panel.block, {
          document,
          language,
          theme,
          idPrefix: anchor,
          size: { width: Math.round(panel.drawing.width), height: Math.round(panel.drawing.height) },
        }),
      }
    case "map":
      return {
        kind: "map",
        anchor,
        title: panel.block.title,
        ...renderMap(panel.block, {
          document,
          language,
          theme,
          labels,
          idPrefix: anchor,
          size: { width: Math.round(panel.drawing.width), height: Math.round(panel.drawing.height) },
        }),
      }
  }
}

const stackedView = (block: StackedBlock, anchor: string, context: ViewContext): BlockView => {
  const { labels } = context
  switch (block.kind) {
    case "title":
      return { ...block, headingId: `${anchor.split("-b")[0]}-heading` }
    case "text":
      return { kind: "text", paragraphs: block.paragraphs }
    case "key-figures":
      return {
        kind: "key-figures",
        items: block.items.map((item) => ({ label: item.label, ...cellValueView(item.value, labels) })),
      }
    case "error":
      return { kind: "error", heading: labels.error, message: block.message }
  }
}
