/** One entry of a chart's legend, drawn as HTML next to the chart so its text wraps and scales like the page. */
export interface LegendItem {
  readonly name: string
  /** A small SVG swatch this package drew; safe to insert unescaped. */
  readonly swatchSvg: string
}

export type SeriesSymbol = "circle" | "square" | "triangle" | "diamond"

/** Line series differ by symbol as well as colour, so they can be told apart without colour. */
export const SERIES_SYMBOLS: ReadonlyArray<SeriesSymbol> = ["circle", "square", "triangle", "diamond"]

const SYMBOL_SHAPES: Readonly<Record<SeriesSymbol, string>> = {
  circle: '<circle cx="12" cy="8" r="4.5"/>',
  square: '<rect x="8" y="4" width="8" height="8"/>',
  triangle: '<path d="M12,3L17,12L7,12Z"/>',
  diamond: '<path d="M12,2.5L17.5,8L12,13.5L6.5,8Z"/>',
}

const swatchFrame = (body: string): string =>
  `<svg class="legend-swatch" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 16" width="24" height="16" aria-hidden="true">${body}</svg>`

/** A filled square, for bars and map classes. `colour` is a checked `#rrggbb` or a `url(#…)` this package defined. */
export const boxSwatch = (colour: string, outline?: string): string =>
  swatchFrame(
    `<rect x="4" y="2" width="16" height="12" fill="${colour}"${outline === undefined ? "" : ` stroke="${outline}" stroke-width="2"`}/>`,
  )

/** A line with the series' symbol on it. */
export const lineSwatch = (colour: string, symbol: SeriesSymbol): string =>
  swatchFrame(
    `<line x1="0" y1="8" x2="24" y2="8" stroke="${colour}" stroke-width="2.5"/><g fill="${colour}">${SYMBOL_SHAPES[symbol]}</g>`,
  )

/** The dashed goal rule. */
export const goalSwatch = (colour: string): string =>
  swatchFrame(
    `<line x1="0" y1="8" x2="24" y2="8" stroke="${colour}" stroke-width="2.5" stroke-dasharray="6,3"/>`,
  )
