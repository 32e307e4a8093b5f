import * as Data from "effect/Data"
import type { DataSet } from "../dataset/data-set.js"
import type { PeriodCoverage } from "../model/report-model.js"
import { formatMonth, monthIndex, monthYear, type Period, periodLength } from "../time/month.js"

/** The report cannot be made as asked; the message says what to change. */
export class ReportError extends Data.TaggedError("ReportError")<{ readonly message: string }> {}

/**
 * How many accepted missions each local month of dispatch holds. Undefined
 * when no mission was accepted.
 */
export interface DataMonths {
  readonly first: number
  readonly last: number
  /** Missions per month, for every month with at least one. */
  readonly counts: ReadonlyMap<number, number>
}

export const dataMonths = (dataset: DataSet): DataMonths | undefined => {
  const column = dataset.missions.month
  if (column.length === 0) return undefined
  const counts = new Map<number, number>()
  for (let i = 0; i < column.length; i++) {
    const m = column[i]!
    counts.set(m, (counts.get(m) ?? 0) + 1)
  }
  const sorted = [...counts.keys()].sort((a, b) => a - b)
  return { first: sorted[0]!, last: sorted.at(-1)!, counts }
}

/** A month holding less than this share of the busiest month's missions is a stray, not data the export covers. */
export const COVERED_SHARE = 0.1

/**
 * The months the export covers: those holding at least `COVERED_SHARE` of
 * the busiest month's missions. A handful of rows with a wrong date (a
 * typo'd year, a mission dispatched a minute into the next month) makes a
 * month with data but does not make the export cover it.
 */
export const coveredMonths = (data: DataMonths): ReadonlySet<number> => {
  const busiest = Math.max(...data.counts.values())
  return new Set([...data.counts].filter(([, n]) => n >= COVERED_SHARE * busiest).map(([m]) => m))
}

const everyMonthCovered = (from: number, to: number, covered: ReadonlySet<number>): boolean => {
  for (let m = from; m <= to; m++) if (!covered.has(m)) return false
  return true
}

/**
 * The report period when none is given: the last calendar year of which the
 * export covers every month. Data without such a year gives its longest run
 * of consecutive covered months; on a tie, the run with more missions, then
 * the later one. So neither a stray row dated decades away nor one a minute
 * into the next month moves or widens the report.
 */
export const defaultPeriod = (data: DataMonths): Period => {
  const covered = coveredMonths(data)
  for (let year = monthYear(data.last); year >= monthYear(data.first); year--) {
    const from = monthIndex(year, 1)
    const to = monthIndex(year, 12)
    if (everyMonthCovered(from, to, covered)) return { from, to }
  }

  const missionsIn = (run: Period) => {
    let n = 0
    for (let m = run.from; m <= run.to; m++) n += data.counts.get(m) ?? 0
    return n
  }
  const better = (run: Period, best: Period) => {
    const length = run.to - run.from
    const bestLength = best.to - best.from
    if (length !== bestLength) return length > bestLength
    const missions = missionsIn(run)
    const bestMissions = missionsIn(best)
    return missions !== bestMissions ? missions > bestMissions : run.from > best.from
  }

  const sorted = [...covered].sort((a, b) => a - b)
  let best = { from: sorted[0]!, to: sorted[0]! }
  let runStart = sorted[0]!
  for (let i = 1; i <= sorted.length; i++) {
    if (i < sorted.length && sorted[i] === sorted[i - 1]! + 1) continue
    const run = { from: runStart, to: sorted[i - 1]! }
    if (better(run, best)) best = run
    if (i < sorted.length) runStart = sorted[i]!
  }
  return best
}

/**
 * The period a report compares with: the same months in an earlier year
 * (one year back for a period of up to twelve months, more whole years for
 * a longer one, so the two never overlap), because ambulance work follows
 * the seasons and a quarter compared with the quarter before mostly shows
 * the season. Null unless the export covers every one of its months, so
 * that a comparison is never made against a half-covered or empty period.
 */
export const coveredPreviousPeriod = (period: Period, data: DataMonths): Period | null => {
  const previous = sameMonthsEarlier(period)
  return everyMonthCovered(previous.from, previous.to, coveredMonths(data)) ? previous : null
}

/** The same months in the nearest earlier year(s) that do not overlap `period`. */
export const sameMonthsEarlier = (period: Period): Period => {
  const shift = Math.ceil(periodLength(period) / 12) * 12
  return { from: period.from - shift, to: period.to - shift }
}

/** How many of `months` (one local month per row) lie before, in and after `period`. */
export const periodCoverage = (months: ArrayLike<number>, period: Period): PeriodCoverage => {
  let before = 0
  let after = 0
  for (let i = 0; i < months.length; i++) {
    const m = months[i]!
    if (m < period.from) before++
    else if (m > period.to) after++
  }
  return { inPeriod: months.length - before - after, before, after }
}

export const describePeriod = (period: Period): string =>
  `${formatMonth(period.from)}–${formatMonth(period.to)}`
