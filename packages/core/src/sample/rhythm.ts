/**
 * When calls come in: a weekly and seasonal rhythm over days and a daily
 * one over hours. The shapes are plausible, not measured.
 */
import { daysFromCivil } from "../time/civil.js"
import { type MonthIndex, monthOfYear, monthYear } from "../time/month.js"
import type { Random } from "./random.js"

/** Relative call volume per local hour: quiet at night, busiest around midday. */
const HOUR_WEIGHTS = [
  0.5, 0.42, 0.36, 0.32, 0.31, 0.36, 0.52, 0.76, 0.96, 1.06, 1.12, 1.14, 1.13, 1.1, 1.08, 1.06, 1.05, 1.03,
  1.0, 0.95, 0.88, 0.78, 0.67, 0.57,
]

/** Weekend nights (early Saturday and Sunday) are busier than weekday nights. */
const WEEKEND_NIGHT_FACTOR = 1.35

/** Monday … Sunday: a little more on Fridays and at weekends. */
const WEEKDAY_WEIGHTS = [1.0, 0.98, 0.98, 1.0, 1.06, 1.08, 1.04]

/** The days of a period, as day numbers since 1970-01-01, with their relative call volume. */
export interface DayPlan {
  readonly firstDay: number
  readonly weights: Float64Array
}

/** Yearly growth of the call volume; ambulance demand grows by a few percent a year as the population ages. */
export const YEARLY_GROWTH = 0.03

/**
 * Day weights from `from` to `to` (inclusive months), with a seasonal swing,
 * a steady yearly growth and some day-to-day noise.
 */
export const planDays = (from: MonthIndex, to: MonthIndex, random: Random): DayPlan => {
  const firstDay = daysFromCivil(monthYear(from), monthOfYear(from), 1)
  const next = to + 1
  const endDay = daysFromCivil(monthYear(next), monthOfYear(next), 1)
  const weights = new Float64Array(endDay - firstDay)

  for (let i = 0; i < weights.length; i++) {
    const day = firstDay + i
    const season = 1 + 0.06 * Math.cos((2 * Math.PI * (dayOfYear(day) - 15)) / 365)
    const noise = Math.max(0.7, 1 + 0.07 * random.normal())
    const growth = (1 + YEARLY_GROWTH) ** (i / 365.25)
    weights[i] = WEEKDAY_WEIGHTS[weekday(day)]! * season * growth * noise
  }
  return { firstDay, weights }
}

/** Splits `total` into whole numbers proportional to `weights` (largest remainder), summing to `total`. */
export const apportion = (total: number, weights: ArrayLike<number>): Int32Array => {
  let sum = 0
  for (let i = 0; i < weights.length; i++) sum += weights[i]!
  const counts = new Int32Array(weights.length)
  const remainders: Array<{ index: number; rest: number }> = []

  let assigned = 0
  for (let i = 0; i < weights.length; i++) {
    const exact = (total * weights[i]!) / sum
    counts[i] = Math.floor(exact)
    assigned += counts[i]!
    remainders.push({ index: i, rest: exact - counts[i]! })
  }

  // Ties go to the earlier day, so the split is deterministic.
  remainders.sort((a, b) => b.rest - a.rest || a.index - b.index)
  for (let k = 0; k < total - assigned; k++) counts[remainders[k]!.index]! += 1
  return counts
}

/** Cumulative hour weights of a day; weekend nights are busier. */
export const hourWeightsOf = (day: number): Float64Array => {
  const weekendMorning = weekday(day) >= 5
  const sums = new Float64Array(24)
  let total = 0
  for (let hour = 0; hour < 24; hour++) {
    total += HOUR_WEIGHTS[hour]! * (weekendMorning && hour < 5 ? WEEKEND_NIGHT_FACTOR : 1)
    sums[hour] = total
  }
  return sums
}

/** 0 = Monday … 6 = Sunday; day 0 (1970-01-01) was a Thursday. */
export const weekday = (day: number): number => (((day + 3) % 7) + 7) % 7

const dayOfYear = (day: number): number => {
  let year = 1970 + Math.floor(day / 365.2425)
  while (daysFromCivil(year, 1, 1) > day) year--
  while (daysFromCivil(year + 1, 1, 1) <= day) year++
  return day - daysFromCivil(year, 1, 1)
}
