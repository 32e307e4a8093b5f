import fc from "fast-check"
import { describe, expect, it } from "vitest"
import { MissionTimesBuilder } from "./mission-times.js"

const NaN_ = Number.NaN
const T0 = Date.UTC(2025, 0, 15, 10, 0, 0) // dispatch of the first mission
const DAY = 86_400_000

describe("MissionTimes", () => {
  it("gives back every time exactly, near or far from the dispatch, absent as NaN", () => {
    const builder = new MissionTimesBuilder()
    // Fields: answered, dispatched, en route, arrived, left, destination, cleared.
    builder.push([T0 - 90_000, T0, T0 + 75_000, NaN_, T0 + 1_800_000, NaN_, T0 + 3_600_000])
    // 30 days after the dispatch is past what an Int32 of milliseconds holds (about 24.8 days).
    builder.push([NaN_, T0, T0 + 30 * DAY, T0 - 30 * DAY, T0 + 1, T0 - 1, T0 + 0.25])
    // A mission without a dispatch time keeps its other times too.
    builder.push([T0, NaN_, T0 + 60_000, NaN_, NaN_, NaN_, NaN_])
    // A row shorter than seven fields reads as absent beyond its end.
    builder.push([T0, T0 + 5_000])
    const times = builder.build()

    expect(times.count).toBe(4)
    expect(Array.from({ length: 7 }, (_, f) => times.at(f, 0))).toEqual([
      T0 - 90_000,
      T0,
      T0 + 75_000,
      NaN_,
      T0 + 1_800_000,
      NaN_,
      T0 + 3_600_000,
    ])
    expect(Array.from({ length: 7 }, (_, f) => times.at(f, 1))).toEqual([
      NaN_,
      T0,
      T0 + 30 * DAY,
      T0 - 30 * DAY,
      T0 + 1,
      T0 - 1,
      T0 + 0.25,
    ])
    expect(Array.from({ length: 7 }, (_, f) => times.at(f, 2))).toEqual([
      T0,
      NaN_,
      T0 + 60_000,
      NaN_,
      NaN_,
      NaN_,
      NaN_,
    ])
    expect(times.at(1, 3)).toBe(T0 + 5_000)
    expect(times.at(6, 3)).toBeNaN()
    expect([...times.column(2)]).toEqual([T0 + 75_000, T0 + 30 * DAY, T0 + 60_000, NaN_])
  })

  it("round-trips any instants, property-based", () => {
    const instant = fc.oneof(
      fc.constant(Number.NaN),
      fc.integer({ min: -8_640_000_000_000, max: 8_640_000_000_000 }),
      fc.double({ noNaN: true, min: -1e13, max: 1e13 }),
    )
    fc.assert(
      fc.property(fc.array(fc.array(instant, { minLength: 7, maxLength: 7 }), { maxLength: 20 }), (rows) => {
        const builder = new MissionTimesBuilder()
        for (const row of rows) builder.push(row)
        const times = builder.build()
        rows.forEach((row, i) => {
          row.forEach((value, f) => {
            expect(Object.is(times.at(f, i), value) || (value === 0 && times.at(f, i) === 0)).toBe(true)
          })
        })
      }),
      { seed: 20261204, numRuns: 300 },
    )
  })
})
