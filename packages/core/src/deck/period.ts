import { Data } from "effect"
import type { DataSet } from "../dataset/data-set.js"
import {
  formatMonth,
  monthIndex,
  monthOfYear,
  monthYear,
  type Period,
  previousPeriod,
} from "../time/month.js"

/** The report cannot be made as asked; the message says what to change. */
export class ReportError extends Data.TaggedError("ReportError")<{ readonly message: string }> {}

/** The first and last local month of dispatch among the accepted missions; undefined when there are none. */
export const dataMonths = (
  dataset: DataSet,
): { readonly first: number; readonly last: number } | undefined => {
  const months = dataset.missions.month
  if (months.length === 0) return undefined
  let first = months[0]!
  let last = months[0]!
  for (let i = 1; i < months.length; i++) {
    const m = months[i]!
    if (m < first) first = m
    if (m > last) last = m
  }
  return { first, last }
}

/**
 * The report period when none is given: the last calendar year that the
 * data covers from January to December. Data without a complete year gives
 * its own span of months, so a short export still makes a report.
 */
export const defaultPeriod = (span: { readonly first: number; readonly last: number }): Period => {
  const year = monthOfYear(span.last) === 12 ? monthYear(span.last) : monthYear(span.last) - 1
  const from = monthIndex(year, 1)
  return from >= span.first ? { from, to: monthIndex(year, 12) } : { from: span.first, to: span.last }
}

/**
 * The period before `period`, when the data reaches back to its first month,
 * so that a comparison is not made against a half-covered period.
 */
export const coveredPreviousPeriod = (period: Period, span: { readonly first: number }): Period | null => {
  const previous = previousPeriod(period)
  return span.first <= previous.from ? previous : null
}

export const describePeriod = (period: Period): string =>
  `${formatMonth(period.from)}–${formatMonth(period.to)}`
