import type { Language } from "@ambu/core"

/**
 * The deck's one theme: a standard font, a dark blue for headings and
 * header rows, greys for the marks the original deck used. Colours are
 * `RRGGBB` as pptxgenjs wants them. Every text colour is chosen to keep a
 * contrast of at least 4.5:1 on its fill.
 */
export const theme = {
  font: "Calibri",
  colors: {
    text: "1F1F1F",
    muted: "595959",
    heading: "1F3864",
    headerFill: "1F3864",
    headerText: "FFFFFF",
    groupHeadingFill: "D6DCE5",
    totalFill: "E7EBF2",
    ownDistrictFill: "BFBFBF",
    border: "A6A6A6",
    overGoal: "C00000",
    suppressed: "595959",
    goal: "C00000",
    errorFill: "FDECEA",
    errorBorder: "C00000",
    keyFigureFill: "F2F4F8",
    rule: "1F3864",
  },
  /** Series colours, dark enough to read as lines and distinct as bars. */
  series: ["1F77B4", "FF7F0E", "2CA02C", "9467BD", "8C564B", "E377C2", "17BECF", "7F7F7F"],
  sizes: {
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
  },
} as const

/** Words the renderer adds itself, in the report's language. */
export interface Labels {
  /** The language tag on text and charts, for spelling and number display. */
  readonly locale: string
  readonly continued: string
  readonly overGoalLegend: string
  readonly suppressedLegend: string
  readonly minutes: string
  readonly mapCode: string
  readonly mapArea: string
  readonly mapValue: string
  readonly mapOverGoal: string
  readonly mapNote: string
  readonly error: string
  readonly slide: string
}

const labels: Record<Language, Labels> = {
  sv: {
    locale: "sv-SE",
    continued: "(forts.)",
    overGoalLegend: "▲ = målet nås inte",
    suppressedLegend: "* = litet antal, redovisas inte vid publicering",
    minutes: "min",
    mapCode: "Kod",
    mapArea: "Kommun",
    mapValue: "Värde",
    mapOverGoal: "Mål ej nått",
    mapNote: "Kartan visas som tabell i PowerPoint-versionen.",
    error: "Kunde inte tas fram",
    slide: "Bild",
  },
  en: {
    locale: "en-GB",
    continued: "(cont.)",
    overGoalLegend: "▲ = goal not met",
    suppressedLegend: "* = small count, withheld when published",
    minutes: "min",
    mapCode: "Code",
    mapArea: "Municipality",
    mapValue: "Value",
    mapOverGoal: "Goal not met",
    mapNote: "The map is shown as a table in the PowerPoint version.",
    error: "Could not be produced",
    slide: "Slide",
  },
}

export const labelsFor = (language: Language): Labels => labels[language]

/** The mark put before a value that misses its goal, so it reads without colour too. */
export const OVER_GOAL_MARK = "▲ "

/** The mark put after a suppressed small count. */
export const SUPPRESSED_MARK = " *"
