import type { Language } from "@ambu/core"

/**
 * The few words the renderer adds itself; everything else comes from the
 * report model, already in the report's language.
 */
export interface RendererLabels {
  readonly overGoal: string
  /** The map legend's entry for the hatched areas. */
  readonly overGoalKey: string
  /** The map's colour scale: what quantity the colour is, by unit (the title already says which time or share). */
  readonly mapQuantity: Readonly<Record<"count" | "share" | "duration", string>>
  readonly suppressed: string
  readonly noValue: string
  /** Before the slide number in the footer. */
  readonly slide: string
  readonly error: string
  readonly navigationHint: string
  /** Added to the title of a slide's further pages. */
  readonly continued: string
  /** The heading of the speaker notes under each slide. */
  readonly notesSummary: string
}

const LABELS: Readonly<Record<Language, RendererLabels>> = {
  sv: {
    overGoal: "över målet",
    overGoalKey: "Över målet",
    mapQuantity: { count: "Antal", share: "Andel, %", duration: "Tid, min:s" },
    suppressed: "dolt värde, få fall",
    noValue: "Värde saknas",
    slide: "Bild",
    error: "Kunde inte visas",
    navigationHint: "Piltangenter eller Page Up/Page Down byter bild",
    continued: "(forts.)",
    notesSummary: "Definition och datakvalitet",
  },
  en: {
    overGoal: "over goal",
    overGoalKey: "Over the goal",
    mapQuantity: { count: "Count", share: "Share, %", duration: "Time, min:s" },
    suppressed: "hidden value, few cases",
    noValue: "No value",
    slide: "Slide",
    error: "Could not be shown",
    navigationHint: "Arrow keys or Page Up/Page Down change slides",
    continued: "(cont.)",
    notesSummary: "Definition and data quality",
  },
}

export const labelsFor = (language: Language): RendererLabels => LABELS[language]
