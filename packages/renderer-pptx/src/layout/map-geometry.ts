/**
 * Plane geometry for the map slide: GeoJSON polygons read from the model,
 * projected onto the slide in inches, simplified, and the tests the label
 * layout needs (inside, distance to the outline, a free spot for a label).
 * Everything here is a pure function of its input, so the same report
 * gives the same shapes on every machine.
 */

/** A point on the slide, in inches, y downwards. */
export interface Point {
  readonly x: number
  readonly y: number
}

/** A closed ring of points; the last point is not repeated. */
export type Ring = ReadonlyArray<Point>

/** A polygon: its exterior ring, then its holes. */
export type Polygon = ReadonlyArray<Ring>

/** A rectangle by its edges, in inches. */
export interface Rect {
  readonly left: number
  readonly top: number
  readonly right: number
  readonly bottom: number
}

type LonLat = readonly [number, number]
type GeoRing = ReadonlyArray<LonLat>
type GeoPolygon = ReadonlyArray<GeoRing>

const isPosition = (value: unknown): value is readonly [number, number, ...number[]] =>
  Array.isArray(value) &&
  value.length >= 2 &&
  typeof value[0] === "number" &&
  typeof value[1] === "number" &&
  Number.isFinite(value[0]) &&
  Number.isFinite(value[1])

/** A ring's positions, the closing repeat and any repeated point dropped; `undefined` when fewer than three remain. */
const geoRingOf = (value: unknown): GeoRing | undefined => {
  if (!Array.isArray(value)) return undefined
  const ring: LonLat[] = []
  for (const position of value) {
    if (!isPosition(position)) return undefined
    const last = ring[ring.length - 1]
    if (last === undefined || last[0] !== position[0] || last[1] !== position[1]) {
      ring.push([position[0], position[1]])
    }
  }
  const first = ring[0]
  const last = ring[ring.length - 1]
  if (ring.length > 1 && first !== undefined && last !== undefined) {
    if (first[0] === last[0] && first[1] === last[1]) ring.pop()
  }
  return ring.length >= 3 ? ring : undefined
}

/** A polygon whose exterior ring is readable; unreadable holes are left out, since the area is still there. */
const geoPolygonOf = (value: unknown): GeoPolygon | undefined => {
  if (!Array.isArray(value) || value.length === 0) return undefined
  const exterior = geoRingOf(value[0])
  if (exterior === undefined) return undefined
  const holes = value.slice(1).flatMap((ring) => {
    const hole = geoRingOf(ring)
    return hole === undefined ? [] : [hole]
  })
  return [exterior, ...holes]
}

/**
 * The polygons of a GeoJSON geometry: a `Polygon` gives one, a
 * `MultiPolygon` its parts. Other types (points, lines) and malformed
 * coordinates give none: they have no area to colour.
 */
export const geoPolygons = (geometry: {
  readonly type: string
  readonly coordinates: unknown
}): ReadonlyArray<GeoPolygon> => {
  if (geometry.type === "Polygon") {
    const polygon = geoPolygonOf(geometry.coordinates)
    return polygon === undefined ? [] : [polygon]
  }
  if (geometry.type === "MultiPolygon" && Array.isArray(geometry.coordinates)) {
    return geometry.coordinates.flatMap((part: unknown) => {
      const polygon = geoPolygonOf(part)
      return polygon === undefined ? [] : [polygon]
    })
  }
  return []
}

/** Projects longitude and latitude onto the slide, in inches. */
export type Projection = (lonLat: LonLat) => Point

/**
 * An equirectangular projection fitted into `frame`, centred in it: east is
 * right, north is up, and a degree of longitude is cos(latitude) of a degree
 * of latitude at the middle latitude of the polygons. Close enough to true
 * shape for one region; returns `undefined` when there is nothing to fit.
 */
export const fitProjection = (
  polygons: ReadonlyArray<GeoPolygon>,
  frame: Rect,
): { readonly project: Projection; readonly bounds: Rect } | undefined => {
  let west = Number.POSITIVE_INFINITY
  let east = Number.NEGATIVE_INFINITY
  let south = Number.POSITIVE_INFINITY
  let north = Number.NEGATIVE_INFINITY
  for (const polygon of polygons) {
    for (const [lon, lat] of polygon[0] ?? []) {
      west = Math.min(west, lon)
      east = Math.max(east, lon)
      south = Math.min(south, lat)
      north = Math.max(north, lat)
    }
  }
  if (!Number.isFinite(west) || east - west <= 0 || north - south <= 0) return undefined

  const shrink = Math.cos((((south + north) / 2) * Math.PI) / 180)
  const width = (east - west) * shrink
  const height = north - south
  const scale = Math.min((frame.right - frame.left) / width, (frame.bottom - frame.top) / height)
  // A frame with no room (a legend as wide as the box) has nowhere to draw.
  if (!(scale > 0)) return undefined
  const left = frame.left + (frame.right - frame.left - width * scale) / 2
  const top = frame.top + (frame.bottom - frame.top - height * scale) / 2
  return {
    project: ([lon, lat]) => ({ x: left + (lon - west) * shrink * scale, y: top + (north - lat) * scale }),
    bounds: { left, top, right: left + width * scale, bottom: top + height * scale },
  }
}

/** Twice the signed area of a ring: positive when it runs clockwise on the slide (y downwards). */
export const signedArea2 = (ring: Ring): number => {
  let sum = 0
  for (let index = 0; index < ring.length; index++) {
    const a = ring[index]!
    const b = ring[(index + 1) % ring.length]!
    sum += a.x * b.y - b.x * a.y
  }
  return sum
}

/** The area of a polygon, holes taken out. */
export const polygonArea = (polygon: Polygon): number =>
  polygon.reduce((total, ring, index) => total + (index === 0 ? 1 : -1) * Math.abs(signedArea2(ring) / 2), 0)

/**
 * The rings wound as fill rules agree on: the exterior clockwise on the
 * slide, holes anticlockwise. With opposite windings a hole is a hole under
 * both the non-zero and the even-odd rule, whichever a viewer applies.
 */
export const windPolygon = (polygon: Polygon): Polygon =>
  polygon.map((ring, index) => {
    const clockwise = signedArea2(ring) > 0
    return clockwise === (index === 0) ? ring : [...ring].reverse()
  })

const distanceToSegment = (point: Point, a: Point, b: Point): number => {
  const dx = b.x - a.x
  const dy = b.y - a.y
  const length2 = dx * dx + dy * dy
  const t =
    length2 === 0 ? 0 : Math.max(0, Math.min(1, ((point.x - a.x) * dx + (point.y - a.y) * dy) / length2))
  return Math.hypot(point.x - (a.x + t * dx), point.y - (a.y + t * dy))
}

/**
 * Douglas–Peucker on a closed ring: keeps the points that lie farther than
 * `tolerance` from the line between the points kept around them. The ring
 * is split at its first point and the point farthest from it, both kept.
 * Iterative, so that a ring of a hundred thousand points cannot overflow
 * the stack; a ring that would fall under three points is kept as it is.
 */
export const simplifyRing = (ring: Ring, tolerance: number): Ring => {
  if (ring.length <= 4 || tolerance <= 0) return ring
  const first = ring[0]!
  let far = 0
  let farthest = -1
  ring.forEach((point, index) => {
    const distance = Math.hypot(point.x - first.x, point.y - first.y)
    if (distance > farthest) {
      farthest = distance
      far = index
    }
  })

  const closed = [...ring, first]
  const keep = new Uint8Array(closed.length)
  keep[0] = 1
  keep[far] = 1
  keep[closed.length - 1] = 1
  const stack: Array<readonly [number, number]> = [
    [0, far],
    [far, closed.length - 1],
  ]
  while (stack.length > 0) {
    const [start, end] = stack.pop()!
    let worst = -1
    let worstDistance = tolerance
    for (let index = start + 1; index < end; index++) {
      const distance = distanceToSegment(closed[index]!, closed[start]!, closed[end]!)
      if (distance > worstDistance) {
        worstDistance = distance
        worst = index
      }
    }
    if (worst !== -1) {
      keep[worst] = 1
      stack.push([start, worst], [worst, end])
    }
  }
  const simplified = closed.slice(0, -1).filter((_, index) => keep[index] === 1)
  return simplified.length >= 3 ? simplified : ring
}

/** Whether a point lies inside a ring (even-odd ray casting; a point on the outline may go either way). */
const insideRing = (point: Point, ring: Ring): boolean => {
  let inside = false
  for (let index = 0, previous = ring.length - 1; index < ring.length; previous = index++) {
    const a = ring[index]!
    const b = ring[previous]!
    if (a.y > point.y !== b.y > point.y && point.x < ((b.x - a.x) * (point.y - a.y)) / (b.y - a.y) + a.x) {
      inside = !inside
    }
  }
  return inside
}

/** Whether a point lies in one of the polygons: inside an exterior ring and outside its holes. */
export const insidePolygons = (point: Point, polygons: ReadonlyArray<Polygon>): boolean =>
  polygons.some(
    (polygon) =>
      polygon[0] !== undefined &&
      insideRing(point, polygon[0]) &&
      !polygon.slice(1).some((hole) => insideRing(point, hole)),
  )

const edgesOf = function* (polygons: ReadonlyArray<Polygon>): Generator<readonly [Point, Point]> {
  for (const polygon of polygons) {
    for (const ring of polygon) {
      for (let index = 0; index < ring.length; index++) yield [ring[index]!, ring[(index + 1) % ring.length]!]
    }
  }
}

/** The distance from a point to the nearest outline of the polygons. */
export const distanceToOutline = (point: Point, polygons: ReadonlyArray<Polygon>): number => {
  let nearest = Number.POSITIVE_INFINITY
  for (const [a, b] of edgesOf(polygons)) nearest = Math.min(nearest, distanceToSegment(point, a, b))
  return nearest
}

const segmentsCross = (p1: Point, p2: Point, q1: Point, q2: Point): boolean => {
  const side = (a: Point, b: Point, c: Point) =>
    Math.sign((b.x - a.x) * (c.y - a.y) - (b.y - a.y) * (c.x - a.x))
  return side(p1, p2, q1) * side(p1, p2, q2) < 0 && side(q1, q2, p1) * side(q1, q2, p2) < 0
}

const insideRect = (point: Point, rect: Rect): boolean =>
  point.x > rect.left && point.x < rect.right && point.y > rect.top && point.y < rect.bottom

/** Whether a segment runs into a rectangle: an end inside it, or crossing one of its sides. */
export const segmentCrossesRect = (a: Point, b: Point, rect: Rect): boolean => {
  if (insideRect(a, rect) || insideRect(b, rect)) return true
  const corners: ReadonlyArray<Point> = [
    { x: rect.left, y: rect.top },
    { x: rect.right, y: rect.top },
    { x: rect.right, y: rect.bottom },
    { x: rect.left, y: rect.bottom },
  ]
  return corners.some((corner, index) => segmentsCross(a, b, corner, corners[(index + 1) % 4]!))
}

/**
 * Whether a rectangle lies wholly in the polygons: its corners inside, and
 * no outline entering it (which a hole or a narrow inlet between two
 * inside corners would).
 */
export const rectInside = (rect: Rect, polygons: ReadonlyArray<Polygon>): boolean => {
  const corners: ReadonlyArray<Point> = [
    { x: rect.left, y: rect.top },
    { x: rect.right, y: rect.top },
    { x: rect.right, y: rect.bottom },
    { x: rect.left, y: rect.bottom },
  ]
  if (!corners.every((corner) => insidePolygons(corner, polygons))) return false
  for (const [a, b] of edgesOf(polygons)) {
    if (insideRect(a, rect) || insideRect(b, rect)) return false
    for (let index = 0; index < 4; index++) {
      if (segmentsCross(a, b, corners[index]!, corners[(index + 1) % 4]!)) return false
    }
  }
  return true
}

/** The area-weighted centre of the polygons (holes taken out); `undefined` for no area. */
export const centroid = (polygons: ReadonlyArray<Polygon>): Point | undefined => {
  let area = 0
  let x = 0
  let y = 0
  for (const polygon of polygons) {
    polygon.forEach((ring, index) => {
      // Exteriors count positive and holes negative, whatever way each ring runs.
      const sign = (index === 0 ? 1 : -1) * Math.sign(signedArea2(ring))
      for (let at = 0; at < ring.length; at++) {
        const a = ring[at]!
        const b = ring[(at + 1) % ring.length]!
        const cross = (a.x * b.y - b.x * a.y) * sign
        area += cross
        x += (a.x + b.x) * cross
        y += (a.y + b.y) * cross
      }
    })
  }
  return area <= 0 ? undefined : { x: x / (3 * area), y: y / (3 * area) }
}

/** The bounding rectangle of rings. */
export const boundsOf = (rings: ReadonlyArray<Ring>): Rect => {
  let left = Number.POSITIVE_INFINITY
  let top = Number.POSITIVE_INFINITY
  let right = Number.NEGATIVE_INFINITY
  let bottom = Number.NEGATIVE_INFINITY
  for (const ring of rings) {
    for (const point of ring) {
      left = Math.min(left, point.x)
      right = Math.max(right, point.x)
      top = Math.min(top, point.y)
      bottom = Math.max(bottom, point.y)
    }
  }
  return { left, top, right, bottom }
}

/** Grid cells per side when looking for the roomiest point of an area. */
const GRID = 16

/**
 * The points of the polygons from which a label has most room: the
 * centroid when it lies inside, then the centres of a grid over the
 * largest polygon that lie inside, farthest from the outline first (ties
 * top to bottom, left to right). A concave area, whose centroid may lie
 * outside it, still gets a spot inside.
 */
export const labelSpots = (polygons: ReadonlyArray<Polygon>): ReadonlyArray<Point> => {
  const largest = [...polygons].sort((a, b) => polygonArea(b) - polygonArea(a))[0]
  if (largest === undefined) return []
  const centre = centroid(polygons)
  const bounds = boundsOf([largest[0] ?? []])
  const width = (bounds.right - bounds.left) / GRID
  const height = (bounds.bottom - bounds.top) / GRID
  const grid: Array<{ readonly point: Point; readonly room: number }> = []
  for (let row = 0; row < GRID; row++) {
    for (let column = 0; column < GRID; column++) {
      const point = { x: bounds.left + (column + 0.5) * width, y: bounds.top + (row + 0.5) * height }
      if (insidePolygons(point, polygons)) grid.push({ point, room: distanceToOutline(point, polygons) })
    }
  }
  // Sorting is stable, so equal rooms keep the grid's row-by-row order.
  grid.sort((a, b) => b.room - a.room)
  const spots = grid.map((cell) => cell.point)
  return centre !== undefined && insidePolygons(centre, polygons) ? [centre, ...spots] : spots
}
