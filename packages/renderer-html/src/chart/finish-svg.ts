const SVG_NS = "http://www.w3.org/2000/svg"

/** Geometry attributes whose numbers are rounded, so tiny floating-point differences never reach the output. */
const GEOMETRY_ATTRIBUTES = [
  "d",
  "transform",
  "x",
  "y",
  "x1",
  "x2",
  "y1",
  "y2",
  "cx",
  "cy",
  "r",
  "width",
  "height",
  "points",
  "viewBox",
]

const LONG_DECIMAL = /-?\d+\.\d{3,}(?:e-?\d+)?/g

export interface SvgAccessibility {
  /** The accessible name, the chart's title. */
  readonly title: string
  /** One sentence saying what the chart shows. */
  readonly description: string
}

/**
 * Turns an SVG that Plot drew into stable, accessible markup: named and
 * described for screen readers, with `xmlns` so it also stands alone, rounded
 * coordinates, and Plot's process-wide id counters (`plot-clip-7`) replaced by
 * ids under `idPrefix`, so the same chart gives the same bytes in any run.
 */
export const finishSvg = (svg: SVGSVGElement, idPrefix: string, accessibility: SvgAccessibility): string => {
  const document = svg.ownerDocument

  svg.setAttribute("xmlns", SVG_NS)
  svg.setAttribute("role", "img")
  svg.setAttribute("aria-label", accessibility.title)
  svg.setAttribute("aria-describedby", `${idPrefix}-desc`)

  const desc = document.createElementNS(SVG_NS, "desc")
  desc.setAttribute("id", `${idPrefix}-desc`)
  desc.textContent = accessibility.description
  svg.insertBefore(desc, svg.firstChild)

  roundGeometry(svg)
  renumberPlotIds(svg, idPrefix)

  return serialise(svg)
}

/** A legend or other decorative SVG: stable and hidden from screen readers (its content is repeated in text). */
export const finishDecorativeSvg = (svg: SVGSVGElement, idPrefix: string): string => {
  svg.setAttribute("xmlns", SVG_NS)
  svg.setAttribute("aria-hidden", "true")
  roundGeometry(svg)
  renumberPlotIds(svg, idPrefix)
  return serialise(svg)
}

// The HTML serialiser writes `&nbsp;`, which XML does not know; the numeric form works in both.
const serialise = (svg: SVGSVGElement): string => svg.outerHTML.replaceAll("&nbsp;", "&#160;")

const roundGeometry = (root: Element): void => {
  const elements = [root, ...Array.from(root.querySelectorAll("*"))]

  for (const element of elements) {
    for (const name of GEOMETRY_ATTRIBUTES) {
      const value = element.getAttribute(name)
      if (value !== null && LONG_DECIMAL.test(value)) {
        element.setAttribute(name, value.replace(LONG_DECIMAL, roundNumber))
      }
      LONG_DECIMAL.lastIndex = 0
    }
  }
}

const roundNumber = (text: string): string => {
  const rounded = Math.round(Number(text) * 100) / 100
  return String(Object.is(rounded, -0) ? 0 : rounded)
}

// Plot numbers clip paths, markers and patterns with counters that live as long as the process.
const PLOT_ID = /plot-(clip|marker|pattern)-\d+/g

// Only where ids are defined or referenced: text from the data is never rewritten.
const ID_ATTRIBUTES = [
  "id",
  "clip-path",
  "marker-start",
  "marker-mid",
  "marker-end",
  "fill",
  "stroke",
  "href",
  "mask",
]

const renumberPlotIds = (root: Element, idPrefix: string): void => {
  const renamed = new Map<string, string>()
  const stableId = (id: string, kind: string): string => {
    let stable = renamed.get(id)
    if (stable === undefined) {
      stable = `${idPrefix}-${kind}-${renamed.size + 1}`
      renamed.set(id, stable)
    }
    return stable
  }

  for (const element of [root, ...Array.from(root.querySelectorAll("*"))]) {
    for (const name of ID_ATTRIBUTES) {
      const value = element.getAttribute(name)
      if (value?.includes("plot-")) element.setAttribute(name, value.replace(PLOT_ID, stableId))
    }
  }
}
