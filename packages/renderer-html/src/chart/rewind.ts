type Position = readonly number[]
type Ring = ReadonlyArray<Position>

export interface GeoGeometry {
  readonly type: string
  readonly coordinates: unknown
}

/**
 * A geometry wound the way d3-geo (and so Plot) reads it: exterior rings
 * clockwise, holes counter-clockwise. RFC 7946 asks for the opposite, and
 * d3-geo takes a counter-clockwise ring as "everything but this area", which
 * would fill the whole globe. Every ring is checked rather than blindly
 * reversed, so a file that already uses d3's winding stays correct too.
 */
export const windForD3 = <G extends GeoGeometry>(geometry: G): G => {
  switch (geometry.type) {
    case "Polygon":
      return { ...geometry, coordinates: windPolygon(geometry.coordinates as ReadonlyArray<Ring>) }
    case "MultiPolygon":
      return {
        ...geometry,
        coordinates: (geometry.coordinates as ReadonlyArray<ReadonlyArray<Ring>>).map(windPolygon),
      }
    default:
      return geometry
  }
}

const windPolygon = (rings: ReadonlyArray<Ring>): Ring[] =>
  rings.map((ring, index) => {
    const exterior = index === 0
    const clockwise = planarSignedArea(ring) < 0
    return exterior === clockwise ? ring : [...ring].reverse()
  })

/**
 * Twice the signed area of a ring in the lon/lat plane (positive when
 * counter-clockwise with north up). Planar is enough for municipalities,
 * which are far smaller than a hemisphere.
 */
export const planarSignedArea = (ring: Ring): number => {
  let sum = 0
  for (let i = 0; i + 1 < ring.length; i++) {
    const [x1 = 0, y1 = 0] = ring[i]!
    const [x2 = 0, y2 = 0] = ring[i + 1]!
    sum += x1 * y2 - x2 * y1
  }
  return sum
}
