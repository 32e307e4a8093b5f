/** Mean Earth radius in kilometres (IUGG), enough for distances within a region. */
const EARTH_RADIUS_KM = 6371.0088

const RADIANS_PER_DEGREE = Math.PI / 180

/**
 * The great-circle distance in kilometres between two WGS84 points.
 *
 * @example
 * haversineKm(55.6053, 13.0002, 55.7029, 13.1929) // Malmö to Lund, about 16 km
 */
export const haversineKm = (lat1: number, lon1: number, lat2: number, lon2: number): number => {
  const dLat = (lat2 - lat1) * RADIANS_PER_DEGREE
  const dLon = (lon2 - lon1) * RADIANS_PER_DEGREE
  const a =
    Math.sin(dLat / 2) ** 2 +
    Math.cos(lat1 * RADIANS_PER_DEGREE) * Math.cos(lat2 * RADIANS_PER_DEGREE) * Math.sin(dLon / 2) ** 2
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(a)))
}
