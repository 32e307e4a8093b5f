import { detach } from "./detach.js"
import { Growable } from "./growable.js"
import type { PackedStrings } from "./packed-strings.js"

/**
 * Finds the position of a string in a `PackedStrings` column, for ids that
 * must be unique (missions) or grouped (cases). Exports are usually sorted
 * by id, so an id greater than every earlier one is the common case: it is
 * new without a look-up and joins a sorted run of positions. Other ids go
 * to a map. Every id in the map was smaller than the run's greatest id when
 * it was added, and that only grows, so an id greater than it is in
 * neither; a smaller one is looked up by binary search in the run and then
 * in the map. A million sorted ids cost a string comparison each instead
 * of a hash-table entry.
 */
export class IdLookup {
  /**
   * The run's positions, in the run's order. While every id has joined the
   * run (a sorted file), the run is the positions 0, 1, 2, … and is only
   * counted, not stored: `run` stays undefined and `runLength` counts.
   */
  private run: Growable<Int32Array> | undefined = undefined
  private runLength = 0
  private readonly others = new Map<string, number>()
  // Kept as given: a view into the current chunk of text holds at most that chunk.
  private greatest: string | undefined = undefined

  constructor(private readonly ids: PackedStrings) {}

  /** The position of `id` in the column, or -1 when it has not been added. */
  find(id: string): number {
    if (this.greatest === undefined || id > this.greatest) return -1

    const run = this.run
    let low = 0
    let high = this.runLength - 1
    while (low <= high) {
      const middle = (low + high) >>> 1
      const position = run === undefined ? middle : run.at(middle)
      const order = this.ids.compare(id, position)
      if (order === 0) return position
      if (order > 0) low = middle + 1
      else high = middle - 1
    }
    return this.others.size === 0 ? -1 : (this.others.get(id) ?? -1)
  }

  /** Records that the column holds `id` at `position`; an id added twice is found at its first position. */
  add(id: string, position: number): void {
    if (this.greatest === undefined || id > this.greatest) {
      if (this.run === undefined && position !== this.runLength) this.run = this.countedRun()
      this.run?.push(position)
      this.runLength++
      this.greatest = id
    } else if (!this.others.has(id) && this.find(id) < 0) {
      this.others.set(detach(id), position)
    }
  }

  private countedRun(): Growable<Int32Array> {
    const run = new Growable(Int32Array, Math.max(1024, this.runLength * 2))
    for (let k = 0; k < this.runLength; k++) run.push(k)
    return run
  }
}
