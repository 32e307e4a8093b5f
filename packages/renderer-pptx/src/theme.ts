import type { Language } from "@ambu/core"

/**
 * Colours and font of the deck. Colours are `RRGGBB` as pptxgenjs wants
 * them. Every text colour keeps a contrast of at least 4.5:1 on the fills
 * it is drawn on (`deck-theme.test.ts` checks it for the default and for
 * any accent).
 */
export interface PptxTheme {
  /** The font of every text, table and chart, and of the presentation theme's headings and body. */
  readonly font: string
  readonly colors: {
    readonly text: string
    readonly muted: string
    /** Slide headings, captions, the title slide's title and the key figures' values. */
    readonly heading: string
    readonly headerFill: string
    readonly headerText: string
    readonly groupHeadingFill: string
    readonly totalFill: string
    readonly ownDistrictFill: string
    readonly border: string
    readonly overGoal: string
    readonly suppressed: string
    readonly goal: string
    readonly errorFill: string
    readonly errorBorder: string
    readonly keyFigureFill: string
    /** The line under each slide heading. */
    readonly rule: string
    /** A map area without a value. */
    readonly noValue: string
    /** The thin lines between map areas. */
    readonly areaBorder: string
  }
  /** Series colours, in series order and repeated past the end: the HTML's, so both formats match. */
  readonly series: ReadonlyArray<string>
  /** The map's sequential colours, light (short, few) to dark (long, many): the HTML's ramp. */
  readonly mapRamp: ReadonlyArray<string>
}

/**
 * The map's colour steps, as renderer-html's `defaultTheme.mapRamp`: the
 * map's breaks are computed from the number of steps, as the HTML's are.
 */
export const MAP_RAMP: ReadonlyArray<string> = ["EAF1F8", "BCD3E8", "85B0D6", "4A86BD", "1F5F99"]

/** The accent of a deck without a configured one: the HTML's blue, so that every format looks alike. */
export const DEFAULT_ACCENT = "#00507a"

/**
 * The deck without a configured theme: a standard font and the default
 * accent, applied as `resolvePptxTheme` applies any accent (headings,
 * header rows and the rule in the accent; its 15 %, 10 % and 5.5 % tints on
 * white for group headings, totals and key figures). `theme.test.ts` checks
 * that the two agree.
 */
export const defaultPptxTheme: PptxTheme = {
  font: "Calibri",
  colors: {
    text: "1F1F1F",
    muted: "595959",
    heading: "00507A",
    headerFill: "00507A",
    headerText: "FFFFFF",
    groupHeadingFill: "D9E5EB",
    totalFill: "E6EEF2",
    // Light enough that red over-goal and grey suppressed text on it keep 4.5:1.
    ownDistrictFill: "D9D9D9",
    border: "A6A6A6",
    // The HTML theme's red, so a missed goal looks the same in every format.
    overGoal: "A30015",
    suppressed: "595959",
    goal: "A30015",
    errorFill: "FDECEA",
    errorBorder: "A30015",
    keyFigureFill: "F1F5F8",
    rule: "00507A",
    // The HTML map's grey for an area without a value, and its white between areas.
    noValue: "C8C8C8",
    areaBorder: "FFFFFF",
  },
  // renderer-html's `defaultTheme.series`, in its order: a chart has the same colours in every format.
  series: ["1F5F99", "C47A14", "3F8F4F", "7A4FA3", "8C5A3C", "C2457A"],
  mapRamp: MAP_RAMP,
}

/** Text sizes in points; the layout measures with them, so they are not part of the theme. */
export const SIZES = {
  title: 24,
  text: 14,
  caption: 12,
  note: 10,
  footer: 9,
  keyFigureValue: 32,
  keyFigureLabel: 12,
  chartAxis: 11,
  chartLegend: 11,
  /** The smallest table font; below it a table continues on another slide instead. */
  minTable: 9,
  maxTable: 12,
} as const

/** Words the renderer adds itself, in the report's language. */
export interface Labels {
  /** The report's language, for values the renderer formats itself (the map's legend). */
  readonly language: Language
  /** The language tag on text and charts, for spelling and number display. */
  readonly locale: string
  readonly continued: string
  readonly overGoalLegend: string
  readonly suppressedLegend: string
  readonly mapCode: string
  readonly mapArea: string
  readonly mapValue: string
  readonly mapOverGoal: string
  /** The map legend's heading: what the colour is, by unit (the slide's title says which time or share). */
  readonly mapQuantity: Readonly<Record<"count" | "share" | "duration", string>>
  readonly mapNoValue: string
  /** Under the table that stands in for a map whose geography has no boundaries. */
  readonly mapNoBoundaries: string
  /** Under the table of every area's value that follows a map with no room for some of them. */
  readonly mapAllValues: string
  readonly error: string
  readonly slide: string
}

const labels: Record<Language, Labels> = {
  sv: {
    language: "sv",
    locale: "sv-SE",
    continued: "(forts.)",
    overGoalLegend: "▲ = målet nås inte",
    suppressedLegend: "* = litet antal, redovisas inte vid publicering",
    mapCode: "Kod",
    mapArea: "Kommun",
    mapValue: "Värde",
    mapOverGoal: "Mål ej nått",
    mapQuantity: { count: "Antal", share: "Andel, %", duration: "Tid, min:s" },
    mapNoValue: "Värde saknas",
    mapNoBoundaries: "Geografin saknar kommungränser, så kartan visas som tabell.",
    mapAllValues: "Alla kommuners värden: kartan har inte plats för vart och ett.",
    error: "Kunde inte tas fram",
    slide: "Bild",
  },
  en: {
    language: "en",
    locale: "en-GB",
    continued: "(cont.)",
    overGoalLegend: "▲ = goal not met",
    suppressedLegend: "* = small count, withheld when published",
    mapCode: "Code",
    mapArea: "Municipality",
    mapValue: "Value",
    mapOverGoal: "Goal not met",
    mapQuantity: { count: "Count", share: "Share, %", duration: "Time, min:s" },
    mapNoValue: "No value",
    mapNoBoundaries: "The geography has no municipality boundaries, so the map is shown as a table.",
    mapAllValues: "Every municipality's value: the map has no room for each of them.",
    error: "Could not be produced",
    slide: "Slide",
  },
}

export const labelsFor = (language: Language): Labels => labels[language]

/** The mark put before a value that misses its goal, so it reads without colour too. */
export const OVER_GOAL_MARK = "▲ "

/** The mark put after a suppressed small count. */
export const SUPPRESSED_MARK = " *"
