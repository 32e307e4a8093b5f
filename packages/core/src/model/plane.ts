/**
 * Plane helpers the renderers' map label layouts share: the HTML map in
 * pixels, the PowerPoint map in inches, y downwards in both.
 */

/** A point; units are the caller's. */
export interface PlanePoint {
  readonly x: number
  readonly y: number
}

/** A rectangle by its edges. */
export interface PlaneRect {
  readonly left: number
  readonly top: number
  readonly right: number
  readonly bottom: number
}

export const rectAround = (centre: PlanePoint, width: number, height: number): PlaneRect => ({
  left: centre.x - width / 2,
  right: centre.x + width / 2,
  top: centre.y - height / 2,
  bottom: centre.y + height / 2,
})

/** The rectangle with `by` more on every side. */
export const growRect = (rect: PlaneRect, by: number): PlaneRect => ({
  left: rect.left - by,
  right: rect.right + by,
  top: rect.top - by,
  bottom: rect.bottom + by,
})

/** Whether two rectangles share more than an edge. */
export const rectsOverlap = (a: PlaneRect, b: PlaneRect): boolean =>
  a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom

/**
 * Positions as near the wanted ones (ascending) as they can be while at
 * least `spacing` apart within [low, high]: pushed down where they crowd,
 * then back up from the bottom where that ran past it. If even that cannot
 * fit them, they start at `low`, one spacing apart.
 */
export const spreadOut = (
  wanted: ReadonlyArray<number>,
  spacing: number,
  low: number,
  high: number,
): number[] => {
  if ((wanted.length - 1) * spacing > high - low) return wanted.map((_, index) => low + index * spacing)

  const ys: number[] = []
  for (const [index, y] of wanted.entries()) {
    ys.push(Math.max(y, low, index === 0 ? low : ys[index - 1]! + spacing))
  }
  for (let index = ys.length - 1; index >= 0; index--) {
    ys[index] = Math.min(ys[index]!, high, index === ys.length - 1 ? high : ys[index + 1]! - spacing)
  }
  return ys
}

/**
 * Code-point order of two strings, not the locale's: the same on every
 * machine, which sorted output that must be byte-identical needs.
 */
export const compareCodePoints = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0)
