import fc from "fast-check"
import { describe, expect, it } from "vitest"
import { cumulativeWeights, Random } from "./random.js"

const draws = (random: Random, n: number): Array<number> => Array.from({ length: n }, () => random.next())

describe("Random", () => {
  it("repeats its sequence for the same seed and stream", () => {
    expect(draws(new Random(42), 50)).toEqual(draws(new Random(42), 50))
    expect(draws(new Random(42, 3), 50)).toEqual(draws(new Random(42, 3), 50))
  })

  it("differs between seeds, between streams, and between seeds beyond 32 bits", () => {
    const base = draws(new Random(42), 20)
    expect(draws(new Random(43), 20)).not.toEqual(base)
    expect(draws(new Random(42, 1), 20)).not.toEqual(base)
    expect(draws(new Random(2 ** 40 + 42), 20)).not.toEqual(base)
  })

  it("draws in [0, 1) and integers in [0, n)", () => {
    fc.assert(
      fc.property(fc.integer(), fc.integer({ min: 1, max: 1000 }), (seed, n) => {
        const random = new Random(seed)
        for (let i = 0; i < 200; i++) {
          const u = random.next()
          const k = random.int(n)
          if (u < 0 || u >= 1 || !Number.isInteger(k) || k < 0 || k >= n) return false
        }
        return true
      }),
    )
  })

  it("is uniform enough: each tenth of [0, 1) gets 10 % ± 0.6 % of 100 000 draws", () => {
    // A tenth's count is binomial(100 000, 0.1): standard deviation √9000 ≈ 95, i.e. 0.095 %; 0.6 % is > 6 σ.
    const random = new Random(7)
    const tenths = new Array<number>(10).fill(0)
    for (let i = 0; i < 100_000; i++) tenths[Math.floor(random.next() * 10)]! += 1
    for (const count of tenths) expect(Math.abs(count / 100_000 - 0.1)).toBeLessThan(0.006)
  })

  it("draws normal deviates with mean 0 and standard deviation 1", () => {
    // With 100 000 draws the mean's standard error is 0.003 and the variance's about 0.0045.
    const random = new Random(11)
    const values = Array.from({ length: 100_000 }, () => random.normal())
    const mean = values.reduce((s, v) => s + v, 0) / values.length
    const variance = values.reduce((s, v) => s + (v - mean) ** 2, 0) / values.length
    expect(Math.abs(mean)).toBeLessThan(0.02)
    expect(Math.abs(variance - 1)).toBeLessThan(0.03)
  })

  it("gives a log-normal deviate its median", () => {
    const random = new Random(5)
    const values = Array.from({ length: 20_001 }, () => random.logNormal(100, 0.5)).sort((a, b) => a - b)
    expect(values[10_000]!).toBeGreaterThan(97)
    expect(values[10_000]!).toBeLessThan(103)
  })

  it("picks by weight and never an index of weight zero", () => {
    // Weights 1, 0, 3: index 0 a quarter of the time, index 2 three quarters, index 1 never.
    const cumulative = cumulativeWeights([1, 0, 3])
    expect(Array.from(cumulative)).toEqual([1, 1, 4])
    const random = new Random(3)
    const counts = [0, 0, 0]
    for (let i = 0; i < 40_000; i++) counts[random.weighted(cumulative)]! += 1
    expect(counts[1]).toBe(0)
    expect(Math.abs(counts[0]! / 40_000 - 0.25)).toBeLessThan(0.015)
  })
})
