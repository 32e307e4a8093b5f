import type { DataSet } from "../../dataset/data-set.js"
import { medianInPlace } from "./statistics.js"

/**
 * The region's municipalities ranked in district order, so that every
 * municipality, every municipality district and the whole region is one
 * contiguous range of ranks.
 */
export interface MunicipalityRanks {
  /** Municipality indices per district index, each in geography order. */
  readonly groups: ReadonlyArray<ReadonlyArray<number>>
  /** Municipality index per rank. */
  readonly order: ReadonlyArray<number>
  /** Rank per municipality index; -1 for a municipality without a district. */
  readonly rank: Int32Array
  /** The ranks `[from, to)` of district `d`. */
  readonly districtRange: (d: number) => readonly [number, number]
}

export const municipalityRanks = (dataset: DataSet): MunicipalityRanks => {
  const groups: number[][] = dataset.geography.geography.districts.map(() => [])
  dataset.geography.municipalityDistrict.forEach((district, m) => {
    if (district >= 0) groups[district]!.push(m)
  })
  const order = groups.flat()
  const rank = new Int32Array(dataset.geography.geography.municipalities.length).fill(-1)
  order.forEach((m, r) => {
    rank[m] = r
  })
  const starts = [0]
  for (const members of groups) starts.push(starts.at(-1)! + members.length)
  return { groups, order, rank, districtRange: (d) => [starts[d]!, starts[d + 1]!] }
}

/**
 * Values laid out by rank in one typed array, so that the values of any
 * range of ranks are one subarray. Filled in two passes: the counts per rank
 * first (they size the array, with no growing and no per-group arrays),
 * then `add`. A median reorders the values within its range, which mixes
 * the values of the narrower ranges inside it: take the medians of narrower
 * ranges (municipalities) before the wider ones that hold them (their
 * district, then the region).
 */
export class RankedValues {
  private readonly start: Int32Array
  private readonly next: Int32Array
  private readonly values: Float64Array

  constructor(countPerRank: Int32Array) {
    const ranks = countPerRank.length
    this.start = new Int32Array(ranks + 1)
    for (let r = 0; r < ranks; r++) this.start[r + 1] = this.start[r]! + countPerRank[r]!
    this.next = this.start.slice(0, ranks)
    this.values = new Float64Array(this.start[ranks]!)
  }

  /** Adds a value of rank `rank`; at most that rank's count of them. */
  add(rank: number, value: number): void {
    this.values[this.next[rank]!++] = value
  }

  /** How many values the ranks `[from, to)` hold. */
  count(from: number, to: number): number {
    return this.start[to]! - this.start[from]!
  }

  /** The median of the ranks `[from, to)`, null when they hold no value; see the class note on order. */
  median(from: number, to: number): number | null {
    return medianInPlace(this.values.subarray(this.start[from]!, this.start[to]!))
  }
}
