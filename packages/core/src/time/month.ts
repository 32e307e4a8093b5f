/**
 * A calendar month as one integer, `year * 12 + (month - 1)`, so that
 * months sort, subtract and index arrays without parsing strings.
 */
export type MonthIndex = number

export const monthIndex = (year: number, month: number): MonthIndex => year * 12 + (month - 1)

export const monthYear = (index: MonthIndex): number => Math.floor(index / 12)

export const monthOfYear = (index: MonthIndex): number => index - Math.floor(index / 12) * 12 + 1

/** `2025-03` for March 2025. */
export const formatMonth = (index: MonthIndex): string =>
  `${monthYear(index)}-${String(monthOfYear(index)).padStart(2, "0")}`

/** Reads `YYYY-MM`; undefined for anything else. */
export const parseMonth = (text: string): MonthIndex | undefined => {
  const match = /^(\d{4})-(\d{2})$/.exec(text.trim())
  if (match === null) return undefined
  const month = Number(match[2])
  return month >= 1 && month <= 12 ? monthIndex(Number(match[1]), month) : undefined
}

/** An inclusive range of months. */
export interface Period {
  readonly from: MonthIndex
  readonly to: MonthIndex
}

export const periodLength = (period: Period): number => period.to - period.from + 1

export const inPeriod = (period: Period, month: MonthIndex): boolean =>
  month >= period.from && month <= period.to

export const periodMonths = (period: Period): ReadonlyArray<MonthIndex> =>
  Array.from({ length: periodLength(period) }, (_, i) => period.from + i)
