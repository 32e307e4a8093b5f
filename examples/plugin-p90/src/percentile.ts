/**
 * The nearest-rank percentile: sort the n values ascending and take the one
 * at rank ⌈p·n/100⌉ (ranks from 1). It is always one of the observed
 * values, never an interpolation, and at least p % of the values are at or
 * below it. Null when there are no values.
 *
 * @example
 * nearestRankPercentile([5, 1, 4, 2, 3, 10, 9, 8, 7, 6], 90) // 9: rank ⌈0.9·10⌉ = 9
 */
export const nearestRankPercentile = (values: ReadonlyArray<number>, percent: number): number | null => {
  if (!Number.isInteger(percent) || percent < 1 || percent > 100) {
    throw new RangeError(`percent must be a whole number from 1 to 100, not ${percent}`)
  }
  if (values.length === 0) return null

  const sorted = Float64Array.from(values).sort()
  // percent·n is a whole number, so the division is off an integer by at least 1/100 or exact: ceil is safe.
  const rank = Math.ceil((percent * sorted.length) / 100)
  return sorted[rank - 1]!
}
