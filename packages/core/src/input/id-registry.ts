import { Growable } from "../dataset/growable.js"

/**
 * The ids accepted so far and the line each was accepted on, for the
 * duplicate check. Exports are usually sorted by id, so an id greater than
 * every earlier one is the common case: it is new without a look-up and is
 * appended to a sorted run. Other ids go to a map. Every id in the map was
 * at most the run's last id when it was added, and that last id only
 * grows, so an id greater than it is in neither; a smaller one is looked
 * up by binary search in the run and then in the map. A million sorted ids
 * cost a string comparison each instead of a hash-table probe.
 */
export class IdRegistry {
  private readonly run: string[] = []
  private readonly runLines = new Growable(Int32Array)
  private readonly others = new Map<string, number>()
  private runLinesView: Int32Array | undefined = undefined

  /** The line the id was accepted on, or -1 when it is new. */
  lineOf(id: string): number {
    const run = this.run
    const last = run.length - 1
    if (last < 0 || id > run[last]!) return -1

    let low = 0
    let high = last
    while (low <= high) {
      const middle = (low + high) >>> 1
      const probe = run[middle]!
      if (probe === id) return this.lineInRun(middle)
      if (probe < id) low = middle + 1
      else high = middle - 1
    }
    return this.others.get(id) ?? -1
  }

  add(id: string, line: number): void {
    const run = this.run
    if (run.length === 0 || id > run[run.length - 1]!) {
      run.push(id)
      this.runLines.push(line)
      this.runLinesView = undefined
    } else {
      this.others.set(id, line)
    }
  }

  private lineInRun(index: number): number {
    // Duplicates are rare, so the copy of the lines is made only when one is found.
    this.runLinesView ??= this.runLines.toArray()
    return this.runLinesView[index]!
  }
}
