import type {
  Block,
  ChartBlock,
  ErrorBlock,
  KeyFiguresBlock,
  MapBlock,
  Slide,
  TableBlock,
  TextBlock,
  TitleBlock,
} from "@ambu/core"
import {
  bodyHeight,
  CHART_MIN,
  CONTENT_WIDTH,
  captionHeight,
  errorHeight,
  GAP,
  keyFiguresHeight,
  legendHeight,
  MAP_KEY_HEIGHT,
  MAP_MIN_HEIGHT,
  PANEL_GAP,
  paragraphsHeight,
} from "./geometry.js"
import {
  columnChunks,
  type FittedTable,
  fitTable,
  fittedHeight,
  fitWhole,
  fontSizes,
  MIN_FIRST_ROWS,
  type RowRange,
  shareWidth,
  splitTable,
  TABLE_FONT,
  tableNotes,
} from "./table-fit.js"

/** The words the plan adds to a slide. */
export interface PlanLabels {
  /** Appended to the title of a slide's further pages: "(forts.)". */
  readonly continued: string
  readonly suppressed: string
  readonly error: string
  /** Names of the legend entries the renderer adds under a chart (see `chart-svg.ts`). */
  readonly legendNames: (block: ChartBlock) => ReadonlyArray<string>
}

export type StackedBlock = TitleBlock | TextBlock | KeyFiguresBlock | ErrorBlock

/** A drawing's box in reference pixels: what the chart or map is drawn for. */
export interface DrawingSize {
  readonly width: number
  readonly height: number
}

export type PlannedPanel =
  | {
      readonly kind: "chart"
      readonly blockIndex: number
      readonly block: ChartBlock
      readonly drawing: DrawingSize
    }
  | {
      readonly kind: "map"
      readonly blockIndex: number
      readonly block: MapBlock
      readonly drawing: DrawingSize
    }
  | {
      readonly kind: "table"
      readonly blockIndex: number
      /** The model's table, or a group of its columns when it is too wide for the slide. */
      readonly block: TableBlock
      readonly fitted: FittedTable
      readonly rows: RowRange
      readonly notes: ReadonlyArray<string>
    }

export type PlannedItem =
  | { readonly kind: "block"; readonly blockIndex: number; readonly block: StackedBlock }
  /** Panels side by side; `height` is set when a drawing fills the row. */
  | { readonly kind: "row"; readonly height: number | null; readonly panels: ReadonlyArray<PlannedPanel> }

/** One `<section>`: a model slide's first page, or a continuation of it. */
export interface PagePlan {
  readonly title: string
  /** 0 on the slide's first page. */
  readonly page: number
  readonly items: ReadonlyArray<PlannedItem>
}

type PanelUnit =
  | { readonly kind: "chart"; readonly blockIndex: number; readonly block: ChartBlock }
  | { readonly kind: "map"; readonly blockIndex: number; readonly block: MapBlock }
  | {
      readonly kind: "table"
      readonly blockIndex: number
      readonly block: TableBlock
      readonly notes: ReadonlyArray<string>
    }

type Unit =
  | {
      readonly kind: "block"
      readonly blockIndex: number
      readonly block: StackedBlock
      readonly height: number
    }
  | { readonly kind: "row"; readonly panels: ReadonlyArray<PanelUnit> }

/** A table placed on a page; a whole one may still grow when the page has room to spare. */
interface PendingTable {
  readonly kind: "table"
  readonly unit: Extract<PanelUnit, { kind: "table" }>
  readonly width: number
  fitted: FittedTable
  readonly rows: RowRange
  readonly whole: boolean
}

type PendingPanel = Exclude<PanelUnit, { kind: "table" }> | PendingTable

type PendingItem =
  | { readonly kind: "block"; readonly unit: Extract<Unit, { kind: "block" }> }
  | { readonly kind: "row"; readonly panels: ReadonlyArray<PendingPanel>; readonly width: number }

interface PendingPage {
  readonly room: number
  readonly items: PendingItem[]
}

const isDrawing = (panel: { readonly kind: string }): boolean =>
  panel.kind === "chart" || panel.kind === "map"

type TableUnit = Extract<PanelUnit, { kind: "table" }>

const isTable = (panel: PanelUnit): panel is TableUnit => panel.kind === "table"

/** The least height of a chart or map with its caption and legend, at `width`. */
const drawingFrame = (panel: Exclude<PanelUnit, { kind: "table" }>, width: number, labels: PlanLabels) =>
  panel.kind === "chart"
    ? captionHeight(panel.block.title, width) + legendHeight(labels.legendNames(panel.block), width)
    : captionHeight(panel.block.title, width) + MAP_KEY_HEIGHT

const drawingMinHeight = (panel: Exclude<PanelUnit, { kind: "table" }>, width: number, labels: PlanLabels) =>
  drawingFrame(panel, width, labels) + (panel.kind === "chart" ? CHART_MIN.height : MAP_MIN_HEIGHT)

const stackedHeight = (block: StackedBlock, labels: PlanLabels): number => {
  switch (block.kind) {
    case "title":
      return 240
    case "text":
      return paragraphsHeight(block.paragraphs, CONTENT_WIDTH)
    case "key-figures":
      return keyFiguresHeight(
        block.items.map((item) => ({ label: item.label, text: item.value.text })),
        CONTENT_WIDTH,
      )
    case "error":
      return errorHeight(labels.error, block.message, CONTENT_WIDTH)
  }
}

/** The width a table wants beside a drawing: its cells on one line at the largest size. */
const tableShareWidth = (unit: TableUnit): number => shareWidth(unit.block, TABLE_FONT.max)

/**
 * Whether panels may stand side by side: each table at most half the
 * slide wide at its largest size, each chart or map at least its least
 * width in what is left.
 */
const canShareRow = (panels: ReadonlyArray<PanelUnit>): boolean => {
  const tables = panels.filter(isTable)
  const drawings = panels.length - tables.length
  const tableWidths = tables.map((table) => tableShareWidth(table))
  if (tableWidths.some((width) => width > CONTENT_WIDTH / 2)) return false
  const gaps = (panels.length - 1) * PANEL_GAP
  return sum(tableWidths) + drawings * CHART_MIN.width + gaps <= CONTENT_WIDTH
}

const sum = (values: ReadonlyArray<number>): number => values.reduce((total, value) => total + value, 0)

/** The slide's blocks in order, consecutive panels grouped into rows that fit side by side. */
const unitsOf = (slide: Slide, labels: PlanLabels): Unit[] => {
  const units: Unit[] = []
  let row: PanelUnit[] = []
  const addPanel = (panel: PanelUnit) => {
    if (row.length > 0 && !canShareRow([...row, panel])) endRow()
    row.push(panel)
  }
  const endRow = () => {
    if (row.length > 0) units.push({ kind: "row", panels: row })
    row = []
  }

  slide.blocks.forEach((block: Block, blockIndex) => {
    if (block.kind === "chart") addPanel({ kind: "chart", blockIndex, block })
    else if (block.kind === "map") addPanel({ kind: "map", blockIndex, block })
    else if (block.kind === "table") {
      const notes = tableNotes(block, labels.suppressed)
      for (const chunk of columnChunks(block, CONTENT_WIDTH))
        addPanel({ kind: "table", blockIndex, block: chunk, notes })
    } else {
      endRow()
      units.push({ kind: "block", blockIndex, block, height: stackedHeight(block, labels) })
    }
  })
  endRow()
  return units
}

/** Widths of the panels of a row: tables their share, drawings the rest alike. */
const panelWidths = (panels: ReadonlyArray<PanelUnit>): number[] => {
  if (panels.length === 1) return [CONTENT_WIDTH]
  const tables = panels.map((panel) => (isTable(panel) ? tableShareWidth(panel) : 0))
  const drawings = panels.filter(isDrawing).length
  const rest = CONTENT_WIDTH - sum(tables) - (panels.length - 1) * PANEL_GAP
  return panels.map((panel, index) => (isTable(panel) ? tables[index]! : rest / Math.max(1, drawings)))
}

/** A row's height with its tables at their current sizes and its drawings at their least. */
const rowHeight = (item: Extract<PendingItem, { kind: "row" }>, labels: PlanLabels): number => {
  const widths = panelWidths(item.panels.map((panel) => ("unit" in panel ? panel.unit : panel)))
  return Math.max(
    0,
    ...item.panels.map((panel, index) =>
      "unit" in panel
        ? fittedHeight(panel.fitted, panel.rows.start, panel.rows.end)
        : drawingMinHeight(panel, widths[index]!, labels),
    ),
  )
}

const itemHeight = (item: PendingItem, labels: PlanLabels): number =>
  item.kind === "block" ? item.unit.height : rowHeight(item, labels)

const pageHeight = (page: PendingPage, labels: PlanLabels): number =>
  sum(page.items.map((item) => itemHeight(item, labels))) + Math.max(0, page.items.length - 1) * GAP

const hasDrawing = (page: PendingPage): boolean =>
  page.items.some((item) => item.kind === "row" && item.panels.some(isDrawing))

/**
 * Plans the pages of one slide: which blocks go on which `<section>`, at
 * what size each table is set and where a long one continues, and the box
 * each chart or map is drawn for. Blocks keep the model's order; a slide
 * that needs more than one page repeats its title with `labels.continued`.
 */
export const planSlide = (slide: Slide, labels: PlanLabels): ReadonlyArray<PagePlan> => {
  const continuedTitle = `${slide.title} ${labels.continued}`
  const pages: PendingPage[] = [{ room: bodyHeight(slide.title), items: [] }]
  const current = () => pages[pages.length - 1]!
  const remaining = () =>
    current().room - pageHeight(current(), labels) - (current().items.length > 0 ? GAP : 0)
  const newPage = () => pages.push({ room: bodyHeight(continuedTitle), items: [] })
  const freshRoom = bodyHeight(continuedTitle)

  const tryRow = (panels: ReadonlyArray<PanelUnit>, room: number, withDrawing: boolean) => {
    const widths = panelWidths(panels)
    const smallest = withDrawing || panels.some(isDrawing) ? TABLE_FONT.besideDrawing : TABLE_FONT.min
    const placed: PendingPanel[] = []
    for (const [index, panel] of panels.entries()) {
      if (!isTable(panel)) {
        if (drawingMinHeight(panel, widths[index]!, labels) > room) return undefined
        placed.push(panel)
        continue
      }
      if (fitWhole(panel.block, panel.notes, widths[index]!, room, smallest) === undefined) return undefined
      // Placed at its least size; `growTables` sets the size the page allows.
      const fitted = fitTable(panel.block, panel.notes, smallest, widths[index]!)!
      placed.push({
        unit: panel,
        width: widths[index]!,
        fitted,
        rows: allRows(panel.block),
        whole: true,
        kind: "table",
      })
    }
    return { kind: "row" as const, panels: placed, width: CONTENT_WIDTH }
  }

  const placeSplit = (unit: Extract<PanelUnit, { kind: "table" }>) => {
    const start = fitTable(unit.block, unit.notes, TABLE_FONT.min, CONTENT_WIDTH)
    const opening = start === undefined ? 0 : fittedHeight(start, 0, MIN_FIRST_ROWS)
    if (current().items.length > 0 && (remaining() < opening || hasDrawing(current()))) newPage()

    const split = splitTable(unit.block, unit.notes, CONTENT_WIDTH, remaining(), freshRoom)
    split.pages.forEach((rows, index) => {
      if (index > 0) newPage()
      const table: PendingTable = {
        unit,
        width: CONTENT_WIDTH,
        fitted: split.fitted,
        rows,
        whole: false,
        kind: "table",
      }
      current().items.push({ kind: "row", panels: [table], width: CONTENT_WIDTH })
    })
  }

  const placeRow = (panels: ReadonlyArray<PanelUnit>) => {
    const here = tryRow(panels, remaining(), hasDrawing(current()))
    if (here !== undefined) return void current().items.push(here)

    if (current().items.length > 0) {
      const fresh = tryRow(panels, freshRoom, false)
      if (fresh !== undefined) {
        newPage()
        return void current().items.push(fresh)
      }
    }
    if (panels.length > 1) {
      for (const panel of panels) placeRow([panel])
      return
    }
    const panel = panels[0]!
    if (isTable(panel)) return placeSplit(panel)
    // A drawing that does not fit even a fresh page still goes on one, drawn smaller.
    if (current().items.length > 0) newPage()
    current().items.push({ kind: "row", panels: [panel], width: CONTENT_WIDTH })
  }

  for (const unit of unitsOf(slide, labels)) {
    if (unit.kind === "row") {
      placeRow(unit.panels)
      continue
    }
    if (current().items.length > 0 && unit.height > remaining()) newPage()
    current().items.push({ kind: "block", unit })
  }

  return pages.map((page, index) => {
    growTables(page, labels)
    return {
      title: index === 0 ? slide.title : continuedTitle,
      page: index,
      items: finishItems(page, labels),
    }
  })
}

const allRows = (table: TableBlock): RowRange => ({ start: 0, end: table.rows.length })

/** Sets the page's whole tables at the largest common size at which the page still fits. */
const growTables = (page: PendingPage, labels: PlanLabels): void => {
  const tables = page.items.flatMap((item) =>
    item.kind === "row"
      ? item.panels.filter((panel): panel is PendingTable => "unit" in panel && panel.whole)
      : [],
  )
  if (tables.length === 0) return

  const least = tables.map((table) => table.fitted)
  for (const font of fontSizes(Math.min(...least.map((fitted) => fitted.font)))) {
    const sized = tables.map((table, index) =>
      font <= least[index]!.font
        ? least[index]!
        : fitTable(table.unit.block, table.unit.notes, font, table.width),
    )
    if (sized.some((fitted) => fitted === undefined)) continue
    sized.forEach((fitted, index) => {
      tables[index]!.fitted = fitted!
    })
    if (pageHeight(page, labels) <= page.room) return
  }
  tables.forEach((table, index) => {
    table.fitted = least[index]!
  })
}

/** Gives the drawings the room the page has left, shared alike among the rows that hold one. */
const finishItems = (page: PendingPage, labels: PlanLabels): PlannedItem[] => {
  const drawingRows = page.items.filter((item) => item.kind === "row" && item.panels.some(isDrawing)).length
  const spare = Math.max(0, page.room - pageHeight(page, labels))
  const extra = drawingRows === 0 ? 0 : spare / drawingRows

  return page.items.map((item): PlannedItem => {
    if (item.kind === "block")
      return { kind: "block", blockIndex: item.unit.blockIndex, block: item.unit.block }

    const units = item.panels.map((panel) => ("unit" in panel ? panel.unit : panel))
    const widths = panelWidths(units)
    const withDrawing = item.panels.some(isDrawing)
    const height = rowHeight(item, labels) + (withDrawing ? extra : 0)
    const panels = item.panels.map((panel, index): PlannedPanel => {
      if ("unit" in panel) {
        return {
          kind: "table",
          blockIndex: panel.unit.blockIndex,
          block: panel.unit.block,
          fitted: panel.fitted,
          rows: panel.rows,
          notes: panel.unit.notes,
        }
      }
      const width = widths[index]!
      const drawing = { width, height: Math.max(1, height - drawingFrame(panel, width, labels)) }
      return panel.kind === "chart"
        ? { kind: "chart", blockIndex: panel.blockIndex, block: panel.block, drawing }
        : { kind: "map", blockIndex: panel.blockIndex, block: panel.block, drawing }
    })
    return { kind: "row", height: withDrawing ? height : null, panels }
  })
}
