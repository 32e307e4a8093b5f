/**
 * Colours and font of the HTML slides. Text colours are chosen to keep a
 * contrast of at least 4.5:1 against every background they appear on
 * (`theme.test.ts` checks it); the series colours are for marks, not text.
 */
export interface HtmlTheme {
  readonly fontFamily: string
  readonly text: string
  readonly mutedText: string
  readonly background: string
  /** The title slide's background, the rules under headings, the key figures' bar. */
  readonly accent: string
  /** Slide headings, group headings in tables, the notes' summary: text on the page background. */
  readonly headingText: string
  readonly headerBackground: string
  readonly headerText: string
  /** Cells where the municipality's own district did the work: grey as in the original deck. */
  readonly ownDistrictBackground: string
  readonly totalBackground: string
  readonly overGoalText: string
  readonly overGoalBackground: string
  readonly errorBackground: string
  readonly goal: string
  /** Area fill for municipalities without a value. */
  readonly noValue: string
  /** Series colours, in series order; repeated when a chart has more series. */
  readonly series: ReadonlyArray<string>
  /** Sequential colours of the map, light (low) to dark (high). */
  readonly mapRamp: ReadonlyArray<string>
}

export const defaultTheme: HtmlTheme = {
  fontFamily: '"DejaVu Sans", "Segoe UI", Arial, Helvetica, sans-serif',
  text: "#1b1b1b",
  mutedText: "#545454",
  background: "#ffffff",
  accent: "#00507a",
  headingText: "#00507a",
  headerBackground: "#00507a",
  headerText: "#ffffff",
  ownDistrictBackground: "#d4d4d4",
  totalBackground: "#e8eef3",
  overGoalText: "#a30015",
  overGoalBackground: "#fbe5e7",
  errorBackground: "#fff3cd",
  goal: "#a30015",
  noValue: "#c8c8c8",
  // Each at least 3:1 against the white page (WCAG 1.4.11 for graphics).
  series: ["#1f5f99", "#c47a14", "#3f8f4f", "#7a4fa3", "#8c5a3c", "#c2457a"],
  mapRamp: ["#eaf1f8", "#bcd3e8", "#85b0d6", "#4a86bd", "#1f5f99"],
}

/** The smallest contrast text may have against its background (WCAG 2 AA for normal text). */
export const MIN_TEXT_CONTRAST = 4.5

const HEX_COLOUR = /^#[0-9a-fA-F]{6}$/
// Letters of any script, since a font may be named in Swedish; nothing that ends a CSS value.
const FONT_FAMILY = /^[\p{L}\p{N}\s,"'._-]+$/u

/**
 * The default theme with the given overrides, checked: the values land in
 * CSS and SVG attributes, so anything but `#rrggbb` colours and plain font
 * names is refused rather than escaped.
 */
export const resolveTheme = (overrides: Partial<HtmlTheme> = {}): HtmlTheme => {
  // Headings followed the accent before they had their own colour; a caller setting only the accent keeps that.
  const headingText = overrides.headingText ?? overrides.accent ?? defaultTheme.headingText
  const theme: HtmlTheme = { ...defaultTheme, ...overrides, headingText }

  for (const [key, value] of Object.entries(theme)) {
    if (!(key in defaultTheme)) {
      throw new RangeError(
        `theme.${key} is not a theme setting; known: ${Object.keys(defaultTheme).join(", ")}`,
      )
    } else if (key === "fontFamily") {
      if (!FONT_FAMILY.test(value as string))
        throw new RangeError(`theme.fontFamily is not a plain font list: ${value}`)
    } else if (Array.isArray(value)) {
      if (value.length === 0 || !value.every((colour) => HEX_COLOUR.test(colour)))
        throw new RangeError(`theme.${key} must be a non-empty list of #rrggbb colours`)
    } else if (!HEX_COLOUR.test(value as string)) {
      throw new RangeError(`theme.${key} must be a #rrggbb colour, not ${String(value)}`)
    }
  }

  return theme
}

/** WCAG 2 contrast ratio of two `#rrggbb` colours, from 1 to 21. */
export const contrastRatio = (foreground: string, background: string): number => {
  const lighter = Math.max(relativeLuminance(foreground), relativeLuminance(background))
  const darker = Math.min(relativeLuminance(foreground), relativeLuminance(background))
  return (lighter + 0.05) / (darker + 0.05)
}

const relativeLuminance = (hex: string): number => {
  const channel = (offset: number): number => {
    const srgb = Number.parseInt(hex.slice(offset, offset + 2), 16) / 255
    return srgb <= 0.04045 ? srgb / 12.92 : ((srgb + 0.055) / 1.055) ** 2.4
  }
  return 0.2126 * channel(1) + 0.7152 * channel(3) + 0.0722 * channel(5)
}
