import {
  compareCodePoints,
  formatValue,
  growRect,
  type MapBlock,
  rectAround,
  rectsOverlap,
  spreadOut,
} from "@ambu/core"
import { type Labels, MAP_RAMP, OVER_GOAL_MARK, SIZES } from "../theme.js"
import { type Box, GAP, linesHeight, measure } from "./geometry.js"
import {
  boundsOf,
  centroid,
  fitProjection,
  geoPolygons,
  labelSpots,
  type Point,
  type Polygon,
  polygonArea,
  type Rect,
  type Ring,
  rectInside,
  segmentCrossesRect,
  simplifyRing,
  windPolygon,
} from "./map-geometry.js"
import { type ColourScale, colourScale, stepOf, stepSpans } from "./map-scale.js"

type Area = MapBlock["areas"][number]

/** What an area is filled with: a step of the colour scale, or the grey of no value. */
export type AreaFill = { readonly kind: "step"; readonly step: number } | { readonly kind: "no-value" }

/** One municipality as one freeform shape. */
export interface MapShape {
  readonly code: string
  /** The shape's name, for the selection pane and screen readers: the area's name and value. */
  readonly title: string
  readonly fill: AreaFill
  readonly overGoal: boolean
  /** The shape's bounding box on the slide. */
  readonly box: Box
  /** Its rings, exteriors clockwise and holes anticlockwise, in inches from the box's top left corner. */
  readonly rings: ReadonlyArray<Ring>
}

/** A value set inside its area, on the area's fill. */
export interface InsideLabel {
  readonly code: string
  readonly text: string
  readonly fill: AreaFill
  readonly box: Box
}

/** A value beside the map with the area's name, joined to the area by a leader line. */
export interface Callout {
  readonly code: string
  readonly name: string
  readonly value: string
  readonly side: "left" | "right"
  readonly box: Box
  /** The line runs from a dot in the area to the text. */
  readonly anchor: Point
  readonly lineEnd: Point
}

export type LegendSwatch = AreaFill | { readonly kind: "over-goal" }

export interface LegendEntry {
  readonly swatch: LegendSwatch
  readonly swatchBox: Box
  readonly text: string
  readonly textBox: Box
}

export interface MapLegend {
  /** What the colour is ("Tid, min:s"), bold above the steps. */
  readonly heading: { readonly text: string; readonly box: Box }
  /** The colour steps, then the goal's mark and the grey of no value where the map has them. */
  readonly entries: ReadonlyArray<LegendEntry>
  /** The goal ("Mål per kommun: < 18:00") above its mark. */
  readonly goal: { readonly text: string; readonly box: Box } | undefined
}

/** Everything the map slide draws, placed; `unplaced` are the areas whose value it does not show. */
export interface MapLayout {
  /** Areas over the goal come last, so that their thick outline is never covered by a neighbour. */
  readonly shapes: ReadonlyArray<MapShape>
  readonly labels: ReadonlyArray<InsideLabel>
  readonly callouts: ReadonlyArray<Callout>
  readonly legend: MapLegend
  /** Areas of the model without a boundary, or without room for their value: a table follows the map for them. */
  readonly unplaced: ReadonlyArray<Area>
  readonly scale: ColourScale
}

/** The value labels, in the areas and beside them. */
export const LABEL_PT = 10
export const LEGEND_PT = SIZES.note
const LINE = linesHeight(1, LABEL_PT)
/**
 * What of a label must lie in its area: its glyphs, as wide as measured
 * and as tall as a digit (0.75 em; the line's box is 1.2 em), with room
 * from the outline (an over-goal outline is 2.5 pt, half of it, 0.017 in,
 * inside). Two labels' whole line boxes never overlap.
 */
const INK_HEIGHT = (0.75 * LABEL_PT) / 72
const LABEL_PAD = 0.02
/** Between the map (or a label reaching past it) and the callouts' text. */
const CALLOUT_GAP = 0.18
/** The leader line stops this short of its text. */
const LINE_GAP = 0.04
/** Callouts on a side are this far apart, centre to centre. */
const CALLOUT_PITCH = LINE + 0.03
/** At most this share of the map's width goes to each column of callouts. */
const MAX_SIDE_SHARE = 0.22
/**
 * Simplification starts at a fifth of a point, which no one sees, and
 * coarsens until the whole map has at most `MAX_POINTS` points.
 */
const FIRST_TOLERANCE = 0.003
const MAX_POINTS = 6000
/** How many candidate spots per area a label tries. */
const SPOTS_TRIED = 48

const LEGEND_LINE = linesHeight(1, LEGEND_PT)
const LEGEND_ROW = LEGEND_LINE + 0.06
const SWATCH = { w: 0.32, h: 0.16 } as const
const SWATCH_GAP = 0.1
/** Text boxes get this slack over the measured width: they never wrap (`wrap: none`), this only keeps them tidy. */
const TEXT_SLACK = 0.04

const areaLabel = (area: Area): string => (area.overGoal ? `${OVER_GOAL_MARK}${area.text}` : area.text)

const calloutWidths = (area: Area) => {
  const name = measure(`${area.name} `, LABEL_PT)
  const value = measure(areaLabel(area), LABEL_PT, true)
  return { name, value, total: name + value + TEXT_SLACK }
}

const formatted = (value: number, map: MapBlock, labels: Labels): string =>
  formatValue(value, map.unit, labels.language)

/** A feature of the model with its polygons, when it has any area to draw. */
interface Feature {
  readonly code: string
  readonly polygons: ReturnType<typeof geoPolygons>
  readonly area: Area | undefined
}

const featuresOf = (map: MapBlock): ReadonlyArray<Feature> => {
  const areas = new Map(map.areas.map((area) => [area.code, area]))
  const seen = new Set<string>()
  return map.boundaries.features.flatMap((feature) => {
    const polygons = geoPolygons(feature.geometry)
    // A code drawn twice would get two labels; the first boundary stands.
    if (polygons.length === 0 || seen.has(feature.properties.code)) return []
    seen.add(feature.properties.code)
    return [{ code: feature.properties.code, polygons, area: areas.get(feature.properties.code) }]
  })
}

/** Whether the map has a boundary to draw, spanning some width and height; without one it is shown as a table. */
export const isDrawableMap = (map: MapBlock): boolean =>
  fitProjection(
    featuresOf(map).flatMap((feature) => feature.polygons),
    { left: 0, top: 0, right: 1, bottom: 1 },
  ) !== undefined

const fillOf = (area: Area | undefined, scale: ColourScale): AreaFill =>
  area === undefined || area.value === null
    ? { kind: "no-value" }
    : { kind: "step", step: stepOf(scale, area.value) }

/**
 * The projected polygons of every feature, simplified until the whole map
 * has at most `MAX_POINTS` points: first below what paper shows, then twice
 * as coarse each round. The same input always takes the same rounds.
 */
const projectedPolygons = (
  features: ReadonlyArray<Feature>,
  project: (lonLat: readonly [number, number]) => Point,
): ReadonlyArray<ReadonlyArray<Polygon>> => {
  const raw = features.map((feature) =>
    feature.polygons.map((polygon) => polygon.map((ring) => ring.map(project))),
  )
  let tolerance = FIRST_TOLERANCE
  for (;;) {
    const simplified = raw.map((polygons) =>
      polygons.map((polygon) => windPolygon(polygon.map((ring) => simplifyRing(ring, tolerance)))),
    )
    const points = simplified.flat(2).reduce((total, ring) => total + ring.length, 0)
    if (points <= MAX_POINTS || tolerance > 1) return simplified
    tolerance *= 2
  }
}

const boxOf = (rect: Rect): Box => ({
  x: rect.left,
  y: rect.top,
  w: rect.right - rect.left,
  h: rect.bottom - rect.top,
})

const legendOf = (
  map: MapBlock,
  scale: ColourScale,
  features: ReadonlyArray<Feature>,
  labels: Labels,
): { readonly width: number; readonly height: number; readonly place: (at: Point) => MapLegend } => {
  const heading = labels.mapQuantity[map.unit]
  const steps: Array<{ readonly swatch: LegendSwatch; readonly text: string }> = stepSpans(scale)
    .map(([low, high], step) => ({
      swatch: { kind: "step", step } as const,
      text: `${formatted(low, map, labels)} – ${formatted(high, map, labels)}`,
    }))
    .reverse()
  const overGoal = features.some((feature) => feature.area?.overGoal === true)
  const noValue = features.some((feature) => feature.area === undefined || feature.area.value === null)
  const marks: Array<{ readonly swatch: LegendSwatch; readonly text: string }> = [
    ...(overGoal ? [{ swatch: { kind: "over-goal" } as const, text: labels.overGoalLegend }] : []),
    ...(noValue ? [{ swatch: { kind: "no-value" } as const, text: labels.mapNoValue }] : []),
  ]
  const goal = map.goal?.label
  const entryWidth = (text: string) => SWATCH.w + SWATCH_GAP + measure(text, LEGEND_PT) + TEXT_SLACK
  const width = Math.max(
    measure(heading, LEGEND_PT, true) + TEXT_SLACK,
    goal === undefined ? 0 : measure(goal, LEGEND_PT) + TEXT_SLACK,
    ...[...steps, ...marks].map((entry) => entryWidth(entry.text)),
  )
  const goalRows = goal === undefined ? 0 : 1
  const gapBeforeMarks = marks.length > 0 || goal !== undefined ? 0.12 : 0
  const height = LEGEND_ROW * (1 + steps.length + goalRows + marks.length) + gapBeforeMarks

  const place = (at: Point): MapLegend => {
    const entry = (item: (typeof steps)[number], y: number): LegendEntry => ({
      swatch: item.swatch,
      swatchBox: { x: at.x, y: y + (LEGEND_ROW - SWATCH.h) / 2, ...SWATCH },
      text: item.text,
      textBox: { x: at.x + SWATCH.w + SWATCH_GAP, y, w: width - SWATCH.w - SWATCH_GAP, h: LEGEND_ROW },
    })
    const stepEntries = steps.map((item, index) => entry(item, at.y + LEGEND_ROW * (1 + index)))
    const below = at.y + LEGEND_ROW * (1 + steps.length) + gapBeforeMarks
    const goalBox = goal === undefined ? undefined : { x: at.x, y: below, w: width, h: LEGEND_ROW }
    const markEntries = marks.map((item, index) => entry(item, below + LEGEND_ROW * (goalRows + index)))
    return {
      heading: { text: heading, box: { x: at.x, y: at.y, w: width, h: LEGEND_ROW } },
      entries: [...stepEntries, ...markEntries],
      goal: goal === undefined || goalBox === undefined ? undefined : { text: goal, box: goalBox },
    }
  }
  return { width, height, place }
}

interface Placed {
  readonly shapes: ReadonlyArray<MapShape>
  readonly labels: ReadonlyArray<InsideLabel>
  readonly callouts: ReadonlyArray<Callout>
  readonly unplaced: ReadonlyArray<Area>
  readonly mapBounds: Rect
  /** The leftmost and rightmost ink: callouts, labels and the map itself. */
  readonly extent: { readonly left: number; readonly right: number }
}

/**
 * The areas, their labels and callouts for a frame. Labels go inside their
 * area where the whole label fits in it, clear of the outline and of the
 * labels already placed: over-goal areas first (their values matter most),
 * then larger areas, ties by code. The rest stand beside the map on the
 * side nearer their area, in top-to-bottom order, one line apart; what
 * even a column of callouts cannot hold is left `unplaced`.
 */
const placeAreas = (
  features: ReadonlyArray<Feature>,
  scale: ColourScale,
  frame: Rect,
  drawing: Rect,
  words: Labels,
): Placed | undefined => {
  const fitted = fitProjection(
    features.flatMap((feature) => feature.polygons),
    frame,
  )
  if (fitted === undefined) return undefined
  const projected = projectedPolygons(features, fitted.project)

  const shapes = features.map((feature, index): MapShape => {
    const polygons = projected[index]!
    const rings = polygons.flat()
    const bounds = boundsOf(rings)
    const title =
      feature.area === undefined
        ? `${feature.code}: ${words.mapNoValue}`
        : `${feature.area.name}: ${areaLabel(feature.area)}`
    return {
      code: feature.code,
      title,
      fill: fillOf(feature.area, scale),
      overGoal: feature.area?.overGoal === true,
      box: boxOf(bounds),
      rings: rings.map((ring) =>
        ring.map((point) => ({ x: point.x - bounds.left, y: point.y - bounds.top })),
      ),
    }
  })

  const candidates = features
    .map((feature, index) => ({ feature, polygons: projected[index]!, size: 0 }))
    .filter((candidate) => candidate.feature.area !== undefined)
    .map((candidate) => ({
      ...candidate,
      size: candidate.polygons.reduce((total, polygon) => total + polygonArea(polygon), 0),
    }))
  const order = [...candidates].sort(
    (a, b) =>
      Number(b.feature.area!.overGoal) - Number(a.feature.area!.overGoal) ||
      b.size - a.size ||
      compareCodePoints(a.feature.code, b.feature.code),
  )

  const taken: Rect[] = []
  const inside = new Map<string, Rect>()
  const outside: Array<{ readonly feature: Feature; readonly anchor: Point }> = []
  for (const candidate of order) {
    const area = candidate.feature.area!
    const inkWidth = measure(areaLabel(area), LABEL_PT, true)
    const width = inkWidth + TEXT_SLACK
    const spots = labelSpots(candidate.polygons)
    const spot = spots.slice(0, SPOTS_TRIED).find((point) => {
      const rect = rectAround(point, width, LINE)
      return (
        rectInside(growRect(rectAround(point, inkWidth, INK_HEIGHT), LABEL_PAD), candidate.polygons) &&
        !taken.some((other) => rectsOverlap(rect, other))
      )
    })
    if (spot !== undefined) {
      const rect = rectAround(spot, width, LINE)
      taken.push(rect)
      inside.set(candidate.feature.code, rect)
    } else {
      const bounds = boundsOf(candidate.polygons.flat())
      const anchor = spots[0] ??
        centroid(candidate.polygons) ?? {
          x: (bounds.left + bounds.right) / 2,
          y: (bounds.top + bounds.bottom) / 2,
        }
      outside.push({ feature: candidate.feature, anchor })
    }
  }

  const labels = candidates.flatMap((candidate): InsideLabel[] => {
    const rect = inside.get(candidate.feature.code)
    if (rect === undefined) return []
    return [
      {
        code: candidate.feature.code,
        text: areaLabel(candidate.feature.area!),
        fill: fillOf(candidate.feature.area, scale),
        box: boxOf(rect),
      },
    ]
  })

  const mapBounds = fitted.bounds
  const middle = (mapBounds.left + mapBounds.right) / 2
  const leftEdge = Math.min(mapBounds.left, ...taken.map((rect) => rect.left)) - CALLOUT_GAP
  const rightEdge = Math.max(mapBounds.right, ...taken.map((rect) => rect.right)) + CALLOUT_GAP
  const low = drawing.top + LINE / 2
  const high = drawing.bottom - LINE / 2
  const capacity = Math.max(0, Math.floor((high - low) / CALLOUT_PITCH) + 1)

  // A leader line through a value in another area would strike it out: each callout goes to the side
  // whose line crosses fewer labels, the nearer side when that is a tie.
  const crossings = (from: Point, to: Point): number =>
    taken.filter((rect) => segmentCrossesRect(from, to, rect)).length
  const sides = new Map<string, Callout["side"]>(
    outside.map((item) => {
      const left = crossings(item.anchor, { x: leftEdge, y: item.anchor.y })
      const right = crossings(item.anchor, { x: rightEdge, y: item.anchor.y })
      const nearer = item.anchor.x < middle ? "left" : "right"
      return [item.feature.code, left === right ? nearer : left < right ? "left" : "right"]
    }),
  )

  const column = (side: Callout["side"], unplaced: Area[]): Callout[] => {
    const all = outside.filter((item) => sides.get(item.feature.code) === side)
    // `outside` is in placing order, so a full column keeps the over-goal and larger areas.
    const fits = all.filter((item, index) => {
      const width = calloutWidths(item.feature.area!).total
      const room = side === "left" ? leftEdge - width >= drawing.left : rightEdge + width <= drawing.right
      return index < capacity && room
    })
    unplaced.push(...all.filter((item) => !fits.includes(item)).map((item) => item.feature.area!))
    const sorted = [...fits].sort(
      (a, b) => a.anchor.y - b.anchor.y || compareCodePoints(a.feature.code, b.feature.code),
    )
    const ys = spreadOut(
      sorted.map((item) => item.anchor.y),
      CALLOUT_PITCH,
      low,
      high,
    )
    return sorted.map((item, index) => {
      const areaOf = item.feature.area!
      const width = calloutWidths(areaOf).total
      const y = ys[index]!
      const x = side === "left" ? leftEdge - width : rightEdge
      return {
        code: item.feature.code,
        name: areaOf.name,
        value: areaLabel(areaOf),
        side,
        box: { x, y: y - LINE / 2, w: width, h: LINE },
        anchor: item.anchor,
        lineEnd: { x: side === "left" ? leftEdge + LINE_GAP : rightEdge - LINE_GAP, y },
      }
    })
  }
  const columns = () => {
    const unplaced: Area[] = []
    const callouts = [...column("left", unplaced), ...column("right", unplaced)]
    const crossed = callouts.filter((callout) => crossings(callout.anchor, callout.lineEnd) > 0)
    const struck = callouts.reduce((total, callout) => total + crossings(callout.anchor, callout.lineEnd), 0)
    return { callouts, unplaced, crossed, struck }
  }
  // Spreading a column moves lines off their wanted height; a line that still strikes a label tries the
  // other side once, and keeps it when that strikes fewer labels in all.
  let best = columns()
  for (const callout of best.crossed) {
    const other = callout.side === "left" ? "right" : "left"
    sides.set(callout.code, other)
    const tried = columns()
    if (tried.struck < best.struck && tried.unplaced.length <= best.unplaced.length) best = tried
    else sides.set(callout.code, callout.side)
  }
  const { callouts, unplaced } = best

  const ordered = [...shapes.filter((shape) => !shape.overGoal), ...shapes.filter((shape) => shape.overGoal)]
  return {
    shapes: ordered,
    labels,
    callouts,
    unplaced,
    mapBounds,
    extent: {
      left: Math.min(mapBounds.left, ...taken.map((rect) => rect.left), ...callouts.map((c) => c.box.x)),
      right: Math.max(
        mapBounds.right,
        ...taken.map((rect) => rect.right),
        ...callouts.map((c) => c.box.x + c.box.w),
      ),
    },
  }
}

const shift = (placed: Placed, dx: number): Placed => {
  const move = (box: Box): Box => ({ ...box, x: box.x + dx })
  const movePoint = (point: Point): Point => ({ ...point, x: point.x + dx })
  return {
    ...placed,
    shapes: placed.shapes.map((shape) => ({ ...shape, box: move(shape.box) })),
    labels: placed.labels.map((label) => ({ ...label, box: move(label.box) })),
    callouts: placed.callouts.map((callout) => ({
      ...callout,
      box: move(callout.box),
      anchor: movePoint(callout.anchor),
      lineEnd: movePoint(callout.lineEnd),
    })),
    mapBounds: {
      ...placed.mapBounds,
      left: placed.mapBounds.left + dx,
      right: placed.mapBounds.right + dx,
    },
    extent: { left: placed.extent.left + dx, right: placed.extent.right + dx },
  }
}

/**
 * Lays a map block out in `box`: one shape per municipality with a
 * boundary, filled by the same colour steps as the HTML map and grey
 * without a value; labels and callouts that never overlap; and the legend
 * (the steps with their values, the goal and its mark) to the right. The
 * whole is centred in the box. `undefined` when no boundary can be drawn.
 */
export const layoutMap = (map: MapBlock, box: Box, labels: Labels): MapLayout | undefined => {
  const features = featuresOf(map)
  if (features.length === 0) return undefined
  const values = features.flatMap((feature) =>
    feature.area === undefined || feature.area.value === null ? [] : [feature.area.value],
  )
  const scale = colourScale(values, MAP_RAMP.length)
  const legend = legendOf(map, scale, features, labels)

  const drawing: Rect = {
    left: box.x,
    top: box.y,
    right: box.x + box.w - legend.width - 2 * GAP,
    bottom: box.y + box.h,
  }
  const widest = Math.max(
    0,
    ...features.flatMap((feature) => (feature.area === undefined ? [] : [calloutWidths(feature.area).total])),
  )
  const side = Math.min((drawing.right - drawing.left) * MAX_SIDE_SHARE, widest + CALLOUT_GAP)
  const frame: Rect = { ...drawing, left: drawing.left + side, right: drawing.right - side }
  const placed = placeAreas(features, scale, frame, drawing, labels)
  if (placed === undefined) return undefined

  // Centred as a whole: the ink from the leftmost callout to the legend's right edge.
  const inkRight = placed.extent.right + 2 * GAP + legend.width
  const dx = Math.max(
    box.x - placed.extent.left,
    box.x + (box.w - (inkRight - placed.extent.left)) / 2 - placed.extent.left,
  )
  const centred = shift(placed, dx)
  const legendAt = {
    x: centred.extent.right + 2 * GAP,
    y: Math.max(box.y, Math.min(centred.mapBounds.top, box.y + box.h - legend.height)),
  }

  const modelCodes = new Set(features.map((feature) => feature.code))
  const withoutBoundary = map.areas.filter((area) => !modelCodes.has(area.code))
  return {
    shapes: centred.shapes,
    labels: centred.labels,
    callouts: centred.callouts,
    legend: legend.place(legendAt),
    unplaced: [...withoutBoundary, ...centred.unplaced],
    scale,
  }
}
