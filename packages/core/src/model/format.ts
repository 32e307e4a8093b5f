import type { Cell, Emphasis, Language, ValueFormat } from "./report-model.js"

/**
 * Number formats of the deck. Swedish groups thousands with a no-break
 * space and writes a decimal comma; English uses a comma and a point.
 * A missing value (no data, or a share with nothing to divide by) is a dash.
 */
export const MISSING = "–"

const NBSP = "\u00a0"

const groupThousands = (digits: string, separator: string): string =>
  digits.replace(/\B(?=(\d{3})+(?!\d))/g, separator)

export const formatCount = (value: number, language: Language): string => {
  const sign = value < 0 ? "-" : ""
  return sign + groupThousands(String(Math.abs(Math.round(value))), language === "sv" ? NBSP : ",")
}

/** A share in [0, 1] as percent with one decimal: `93,4 %` or `93.4%`. */
export const formatShare = (share: number, language: Language): string => {
  // Rounded from twelve significant digits, halves away from zero: 201/400 is
  // 0.5025 exactly but 502.49999… in binary, and must read 50,3 %.
  const tenths = Math.sign(share) * Math.round(Number((Math.abs(share) * 1000).toPrecision(12)))
  const whole = groupThousands(String(Math.trunc(Math.abs(tenths) / 10)), language === "sv" ? NBSP : ",")
  const text = `${tenths < 0 ? "-" : ""}${whole}${language === "sv" ? "," : "."}${Math.abs(tenths) % 10}`
  return language === "sv" ? `${text}${NBSP}%` : `${text}%`
}

/**
 * Seconds as `m:ss`, or `h:mm:ss` from one hour. Seconds are rounded to the
 * nearest whole second first, halves up, so a median of 75.5 s reads 1:16.
 */
export const formatDuration = (seconds: number): string => {
  const total = Math.round(Math.abs(seconds))
  const sign = seconds < 0 && total > 0 ? "-" : ""
  const h = Math.floor(total / 3600)
  const m = Math.floor((total % 3600) / 60)
  const s = String(total % 60).padStart(2, "0")
  return h > 0 ? `${sign}${h}:${String(m).padStart(2, "0")}:${s}` : `${sign}${m}:${s}`
}

export const formatValue = (value: number | null, format: ValueFormat, language: Language): string => {
  if (value === null || Number.isNaN(value)) return MISSING
  switch (format) {
    case "count":
      return formatCount(value, language)
    case "share":
      return formatShare(value, language)
    case "duration":
      return formatDuration(value)
    case "text":
      return String(value)
  }
}

/** A table cell for a number, formatted for the language. */
export const numberCell = (
  value: number | null,
  format: Exclude<ValueFormat, "text">,
  language: Language,
  emphasis?: ReadonlyArray<Emphasis>,
): Cell => {
  const clean = value === null || Number.isNaN(value) ? null : value
  const cell: Cell = { text: formatValue(clean, format, language), value: clean, format }
  return emphasis !== undefined && emphasis.length > 0 ? { ...cell, emphasis: [...emphasis] } : cell
}

/** The cell with the number of cases or missions its share or median rests on (see `Cell.basis`). */
export const withBasis = (cell: Cell, basis: number): Cell => ({ ...cell, basis })

export const textCell = (text: string, emphasis?: ReadonlyArray<Emphasis>): Cell =>
  emphasis !== undefined && emphasis.length > 0
    ? { text, value: text, format: "text", emphasis: [...emphasis] }
    : { text, value: text, format: "text" }
