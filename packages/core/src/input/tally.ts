import type { Reject } from "./reject.js"

/** Rows per progress report: often enough for a progress bar, rare enough to cost nothing. */
export const PROGRESS_EVERY = 1 << 16

/**
 * Counts one file's rows as they are decided, so that `accepted + rejected
 * = read` holds by construction: a row is counted as read only when it is
 * counted as one of the two.
 */
export class Tally {
  read = 0
  accepted = 0
  rejected = 0
  readonly rejectedByReason: Record<string, number> = {}
  readonly rejects: Reject[] = []

  /** `onProgress` gets the number of this file's rows decided so far, every `PROGRESS_EVERY` rows. */
  constructor(private readonly onProgress: (rowsRead: number) => void) {}

  /** Records the outcome of one row: undefined for accepted, else its reject. */
  count(reject: Reject | undefined): void {
    if (reject === undefined) {
      this.accepted++
    } else {
      this.rejected++
      this.rejectedByReason[reject.reason] = (this.rejectedByReason[reject.reason] ?? 0) + 1
      this.rejects.push(reject)
    }
    this.read++
    if ((this.read & (PROGRESS_EVERY - 1)) === 0) this.onProgress(this.read)
  }
}

/** The row checks a format reader hands its rows to (`MissionRows` or `RescueCaseRows`). */
export interface RowChecker {
  accept(values: ReadonlyArray<string>, line: number, wrongTypes?: number): Reject | undefined
  malformed(line: number, value: string, problem: string): Reject
}
