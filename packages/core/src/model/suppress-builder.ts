import type { Cell, ChartBlock, MapBlock, Slide, TableBlock } from "./report-model.js"
import type { Figure, Relation } from "./suppress-protect.js"

/**
 * The pieces of the figure graph (see suppress-graph.ts): places, figures,
 * relations, and the tables read as grids.
 *
 * A *place* is one spot a count is written: a table cell, a chart point, a
 * map area, a key figure, a count inside a list cell ("reason: 3; …"), a
 * field of the JSON data-quality accounts. Places that show the same figure
 * are merged into one *figure*, so hiding it hides it everywhere. A
 * *relation* says that a total is the sum of its parts.
 */

export type Place =
  | {
      readonly kind: "cell"
      readonly cell: Cell
      readonly slide: Slide
      readonly block: TableBlock
      /** The table (all its pages) among the report's tables. */
      readonly grid: number
      /** The cells of the row, for the shares and medians computed from it. */
      readonly rowCells: ReadonlyArray<Cell>
      /** Row within the whole (possibly paged) table, and column. */
      readonly row: number
      readonly column: number
      readonly total: boolean
    }
  | {
      readonly kind: "chart"
      readonly slide: Slide
      readonly chart: ChartBlock
      readonly series: number
      readonly index: number
    }
  | { readonly kind: "map"; readonly slide: Slide; readonly map: MapBlock; readonly index: number }
  | { readonly kind: "key-figure"; readonly slide: Slide; readonly cell: Cell }
  /** The `entry`-th count in a list cell such as "saknar klar: 3; negativt intervall: 1". */
  | { readonly kind: "listed"; readonly slide: Slide; readonly cell: Cell; readonly entry: number }
  | { readonly kind: "quality"; readonly key: string; readonly field: QualityField }
  | { readonly kind: "file"; readonly index: number }
  | { readonly kind: "unmatched"; readonly list: "stations" | "municipalityCodes"; readonly index: number }
  | {
      readonly kind: "coverage"
      readonly of: "missions" | "rescueCases"
      /** `total` is only written on the data-quality slide; the others are also JSON fields. */
      readonly field: "inPeriod" | "before" | "after" | "total"
    }
  /** A count no output writes, implied by others (the cases a share leaves out). */
  | { readonly kind: "implied" }

/** A count of a metric's account: population, used, left out, left out for the i-th reason, ambiguous. */
export type QualityField = "considered" | "used" | "leftOut" | "ambiguous" | number

export interface FigureGraph {
  readonly figures: ReadonlyArray<Figure>
  readonly relations: ReadonlyArray<Relation>
  /** The places of each figure. */
  readonly places: ReadonlyArray<ReadonlyArray<Place>>
}

/** One table, or the pages of one paged table (`…-1-table`, `…-2-table`), read as one. */
export interface Grid {
  readonly pages: ReadonlyArray<{ readonly block: TableBlock; readonly slide: Slide }>
  readonly rows: ReadonlyArray<GridRow>
}

export interface GridRow {
  readonly kind: TableBlock["rows"][number]["kind"]
  readonly cells: ReadonlyArray<Cell>
  readonly block: TableBlock
  readonly slide: Slide
}

/** A paged table's pages share an id but for the page number: `segment-times-1-table`. */
const familyOf = (block: TableBlock): string => block.id.replace(/-\d+(-table)$/, "$1")

export const tableGrids = (slides: ReadonlyArray<Slide>): Grid[] => {
  const families = new Map<string, Array<{ block: TableBlock; slide: Slide }>>()
  for (const slide of slides) {
    for (const block of slide.blocks) {
      if (block.kind !== "table") continue
      const key = `${familyOf(block)}\u0000${block.columns.map((c) => c.key).join("\u0000")}`
      const members = families.get(key) ?? []
      members.push({ block, slide })
      families.set(key, members)
    }
  }
  return [...families.values()].map((pages) => ({
    pages,
    rows: pages.flatMap(({ block, slide }) =>
      block.rows.map((row) => ({ kind: row.kind, cells: row.cells, block, slide })),
    ),
  }))
}

export const countOf = (cell: Cell | undefined): number | undefined =>
  cell !== undefined && cell.format === "count" && typeof cell.value === "number" ? cell.value : undefined

/** The entries of a list cell, "label: 3; other label: 12", or undefined when the text is not one. */
export const listEntries = (text: string): Array<{ label: string; count: number }> | undefined => {
  const parts = text.split("; ")
  const entries = parts.map((part) => /^(.+): (\d+)$/.exec(part))
  if (entries.some((m) => m === null)) return undefined
  return entries.map((m) => ({ label: m![1]!, count: Number(m![2]) }))
}

/** Which slides present the metric run `key`: its own slide, its pages (`key-1`) and views (`key-map`). */
export const slideOfKey = (slide: Slide, key: string): boolean =>
  slide.id === key || slide.id.startsWith(`${key}-`) || slide.metricIds.includes(key)

/**
 * Sets of places that show one figure. Two cells of one table are never one
 * figure (equal cells of a table are a coincidence), so a link that would
 * merge them is refused.
 */
class UnionFind {
  private readonly parent: number[] = []
  /** Per root: the tables its places lie in. */
  private readonly tables = new Map<number, Set<number>>()
  add(table: number | undefined): number {
    const at = this.parent.length
    this.parent.push(at)
    this.tables.set(at, new Set(table === undefined ? [] : [table]))
    return at
  }
  find(x: number): number {
    let root = x
    while (this.parent[root] !== root) root = this.parent[root]!
    while (this.parent[x] !== root) {
      const next = this.parent[x]!
      this.parent[x] = root
      x = next
    }
    return root
  }
  union(a: number, b: number): void {
    const [ra, rb] = [this.find(a), this.find(b)]
    if (ra === rb) return
    const [ta, tb] = [this.tables.get(ra)!, this.tables.get(rb)!]
    for (const table of tb) if (ta.has(table)) return
    const [root, child] = ra < rb ? [ra, rb] : [rb, ra]
    this.parent[child] = root
    this.tables.set(root, new Set([...ta, ...tb]))
    this.tables.delete(child)
  }
}

interface PlaceEntry {
  readonly place: Place
  readonly value: number
  readonly published: boolean
  readonly exempt: boolean
  readonly fixed: boolean
}

/** Collects places, links and relations, then merges linked places into figures. */
export class GraphBuilder {
  private readonly entries: PlaceEntry[] = []
  private readonly links = new UnionFind()
  private readonly relations: Array<Array<{ readonly place: number; readonly coefficient: number }>> = []
  private readonly listed = new Map<Cell, number[]>()

  /**
   * A new place. `published: false` is a count no output writes; `exempt`
   * marks one that needs no protection of its own (the slack of an
   * inequality between two tables); `fixed`, one written where no mark can
   * stand (an integer the JSON schema requires), so its figure stays shown.
   */
  add(
    place: Place,
    value: number,
    options: { published?: boolean; exempt?: boolean; fixed?: boolean } = {},
  ): number {
    this.entries.push({
      place,
      value,
      published: options.published ?? true,
      exempt: options.exempt ?? false,
      fixed: options.fixed ?? false,
    })
    return this.links.add(place.kind === "cell" ? place.grid : undefined)
  }

  /** The places of the counts in a list cell, in order. */
  listedPlaces(cell: Cell): ReadonlyArray<number> {
    return this.listed.get(cell) ?? []
  }

  addListed(place: Place & { kind: "listed" }, value: number): number {
    const at = this.add(place, value)
    const list = this.listed.get(place.cell) ?? []
    list.push(at)
    this.listed.set(place.cell, list)
    return at
  }

  valueOf(place: number): number {
    return this.entries[place]!.value
  }

  placeOf(place: number): Place {
    return this.entries[place]!.place
  }

  /** The two places show the same figure (they must hold the same value). */
  link(a: number, b: number): void {
    if (this.valueOf(a) === this.valueOf(b)) this.links.union(a, b)
  }

  /**
   * The two places may show the same figure, as far as their labels and
   * values tell: a reader may take them as equal. Kept as a relation, not
   * merged, so that two equal cells of one table stay two figures.
   */
  equal(a: number, b: number): void {
    if (a !== b && this.valueOf(a) === this.valueOf(b)) this.sum(a, [b])
  }

  /** `total = Σ parts`, kept only when it holds. */
  sum(total: number, parts: ReadonlyArray<number>): void {
    if (parts.length === 0) return
    this.relate([{ place: total, coefficient: 1 }, ...parts.map((place) => ({ place, coefficient: -1 }))])
  }

  /** `Σ coefficient · value = 0`, kept only when it holds. */
  relate(terms: ReadonlyArray<{ readonly place: number; readonly coefficient: number }>): void {
    if (terms.reduce((s, t) => s + t.coefficient * this.valueOf(t.place), 0) !== 0) return
    this.relations.push([...terms])
  }

  build(): FigureGraph {
    const figureOf = new Map<number, number>()
    const figures: Figure[] = []
    const places: Place[][] = []
    this.entries.forEach((entry, at) => {
      const root = this.links.find(at)
      let figure = figureOf.get(root)
      if (figure === undefined) {
        figure = figures.length
        figureOf.set(root, figure)
        figures.push({
          value: entry.value,
          published: entry.published,
          exempt: entry.exempt,
          fixed: entry.fixed,
        })
        places.push([])
      } else {
        const known = figures[figure]!
        figures[figure] = {
          ...known,
          published: known.published || entry.published,
          fixed: known.fixed === true || entry.fixed,
        }
      }
      places[figure]!.push(entry.place)
    })

    const seen = new Set<string>()
    const relations: Relation[] = []
    for (const terms of this.relations) {
      const merged = new Map<number, number>()
      for (const { place, coefficient } of terms) {
        const figure = figureOf.get(this.links.find(place))!
        merged.set(figure, (merged.get(figure) ?? 0) + coefficient)
      }
      const kept = [...merged]
        .filter(([, c]) => c !== 0)
        .map(([figure, coefficient]) => ({ figure, coefficient }))
      if (kept.length < 2) continue
      const key = kept
        .map((t) => `${t.figure}:${t.coefficient}`)
        .sort()
        .join(" ")
      if (seen.has(key)) continue
      seen.add(key)
      relations.push({ terms: kept })
    }
    return { figures, relations, places }
  }
}
