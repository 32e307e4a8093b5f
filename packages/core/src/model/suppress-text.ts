import { qualitySentence, reasonLabel } from "../metrics/pipeline/present.js"
import { formatCount } from "./format.js"
import type { Language, MetricQuality } from "./report-model.js"
import { listEntries } from "./suppress-builder.js"

/**
 * Counts inside text: the data-quality sentence of the speaker notes, list
 * cells ("saknar klar: 3; negativt intervall: 1") and sentences such as
 * "Underlag: 5 057 ärenden." Each count is written as its figure is
 * published: the number, or the mark of a hidden figure.
 */

/** How one count of a quality account reads in the published report. */
export interface PublishedQuality {
  readonly unit: MetricQuality["unit"]
  readonly considered: string
  readonly used: string
  readonly leftOut: string
  readonly reasons: ReadonlyArray<{ readonly reason: string; readonly text: string }>
  /** Undefined when no used row rests on an ambiguous time (the sentence then says nothing of it). */
  readonly ambiguous: string | undefined
}

const UNITS: Readonly<Record<MetricQuality["unit"], Readonly<Record<Language, string>>>> = {
  missions: { sv: "uppdrag", en: "missions" },
  cases: { sv: "ärenden", en: "cases" },
  "rescue-cases": { sv: "räddningsärenden", en: "rescue cases" },
}

/** The notes' data-quality sentence with the given texts in place of the numbers. */
const sentence = (q: PublishedQuality, language: Language): string => {
  const unit = UNITS[q.unit][language]
  const parts = q.reasons.map((r) => `${r.text} ${reasonLabel(r.reason, language)}`)
  const detail = parts.length > 0 ? ` (${parts.join(", ")})` : ""
  const ambiguous =
    q.ambiguous === undefined
      ? ""
      : language === "sv"
        ? ` ${q.ambiguous} bygger på en tvetydig lokal tid (sommartidens slut).`
        : ` ${q.ambiguous} rest on an ambiguous local time (end of summer time).`
  return language === "sv"
    ? `Underlag: ${q.considered} ${unit}, ${q.used} använda, ${q.leftOut} utelämnade${detail}.${ambiguous}`
    : `Basis: ${q.considered} ${unit}, ${q.used} used, ${q.leftOut} left out${detail}.${ambiguous}`
}

/**
 * What stands in the notes when the sentence cannot be rebuilt with marks
 * (its wording has changed from the one this module knows): the account is
 * on the data-quality slide, with its marks.
 */
const NEUTRAL_SENTENCE: Readonly<Record<Language, string>> = {
  sv: "Underlag: se bilden om datakvalitet.",
  en: "Basis: see the data-quality slide.",
}

const asShown = (quality: MetricQuality, language: Language): PublishedQuality => ({
  unit: quality.unit,
  considered: formatCount(quality.considered, language),
  used: formatCount(quality.used, language),
  leftOut: formatCount(quality.considered - quality.used, language),
  reasons: quality.leftOut.map((l) => ({ reason: l.reason, text: formatCount(l.count, language) })),
  ambiguous: quality.ambiguousLocalTimes > 0 ? formatCount(quality.ambiguousLocalTimes, language) : undefined,
})

/**
 * The notes with the metric's data-quality sentence replaced by its
 * published form, and that sentence. The sentence is found as the one
 * `qualitySentence` writes; notes without it are returned as they are.
 */
export const publishQualitySentence = (
  notes: string,
  quality: MetricQuality,
  published: PublishedQuality,
  language: Language,
): { readonly notes: string; readonly sentence: string | undefined } => {
  const original = qualitySentence(quality, language)
  const paragraphs = notes.split("\n\n")
  if (!paragraphs.includes(original)) return { notes, sentence: undefined }
  // Rebuilt only if this module's wording still gives the original sentence back.
  const replacement =
    sentence(asShown(quality, language), language) === original
      ? sentence(published, language)
      : NEUTRAL_SENTENCE[language]
  return {
    notes: paragraphs.map((p) => (p === original ? replacement : p)).join("\n\n"),
    sentence: replacement,
  }
}

/** A list cell's text with the given texts in place of its counts; undefined when it is not a list. */
export const publishList = (text: string, counts: ReadonlyArray<string>): string | undefined => {
  const entries = listEntries(text)
  if (entries === undefined || entries.length !== counts.length) return undefined
  return entries.map((e, at) => `${e.label}: ${counts[at]}`).join("; ")
}

// A whole number as a count is written: digits, thousands grouped by a no-break space (sv) or a
// comma (en); not a plain space, which separates two numbers.
const COUNT = String.raw`\d{1,3}(?:[\u00a0\u202f,]\d{3})+|\d+`

/** Words that say a number before them counts cases, missions or rows. */
const COUNT_NOUNS = String.raw`(?:räddningsärenden|ärenden|uppdrag|rader|rescue cases|cases|missions|rows)\b`

/**
 * Replaces counts in a sentence. With `nouns`, only a number followed by a
 * word for what is counted ("5 057 ärenden") is taken as a count, so goals,
 * limits and priorities ("90 %", "20 min", "prioritet 1") are left alone;
 * without, every whole number not part of a date, time, decimal or percent.
 */
export const replaceCounts = (
  text: string,
  nouns: boolean,
  replacement: (count: number) => string | undefined,
): string => {
  const pattern = nouns
    ? new RegExp(String.raw`(?<![\d\-:.,/<])(${COUNT})(?=[\u00a0 ]${COUNT_NOUNS})`, "gu")
    : new RegExp(String.raw`(?<![\d\-:.,/<\w])(${COUNT})(?![\d\-:.,/%]\d|[\d\-:%\w]|[\u00a0 ]?%)`, "gu")
  return text.replace(pattern, (match: string) => {
    const count = Number(match.replace(/\D/g, ""))
    return replacement(count) ?? match
  })
}
