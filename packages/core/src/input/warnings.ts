/**
 * Codes of the data-quality warnings the reader counts per file. A warning
 * never drops a row; it says something about the data a reader of the
 * report should know.
 * - `unknown-column`: a header column (or NDJSON key) that is not in the
 *   contract, ignored;
 * - `ambiguous-local-time`: a naive time in the autumn hour that occurs
 *   twice, resolved by the contract's rule (counted per field);
 * - `timestamps-out-of-order`: a mission whose timestamps go backwards in
 *   the contract's field order (kept; metrics leave out the negative intervals).
 *
 * Bytes that are not UTF-8 are not a warning but an `InputError` of kind
 * `encoding`: a misread name would move a station out of the region.
 */
export type WarningCode = "unknown-column" | "ambiguous-local-time" | "timestamps-out-of-order"

/** Counts warnings by code; only codes that occurred appear in the record. */
export class WarningCounter {
  private readonly counts: Record<string, number> = {}

  add(code: WarningCode, times = 1): void {
    if (times > 0) this.counts[code] = (this.counts[code] ?? 0) + times
  }

  toRecord(): Record<string, number> {
    return { ...this.counts }
  }
}
