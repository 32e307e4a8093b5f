import { compareCodePoints, growRect, rectAround, rectsOverlap, spreadOut } from "@ambu/core"
/** A point in the drawing's pixels. */
export interface Point {
  readonly x: number
  readonly y: number
}

/** A rectangle in the drawing's pixels. */
export interface Box {
  readonly left: number
  readonly top: number
  readonly right: number
  readonly bottom: number
}

/** An area that wants its value shown: where its label would sit, and how much room the area has. */
export interface LabelCandidate {
  /** Unique and stable (the municipality code): ties are broken by it, so the layout never depends on input order. */
  readonly key: string
  /** Where the label is centred inside the area: the projected centroid. */
  readonly anchor: Point
  /** The area's projected size in square pixels. */
  readonly size: number
  /** Placed first (over-goal areas, whose values matter most, keep their label in the area where they can). */
  readonly first: boolean
  /** The label's width inside the area, and its width as a callout beside the map (which also names the area). */
  readonly width: number
  readonly calloutWidth: number
}

export interface InsideLabel {
  readonly key: string
  readonly at: Point
}

/** A label beside the map, joined to its area by a leader line from `anchor` to `lineEnd`. */
export interface Callout {
  readonly key: string
  readonly side: "left" | "right"
  /** The text's anchor point: its right end on the left side, its left end on the right side; vertically its middle. */
  readonly at: Point
  readonly anchor: Point
  readonly lineEnd: Point
}

export interface LabelLayout {
  readonly inside: ReadonlyArray<InsideLabel>
  readonly callouts: ReadonlyArray<Callout>
}

export interface LabelSpace {
  /** The drawn map's extent: callouts go beside it. */
  readonly map: Box
  /** Where callouts may go: the whole drawing less its margins. */
  readonly frame: Box
  /** A label's height (one line). */
  readonly lineHeight: number
}

/** Between labels, and between the map (or its outermost label) and the callouts. */
const PADDING = 3
const CALLOUT_GAP = 14
/** The line stops this short of its callout's text. */
const LINE_GAP = 4

/**
 * Where the map's value labels go, so that none overlaps another: inside
 * its area when the area is at least as large as the label and the spot is
 * free, the `first` ones and then larger areas first; otherwise beside the map, on the side nearer
 * the area, with its name and a leader line to it. Callouts on a side keep
 * the areas' top-to-bottom order and are spaced one line apart. A pure
 * function of its input, so the map's bytes depend only on the report.
 */
export const placeLabels = (candidates: ReadonlyArray<LabelCandidate>, space: LabelSpace): LabelLayout => {
  const order = [...candidates].sort(
    (a, b) => Number(b.first) - Number(a.first) || b.size - a.size || compareCodePoints(a.key, b.key),
  )
  const taken: Box[] = []
  const placedInside = new Set<string>()
  const outside: LabelCandidate[] = []

  for (const candidate of order) {
    const box = rectAround(candidate.anchor, candidate.width, space.lineHeight)
    const roomy = candidate.size >= candidate.width * space.lineHeight
    if (roomy && !taken.some((other) => rectsOverlap(growRect(box, PADDING), other))) {
      taken.push(box)
      placedInside.add(candidate.key)
    } else {
      outside.push(candidate)
    }
  }
  // Drawn in the input's (the model's) order; only the choice above goes by size.
  const inside = candidates
    .filter((candidate) => placedInside.has(candidate.key))
    .map((candidate) => ({ key: candidate.key, at: candidate.anchor }))

  const middle = (space.map.left + space.map.right) / 2
  // Clear of the map and of any inside label that reaches past its edge.
  const leftEdge = Math.min(space.map.left, ...taken.map((box) => box.left)) - CALLOUT_GAP
  const rightEdge = Math.max(space.map.right, ...taken.map((box) => box.right)) + CALLOUT_GAP
  const left = outside.filter((candidate) => candidate.anchor.x < middle)
  const right = outside.filter((candidate) => candidate.anchor.x >= middle)

  return {
    inside,
    callouts: [...column(left, "left", leftEdge, space), ...column(right, "right", rightEdge, space)],
  }
}

const column = (
  candidates: ReadonlyArray<LabelCandidate>,
  side: Callout["side"],
  x: number,
  space: LabelSpace,
): Callout[] => {
  const sorted = [...candidates].sort((a, b) => a.anchor.y - b.anchor.y || compareCodePoints(a.key, b.key))
  const ys = spreadOut(
    sorted.map((candidate) => candidate.anchor.y),
    space.lineHeight + PADDING,
    space.frame.top + space.lineHeight / 2,
    space.frame.bottom - space.lineHeight / 2,
  )
  const lineX = side === "left" ? x + LINE_GAP : x - LINE_GAP
  return sorted.map((candidate, index) => ({
    key: candidate.key,
    side,
    at: { x, y: ys[index]! },
    anchor: candidate.anchor,
    lineEnd: { x: lineX, y: ys[index]! },
  }))
}
