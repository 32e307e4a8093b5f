import { defaultPptxTheme, type PptxTheme } from "./theme.js"

/** The deck configuration's `theme` (`ambu.config.*`): one accent colour and one font family. */
export interface DeckTheme {
  readonly accent?: string | undefined
  readonly font?: string | undefined
}

/** The smallest contrast text may have against its fill (WCAG 2 AA for normal text). */
export const MIN_TEXT_CONTRAST = 4.5

const HEX_COLOUR = /^#[0-9a-fA-F]{6}$/
// One family name: it lands in XML attributes and in the presentation theme as it is.
const FONT_NAME = /^[\p{L}\p{N}][\p{L}\p{N} ._-]*$/u

const WHITE = "FFFFFF"
const BLACK = "000000"

/**
 * How much of the accent the light fills hold, close to the default
 * theme's tints of its blue. The group headings' tint stays light enough
 * for the red of a value over its goal (C00000 needs a fill of luminance
 * 0.68 or more, a 15 % tint of black has 0.69).
 */
const TINTS = { groupHeadingFill: 0.15, totalFill: 0.1, keyFigureFill: 0.055 } as const

/**
 * The deck's theme with the configuration's accent and font applied: the
 * font everywhere, the accent for headings, header rows, the heading rule
 * and (as light tints) group-heading, total and key-figure fills. Text
 * keeps 4.5:1: on a light accent the header text turns dark, and headings
 * too pale on white or on the key figures' tint take the body text colour.
 * Without a configured theme it is `defaultPptxTheme` itself. Throws a
 * RangeError naming the setting when a value is not a colour or a plain
 * font name.
 *
 * @example
 * resolvePptxTheme({ accent: "#ffd200" }).colors.headerText // "1F1F1F": white on yellow is 1.4:1
 */
export const resolvePptxTheme = (deck: DeckTheme = {}): PptxTheme => {
  const font = deck.font === undefined ? defaultPptxTheme.font : fontNameOf(deck.font)
  const colors = deck.accent === undefined ? defaultPptxTheme.colors : accentColours(deck.accent)
  return deck.font === undefined && deck.accent === undefined
    ? defaultPptxTheme
    : { ...defaultPptxTheme, font, colors }
}

const fontNameOf = (font: string): string => {
  const name = font.trim()
  if (!FONT_NAME.test(name)) {
    throw new RangeError(
      `theme.font must be one font family name of letters, digits, spaces, "." "-" "_", e.g. "Source Sans 3"; got ${JSON.stringify(font)}`,
    )
  }
  return name
}

const accentColours = (accent: string): PptxTheme["colors"] => {
  if (!HEX_COLOUR.test(accent)) {
    throw new RangeError(
      `theme.accent must be a colour written #rrggbb, e.g. #00507a; got ${JSON.stringify(accent)}`,
    )
  }
  const colour = accent.slice(1).toUpperCase()
  const base = defaultPptxTheme.colors
  const keyFigureFill = mix(colour, WHITE, TINTS.keyFigureFill)

  return {
    ...base,
    heading: firstReadable([colour, base.text], [WHITE, keyFigureFill]),
    headerFill: colour,
    headerText: firstReadable([WHITE, base.text, BLACK], [colour]),
    rule: colour,
    groupHeadingFill: mix(colour, WHITE, TINTS.groupHeadingFill),
    totalFill: mix(colour, WHITE, TINTS.totalFill),
    keyFigureFill,
  }
}

/**
 * The first candidate readable on every background. Each list ends in a
 * colour that passes: the body text on white or a light tint, or black on
 * a fill too light for white text (luminance above 0.183 gives black at
 * least 4.67:1).
 */
const firstReadable = (candidates: ReadonlyArray<string>, backgrounds: ReadonlyArray<string>): string =>
  candidates.find((candidate) =>
    backgrounds.every((background) => contrastRatio(candidate, background) >= MIN_TEXT_CONTRAST),
  ) ?? candidates[candidates.length - 1]!

/** `share` of `colour` over `base`, channel by channel in sRGB; `RRGGBB` in and out. */
const mix = (colour: string, base: string, share: number): string => {
  const mixed = [0, 2, 4].map((offset) =>
    Math.round(share * channel(colour, offset) + (1 - share) * channel(base, offset)),
  )
  return mixed.map((value) => value.toString(16).padStart(2, "0").toUpperCase()).join("")
}

const channel = (hex: string, offset: number): number => Number.parseInt(hex.slice(offset, offset + 2), 16)

/** WCAG 2 contrast ratio of two `RRGGBB` colours, from 1 to 21. */
export const contrastRatio = (foreground: string, background: string): number => {
  const lighter = Math.max(relativeLuminance(foreground), relativeLuminance(background))
  const darker = Math.min(relativeLuminance(foreground), relativeLuminance(background))
  return (lighter + 0.05) / (darker + 0.05)
}

const relativeLuminance = (hex: string): number => {
  const linear = (offset: number): number => {
    const srgb = channel(hex, offset) / 255
    return srgb <= 0.04045 ? srgb / 12.92 : ((srgb + 0.055) / 1.055) ** 2.4
  }
  return 0.2126 * linear(0) + 0.7152 * linear(2) + 0.0722 * linear(4)
}
