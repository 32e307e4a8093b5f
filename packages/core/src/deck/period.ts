import { Data } from "effect"
import type { DataSet } from "../dataset/data-set.js"
import { formatMonth, monthIndex, monthYear, type Period, previousPeriod } from "../time/month.js"

/** The report cannot be made as asked; the message says what to change. */
export class ReportError extends Data.TaggedError("ReportError")<{ readonly message: string }> {}

/**
 * The local months of dispatch that hold at least one accepted mission, in
 * order. Undefined when no mission was accepted.
 */
export interface DataMonths {
  readonly first: number
  readonly last: number
  /** Every month with at least one mission. */
  readonly months: ReadonlySet<number>
}

export const dataMonths = (dataset: DataSet): DataMonths | undefined => {
  const column = dataset.missions.month
  if (column.length === 0) return undefined
  const months = new Set<number>()
  let previous = Number.NaN
  for (let i = 0; i < column.length; i++) {
    const m = column[i]!
    if (m !== previous) months.add(m)
    previous = m
  }
  const sorted = [...months].sort((a, b) => a - b)
  return { first: sorted[0]!, last: sorted.at(-1)!, months }
}

const everyMonthHasData = (from: number, to: number, data: DataMonths): boolean => {
  for (let m = from; m <= to; m++) if (!data.months.has(m)) return false
  return true
}

/**
 * The report period when none is given: the last calendar year in which
 * every month has missions. A stray row dated decades away cannot move the
 * report onto an empty year that way. Data without a complete year gives its
 * longest run of consecutive months with data (the later one on a tie), so a
 * short export still makes a report.
 */
export const defaultPeriod = (data: DataMonths): Period => {
  for (let year = monthYear(data.last); year >= monthYear(data.first); year--) {
    const from = monthIndex(year, 1)
    const to = monthIndex(year, 12)
    if (everyMonthHasData(from, to, data)) return { from, to }
  }

  const sorted = [...data.months].sort((a, b) => a - b)
  let best = { from: sorted[0]!, to: sorted[0]! }
  let runStart = sorted[0]!
  for (let i = 1; i <= sorted.length; i++) {
    const continues = i < sorted.length && sorted[i] === sorted[i - 1]! + 1
    if (continues) continue
    const run = { from: runStart, to: sorted[i - 1]! }
    if (run.to - run.from >= best.to - best.from) best = run
    if (i < sorted.length) runStart = sorted[i]!
  }
  return best
}

/**
 * The period before `period`, when every one of its months has missions, so
 * that a comparison is never made against a half-covered or empty period.
 */
export const coveredPreviousPeriod = (period: Period, data: DataMonths): Period | null => {
  const previous = previousPeriod(period)
  return everyMonthHasData(previous.from, previous.to, data) ? previous : null
}

export const describePeriod = (period: Period): string =>
  `${formatMonth(period.from)}–${formatMonth(period.to)}`
