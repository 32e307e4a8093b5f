/**
 * Why a row was rejected. Stable codes: they are keys of the data-quality
 * summary and a column of the rejects file.
 */
export type RejectReason =
  | "missing-required"
  | "invalid-format"
  | "unknown-priority"
  | "duplicate-id"
  | "nonexistent-local-time"
  | "malformed-row"

export const REJECT_REASONS: ReadonlyArray<RejectReason> = [
  "missing-required",
  "invalid-format",
  "unknown-priority",
  "duplicate-id",
  "nonexistent-local-time",
  "malformed-row",
]

/**
 * A row that did not enter the data set. `field` is the contract's English
 * field name (empty for a row that could not be split into fields); `value`
 * is the offending text as read; `message` is the sentence for a person.
 */
export interface Reject {
  readonly file: string
  readonly line: number
  readonly field: string
  readonly reason: RejectReason
  readonly value: string
  readonly message: string
}

/** Long values are cut in messages and in the rejects file, so one broken row cannot flood either. */
export const MAX_SHOWN_VALUE = 200

export const shownValue = (value: string): string =>
  value.length <= MAX_SHOWN_VALUE ? value : `${value.slice(0, MAX_SHOWN_VALUE)}…`

/** Where a problem is, in the words of every reject message: `missions.csv line 42, field "prio"`. */
export const rowPlace = (file: string, line: number, label?: string): string =>
  label === undefined ? `${file} line ${line}` : `${file} line ${line}, field "${label}"`
