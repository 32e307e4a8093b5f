/**
 * The linear-programming core of the suppression audit: the smallest and
 * largest value one unknown can take, given equations between unknowns and
 * known numbers and a lower and (possibly infinite) upper bound per unknown.
 *
 * This is what a reader can work out about a hidden count from every sum the
 * report publishes, relaxed to real numbers; since counts are whole numbers,
 * the answer is rounded inwards. It is a bounded-variable primal simplex on
 * a dense tableau, sized for report tables (tens to a few hundred unknowns),
 * not for general use. It prices by the steepest reduced cost and falls back
 * to Bland's rule (which cannot cycle) after a run of steps that gain
 * nothing.
 */

/** `Σ coefficient · x[variable] = constant`. */
export interface Equation {
  readonly terms: ReadonlyArray<{ readonly variable: number; readonly coefficient: number }>
  readonly constant: number
}

export interface Bounds {
  readonly lower: number
  /** `Infinity` when nothing caps the unknown. */
  readonly upper: number
}

export interface Range {
  readonly min: number
  /** `Infinity` when the equations leave the unknown unbounded above. */
  readonly max: number
}

// Values are whole numbers up to millions; pivots on ±1 matrices stay exact
// well within this tolerance.
const EPSILON = 1e-7

/** Steps without progress before pricing switches to Bland's rule. */
const DEGENERATE_STEPS_BEFORE_BLAND = 50

/**
 * The solutions of equations within bounds, for asking the range of one
 * unknown after another: the first solution is found once (phase one), and
 * each question starts from it. Throws when there is no solution, which
 * cannot happen for equations that the true counts satisfy.
 */
export class FeasibleRegion {
  private readonly start: Tableau

  constructor(
    equations: ReadonlyArray<Equation>,
    private readonly bounds: ReadonlyArray<Bounds>,
  ) {
    this.start = Tableau.feasible(equations, bounds)
  }

  /** The range of `variable` over every solution, rounded inwards to whole numbers. */
  range(variable: number): Range {
    const lowest = this.start.copy().optimise(variable, 1)
    // Maximising y is minimising −y.
    const negatedHighest = this.start.copy().optimise(variable, -1)
    const lower = this.bounds[variable]!.lower
    return {
      // `+ 0` turns a −0 from the rounding into 0.
      min: Math.ceil(lower + lowest - EPSILON) + 0,
      max:
        negatedHighest === Number.NEGATIVE_INFINITY
          ? Number.POSITIVE_INFINITY
          : Math.floor(lower - negatedHighest + EPSILON) + 0,
    }
  }
}

/** The range of `variable` over every solution of the equations within the bounds (see FeasibleRegion). */
export const variableRange = (
  equations: ReadonlyArray<Equation>,
  bounds: ReadonlyArray<Bounds>,
  variable: number,
): Range => new FeasibleRegion(equations, bounds).range(variable)

/**
 * The simplex state over shifted unknowns `y = x − lower`, `0 ≤ y ≤ width`,
 * with one artificial unknown per equation (columns n..n+m−1).
 */
class Tableau {
  private constructor(
    /** rows × columns: the equations in terms of the current basis. */
    private readonly rows: Float64Array[],
    /** Current value of each row's basic unknown. */
    private readonly values: Float64Array,
    /** Which column is basic in each row. */
    private readonly basic: Int32Array,
    /** Per column: whether a non-basic unknown sits at its upper bound. */
    private readonly atUpper: Uint8Array,
    /** Per column: upper bound of the shifted unknown (0 fixes artificials after phase one). */
    private readonly width: Float64Array,
  ) {}

  /** A basis that satisfies every equation (phase one), with the artificials then fixed at zero. */
  static feasible(equations: ReadonlyArray<Equation>, bounds: ReadonlyArray<Bounds>): Tableau {
    const n = bounds.length
    const m = equations.length
    const columns = n + m
    const rows: Float64Array[] = []
    const values = new Float64Array(m)
    const basic = new Int32Array(m)
    const width = new Float64Array(columns)
    bounds.forEach((b, j) => {
      width[j] = b.upper - b.lower
    })
    for (let j = n; j < columns; j++) width[j] = Number.POSITIVE_INFINITY

    equations.forEach((equation, i) => {
      const row = new Float64Array(columns)
      let constant = equation.constant
      for (const { variable, coefficient } of equation.terms) {
        row[variable] = row[variable]! + coefficient
        constant -= coefficient * bounds[variable]!.lower
      }
      // Artificial unknowns start as the basis, so each row's constant must be non-negative.
      const sign = constant < 0 ? -1 : 1
      for (let j = 0; j < n; j++) row[j] = row[j]! * sign
      row[n + i] = 1
      values[i] = constant * sign
      basic[i] = n + i
      rows.push(row)
    })

    const tableau = new Tableau(rows, values, basic, new Uint8Array(columns), width)
    const phaseOne = new Float64Array(columns)
    for (let j = n; j < columns; j++) phaseOne[j] = 1
    tableau.minimise(phaseOne, columns)
    const infeasibility = tableau.values.reduce((sum, v, i) => (basic[i]! >= n ? sum + v : sum), 0)
    if (infeasibility > EPSILON * (1 + m)) {
      throw new Error("suppression audit: the published figures contradict each other")
    }
    for (let j = n; j < columns; j++) width[j] = 0
    return tableau
  }

  copy(): Tableau {
    return new Tableau(
      this.rows.map((row) => row.slice()),
      this.values.slice(),
      this.basic.slice(),
      this.atUpper.slice(),
      this.width.slice(),
    )
  }

  /**
   * Minimises `direction · y[variable]` and returns that minimum
   * (`-Infinity` when unbounded below).
   */
  optimise(variable: number, direction: 1 | -1): number {
    const columns = this.width.length
    const cost = new Float64Array(columns)
    cost[variable] = direction
    return this.minimise(cost, columns)
  }

  private valueOf(column: number): number {
    const row = this.basic.indexOf(column)
    if (row >= 0) return this.values[row]!
    return this.atUpper[column] === 1 ? this.width[column]! : 0
  }

  /** Primal simplex with Bland's rule; returns the optimum of `cost · y`. */
  private minimise(cost: Float64Array, columns: number): number {
    const m = this.rows.length
    const reduced = new Float64Array(columns)
    const isBasic = new Uint8Array(columns)
    for (let i = 0; i < m; i++) isBasic[this.basic[i]!] = 1
    for (let j = 0; j < columns; j++) {
      let d = cost[j]!
      for (let i = 0; i < m; i++) d -= cost[this.basic[i]!]! * this.rows[i]![j]!
      reduced[j] = d
    }

    let degenerate = 0
    for (;;) {
      // Entering column: the steepest improving one, or the first (Bland) after a degenerate run.
      const bland = degenerate >= DEGENERATE_STEPS_BEFORE_BLAND
      let entering = -1
      let direction = 0
      let steepest = 0
      for (let j = 0; j < columns; j++) {
        if (isBasic[j] === 1 || this.width[j]! <= EPSILON) continue
        const gain =
          this.atUpper[j] === 0 && reduced[j]! < -EPSILON
            ? -reduced[j]!
            : this.atUpper[j] === 1 && reduced[j]! > EPSILON
              ? reduced[j]!
              : 0
        if (gain > steepest) {
          entering = j
          direction = this.atUpper[j] === 0 ? 1 : -1
          steepest = gain
          if (bland) break
        }
      }
      if (entering < 0) break

      // Ratio test: how far the entering unknown can move before a basic one hits a bound.
      let step = this.width[entering]!
      let leaving = -1
      let leavingToUpper = false
      for (let i = 0; i < m; i++) {
        const rate = -direction * this.rows[i]![entering]!
        if (Math.abs(rate) <= EPSILON) continue
        const column = this.basic[i]!
        const limit = rate < 0 ? this.values[i]! / -rate : (this.width[column]! - this.values[i]!) / rate
        if (
          limit < step - EPSILON ||
          (limit <= step + EPSILON && leaving >= 0 && column < this.basic[leaving]!)
        ) {
          step = Math.max(0, limit)
          leaving = i
          leavingToUpper = rate > 0
        }
      }
      if (!Number.isFinite(step)) return Number.NEGATIVE_INFINITY
      degenerate = step <= EPSILON ? degenerate + 1 : 0

      for (let i = 0; i < m; i++)
        this.values[i] = this.values[i]! - direction * this.rows[i]![entering]! * step
      if (leaving < 0) {
        // The entering unknown reaches its own other bound first: no change of basis.
        this.atUpper[entering] = direction === 1 ? 1 : 0
        continue
      }

      const start = this.atUpper[entering] === 1 ? this.width[entering]! : 0
      const out = this.basic[leaving]!
      this.pivot(leaving, entering, reduced)
      this.values[leaving] = start + direction * step
      this.basic[leaving] = entering
      isBasic[entering] = 1
      isBasic[out] = 0
      this.atUpper[entering] = 0
      this.atUpper[out] = leavingToUpper ? 1 : 0
    }

    let total = 0
    for (let j = 0; j < columns; j++) if (cost[j] !== 0) total += cost[j]! * this.valueOf(j)
    return total
  }

  private pivot(pivotRow: number, pivotColumn: number, reduced: Float64Array): void {
    const row = this.rows[pivotRow]!
    const factor = row[pivotColumn]!
    for (let j = 0; j < row.length; j++) row[j] = row[j]! / factor
    for (let i = 0; i < this.rows.length; i++) {
      if (i === pivotRow) continue
      const other = this.rows[i]!
      const k = other[pivotColumn]!
      if (k === 0) continue
      for (let j = 0; j < other.length; j++) other[j] = other[j]! - k * row[j]!
    }
    const k = reduced[pivotColumn]!
    if (k !== 0) for (let j = 0; j < row.length; j++) reduced[j] = reduced[j]! - k * row[j]!
  }
}
