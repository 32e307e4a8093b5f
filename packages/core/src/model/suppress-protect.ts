import { type Bounds, type Equation, FeasibleRegion, type Range } from "./suppress-lp.js"

/**
 * Primary and complementary suppression over an abstract set of figures and
 * the sums between them, independent of where the figures are shown.
 *
 * What a reader is assumed to know (the attacker model of docs/hardening.md):
 * every shown figure; for a hidden one, its mark: `<N` says 0 to N−1 (a zero
 * may be hidden to protect another, and `<N` is true of it), `..` says N or
 * more; a figure the report implies but never shows (the complement of a
 * share's numerator) is only known to be at least 0; and every relation.
 * From that, the range a hidden figure can take is its linear-programming
 * range. The rule: every count from 1 to N−1, shown or implied, keeps a
 * range at least `requiredWidth(N)` wide.
 */

/** A count the report shows, or implies without showing. */
export interface Figure {
  readonly value: number
  /** False for a count that is never written anywhere, only implied by others. */
  readonly published: boolean
  /** True for an unpublished count that needs no protection: the slack of an inequality. */
  readonly exempt?: boolean
  /** True for a count shown where no mark can stand: it stays shown, and others protect around it. */
  readonly fixed?: boolean
}

/** `Σ coefficient · figure = 0` over true values, e.g. total − part − part = 0. */
export interface Relation {
  readonly terms: ReadonlyArray<{ readonly figure: number; readonly coefficient: number }>
}

export interface ProtectionProblem {
  readonly figures: ReadonlyArray<Figure>
  readonly relations: ReadonlyArray<Relation>
  /** The smallest count that may be shown. */
  readonly below: number
  /**
   * What hiding the figure now would cost besides the figure itself (derived
   * shares and medians it takes along, whether it is a total); lower is better.
   */
  readonly penalty: (figure: number, hidden: ReadonlySet<number>) => number
  /** How far apart two figures are shown (same table row: near); breaks ties towards neighbours. */
  readonly distance: (a: number, b: number) => number
  /** Told of every figure hidden and why, for tests and for explaining a result. */
  readonly trace?: (event: HideEvent) => void
}

/** Why a figure was hidden: small itself, to close a relation, or to widen a small count's range. */
export type HideEvent =
  | { readonly reason: "primary"; readonly figure: number }
  | { readonly reason: "closing"; readonly figure: number; readonly relation: number; readonly alone: number }
  | {
      readonly reason: "widening"
      readonly figure: number
      readonly protecting: number
      /** The protected count's range before this figure is hidden, and what was hidden then. */
      readonly range: Range
      readonly hidden: ReadonlySet<number>
    }

export interface Protection {
  /** Published figures to hide (implied ones are never shown anyway). */
  readonly hidden: ReadonlySet<number>
  /**
   * Figures whose mark must say nothing at all (`..` also below N): the last
   * resort when even hiding everything connected to a count leaves it too
   * narrow. Rare: seen where a small table's sums coincide (two columns
   * equal in every row read as one being the sum of the other), so that
   * the reader is credited with more equations than the table states.
   */
  readonly blanked: ReadonlySet<number>
  /** Small counts left shown, or too narrow, because they are fixed (or rest on fixed ones). */
  readonly unprotected: ReadonlySet<number>
}

/**
 * The narrowest range a hidden count from 1 to N−1 may keep: as wide as
 * "1 to N−1", what `<N` alone says while zeros are shown, and never a
 * single value.
 */
export const requiredWidth = (below: number): number => Math.max(1, below - 2)

/**
 * Whether hidden counts below N read `<N` (and the others `..`). Not for
 * N = 2: "<2" would say 0 or 1, and next to a total of 2 or more it pins
 * its count; there every hidden count reads `..`, which says nothing.
 */
export const marksBelow = (below: number): boolean => below > 2

export const isSensitive = (figure: Figure, below: number): boolean =>
  figure.exempt !== true && figure.value > 0 && figure.value < below

/** How many extra figures one protected count may pull in before the search widens to all its neighbours. */
const TRIES_BEFORE_WIDENING = 4

export const protect = (problem: ProtectionProblem): Protection => new Protector(problem).run()

class Protector {
  private readonly hidden = new Set<number>()
  private readonly blanked = new Set<number>()
  private readonly unprotected = new Set<number>()
  /** The solutions of each component while nothing more is hidden, by the component's first figure. */
  private regions = new Map<number, { region: FeasibleRegion; index: Map<number, number> }>()
  /** Relations each figure takes part in. */
  private readonly relationsOf: number[][]
  private readonly width: number

  constructor(private readonly problem: ProtectionProblem) {
    this.relationsOf = problem.figures.map(() => [])
    problem.relations.forEach((relation, r) => {
      for (const { figure } of relation.terms) this.relationsOf[figure]!.push(r)
    })
    this.width = requiredWidth(problem.below)
  }

  run(): Protection {
    const { figures, below } = this.problem
    figures.forEach((figure, f) => {
      if (figure.fixed === true) {
        if (isSensitive(figure, below)) this.unprotected.add(f)
      } else if (!figure.published || isSensitive(figure, below)) {
        this.hidden.add(f)
        if (figure.published) this.problem.trace?.({ reason: "primary", figure: f })
      }
    })
    this.close([...this.hidden])

    // Hiding more only widens every range, so a count that passes stays passed.
    for (let f = 0; f < figures.length; f++) {
      if (isSensitive(figures[f]!, below) && this.hidden.has(f)) this.protectFigure(f)
    }
    this.showWhatIsDerivable()

    const published = new Set([...this.hidden].filter((f) => figures[f]!.published))
    return { hidden: published, blanked: this.blanked, unprotected: this.unprotected }
  }

  /** What a reader knows of a hidden figure from its mark alone. */
  private bounds(f: number): Bounds {
    const figure = this.problem.figures[f]!
    if (!figure.published || this.blanked.has(f) || !marksBelow(this.problem.below)) {
      return { lower: 0, upper: Number.POSITIVE_INFINITY }
    }
    return figure.value < this.problem.below
      ? { lower: 0, upper: this.problem.below - 1 }
      : { lower: this.problem.below, upper: Number.POSITIVE_INFINITY }
  }

  /** The hidden figures linked to `start` through relations, and the relations that touch them. */
  private component(start: number): { figures: number[]; relations: number[] } {
    const figures = [start]
    const seen = new Set(figures)
    const relations = new Set<number>()
    for (let at = 0; at < figures.length; at++) {
      for (const r of this.relationsOf[figures[at]!]!) {
        if (relations.has(r)) continue
        relations.add(r)
        for (const { figure } of this.problem.relations[r]!.terms) {
          if (this.hidden.has(figure) && !seen.has(figure)) {
            seen.add(figure)
            figures.push(figure)
          }
        }
      }
    }
    return { figures, relations: [...relations] }
  }

  /** The range a reader can work out for hidden figure `f` from everything shown. */
  range(f: number): Range {
    const cached = [...this.regions.values()].find((c) => c.index.has(f))
    const { region, index } = cached ?? this.region(f)
    return region.range(index.get(f)!)
  }

  /** The feasible region of f's component, kept until the next figure is hidden. */
  private region(f: number): { region: FeasibleRegion; index: Map<number, number> } {
    const { figures, relations } = this.component(f)
    const index = new Map(figures.map((figure, at) => [figure, at]))
    const equations: Equation[] = relations.map((r) => {
      let constant = 0
      const terms: Array<{ variable: number; coefficient: number }> = []
      for (const { figure, coefficient } of this.problem.relations[r]!.terms) {
        const variable = index.get(figure)
        if (variable === undefined) constant -= coefficient * this.problem.figures[figure]!.value
        else terms.push({ variable, coefficient })
      }
      return { terms, constant }
    })
    const entry = {
      region: new FeasibleRegion(
        equations,
        figures.map((figure) => this.bounds(figure)),
      ),
      index,
    }
    this.regions.set(f, entry)
    return entry
  }

  /** A shown figure that may be hidden. */
  private isCandidate(f: number): boolean {
    const figure = this.problem.figures[f]!
    return !this.hidden.has(f) && figure.published && figure.fixed !== true
  }

  private hide(f: number): void {
    this.hidden.add(f)
    this.close([f])
    this.regions = new Map()
  }

  /**
   * A relation with exactly one hidden member gives that member away: hide a
   * second member, repeatedly. Implied figures that are not small may stay
   * exactly known (the number of cases over 20 minutes, when it is large).
   */
  private close(start: ReadonlyArray<number>): void {
    const pending = [...new Set(start.flatMap((f) => this.relationsOf[f]!))]
    while (pending.length > 0) {
      const r = pending.pop()!
      const members = this.problem.relations[r]!.terms.map((t) => t.figure)
      const hiddenMembers = members.filter((f) => this.hidden.has(f))
      if (hiddenMembers.length !== 1) continue
      const alone = hiddenMembers[0]!
      const figure = this.problem.figures[alone]!
      if (!figure.published && !isSensitive(figure, this.problem.below)) continue
      const partner = this.closingPartner(members, alone)
      if (partner === undefined) continue
      this.hidden.add(partner)
      this.problem.trace?.({ reason: "closing", figure: partner, relation: r, alone })
      pending.push(...this.relationsOf[partner]!)
    }
  }

  /**
   * The member that protects a lone hidden one best at the least cost: a
   * shown count with room to move both ways (N + width or more, read `..`)
   * before one with little room, and a zero (which can only move up) last.
   */
  private closingPartner(members: ReadonlyArray<number>, alone: number): number | undefined {
    const { figures, below } = this.problem
    const candidates = members.filter((f) => this.isCandidate(f))
    const roomClass = (f: number) => {
      const value = figures[f]!.value
      return value >= below + this.width ? 0 : value > 0 ? 1 : 2
    }
    return this.cheapest(candidates, alone, roomClass)
  }

  private cheapest(
    candidates: ReadonlyArray<number>,
    near: number,
    preference: (f: number) => number,
  ): number | undefined {
    // A zero is hidden last: it tells more than its size suggests (no one was served from there) and,
    // able only to rise, it needs partners of its own in every relation it is in.
    const key = (f: number): number[] => [
      this.problem.figures[f]!.value === 0 ? 1 : 0,
      this.problem.penalty(f, this.hidden),
      preference(f),
      this.problem.figures[f]!.value,
      this.problem.distance(near, f),
      f,
    ]
    let best: number | undefined
    let bestKey: number[] = []
    for (const f of candidates) {
      const k = key(f)
      if (best === undefined || compareKeys(k, bestKey) < 0) {
        best = f
        bestKey = k
      }
    }
    return best
  }

  /** Hides more figures until `p`'s range is wide enough. */
  private protectFigure(p: number): void {
    let tries = 0
    for (;;) {
      const range = this.range(p)
      if (range.max - range.min >= this.width) return
      const candidate =
        tries < TRIES_BEFORE_WIDENING ? this.directedCandidate(p, range) : this.widerCandidate(p)
      tries++
      const chosen = candidate ?? this.widerCandidate(p)
      if (chosen !== undefined) {
        this.problem.trace?.({
          reason: "widening",
          figure: chosen,
          protecting: p,
          range,
          hidden: this.hidden,
        })
        this.hide(chosen)
        continue
      }
      // Everything connected to p that may be hidden is hidden, and its range is still too narrow:
      // the marks themselves say too much, or a fixed figure pins it.
      const { figures } = this.component(p)
      if (figures.every((f) => this.blanked.has(f))) {
        this.unprotected.add(p)
        return
      }
      for (const f of figures) this.blanked.add(f)
      this.regions = new Map()
    }
  }

  /**
   * A shown member of one of p's relations that lets p move in the direction
   * its range is short of: p can rise only if another member of the same
   * sign can fall (a count of N + k can fall by k; a zero cannot) or one of
   * the other sign can rise; p can fall in the mirror case.
   */
  private directedCandidate(p: number, range: Range): number | undefined {
    const { figures, relations, below } = this.problem
    const bounds = this.bounds(p)
    const roomUp = bounds.upper - range.max
    const roomDown = range.min - bounds.lower
    const deficit = this.width - (range.max - range.min)
    const directions: Array<1 | -1> = roomUp >= roomDown ? [1, -1] : [-1, 1]

    for (const direction of directions) {
      if ((direction === 1 ? roomUp : roomDown) <= 0) continue
      const capacity = new Map<number, number>()
      for (const r of this.bindingRelations(p, range, direction)) {
        const terms = relations[r]!.terms
        const own = terms.find((t) => t.figure === p)!.coefficient
        for (const { figure, coefficient } of terms) {
          if (!this.isCandidate(figure)) continue
          const value = figures[figure]!.value
          // Moving the same way as p within the relation means falling when p rises.
          const falls = Math.sign(coefficient) === Math.sign(own) ? direction === 1 : direction === -1
          const room = falls
            ? value >= below
              ? value - below
              : 0
            : value >= below
              ? Number.POSITIVE_INFINITY
              : below - 1 - value
          if (room > 0) capacity.set(figure, Math.max(capacity.get(figure) ?? 0, room))
        }
      }
      const chosen = this.cheapest([...capacity.keys()], p, (f) => (capacity.get(f)! >= deficit ? 0 : 1))
      if (chosen !== undefined) return chosen
    }
    return undefined
  }

  /**
   * The relations that on their own hold p where it is, in the direction
   * wanted, judging the other hidden members by their marks; all of p's
   * relations when none does alone.
   */
  private bindingRelations(p: number, range: Range, direction: 1 | -1): number[] {
    const { relations, figures } = this.problem
    const binding = this.relationsOf[p]!.filter((r) => {
      const terms = relations[r]!.terms
      const own = terms.find((t) => t.figure === p)!.coefficient
      // own · p = −Σ others; the others' extreme sum bounds p.
      let low = 0
      let high = 0
      for (const { figure, coefficient } of terms) {
        if (figure === p) continue
        const term = -coefficient / own
        if (!this.hidden.has(figure)) {
          low += term * figures[figure]!.value
          high += term * figures[figure]!.value
          continue
        }
        const b = this.bounds(figure)
        const ends = [term * b.lower, b.upper === Number.POSITIVE_INFINITY ? term * 1e18 : term * b.upper]
        low += Math.min(...ends)
        high += Math.max(...ends)
      }
      return direction === 1 ? high <= range.max + 0.5 : low >= range.min - 0.5
    })
    return binding.length > 0 ? binding : this.relationsOf[p]!
  }

  /** The cheapest shown figure in any relation touching p's hidden neighbourhood. */
  private widerCandidate(p: number): number | undefined {
    const { relations: touching } = this.component(p)
    const candidates = new Set<number>()
    for (const r of touching) {
      for (const { figure } of this.problem.relations[r]!.terms) {
        if (this.isCandidate(figure)) candidates.add(figure)
      }
    }
    return this.cheapest([...candidates], p, () => 0)
  }

  /**
   * A hidden figure that is not small and whose value follows exactly from
   * what is shown protects nothing: show it. Fixing a value that every
   * solution already has changes no other range, so all such can go at once.
   */
  private showWhatIsDerivable(): void {
    const { figures, below } = this.problem
    const exact = [...this.hidden].filter((f) => {
      const figure = figures[f]!
      if (!figure.published || isSensitive(figure, below) || this.blanked.has(f)) return false
      const range = this.range(f)
      return range.min === range.max
    })
    for (const f of exact) this.hidden.delete(f)
  }
}

const compareKeys = (a: ReadonlyArray<number>, b: ReadonlyArray<number>): number => {
  for (let i = 0; i < a.length; i++) {
    if (a[i]! !== b[i]!) return a[i]! - b[i]!
  }
  return 0
}
