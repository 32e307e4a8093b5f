import { contrastRatio, MIN_TEXT_CONTRAST } from "../deck-theme.js"
import type { Box } from "../layout/geometry.js"
import type { Point } from "../layout/map-geometry.js"
import {
  type AreaFill,
  type Callout,
  LABEL_PT,
  LEGEND_PT,
  type LegendSwatch,
  type MapLayout,
  type MapShape,
} from "../layout/map-layout.js"
import type { PptxSlide, ShapeName, ShapePoint } from "../pptxgen.js"
import type { PptxTheme } from "../theme.js"

/**
 * pptxgenjs 4.0.1 writes `<a:custGeom>` for this shape name (its
 * `ShapeType.custGeom`), but its type of shape names leaves it out.
 */
const CUSTOM_GEOMETRY = "custGeom" as ShapeName

/** Outlines in points: white between areas, a thick dark line round an area that misses its goal. */
const AREA_BORDER_PT = 0.75
const OVER_GOAL_BORDER_PT = 2.5
const LEADER_PT = 0.75
const DOT_RADIUS = 0.035
const WHITE = "FFFFFF"
const BLACK = "000000"

export const fillColour = (fill: AreaFill, theme: PptxTheme): string =>
  fill.kind === "no-value" ? theme.colors.noValue : (theme.mapRamp[fill.step] ?? theme.colors.noValue)

/** The first of the body text, white and black that reads at 4.5:1 on a fill; one of white and black always does. */
export const labelColour = (fill: string, theme: PptxTheme): string =>
  [theme.colors.text, WHITE, BLACK].find((colour) => contrastRatio(colour, fill) >= MIN_TEXT_CONTRAST) ??
  BLACK

/** A shape's rings as pptxgenjs freeform points, in inches from the shape's corner: one closed contour each. */
const contours = (shape: MapShape): ShapePoint[] =>
  shape.rings.flatMap((ring): ShapePoint[] => [
    ...ring.map(
      (point, index): ShapePoint =>
        index === 0 ? { x: point.x, y: point.y, moveTo: true } : { x: point.x, y: point.y },
    ),
    { close: true },
  ])

const drawArea = (slide: PptxSlide, shape: MapShape, theme: PptxTheme): void => {
  // A shape without width or height has nothing to fill, and a path of size 0 is not valid.
  if (shape.box.w <= 0 || shape.box.h <= 0) return
  slide.addShape(CUSTOM_GEOMETRY, {
    ...shape.box,
    points: contours(shape),
    objectName: shape.title,
    fill: { color: fillColour(shape.fill, theme) },
    line: shape.overGoal
      ? { color: theme.colors.text, width: OVER_GOAL_BORDER_PT }
      : { color: theme.colors.areaBorder, width: AREA_BORDER_PT },
  })
}

/** A straight line from `from` to `to`: a line shape spans its box from corner to corner, flipped for the rising diagonal. */
const drawLine = (slide: PptxSlide, from: Point, to: Point, theme: PptxTheme): void => {
  const rising = (to.x - from.x) * (to.y - from.y) < 0
  slide.addShape("line", {
    x: Math.min(from.x, to.x),
    y: Math.min(from.y, to.y),
    w: Math.abs(to.x - from.x),
    h: Math.abs(to.y - from.y),
    ...(rising ? { flipV: true } : {}),
    line: { color: theme.colors.text, width: LEADER_PT },
  })
}

const textOptions = (box: Box, fontPt: number, lang: string, theme: PptxTheme) => ({
  ...box,
  fontFace: theme.font,
  lang,
  fontSize: fontPt,
  margin: 0,
  wrap: false,
  fit: "none" as const,
  valign: "middle" as const,
})

const drawCallout = (slide: PptxSlide, callout: Callout, lang: string, theme: PptxTheme): void => {
  slide.addText(
    [
      { text: `${callout.name} `, options: {} },
      { text: callout.value, options: { bold: true } },
    ],
    {
      ...textOptions(callout.box, LABEL_PT, lang, theme),
      color: theme.colors.text,
      align: callout.side === "left" ? "right" : "left",
    },
  )
}

const drawDot = (slide: PptxSlide, at: Point, theme: PptxTheme): void => {
  slide.addShape("ellipse", {
    x: at.x - DOT_RADIUS,
    y: at.y - DOT_RADIUS,
    w: 2 * DOT_RADIUS,
    h: 2 * DOT_RADIUS,
    fill: { color: theme.colors.text },
    // A white ring keeps the dot visible on the darkest fill.
    line: { color: WHITE, width: 0.75 },
  })
}

const drawSwatch = (slide: PptxSlide, swatch: LegendSwatch, box: Box, theme: PptxTheme): void => {
  const overGoal = swatch.kind === "over-goal"
  slide.addShape("rect", {
    ...box,
    fill: { color: overGoal ? WHITE : fillColour(swatch, theme) },
    line: overGoal
      ? { color: theme.colors.text, width: OVER_GOAL_BORDER_PT }
      : { color: theme.colors.border, width: 0.5 },
  })
}

const drawLegend = (slide: PptxSlide, layout: MapLayout, lang: string, theme: PptxTheme): void => {
  const { heading, entries, goal } = layout.legend
  slide.addText(heading.text, {
    ...textOptions(heading.box, LEGEND_PT, lang, theme),
    bold: true,
    color: theme.colors.text,
  })
  const drawEntry = (entry: (typeof entries)[number]): void => {
    drawSwatch(slide, entry.swatch, entry.swatchBox, theme)
    slide.addText(entry.text, {
      ...textOptions(entry.textBox, LEGEND_PT, lang, theme),
      color: theme.colors.text,
    })
  }
  // In reading order, as the legend stands: the steps, then the goal above the marks.
  for (const entry of entries.filter((candidate) => candidate.swatch.kind === "step")) drawEntry(entry)
  if (goal !== undefined) {
    slide.addText(goal.text, { ...textOptions(goal.box, LEGEND_PT, lang, theme), color: theme.colors.text })
  }
  for (const entry of entries.filter((candidate) => candidate.swatch.kind !== "step")) drawEntry(entry)
}

/**
 * Draws a laid-out map: the areas as freeform shapes (one per
 * municipality, editable and recolourable in PowerPoint), the leader lines
 * and their dots, the values in the areas in a colour readable on each
 * fill, the callouts beside the map and the legend.
 */
export const drawMap = (slide: PptxSlide, layout: MapLayout, lang: string, theme: PptxTheme): void => {
  for (const shape of layout.shapes) drawArea(slide, shape, theme)
  for (const callout of layout.callouts) drawLine(slide, callout.anchor, callout.lineEnd, theme)
  for (const callout of layout.callouts) drawDot(slide, callout.anchor, theme)
  for (const label of layout.labels) {
    slide.addText(label.text, {
      ...textOptions(label.box, LABEL_PT, lang, theme),
      bold: true,
      align: "center",
      color: labelColour(fillColour(label.fill, theme), theme),
    })
  }
  for (const callout of layout.callouts) drawCallout(slide, callout, lang, theme)
  drawLegend(slide, layout, lang, theme)
}
