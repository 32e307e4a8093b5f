import { contrastRatio, defaultTheme, type HtmlTheme, MIN_TEXT_CONTRAST } from "./theme.js"

/** The deck configuration's `theme` (`ambu.config.*`): one accent colour and one font family. */
export interface DeckTheme {
  readonly accent?: string | undefined
  readonly font?: string | undefined
}

const HEX_COLOUR = /^#[0-9a-fA-F]{6}$/
// One family name; the renderer adds the fallbacks, so a list or quotes would only break them.
const FONT_NAME = /^[\p{L}\p{N}][\p{L}\p{N} ._-]*$/u

const WHITE = "#ffffff"
const BLACK = "#000000"

/** How much of the accent the total rows' and key figures' light background holds (#00507a gives about the default). */
const TINT_SHARE = 0.09

/**
 * The HTML theme settings that follow from the deck configuration's theme:
 * the font leads the default font list, and the accent fills the title
 * slide and table headers, draws the rules, tints the total rows, and
 * colours the headings. Text keeps a contrast of at least 4.5:1: on a
 * light accent the header text turns dark, and headings that would be too
 * pale on the white page take the body text colour instead. Throws a
 * RangeError naming the setting when a value is not a colour or a plain
 * font name.
 *
 * @example
 * themeFromDeck({ accent: "#ffd200" }).headerText // "#1b1b1b": white on yellow is 1.4:1
 */
export const themeFromDeck = (deck: DeckTheme): Partial<HtmlTheme> => ({
  ...(deck.font === undefined ? {} : { fontFamily: fontFamilyOf(deck.font) }),
  ...(deck.accent === undefined ? {} : accentColours(deck.accent)),
})

const fontFamilyOf = (font: string): string => {
  const name = font.trim()
  if (!FONT_NAME.test(name)) {
    throw new RangeError(
      `theme.font must be one font family name of letters, digits, spaces, "." "-" "_", e.g. "Source Sans 3"; got ${JSON.stringify(font)}`,
    )
  }
  return `"${name}", ${defaultTheme.fontFamily}`
}

const accentColours = (accent: string): Partial<HtmlTheme> => {
  if (!HEX_COLOUR.test(accent)) {
    throw new RangeError(
      `theme.accent must be a colour written #rrggbb, e.g. #00507a; got ${JSON.stringify(accent)}`,
    )
  }
  const colour = accent.toLowerCase()

  return {
    accent: colour,
    headerBackground: colour,
    headerText: firstReadable([WHITE, defaultTheme.text, BLACK], colour),
    headingText: firstReadable([colour, defaultTheme.text], defaultTheme.background),
    totalBackground: mix(colour, WHITE, TINT_SHARE),
  }
}

/**
 * The first candidate readable on the background. The last candidate of
 * every list is black or the body text, which passes: a background too
 * light for white text (luminance above 0.183) gives black at least 4.67:1.
 */
const firstReadable = (candidates: ReadonlyArray<string>, background: string): string =>
  candidates.find((candidate) => contrastRatio(candidate, background) >= MIN_TEXT_CONTRAST) ??
  candidates[candidates.length - 1]!

/** `share` of `colour` over `base`, channel by channel in sRGB. */
const mix = (colour: string, base: string, share: number): string => {
  const channel = (hex: string, offset: number): number => Number.parseInt(hex.slice(offset, offset + 2), 16)
  const mixed = [1, 3, 5].map((offset) =>
    Math.round(share * channel(colour, offset) + (1 - share) * channel(base, offset)),
  )
  return `#${mixed.map((value) => value.toString(16).padStart(2, "0")).join("")}`
}
