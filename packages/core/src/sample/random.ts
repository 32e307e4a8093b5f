/**
 * A seeded pseudo-random generator for the sample data: the "small fast
 * counter" design (sfc32) on four 32-bit words. It is fast in plain
 * JavaScript, has no short cycles thanks to its counter word, and gives
 * the same sequence on every platform, which `Math.random` does not.
 */
export class Random {
  private a: number
  private b: number
  private c: number
  private d: number
  private spareNormal = Number.NaN

  /** A generator for `seed`; `stream` picks an independent sequence for the same seed. */
  constructor(seed: number, stream = 0) {
    let state = mix32(Math.trunc(seed) ^ Math.trunc(seed / 0x1_0000_0000)) ^ mix32(stream + 0x5bd1e995)
    const next = (): number => {
      state = (state + 0x9e3779b9) | 0
      return mix32(state)
    }
    this.a = next()
    this.b = next()
    this.c = next()
    this.d = 1

    // The first outputs of a freshly seeded sfc32 are still close to its seed.
    for (let i = 0; i < 12; i++) this.nextUint32()
  }

  /** A uniform 32-bit unsigned integer. */
  nextUint32(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0
    this.d = (this.d + 1) | 0
    this.a = this.b ^ (this.b >>> 9)
    this.b = (this.c + (this.c << 3)) | 0
    this.c = ((this.c << 21) | (this.c >>> 11)) + t
    this.c |= 0
    return t >>> 0
  }

  /** A uniform number in [0, 1). */
  next(): number {
    return this.nextUint32() / 0x1_0000_0000
  }

  /** A uniform integer in [0, n). */
  int(n: number): number {
    return Math.floor(this.next() * n)
  }

  /** A uniform number in [low, high). */
  between(low: number, high: number): number {
    return low + (high - low) * this.next()
  }

  chance(probability: number): boolean {
    return this.next() < probability
  }

  /** A standard normal deviate (Box–Muller; the second value of each pair is kept for the next call). */
  normal(): number {
    if (!Number.isNaN(this.spareNormal)) {
      const spare = this.spareNormal
      this.spareNormal = Number.NaN
      return spare
    }
    const u = 1 - this.next()
    const v = this.next()
    const radius = Math.sqrt(-2 * Math.log(u))
    this.spareNormal = radius * Math.sin(2 * Math.PI * v)
    return radius * Math.cos(2 * Math.PI * v)
  }

  /** A log-normal deviate with the given median and log-scale spread. */
  logNormal(median: number, sigma: number): number {
    return median * Math.exp(sigma * this.normal())
  }

  /** The index drawn from cumulative weights (ascending, last = total). */
  weighted(cumulative: ArrayLike<number>): number {
    const target = this.next() * cumulative[cumulative.length - 1]!
    let low = 0
    let high = cumulative.length - 1
    while (low < high) {
      const middle = (low + high) >>> 1
      if (cumulative[middle]! > target) high = middle
      else low = middle + 1
    }
    return low
  }
}

/** Running sums of weights, for `Random.weighted`. */
export const cumulativeWeights = (weights: ArrayLike<number>): Float64Array => {
  const sums = new Float64Array(weights.length)
  let total = 0
  for (let i = 0; i < weights.length; i++) {
    total += weights[i]!
    sums[i] = total
  }
  return sums
}

/** A 32-bit integer hash with good avalanche (a murmur3-style finaliser), to spread seeds. */
const mix32 = (value: number): number => {
  let h = value | 0
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b)
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35)
  return (h ^ (h >>> 16)) | 0
}
