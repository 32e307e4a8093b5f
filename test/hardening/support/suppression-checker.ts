/**
 * An attacker's view of a suppressed report: from the published JSON alone,
 * how narrowly can each hidden count be pinned down?
 *
 * Written without the suppression code: the relations are read from what
 * the deck's tables mean (a "Totalt" column sums the counts before it, a
 * subtotal row sums its group, the notes' "Underlag" sentence is population
 * = used + left out, the same count on two slides is one count, …), and the
 * ranges come from bound propagation, not linear programming: for every
 * relation Σ c·x = k, each unknown lies within what the other unknowns'
 * bounds leave, repeated until nothing moves, over the relations and the
 * differences of relations that share unknowns (a total minus a subtotal).
 *
 * What a reader knows of a hidden count: `<N` means 0 to N−1 (a zero may be
 * hidden too), `..` on a count means N or more.
 */

export interface ReportJson {
  readonly language: string
  readonly parameters: Record<string, Record<string, unknown>>
  readonly slides: ReadonlyArray<SlideJson>
}

interface SlideJson {
  readonly id: string
  readonly number: number
  readonly notes: string
  readonly metricIds: ReadonlyArray<string>
  readonly blocks: ReadonlyArray<BlockJson>
}

interface CellJson {
  readonly text: string
  readonly value: number | string | null
  readonly format: string
  readonly emphasis?: ReadonlyArray<string>
}

type BlockJson =
  | {
      readonly kind: "table"
      readonly id: string
      readonly columns: ReadonlyArray<{
        readonly key: string
        readonly label: string
        readonly group?: string
      }>
      readonly rows: ReadonlyArray<{ readonly kind: string; readonly cells: ReadonlyArray<CellJson> }>
    }
  | {
      readonly kind: "chart"
      readonly unit: string
      readonly categories: ReadonlyArray<string>
      readonly series: ReadonlyArray<{ readonly name: string; readonly values: ReadonlyArray<number | null> }>
    }
  | { readonly kind: "title" | "text" | "key-figures" | "map" | "error" }

/** A count as the reader sees it: a known number or an unknown with bounds. */
type Term = { readonly known: number } | { readonly unknown: number }

export interface Unknown {
  /** Where the count is shown, for messages: "slide 8 Eslöv / 1 Sydväst (Malmö)". */
  readonly label: string
  /** The mark it was shown with. */
  readonly mark: "small" | "large" | "implied"
  lower: number
  upper: number
}

export interface Audit {
  readonly unknowns: ReadonlyArray<Unknown>
  /** Relations that could not hold whatever the hidden values (a checker or suppression error). */
  readonly contradictions: ReadonlyArray<string>
}

interface Relation {
  /** Σ coefficient · unknown = constant. */
  readonly terms: ReadonlyArray<{ readonly unknown: number; readonly coefficient: number }>
  readonly constant: number
}

export const auditReport = (report: ReportJson): Audit => new Checker(report).run()

const NO_LIMIT = Number.POSITIVE_INFINITY

class Checker {
  private readonly unknowns: Unknown[] = []
  private readonly relations: Relation[] = []
  private readonly below: number

  constructor(private readonly report: ReportJson) {
    const suppression = report.parameters.suppression as { below?: number } | undefined
    if (suppression?.below === undefined) throw new Error("not a suppressed report")
    this.below = suppression.below
  }

  run(): Audit {
    const tables = this.tables()
    for (const table of tables.values()) this.tableRelations(table)
    this.chartRelations(tables)
    this.crossTableRelations(tables)
    this.qualityRelations(tables)
    this.propagate()
    const contradictions = this.unknowns.filter((u) => u.lower > u.upper).map((u) => u.label)
    return { unknowns: this.unknowns, contradictions }
  }

  // ------------------------------------------------------------ reading

  /** A cell, or a number in text, as the reader sees it. */
  private term(text: string, value: number | string | null, label: string): Term | undefined {
    if (typeof value === "number") return { known: value }
    if (text === `<${this.below}`) return { unknown: this.unknown(label, "small") }
    if (text === "..") return { unknown: this.unknown(label, "large") }
    const number = /^\d+$/.test(text.replace(/[\u00a0,]/g, ""))
      ? Number(text.replace(/[\u00a0,]/g, ""))
      : undefined
    return number === undefined ? undefined : { known: number }
  }

  private unknown(label: string, mark: Unknown["mark"]): number {
    const bounds =
      mark === "small"
        ? { lower: 0, upper: this.below - 1 }
        : mark === "large"
          ? { lower: this.below, upper: NO_LIMIT }
          : { lower: 0, upper: NO_LIMIT }
    this.unknowns.push({ label, mark, ...bounds })
    return this.unknowns.length - 1
  }

  /** `Σ plus = Σ minus` over terms. */
  private relate(plus: ReadonlyArray<Term | undefined>, minus: ReadonlyArray<Term | undefined>): void {
    if ([...plus, ...minus].some((t) => t === undefined)) return
    const merged = new Map<number, number>()
    let constant = 0
    const add = (term: Term, sign: number) => {
      if ("known" in term) constant -= sign * term.known
      else merged.set(term.unknown, (merged.get(term.unknown) ?? 0) + sign)
    }
    for (const t of plus) add(t!, 1)
    for (const t of minus) add(t!, -1)
    const terms = [...merged]
      .filter(([, c]) => c !== 0)
      .map(([unknown, coefficient]) => ({ unknown, coefficient }))
    if (terms.length === 0) {
      if (constant !== 0) throw new Error(`a relation of the published report does not add up (${constant})`)
      return
    }
    this.relations.push({ terms, constant })
  }

  /** The tables of the report, a paged table's pages joined, each cell read once. */
  private tables(): Map<string, Table> {
    const tables = new Map<string, Table>()
    for (const slide of this.report.slides) {
      if (slide.metricIds.length === 0 && slide.id !== "data-quality") continue
      for (const block of slide.blocks) {
        if (block.kind !== "table") continue
        const family = block.id.replace(/-\d+(-table)$/, "$1")
        const table = tables.get(family) ?? { id: family, slides: [], columns: block.columns, rows: [] }
        table.slides.push(slide)
        for (const row of block.rows) {
          table.rows.push({
            kind: row.kind,
            header: row.cells[0]?.text ?? "",
            slide,
            cells: row.cells.map((cell, at) =>
              at === 0 || cell.format !== "count"
                ? undefined
                : this.term(
                    cell.text,
                    cell.value,
                    `slide ${slide.number} ${row.cells[0]?.text} / ${block.columns[at]?.label}`,
                  ),
            ),
          })
        }
        tables.set(family, table)
      }
    }
    return tables
  }

  // ---------------------------------------------------------- relations

  /** Row totals ("Totalt", "Lästa" = accepted + rejected, "Underlag" = used + left out) and column totals. */
  private tableRelations(table: Table): void {
    const labels = table.columns.map((c) => c.label)
    const counts = labels.map((_, at) => at > 0 && table.rows.some((r) => r.cells[at] !== undefined))
    const before = (at: number) =>
      labels.map((_, c) => c).filter((c) => c > 0 && c < at && counts[c] && !/^Total/.test(labels[c]!))
    const rowSums: Array<{ total: number; parts: number[] }> = []
    labels.forEach((label, at) => {
      if (label === "Totalt" || label === "Total") rowSums.push({ total: at, parts: before(at) })
    })
    const byKey = (key: string) => table.columns.findIndex((c) => c.key === key)
    if (table.id === "data-quality-files")
      rowSums.push({ total: byKey("read"), parts: [byKey("accepted"), byKey("rejected")] })
    if (table.id === "data-quality-metrics")
      rowSums.push({ total: byKey("considered"), parts: [byKey("used"), byKey("leftOut")] })
    for (const row of table.rows) {
      for (const { total, parts } of rowSums) {
        if (row.cells[total] !== undefined)
          this.relate(
            [row.cells[total]],
            parts.map((p) => row.cells[p]),
          )
      }
    }

    const body = table.rows.filter((r) => r.kind === "body")
    const subtotals = table.rows.filter((r) => r.kind === "subtotal")
    let group: Row[] = []
    for (const row of table.rows) {
      if (row.kind === "body") group.push(row)
      if (row.kind === "subtotal" || row.kind === "total") {
        const parts = row.kind === "subtotal" ? [group] : subtotals.length > 0 ? [body, subtotals] : [body]
        for (const partRows of parts) {
          labels.forEach((_, at) => {
            if (counts[at] && row.cells[at] !== undefined)
              this.relate(
                [row.cells[at]],
                partRows.map((r) => r.cells[at]),
              )
          })
        }
        group = []
      }
    }
  }

  /** A chart point shows the table cell with its category and series as row header and column label. */
  private chartRelations(tables: ReadonlyMap<string, Table>): void {
    for (const slide of this.report.slides) {
      for (const block of slide.blocks) {
        if (block.kind !== "chart" || block.unit !== "count") continue
        for (const series of block.series) {
          series.values.forEach((value, at) => {
            const category = block.categories[at]!
            const cell =
              this.cellOnSlide(tables, slide, category, series.name) ??
              this.cellOnSlide(tables, slide, series.name, category)
            if (cell === undefined) return
            const point: Term =
              value === null
                ? {
                    unknown: this.unknown(
                      `slide ${slide.number} chart ${category}/${series.name}`,
                      "implied",
                    ),
                  }
                : { known: value }
            this.relate([point], [cell])
          })
        }
      }
    }
  }

  private cellOnSlide(
    tables: ReadonlyMap<string, Table>,
    slide: SlideJson,
    header: string,
    label: string,
  ): Term | undefined {
    for (const table of tables.values()) {
      const column = table.columns.findIndex((c) => c.label === label)
      const row = table.rows.find((r) => r.slide === slide && r.header === header)
      if (column > 0 && row?.cells[column] !== undefined) return row.cells[column]
    }
    return undefined
  }

  private cell(table: Table | undefined, header: string, label: string): Term | undefined {
    if (table === undefined) return undefined
    const column = table.columns.findIndex((c) => c.label === label)
    return column > 0 ? table.rows.find((r) => r.header === header)?.cells[column] : undefined
  }

  /**
   * What the deck's definitions say across tables: a municipality's
   * priority-1 missions are "Uppdrag" on the segment-times slides and
   * "Totalt" on the priority-1 borderless slide; a month's missions are the
   * "Totalt" of slide 2 and the total row of the station table; the cases
   * over 20 minutes or missions over 90 s are counts too ("Ärenden" −
   * "Under 20 min"); and every station's missions include what its ambulance
   * district does on the borderless slides, stations taken from the
   * start-interval table's district groups.
   */
  private crossTableRelations(tables: ReadonlyMap<string, Table>): void {
    const segments = tables.get("segment-times-table")
    const p1 = tables.get("borderless-dispatch-p1-table")
    if (segments !== undefined && p1 !== undefined) {
      for (const row of segments.rows) {
        const missions = this.cell(segments, row.header, "Uppdrag")
        const total = this.cell(p1, row.header, "Totalt")
        if (missions !== undefined && total !== undefined) this.relate([missions], [total])
      }
    }
    const months = tables.get("missions-per-month-table")
    const stations = tables.get("missions-per-station-table")
    if (months !== undefined && stations !== undefined) {
      for (const row of months.rows) {
        const header = row.kind === "total" ? "Totalt" : row.header
        const label = row.kind === "total" ? "Totalt" : row.header
        const a = this.cell(months, row.header, "Totalt")
        const b = this.cell(stations, "Totalt", label === "Totalt" ? "Totalt" : header)
        if (a !== undefined && b !== undefined) this.relate([a], [b])
      }
    }
    for (const [id, whole, part] of [
      ["waiting-time-table", "Ärenden", "Under 20 min"],
      ["start-interval-table", "Uppdrag", "Inom 90 s"],
    ] as const) {
      const table = tables.get(id)
      if (table === undefined) continue
      for (const row of table.rows) {
        const w = this.cell(table, row.header, whole)
        const p = this.cell(table, row.header, part)
        if (w !== undefined && p !== undefined) {
          this.relate(
            [w],
            [p, { unknown: this.unknown(`${id} ${row.header}: ${whole} − ${part}`, "implied") }],
          )
        }
      }
    }

    const start = tables.get("start-interval-table")
    if (stations === undefined || start === undefined) return
    let district = ""
    const members = new Map<string, string[]>()
    for (const row of start.rows) {
      if (row.kind === "group-heading") district = row.header
      if (row.kind === "body") members.set(district, [...(members.get(district) ?? []), row.header])
    }
    const borderless = [...tables.values()].filter((t) => t.id.startsWith("borderless-dispatch-"))
    for (const [heading, names] of members) {
      const served = borderless.flatMap((t) => {
        const column = t.columns.find((c) => c.group !== undefined && heading.endsWith(c.label))
        return column === undefined ? [] : [this.cell(t, "Hela Skåne", column.label)]
      })
      const totals = names.map((name) => this.cell(stations, name, "Totalt"))
      if (served.length === 0) continue
      this.relate(totals, [
        ...served,
        { unknown: this.unknown(`${heading}: missions not on the borderless slides`, "implied") },
      ])
    }
  }

  /**
   * The speaker notes' "Underlag: C …, U använda, L utelämnade (r₁ …, r₂ …)":
   * C = U + L, L = Σ r; the data-quality slide's row of the metric shows the
   * same C, U and L; and U (C for segment times) is the metric's total.
   */
  private qualityRelations(tables: ReadonlyMap<string, Table>): void {
    const dq = tables.get("data-quality-metrics")
    const totals: Record<string, readonly [string, string, string, "used" | "considered"]> = {
      "missions-per-month": ["missions-per-month-table", "Totalt", "Totalt", "used"],
      "missions-per-station": ["missions-per-station-table", "Totalt", "Totalt", "used"],
      "waiting-time": ["waiting-time-table", "Hela Skåne", "Ärenden", "used"],
      "start-interval": ["start-interval-table", "Hela Skåne", "Uppdrag", "used"],
      "borderless-dispatch-p1": ["borderless-dispatch-p1-table", "Hela Skåne", "Totalt", "used"],
      "borderless-dispatch-p2": ["borderless-dispatch-p2-table", "Hela Skåne", "Totalt", "used"],
      "borderless-dispatch-p3": ["borderless-dispatch-p3-table", "Hela Skåne", "Totalt", "used"],
      "median-response": ["median-response-table", "Hela Skåne", "Ärenden", "used"],
      "segment-times": ["segment-times-table", "Hela Skåne", "Uppdrag", "considered"],
    }
    const seen = new Set<string>()
    for (const slide of this.report.slides) {
      const sentence = slide.notes.split("\n\n").find((p) => p.startsWith("Underlag: "))
      const key = slide.id.replace(/-\d+$/, "").replace(/-map$/, "")
      if (sentence === undefined || seen.has(key)) continue
      seen.add(key)
      // A count is digits grouped by no-break spaces, or a mark.
      const n = String.raw`(\d[\d\u00a0]*|<\d+|\.\.)`
      const m = new RegExp(
        String.raw`^Underlag: ${n} [a-zåäö]+, ${n} använda, ${n} utelämnade(?: \((.*)\))?\.`,
      ).exec(sentence)
      if (m === null) throw new Error(`slide ${slide.number}: notes sentence not understood: ${sentence}`)
      const read = (text: string, what: string) =>
        this.term(text, null, `slide ${slide.number} notes ${what}`)
      const [considered, used, leftOut] = [
        read(m[1]!, "population"),
        read(m[2]!, "used"),
        read(m[3]!, "left out"),
      ]
      const reasons =
        m[4] === undefined
          ? []
          : m[4].split(", ").map((r) => {
              const count = /^(\d[\d\u00a0]*|<\d+|\.\.) (.*)$/.exec(r)!
              return read(count[1]!, count[2]!)
            })
      this.relate([considered], [used, leftOut])
      if (reasons.length > 0) this.relate([leftOut], reasons)

      const row = dq?.rows.find((r) => r.header.endsWith(`(${key})`))
      if (dq !== undefined && row !== undefined) {
        const at = (column: string) => row.cells[dq.columns.findIndex((c) => c.key === column)]
        this.relate([considered], [at("considered")])
        this.relate([used], [at("used")])
        this.relate([leftOut], [at("leftOut")])
      }
      const total = totals[key]
      if (total !== undefined) {
        const [id, header, label, field] = total
        this.relate([field === "used" ? used : considered], [this.cell(tables.get(id), header, label)])
      }
    }
  }

  // -------------------------------------------------------- propagation

  /** Bounds propagation to a fixpoint over the relations and their pairwise differences. */
  private propagate(): void {
    const all = [...this.relations, ...this.differences()]
    for (let round = 0; round < 200; round++) {
      let changed = false
      for (const relation of all) changed = this.tighten(relation) || changed
      if (!changed) return
    }
  }

  /** R₁ − R₂ where R₂'s unknowns are among R₁'s with the same coefficients: a total minus a part of it. */
  private differences(): Relation[] {
    const derived: Relation[] = []
    const key = (r: Relation) => new Map(r.terms.map((t) => [t.unknown, t.coefficient]))
    const maps = this.relations.map(key)
    this.relations.forEach((a, i) => {
      this.relations.forEach((b, j) => {
        if (i === j || b.terms.length >= a.terms.length) return
        const ma = maps[i]!
        if (!b.terms.every((t) => ma.get(t.unknown) === t.coefficient)) return
        const inB = new Set(b.terms.map((t) => t.unknown))
        derived.push({ terms: a.terms.filter((t) => !inB.has(t.unknown)), constant: a.constant - b.constant })
      })
    })
    return derived
  }

  private tighten(relation: Relation): boolean {
    let changed = false
    for (const { unknown, coefficient } of relation.terms) {
      // coefficient · x = constant − Σ others
      let low = relation.constant
      let high = relation.constant
      for (const other of relation.terms) {
        if (other.unknown === unknown) continue
        const u = this.unknowns[other.unknown]!
        const ends = [-other.coefficient * u.lower, -other.coefficient * u.upper].map((v) =>
          Number.isNaN(v) ? 0 : v,
        )
        low += Math.min(...ends)
        high += Math.max(...ends)
      }
      const [lo, hi] =
        coefficient > 0 ? [low / coefficient, high / coefficient] : [high / coefficient, low / coefficient]
      const u = this.unknowns[unknown]!
      if (Math.ceil(lo - 1e-9) > u.lower) {
        u.lower = Math.ceil(lo - 1e-9)
        changed = true
      }
      if (Math.floor(hi + 1e-9) < u.upper) {
        u.upper = Math.floor(hi + 1e-9)
        changed = true
      }
    }
    return changed
  }
}

interface Row {
  readonly kind: string
  readonly header: string
  readonly slide: SlideJson
  readonly cells: ReadonlyArray<Term | undefined>
}

interface Table {
  readonly id: string
  readonly slides: SlideJson[]
  readonly columns: ReadonlyArray<{ readonly key: string; readonly label: string; readonly group?: string }>
  readonly rows: Row[]
}

/** The narrowest range a hidden small count may keep, as docs/hardening.md states it. */
export const requiredRange = (below: number): number => Math.max(1, below - 2)
