/**
 * The median: the middle value, or the mean of the two middle values of an
 * even count. Null for no values. Sorts a copy; the input is left as it is.
 */
export const median = (values: ArrayLike<number>): number | null => {
  const n = values.length
  if (n === 0) return null
  const sorted = Float64Array.from(values).sort()
  const mid = n >> 1
  return n % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2
}

/** `part / whole`, or null when there is nothing to divide by. */
export const share = (part: number, whole: number): number | null => (whole > 0 ? part / whole : null)

/**
 * Values collected per group (a small integer key such as a municipality or
 * district index), for medians per group without sorting everything twice.
 */
export class GroupedValues {
  private readonly groups: number[][]

  constructor(groupCount: number) {
    this.groups = Array.from({ length: groupCount }, () => [])
  }

  add(group: number, value: number): void {
    this.groups[group]!.push(value)
  }

  values(group: number): ReadonlyArray<number> {
    return this.groups[group]!
  }

  count(group: number): number {
    return this.groups[group]!.length
  }

  median(group: number): number | null {
    return median(this.groups[group]!)
  }

  /** All groups' values together, e.g. for the whole region. */
  all(): number[] {
    return this.groups.flat()
  }
}
