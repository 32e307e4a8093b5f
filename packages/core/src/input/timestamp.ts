import { daysFromCivil, MS_PER_DAY, MS_PER_HOUR, MS_PER_MINUTE } from "../time/civil.js"

/**
 * What a timestamp text turned out to be:
 * - `local`: a naive wall-clock time, to be resolved in the region's zone;
 * - `absolute`: an instant (ISO 8601 with `Z` or an offset);
 * - `invalid-format`: not a timestamp of the accepted shapes;
 * - `out-of-range`: the right shape, but a part that cannot be (month 13, 25:00).
 */
export type TimestampKind = "local" | "absolute" | "invalid-format" | "out-of-range"

const ZERO = 48
const DASH = 45
const COLON = 58
const SPACE = 32
const T_UPPER = 84
const T_LOWER = 116
const Z_UPPER = 90
const Z_LOWER = 122
const PLUS = 43
const DOT = 46
const COMMA = 44

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]

const isLeapYear = (year: number): boolean => (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0

const digitAt = (text: string, at: number): number => {
  const d = text.charCodeAt(at) - ZERO
  return d >= 0 && d <= 9 ? d : -1
}

/** Two digits as a number, or -1 (also past the end, where the codes are NaN). */
const twoDigits = (text: string, at: number): number => {
  const tens = text.charCodeAt(at) - ZERO
  const ones = text.charCodeAt(at + 1) - ZERO
  return tens >= 0 && tens <= 9 && ones >= 0 && ones <= 9 ? tens * 10 + ones : -1
}

/**
 * Reads the timestamps of the data contract by character codes, without
 * regular expressions or `Date`, because a million missions carry seven
 * each. One parser is reused for every field: after `parse`, `value` holds
 * the wall-clock milliseconds (for `local`: as if the wall clock were UTC,
 * the form `TimeZone.resolveLocal` takes) or the epoch milliseconds (for
 * `absolute`), and `problem` names the part out of range.
 *
 * Accepted: `YYYY-MM-DD HH:MM`, optionally `:SS` and a fraction (`.fff`,
 * any number of digits, cut to milliseconds), with `T` (or `t`) instead of
 * the space, optionally followed by `Z`, `±HH:MM`, `±HHMM` or `±HH`.
 *
 * @example
 * const parser = new TimestampParser()
 * parser.parse("2025-03-30T03:15:00+02:00") // "absolute"; parser.value === Date.UTC(2025, 2, 30, 1, 15)
 */
export class TimestampParser {
  value = 0
  problem = ""

  parse(text: string): TimestampKind {
    const length = text.length
    if (length < 16) return "invalid-format"

    const century = twoDigits(text, 0)
    const yearOfCentury = twoDigits(text, 2)
    const month = twoDigits(text, 5)
    const day = twoDigits(text, 8)
    const hour = twoDigits(text, 11)
    const minute = twoDigits(text, 14)
    const separator = text.charCodeAt(10)
    if (
      century < 0 ||
      yearOfCentury < 0 ||
      text.charCodeAt(4) !== DASH ||
      month < 0 ||
      text.charCodeAt(7) !== DASH ||
      day < 0 ||
      (separator !== SPACE && separator !== T_UPPER && separator !== T_LOWER) ||
      hour < 0 ||
      text.charCodeAt(13) !== COLON ||
      minute < 0
    ) {
      return "invalid-format"
    }

    let at = 16
    let second = 0
    let millis = 0
    if (at < length && text.charCodeAt(at) === COLON) {
      second = twoDigits(text, at + 1)
      if (second < 0) return "invalid-format"
      at += 3
      const mark = text.charCodeAt(at)
      if (at < length && (mark === DOT || mark === COMMA)) {
        at++
        const fractionStart = at
        let scale = 100
        while (at < length && digitAt(text, at) >= 0) {
          millis += digitAt(text, at) * scale
          scale /= 10
          at++
        }
        if (at === fractionStart) return "invalid-format"
        millis = Math.floor(millis)
      }
    }

    const offset = this.readOffset(text, at)
    if (offset === undefined) return "invalid-format"

    const year = century * 100 + yearOfCentury
    if (!this.inRange(year, month, day, hour, minute, second)) return "out-of-range"
    if (Number.isNaN(offset)) {
      this.problem = "offset"
      return "out-of-range"
    }

    const wall =
      this.dayNumber(year, month, day) * MS_PER_DAY +
      hour * MS_PER_HOUR +
      minute * MS_PER_MINUTE +
      second * 1000 +
      millis
    if (offset === null) {
      this.value = wall
      return "local"
    }
    this.value = wall - offset
    return "absolute"
  }

  // The timestamps of one row mostly share a date, so the last day number is kept.
  private lastDate = -1
  private lastDays = 0

  private dayNumber(year: number, month: number, day: number): number {
    const date = (year * 16 + month) * 32 + day
    if (date !== this.lastDate) {
      this.lastDate = date
      this.lastDays = daysFromCivil(year, month, day)
    }
    return this.lastDays
  }

  /** The zone offset in ms from `at` to the end; null when there is none, NaN out of range, undefined when malformed. */
  private readOffset(text: string, at: number): number | null | undefined {
    const length = text.length
    if (at === length) return null

    const mark = text.charCodeAt(at)
    if (mark === Z_UPPER || mark === Z_LOWER) return at + 1 === length ? 0 : undefined
    if (mark !== PLUS && mark !== DASH) return undefined

    const hours = twoDigits(text, at + 1)
    if (hours < 0) return undefined
    let minutes = 0
    const rest = length - (at + 3)
    if (rest === 3 && text.charCodeAt(at + 3) === COLON) minutes = twoDigits(text, at + 4)
    else if (rest === 2) minutes = twoDigits(text, at + 3)
    else if (rest !== 0) return undefined
    if (minutes < 0) return undefined

    if (hours > 18 || minutes > 59) return Number.NaN
    const offset = hours * MS_PER_HOUR + minutes * MS_PER_MINUTE
    return mark === PLUS ? offset : -offset
  }

  private inRange(
    year: number,
    month: number,
    day: number,
    hour: number,
    minute: number,
    second: number,
  ): boolean {
    if (month < 1 || month > 12) this.problem = "month"
    else if (day < 1 || day > (month === 2 && isLeapYear(year) ? 29 : MONTH_DAYS[month - 1]!))
      this.problem = "day"
    else if (hour > 23) this.problem = "hour"
    else if (minute > 59) this.problem = "minute"
    else if (second > 59) this.problem = "second"
    else return true
    return false
  }
}
