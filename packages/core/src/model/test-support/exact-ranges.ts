import type { Row, TableBlock } from "../report-model.js"

/**
 * For tests: every value a hidden count of a small published table can
 * take, found by trying whole numbers one by one (depth-first search with
 * the row and column sums), without the suppression code and without linear
 * programming.
 *
 * The table is read as a reader would: visible counts are known, `<N` is 0
 * to N−1, `..` is N (0 when N is 2, where every hidden count reads `..`) up
 * to `cap` (the largest sum the table could need), the
 * last column is the sum of the count columns before it, and a row of kind
 * "total" sums the body rows. With `dotsMayBeSmall`, `..` is read as any
 * count from 0 to `cap`: the honest reading where a table had to be blanked
 * (every hidden count `..`, small ones too).
 */
export interface CellRange {
  readonly row: number
  readonly column: number
  readonly text: string
  readonly min: number
  readonly max: number
}

export const exactRanges = (
  table: TableBlock,
  below: number,
  cap: number,
  options: { readonly dotsMayBeSmall?: boolean } = {},
): CellRange[] => {
  const dotsFrom = options.dotsMayBeSmall === true || below <= 2 ? 0 : below
  const grid = table.rows.map((row: Row) => row.cells.slice(1))
  const unknowns: Array<{ row: number; column: number; text: string; lower: number; upper: number }> = []
  const terms = grid.map((cells, r) =>
    cells.map((cell, c): { known: number } | { unknown: number } => {
      if (typeof cell.value === "number") return { known: cell.value }
      const small = cell.text === `<${below}`
      unknowns.push({
        row: r,
        column: c,
        text: cell.text,
        lower: small ? 0 : dotsFrom,
        upper: small ? below - 1 : cap,
      })
      return { unknown: unknowns.length - 1 }
    }),
  )
  const width = grid[0]!.length
  const equations: Array<Array<{ known: number } | { unknown: number }>> = []
  // Row totals: last column = Σ of the others; column totals: total row = Σ body rows.
  for (const cells of terms) equations.push([cells[width - 1]!, ...cells.slice(0, width - 1).map(negate)])
  const totalRow = table.rows.findIndex((row) => row.kind === "total")
  if (totalRow >= 0) {
    for (let c = 0; c < width; c++) {
      const body = terms.filter((_, r) => table.rows[r]!.kind === "body").map((cells) => negate(cells[c]!))
      equations.push([terms[totalRow]![c]!, ...body])
    }
  }

  const feasible = (fixed: ReadonlyMap<number, number>): boolean => search(unknowns, equations, fixed)
  return unknowns.map((u, at) => {
    let min = u.lower
    while (min <= u.upper && !feasible(new Map([[at, min]]))) min++
    let max = u.upper
    while (max >= min && !feasible(new Map([[at, max]]))) max--
    return { row: u.row, column: u.column, text: u.text, min, max }
  })
}

type Term = { known: number; sign?: number } | { unknown: number; sign?: number }

const negate = (term: Term): Term => ({ ...term, sign: -(term.sign ?? 1) })

/**
 * Whether some whole-number assignment within the bounds satisfies every
 * equation: narrow every unknown to what the equations allow given the
 * others' bounds, then try the values of the unknown with the fewest left,
 * one by one.
 */
const search = (
  unknowns: ReadonlyArray<{ lower: number; upper: number }>,
  equations: ReadonlyArray<ReadonlyArray<Term>>,
  fixed: ReadonlyMap<number, number>,
): boolean => {
  const bounds = unknowns.map((u, at) => {
    const value = fixed.get(at)
    return value === undefined ? { lower: u.lower, upper: u.upper } : { lower: value, upper: value }
  })
  return solve(bounds, equations)
}

const solve = (
  bounds: ReadonlyArray<{ lower: number; upper: number }>,
  equations: ReadonlyArray<ReadonlyArray<Term>>,
): boolean => {
  const narrowed = narrow(bounds, equations)
  if (narrowed === undefined) return false
  let branch = -1
  for (let at = 0; at < narrowed.length; at++) {
    const size = narrowed[at]!.upper - narrowed[at]!.lower
    if (size > 0 && (branch < 0 || size < narrowed[branch]!.upper - narrowed[branch]!.lower)) branch = at
  }
  if (branch < 0) return true
  for (let v = narrowed[branch]!.lower; v <= narrowed[branch]!.upper; v++) {
    const next = narrowed.map((b, at) => (at === branch ? { lower: v, upper: v } : b))
    if (solve(next, equations)) return true
  }
  return false
}

/** Every unknown cut down to what each equation allows, repeated until nothing moves; undefined if one empties. */
const narrow = (
  start: ReadonlyArray<{ lower: number; upper: number }>,
  equations: ReadonlyArray<ReadonlyArray<Term>>,
): Array<{ lower: number; upper: number }> | undefined => {
  const bounds = start.map((b) => ({ ...b }))
  for (let changed = true; changed; ) {
    changed = false
    for (const equation of equations) {
      for (const term of equation) {
        if ("known" in term) continue
        // sign · x = −Σ others
        let low = 0
        let high = 0
        for (const other of equation) {
          if (other === term) continue
          const sign = other.sign ?? 1
          const [a, b] =
            "known" in other
              ? [other.known, other.known]
              : [bounds[other.unknown]!.lower, bounds[other.unknown]!.upper]
          low -= Math.max(sign * a, sign * b)
          high -= Math.min(sign * a, sign * b)
        }
        const sign = term.sign ?? 1
        const [lo, hi] = sign > 0 ? [low, high] : [-high, -low]
        const b = bounds[term.unknown]!
        if (lo > b.lower) {
          b.lower = lo
          changed = true
        }
        if (hi < b.upper) {
          b.upper = hi
          changed = true
        }
        if (b.lower > b.upper) return undefined
      }
    }
  }
  return bounds
}
