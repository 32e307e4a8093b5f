import fc from "fast-check"
import { describe, expect, it } from "vitest"
import { Growable } from "./growable.js"

describe("Growable", () => {
  it("holds every pushed value, whatever the starting capacity and reservation", () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: -1000, max: 1000 }), { maxLength: 200 }),
        fc.integer({ min: 1, max: 64 }),
        fc.nat({ max: 300 }),
        (values, capacity, reserved) => {
          const column = new Growable(Int32Array, capacity)
          column.reserve(reserved)
          for (const v of values) column.push(v)
          expect(column.length).toBe(values.length)
          expect([...column.toArray()]).toEqual(values)
          expect(values.map((_, i) => column.at(i))).toEqual(values)
        },
      ),
      { seed: 3, numRuns: 200 },
    )
  })

  it("hands over a nearly full buffer without copying it, and copies a mostly empty one", () => {
    // 8 of 8 slots filled: a view of the buffer itself (same ArrayBuffer, no copy).
    const full = new Growable(Float64Array, 8)
    for (let i = 0; i < 8; i++) full.push(i)
    expect(full.toArray().buffer.byteLength).toBe(8 * 8)

    // 3 of 8 slots: a copy of exactly 3 values, so the other 5 can be freed.
    const sparse = new Growable(Float64Array, 8)
    for (let i = 0; i < 3; i++) sparse.push(i)
    expect(sparse.toArray().buffer.byteLength).toBe(3 * 8)
  })
})
