import type { ErrorBlock, KeyFiguresBlock, TitleBlock } from "@ambu/core"
import { displayText, hasEmphasis } from "../layout/cell-text.js"
import { type Box, GAP, NOTES_GAP, paragraphsHeight } from "../layout/geometry.js"
import type { PptxSlide, TextRun } from "../pptxgen.js"
import { type PptxTheme, SIZES } from "../theme.js"

/** The font and language of a text box; the language drives spelling and hyphenation. */
const font = (theme: PptxTheme, lang: string) => ({ fontFace: theme.font, lang })

/** Paragraphs as text runs, each ending its own paragraph. */
const runs = (paragraphs: ReadonlyArray<string>): TextRun[] =>
  paragraphs.map((text, index) => ({ text, options: { breakLine: index < paragraphs.length - 1 } }))

export const drawParagraphs = (
  slide: PptxSlide,
  paragraphs: ReadonlyArray<string>,
  fontPt: number,
  box: Box,
  lang: string,
  theme: PptxTheme,
): void => {
  slide.addText(runs(paragraphs), {
    ...box,
    ...font(theme, lang),
    fontSize: fontPt,
    color: theme.colors.text,
    valign: "top",
    paraSpaceAfter: 6,
  })
}

export const drawCaption = (
  slide: PptxSlide,
  text: string,
  box: Box,
  lang: string,
  theme: PptxTheme,
): void => {
  slide.addText(text, {
    ...box,
    ...font(theme, lang),
    fontSize: SIZES.caption,
    bold: true,
    color: theme.colors.heading,
    valign: "top",
  })
}

/** Footnotes and legends under a table, small and muted. */
export const drawNoteLines = (
  slide: PptxSlide,
  lines: ReadonlyArray<string>,
  box: Box,
  lang: string,
  theme: PptxTheme,
): void => {
  slide.addText(runs(lines), {
    ...box,
    ...font(theme, lang),
    fontSize: SIZES.note,
    color: theme.colors.muted,
    valign: "top",
  })
}

export const drawTitleBlock = (
  slide: PptxSlide,
  block: TitleBlock,
  box: Box,
  lang: string,
  theme: PptxTheme,
): void => {
  slide.addText(
    [
      {
        text: block.title,
        options: { fontSize: 40, bold: true, color: theme.colors.heading, breakLine: true },
      },
      { text: block.subtitle, options: { fontSize: 22, color: theme.colors.text, breakLine: true } },
      { text: block.produced, options: { fontSize: 14, color: theme.colors.muted } },
    ],
    { ...box, ...font(theme, lang), align: "center", valign: "middle", paraSpaceAfter: 12 },
  )
}

/**
 * Key figures as big numbers in tinted boxes, the label under the number.
 * A figure over its goal is red and carries ▲, with the legend below.
 */
export const drawKeyFigures = (
  slide: PptxSlide,
  block: KeyFiguresBlock,
  layout: { readonly itemWidth: number; readonly valuePt: number; readonly legend: string | undefined },
  box: Box,
  lang: string,
  theme: PptxTheme,
): void => {
  const { itemWidth, valuePt, legend } = layout
  const legendHeight = legend === undefined ? 0 : NOTES_GAP + paragraphsHeight([legend], box.w, SIZES.note)
  const height = box.h - legendHeight
  block.items.forEach((item, index) => {
    const overGoal = hasEmphasis(item.value, "over-goal")
    slide.addText(
      [
        {
          text: displayText(item.value),
          options: {
            fontSize: valuePt,
            bold: true,
            color: overGoal ? theme.colors.overGoal : theme.colors.heading,
            breakLine: true,
          },
        },
        { text: item.label, options: { fontSize: SIZES.keyFigureLabel, color: theme.colors.text } },
      ],
      {
        x: box.x + index * (itemWidth + GAP),
        y: box.y,
        w: itemWidth,
        h: height,
        ...font(theme, lang),
        align: "center",
        valign: "middle",
        fill: { color: theme.colors.keyFigureFill },
      },
    )
  })
  if (legend !== undefined) {
    drawNoteLines(
      slide,
      [legend],
      { ...box, y: box.y + height + NOTES_GAP, h: legendHeight - NOTES_GAP },
      lang,
      theme,
    )
  }
}

/** A failed block: a red-framed notice that says so, instead of a silent gap. */
export const drawError = (
  slide: PptxSlide,
  block: ErrorBlock,
  label: string,
  box: Box,
  lang: string,
  theme: PptxTheme,
): void => {
  slide.addText(
    [
      { text: `⚠ ${label}`, options: { bold: true, color: theme.colors.overGoal, breakLine: true } },
      { text: block.message, options: { color: theme.colors.text } },
    ],
    {
      ...box,
      ...font(theme, lang),
      fontSize: SIZES.text,
      valign: "top",
      fill: { color: theme.colors.errorFill },
      line: { color: theme.colors.errorBorder, width: 1.5 },
    },
  )
}
