import fc from "fast-check"
import { describe, expect, it } from "vitest"
import { IdRegistry } from "./id-registry.js"

describe("IdRegistry", () => {
  it("finds ids in the sorted run and out of it, with their lines", () => {
    const ids = new IdRegistry()
    ids.add("M2", 2)
    ids.add("M5", 3)
    ids.add("M3", 4) // smaller than M5: goes to the map
    ids.add("M9", 5)
    expect(["M2", "M3", "M5", "M9", "M1", "M4", "M99"].map((id) => ids.lineOf(id))).toEqual([
      2, 4, 3, 5, -1, -1, -1,
    ])
  })

  it("answers like a map for any order of ids", () => {
    fc.assert(
      fc.property(fc.array(fc.string({ maxLength: 3 }), { maxLength: 60 }), (sequence) => {
        const registry = new IdRegistry()
        const model = new Map<string, number>()
        sequence.forEach((id, line) => {
          expect(registry.lineOf(id)).toBe(model.get(id) ?? -1)
          if (!model.has(id)) {
            model.set(id, line)
            registry.add(id, line)
          }
        })
      }),
      { numRuns: 500 },
    )
  })
})
