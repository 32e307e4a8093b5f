import { drawChart } from "./blocks/chart.js"
import { drawMap } from "./blocks/map.js"
import { drawTable } from "./blocks/table.js"
import {
  drawCaption,
  drawError,
  drawKeyFigures,
  drawNoteLines,
  drawParagraphs,
  drawTitleBlock,
} from "./blocks/text.js"
import { FOOTER_BOX, TITLE_BOX, TITLE_RULE_Y } from "./layout/geometry.js"
import { type PagePlan, type PlacedItem, titleFontSize } from "./layout/plan.js"
import type { ChartFix } from "./package/chart-fix.js"
import type { PptxSlide, Presentation } from "./pptxgen.js"
import { type Labels, type PptxTheme, SIZES } from "./theme.js"

/** Draws one placed block; a chart returns what the package step must add to it. */
const drawItem = (
  slide: PptxSlide,
  item: PlacedItem,
  labels: Labels,
  theme: PptxTheme,
): ChartFix | undefined => {
  switch (item.kind) {
    case "title-block":
      drawTitleBlock(slide, item.block, item.box, labels.locale, theme)
      return
    case "paragraphs":
      drawParagraphs(slide, item.paragraphs, item.fontPt, item.box, labels.locale, theme)
      return
    case "caption":
      drawCaption(slide, item.text, item.box, labels.locale, theme)
      return
    case "table":
      drawTable(slide, item.table, item, item.fitted, item.box, labels.locale, theme)
      return
    case "table-notes":
      drawNoteLines(slide, item.lines, item.box, labels.locale, theme)
      return
    case "chart":
      return drawChart(slide, item.block, item.box, labels, theme)
    case "map":
      drawMap(slide, item.layout, labels.locale, theme)
      return
    case "key-figures":
      drawKeyFigures(slide, item.block, item, item.box, labels.locale, theme)
      return
    case "error":
      drawError(slide, item.block, item.label, item.box, labels.locale, theme)
      return
  }
}

const drawHeading = (slide: PptxSlide, title: string, lang: string, theme: PptxTheme): void => {
  slide.addText(title, {
    ...TITLE_BOX,
    fontFace: theme.font,
    lang,
    fontSize: titleFontSize(title, TITLE_BOX.w),
    bold: true,
    color: theme.colors.heading,
    valign: "bottom",
    fit: "none",
  })
  slide.addShape("line", {
    x: TITLE_BOX.x,
    y: TITLE_RULE_Y,
    w: TITLE_BOX.w,
    h: 0,
    line: { color: theme.colors.rule, width: 1.5 },
  })
}

/**
 * The footer: where the figures come from on the left, the model's slide
 * number on the right ("Bild 9", "Bild 9 (forts.)" on its further slides),
 * the same number the HTML and PDF show.
 */
const drawFooter = (
  slide: PptxSlide,
  source: string,
  page: PagePlan,
  labels: Labels,
  theme: PptxTheme,
): void => {
  const common = {
    ...FOOTER_BOX,
    fontFace: theme.font,
    lang: labels.locale,
    fontSize: SIZES.footer,
    color: theme.colors.muted,
  }
  slide.addText(source, { ...common, align: "left" })
  const number = `${labels.slide} ${page.slideNumber}${page.continued ? ` ${labels.continued}` : ""}`
  slide.addText(number, { ...common, align: "right" })
}

/**
 * Adds one planned page as a slide: heading, blocks, footer and speaker
 * notes. Returns the fixes of its charts, in the order they were drawn.
 */
export const drawPage = (
  presentation: Presentation,
  page: PagePlan,
  source: string,
  labels: Labels,
  theme: PptxTheme,
): ReadonlyArray<ChartFix> => {
  const slide = presentation.addSlide()
  if (page.title !== undefined) drawHeading(slide, page.title, labels.locale, theme)

  const fixes: ChartFix[] = []
  for (const item of page.items) {
    const fix = drawItem(slide, item, labels, theme)
    if (fix !== undefined) fixes.push(fix)
  }

  if (page.title !== undefined) drawFooter(slide, source, page, labels, theme)
  if (page.notes !== "") slide.addNotes(page.notes)
  return fixes
}
