import { describe, expect, it } from "vitest"
import { type Bounds, type Equation, variableRange } from "./suppress-lp.js"

const sum = (constant: number, ...variables: number[]): Equation => ({
  terms: variables.map((variable) => ({ variable, coefficient: 1 })),
  constant,
})
const small: Bounds = { lower: 0, upper: 4 }
const large: Bounds = { lower: 5, upper: Number.POSITIVE_INFINITY }

describe("variableRange", () => {
  it("pins two hidden cells of 0..4 that must add up to 8 (the sup3 recovery: both are 4)", () => {
    expect(variableRange([sum(8, 0, 1)], [small, small], 0)).toEqual({ min: 4, max: 4 })
  })

  it("leaves two hidden cells that add up to 2 anywhere from 0 to 2", () => {
    expect(variableRange([sum(2, 0, 1)], [small, small], 1)).toEqual({ min: 0, max: 2 })
  })

  it("lets a cell of 5 or more absorb the rest: x + y + z = 166, x, y in 0..4, z ≥ 5", () => {
    // x can be 0 (y = 4, z = 162) or 4 (y = 0, z = 162): the whole of 0..4.
    expect(variableRange([sum(166, 0, 1, 2)], [small, small, large], 0)).toEqual({ min: 0, max: 4 })
    // z = 166 − x − y lies in 158..166.
    expect(variableRange([sum(166, 0, 1, 2)], [small, small, large], 2)).toEqual({ min: 158, max: 166 })
  })

  it("is unbounded above when nothing caps the unknown", () => {
    // z − x = 3 with z ≥ 5 and x ≥ 0 only: z can grow with x.
    const equation: Equation = {
      terms: [
        { variable: 0, coefficient: 1 },
        { variable: 1, coefficient: -1 },
      ],
      constant: 3,
    }
    expect(variableRange([equation], [large, { lower: 0, upper: Number.POSITIVE_INFINITY }], 0)).toEqual({
      min: 5,
      max: Number.POSITIVE_INFINITY,
    })
  })

  it("combines rows and columns: a 2 × 2 block with known margins moves by one degree of freedom", () => {
    //        A    B  | row
    //  r1    a    b  | 7      a, b, c, d hidden; a, d in 0..4, b, c ≥ 5
    //  r2    c    d  | 9
    //  col   8    8
    // a + b = 7, c + d = 9, a + c = 8, b + d = 8. With a = t: b = 7 − t, c = 8 − t, d = 1 + t.
    // b ≥ 5 → t ≤ 2; c ≥ 5 → t ≤ 3; d ≤ 4 → t ≤ 3; so a lies in 0..2.
    const equations = [sum(7, 0, 1), sum(9, 2, 3), sum(8, 0, 2), sum(8, 1, 3)]
    const bounds = [small, large, large, small]
    expect(variableRange(equations, bounds, 0)).toEqual({ min: 0, max: 2 })
    expect(variableRange(equations, bounds, 3)).toEqual({ min: 1, max: 3 })
  })

  it("finds what no single equation says: a subtotal and a total together pin a cell", () => {
    // Group total: x + y = 9 (x, y hidden ≥ 5 and 0..4); region total: x + y + z = 12 → z = 3 exactly.
    const equations = [sum(9, 0, 1), sum(12, 0, 1, 2)]
    const bounds = [large, small, small]
    expect(variableRange(equations, bounds, 2)).toEqual({ min: 3, max: 3 })
  })

  it("refuses equations that contradict the bounds", () => {
    expect(() => variableRange([sum(20, 0, 1)], [small, small], 0)).toThrow(/contradict/)
  })
})
