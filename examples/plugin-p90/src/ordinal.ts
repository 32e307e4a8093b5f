import type { Language } from "@ambu/core"

/** `90:e`, `1:a`, `22:a` in Swedish; `90th`, `1st`, `22nd`, `13th` in English. */
export const ordinal = (n: number, language: Language): string => {
  const lastTwo = n % 100
  const last = n % 10
  if (language === "sv")
    return `${n}:${(last === 1 || last === 2) && lastTwo !== 11 && lastTwo !== 12 ? "a" : "e"}`
  if (lastTwo >= 11 && lastTwo <= 13) return `${n}th`
  return `${n}${last === 1 ? "st" : last === 2 ? "nd" : last === 3 ? "rd" : "th"}`
}
