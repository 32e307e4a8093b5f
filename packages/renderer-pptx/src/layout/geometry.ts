/**
 * Slide geometry in inches for the 16:9 `LAYOUT_WIDE` (13.333 × 7.5 in),
 * and the text-size estimates every height is computed from.
 *
 * pptxgenjs cannot measure text, so widths and heights come from an
 * estimate of each glyph's width. It is taken from DejaVu Sans, the
 * fallback LibreOffice uses for Calibri, which is about 10 % wider than
 * Calibri: a box is rather too large in PowerPoint than too small anywhere.
 */
export const SLIDE = { width: 13.333, height: 7.5 } as const

export const MARGIN = 0.5

export const TITLE_BOX = { x: MARGIN, y: 0.25, w: SLIDE.width - 2 * MARGIN, h: 0.85 } as const

/** The thin rule under the title. */
export const TITLE_RULE_Y = 1.15

export const FOOTER_BOX = { x: MARGIN, y: 7.08, w: SLIDE.width - 2 * MARGIN, h: 0.3 } as const

/** Where blocks go: below the title rule, above the footer. */
export const CONTENT = {
  x: MARGIN,
  y: 1.3,
  w: SLIDE.width - 2 * MARGIN,
  h: 7.0 - 1.3,
} as const

/** Space between stacked or side-by-side blocks. */
export const GAP = 0.2

/** Footnotes and legends sit a little below what they explain. */
export const NOTES_GAP = 0.08

/** Line height as a multiple of the font size. */
const LINE_HEIGHT = 1.2

/** Bold glyphs are about a tenth wider. */
const BOLD_FACTOR = 1.1

/** The inner margin pptxgenjs gives a text box on each side (0.1 in left/right, 0.05 in top/bottom). */
export const TEXT_INSET = { x: 0.1, y: 0.05 } as const

export const POINTS_PER_INCH = 72

/** Every kind of space, the no-break ones included: all are as wide as a space. */
const SPACES = /^[\s\u00a0\u202f\u2007]$/u

/**
 * Where a text frame may break a line: at ordinary white space, never at a
 * no-break space (the model joins a number to its unit and its thousands with one).
 */
const BREAKING_SPACE = /[ \t\r\n]+/

/** The words of a text between which a line may break; "1\u00a0617\u00a0%" is one word. */
export const wordsOf = (text: string): ReadonlyArray<string> =>
  text.split(BREAKING_SPACE).filter((word) => word.length > 0)

/** The width in inches of the widest word of a text: the narrowest it can be set without breaking a word. */
export const widestWord = (text: string, fontPt: number, bold = false): number =>
  Math.max(0, ...wordsOf(text).map((word) => measure(word, fontPt, bold)))

/**
 * A glyph's advance in em, rounded up from DejaVu Sans: digits are wide
 * (0.64), narrow letters and punctuation about a third, capitals wider
 * than lower case.
 */
const glyphEm = (glyph: string): number => {
  if (/[0-9]/.test(glyph)) return 0.64
  if (SPACES.test(glyph)) return 0.32
  if (/[iljtfrI.,:;'!|()[\]]/.test(glyph)) return 0.4
  if (/[mwMW]/.test(glyph)) return 0.98
  if (/\p{Lu}/u.test(glyph)) return 0.74
  if (/\p{Ll}/u.test(glyph)) return 0.6
  return 0.8
}

/** The width in inches of a text on one line at `fontPt`. */
export const measure = (text: string, fontPt: number, bold = false): number => {
  let em = 0
  for (const glyph of text) em += glyphEm(glyph)
  return (em * fontPt * (bold ? BOLD_FACTOR : 1)) / POINTS_PER_INCH
}

/** The height in inches of `lines` lines at `fontPt`. */
export const linesHeight = (lines: number, fontPt: number): number =>
  (lines * fontPt * LINE_HEIGHT) / POINTS_PER_INCH

/**
 * A word wider than the line, set from the start of a line the way text
 * frames break it: after a hyphen where that helps, else between two
 * glyphs. Gives the lines it takes after its first and the width of its last.
 */
const brokenWord = (
  word: string,
  widthIn: number,
  fontPt: number,
  bold: boolean,
): { readonly extraLines: number; readonly lastWidth: number } => {
  let extraLines = 0
  let used = 0
  for (const piece of word.split(/(?<=-)/)) {
    const width = measure(piece, fontPt, bold)
    if (used + width <= widthIn) {
      used += width
      continue
    }
    if (used > 0) {
      extraLines += 1
      used = 0
    }
    if (width <= widthIn) {
      used = width
      continue
    }
    for (const glyph of piece) {
      const glyphWidth = measure(glyph, fontPt, bold)
      if (used > 0 && used + glyphWidth > widthIn) {
        extraLines += 1
        used = 0
      }
      used += glyphWidth
    }
  }
  return { extraLines, lastWidth: used }
}

/**
 * How many lines a paragraph needs in a box `widthIn` wide (inner width),
 * wrapping at spaces like a text frame does. An empty paragraph is one line.
 */
export const wrappedLines = (text: string, widthIn: number, fontPt: number, bold = false): number => {
  const words = wordsOf(text)
  if (words.length === 0) return 1

  const space = measure(" ", fontPt, bold)
  let lines = 1
  let used = 0
  for (const word of words) {
    const width = measure(word, fontPt, bold)
    const needed = used === 0 ? width : used + space + width
    if (needed <= widthIn) {
      used = needed
      continue
    }
    if (used > 0) lines += 1
    if (width <= widthIn) {
      used = width
      continue
    }
    // A word wider than the line breaks inside itself, as text frames do.
    const broken = brokenWord(word, widthIn, fontPt, bold)
    lines += broken.extraLines
    used = broken.lastWidth
  }
  return lines
}

/** The height of a text box holding `paragraphs` at `fontPt`, insets and paragraph spacing included. */
export const paragraphsHeight = (
  paragraphs: ReadonlyArray<string>,
  boxWidthIn: number,
  fontPt: number,
  paragraphSpacingPt = 0,
  bold = false,
): number => {
  const inner = boxWidthIn - 2 * TEXT_INSET.x
  const lines = paragraphs.reduce((sum, paragraph) => sum + wrappedLines(paragraph, inner, fontPt, bold), 0)
  const spacing = (Math.max(0, paragraphs.length - 1) * paragraphSpacingPt) / POINTS_PER_INCH
  return linesHeight(lines, fontPt) + spacing + 2 * TEXT_INSET.y
}

/** A rectangle on a slide, in inches. */
export interface Box {
  readonly x: number
  readonly y: number
  readonly w: number
  readonly h: number
}
