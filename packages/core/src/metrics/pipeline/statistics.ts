/**
 * The median: the middle value, or the mean of the two middle values of an
 * even count. Null for no values. Works on a copy; the input is left as it
 * is. Found by selection, in linear time; a copy holding NaN is sorted
 * instead, where NaN sorts last, as it always has.
 */
export const median = (values: ArrayLike<number>): number | null => {
  const n = values.length
  if (n === 0) return null
  const copy = new Float64Array(n)
  let anyNaN = false
  for (let i = 0; i < n; i++) {
    const v = values[i]!
    copy[i] = v
    if (Number.isNaN(v)) anyNaN = true
  }
  if (!anyNaN) return medianInPlace(copy)

  copy.sort()
  const mid = n >> 1
  return n % 2 === 1 ? copy[mid]! : (copy[mid - 1]! + copy[mid]!) / 2
}

/**
 * The median of `values`, found by selection rather than sorting because metrics take
 * dozens of medians over up to every mission. Reorders
 * `values` in place (a caller passes a range it no longer needs in order).
 * `values` must hold no NaN.
 */
export const medianInPlace = (values: Float64Array): number | null => {
  const n = values.length
  if (n === 0) return null
  const upper = n >> 1
  selectInPlace(values, upper)
  if (n % 2 === 1) return values[upper]!

  // After selection everything before `upper` is <= it: the lower middle is their maximum.
  let lower = values[0]!
  for (let i = 1; i < upper; i++) if (values[i]! > lower) lower = values[i]!
  return (lower + values[upper]!) / 2
}

/**
 * Hoare-partition quickselect: afterwards `a[k]` holds the k-th smallest value,
 * with values <= it before and >= it after. Equal values stop both scans, so
 * data full of ties (whole seconds) still splits evenly.
 */
const selectInPlace = (a: Float64Array, k: number): void => {
  let lo = 0
  let hi = a.length - 1
  while (hi > lo) {
    const x = a[lo]!
    const y = a[(lo + hi) >>> 1]!
    const z = a[hi]!
    const pivot = Math.max(Math.min(x, y), Math.min(Math.max(x, y), z)) // median of three

    let i = lo
    let j = hi
    while (i <= j) {
      while (a[i]! < pivot) i++
      while (a[j]! > pivot) j--
      if (i <= j) {
        const t = a[i]!
        a[i] = a[j]!
        a[j] = t
        i++
        j--
      }
    }

    if (k <= j) hi = j
    else if (k >= i) lo = i
    else return
  }
}

/** `part / whole`, or null when there is nothing to divide by. */
export const share = (part: number, whole: number): number | null => (whole > 0 ? part / whole : null)
