import { textWidth, wrappedLines } from "./text-metrics.js"

/**
 * The slide's geometry in reference pixels: a slide is 1600 × 900 of them,
 * whatever its size on screen (the stylesheet scales one reference pixel to
 * `100cqw / 1600`). Every number here mirrors a rule in
 * `templates/styles.css`; the Chromium tests catch the two drifting apart.
 */
export const SLIDE = { width: 1600, height: 900 } as const

export const PADDING = { top: 32, x: 48, bottom: 56 } as const

export const CONTENT_WIDTH = SLIDE.width - 2 * PADDING.x

/** Body text: paragraphs, legends and key figures are sized from it. */
export const TEXT = { font: 17.6, lineHeight: 1.35, paragraphGap: 7 } as const

/** Paragraphs stop at this width, for lines that can be read. */
export const TEXT_MAX_WIDTH = 1232

export const TITLE = { font: 33, lineHeight: 1.2, rule: 6, below: 32 } as const

/** Between the blocks of a slide body, and between the panels of a row. */
export const GAP = 18

export const PANEL_GAP = 32

export const CAPTION = { font: 18, lineHeight: 1.35, below: 7 } as const

export const LEGEND = {
  font: 16,
  lineHeight: 1.35,
  above: 8,
  rowGap: 5,
  itemGap: 24,
  swatch: 26 + 7,
} as const

/** A drawing is never squeezed below these; a slide with less room continues on a further page. */
export const CHART_MIN = { width: 560, height: 260 } as const

export const MAP_MIN_HEIGHT = 420

/** The map's colour scale and legend under the drawing. */
export const MAP_KEY_HEIGHT = 72

/** Kept free at the bottom of the body for rounding between this estimate and the browser. */
export const SAFETY = 10

/** Height of `text` wrapped in `width` at the given font, line height included. */
export const textHeight = (text: string, width: number, font: number, lineHeight: number, bold = false) =>
  wrappedLines(text, width, font, bold) * font * lineHeight

/** The slide title's height, rule and space below included (it may wrap to more lines). */
export const titleHeight = (title: string): number =>
  textHeight(title, CONTENT_WIDTH, TITLE.font, TITLE.lineHeight, true) + TITLE.rule + TITLE.below

/** The room left for the body under a title. */
export const bodyHeight = (title: string): number =>
  SLIDE.height - PADDING.top - PADDING.bottom - titleHeight(title) - SAFETY

export const captionHeight = (caption: string, width: number): number =>
  caption === "" ? 0 : textHeight(caption, width, CAPTION.font, CAPTION.lineHeight, true) + CAPTION.below

export const paragraphsHeight = (paragraphs: ReadonlyArray<string>, width: number): number => {
  const wrapWidth = Math.min(width, TEXT_MAX_WIDTH)
  return paragraphs.reduce(
    (sum, paragraph) =>
      sum + textHeight(paragraph, wrapWidth, TEXT.font, TEXT.lineHeight) + TEXT.paragraphGap,
    0,
  )
}

/** Legend entries flow in lines like words; the height of those lines. */
export const legendHeight = (names: ReadonlyArray<string>, width: number): number => {
  if (names.length === 0) return 0

  let lines = 1
  let used = 0
  for (const name of names) {
    const item = LEGEND.swatch + textWidth(name, LEGEND.font)
    const needed = used === 0 ? item : used + LEGEND.itemGap + item
    if (needed <= width || used === 0) used = needed
    else {
      lines += 1
      used = item
    }
  }
  return LEGEND.above + lines * LEGEND.font * LEGEND.lineHeight + (lines - 1) * LEGEND.rowGap
}

/** Key figures: boxes at least 12em wide, flowing in lines. */
export const keyFiguresHeight = (
  items: ReadonlyArray<{ readonly label: string; readonly text: string }>,
  width: number,
): number => {
  const em = TEXT.font
  const boxes = items.map((item) =>
    Math.max(
      12 * em,
      2.3 * em + Math.max(textWidth(item.label, 0.95 * em), textWidth(item.text, 1.8 * em, true)),
    ),
  )
  let lines = boxes.length === 0 ? 0 : 1
  let used = 0
  for (const box of boxes) {
    const needed = used === 0 ? box : used + em + box
    if (needed <= width || used === 0) used = needed
    else {
      lines += 1
      used = box
    }
  }
  // Each box: padding, the label's line and the value's line.
  const box = 1.2 * em + 0.95 * em * TEXT.lineHeight + 0.1 * em + 1.8 * em * TEXT.lineHeight
  return lines * box + Math.max(0, lines - 1) * em
}

/** A failed metric's notice: a heading and its message inside a bordered box. */
export const errorHeight = (heading: string, message: string, width: number): number => {
  const inner = width - 2 * 1.4 * TEXT.font - 4
  const lines = wrappedLines(heading, inner, TEXT.font, true) + wrappedLines(message, inner, TEXT.font)
  return 2 * TEXT.font + 4 + lines * TEXT.font * TEXT.lineHeight + 0.6 * TEXT.font
}
