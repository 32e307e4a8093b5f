import type { Language, MapBlock } from "@ambu/core"
import * as Plot from "@observablehq/plot"
import type { RendererLabels } from "../labels.js"
import type { HtmlTheme } from "../theme.js"
import { tickFormat } from "./axis.js"
import { finishDecorativeSvg, finishSvg } from "./finish-svg.js"
import { boxSwatch, type LegendItem } from "./legend.js"
import { windForD3 } from "./rewind.js"

/** A map drawn for the page: the map SVG, its colour legend SVG and the legend entries for marks. */
export interface MapView {
  readonly svg: string
  readonly scaleSvg: string
  readonly legend: ReadonlyArray<LegendItem>
}

export interface MapDrawing {
  readonly document: Document
  readonly language: Language
  readonly theme: HtmlTheme
  readonly labels: RendererLabels
  readonly idPrefix: string
}

type Area = MapBlock["areas"][number]
type Feature = MapBlock["boundaries"]["features"][number]

interface Shape {
  readonly type: "Feature"
  readonly properties: { readonly code: string }
  readonly geometry: Feature["geometry"]
  readonly area: Area | undefined
}

const WIDTH = 760

/** Over-goal areas are marked three ways: a hatch, a dark outline and a ▲ before their value. */
export const OVER_GOAL_SIGN = "▲"

/**
 * Draws a map block: municipalities filled by value on a sequential scale
 * (grey without a value), over-goal areas hatched, outlined and labelled,
 * and each area titled with its name and value for hover.
 */
export const renderMap = (block: MapBlock, drawing: MapDrawing): MapView => {
  const shapes = mapShapes(block)
  const valued = shapes.filter((shape) => shape.area !== undefined && shape.area.value !== null)
  const overGoal = shapes.filter((shape) => shape.area?.overGoal === true)
  const colour = colourScale(block, valued, drawing)
  const hatchId = `${drawing.idPrefix}-hatch`

  const svg = Plot.plot({
    document: drawing.document,
    className: `${drawing.idPrefix}-plot`,
    width: WIDTH,
    margin: 12,
    style: { fontSize: "15px", fontFamily: "inherit", color: drawing.theme.text },
    projection: { type: "mercator", domain: { type: "FeatureCollection", features: shapes } },
    color: colour,
    marks: [
      Plot.geo(shapes, { fill: drawing.theme.noValue, stroke: drawing.theme.background, strokeWidth: 1 }),
      Plot.geo(valued, { fill: (shape: Shape) => shape.area!.value, stroke: drawing.theme.background }),
      Plot.geo(overGoal, { fill: `url(#${hatchId})`, stroke: drawing.theme.text, strokeWidth: 2.5 }),
      Plot.geo(shapes, { fill: "transparent", title: (shape: Shape) => areaTitle(shape, drawing.labels) }),
      Plot.text(
        shapes.filter((shape) => shape.area !== undefined),
        Plot.geoCentroid({
          text: (shape: Shape) => areaLabel(shape.area!),
          fill: drawing.theme.text,
          stroke: drawing.theme.background,
          strokeWidth: 4,
          paintOrder: "stroke",
          fontWeight: "bold",
        }),
      ),
    ],
  }) as unknown as SVGSVGElement

  addHatchPattern(svg, hatchId, drawing.theme)

  return {
    svg: finishSvg(svg, drawing.idPrefix, { title: block.title, description: block.description }),
    scaleSvg: scaleLegend(colour, block, drawing),
    legend: [
      ...(overGoal.length > 0
        ? [
            {
              name: `${OVER_GOAL_SIGN} ${block.goal?.label ?? drawing.labels.overGoal}`,
              swatchSvg: hatchSwatch(drawing),
            },
          ]
        : []),
      ...(valued.length < shapes.length
        ? [{ name: drawing.labels.noValue, swatchSvg: boxSwatch(drawing.theme.noValue) }]
        : []),
    ],
  }
}

// Every boundary is drawn, with its area when the model has one; areas without a boundary cannot be placed.
const mapShapes = (block: MapBlock): Shape[] => {
  const areas = new Map(block.areas.map((area) => [area.code, area]))
  return block.boundaries.features.map((feature) => ({
    type: "Feature",
    properties: { code: feature.properties.code },
    geometry: windForD3(feature.geometry),
    area: areas.get(feature.properties.code),
  }))
}

const colourScale = (
  block: MapBlock,
  valued: ReadonlyArray<Shape>,
  drawing: MapDrawing,
): Plot.ScaleOptions => {
  const values = valued.map((shape) => shape.area!.value!)
  const low = Math.min(...values, Number.POSITIVE_INFINITY)
  const high = Math.max(...values, Number.NEGATIVE_INFINITY)
  const domain = !Number.isFinite(low) ? [0, 1] : low === high ? [low - 1, high + 1] : [low, high]

  return {
    type: "quantize",
    domain,
    range: [...drawing.theme.mapRamp],
    n: drawing.theme.mapRamp.length,
    label: block.title,
    tickFormat: tickFormat(block.unit, drawing.language),
  }
}

const areaLabel = (area: Area): string => (area.overGoal ? `${OVER_GOAL_SIGN} ${area.text}` : area.text)

const areaTitle = (shape: Shape, labels: RendererLabels): string => {
  const area = shape.area
  if (area === undefined) return `${shape.properties.code}: ${labels.noValue}`
  return area.overGoal ? `${area.name}: ${area.text} (${labels.overGoal})` : `${area.name}: ${area.text}`
}

const SVG_NS = "http://www.w3.org/2000/svg"

const addHatchPattern = (svg: SVGSVGElement, id: string, theme: HtmlTheme): void => {
  const document = svg.ownerDocument
  const defs = document.createElementNS(SVG_NS, "defs")
  const pattern = document.createElementNS(SVG_NS, "pattern")

  for (const [name, value] of Object.entries({
    id,
    patternUnits: "userSpaceOnUse",
    width: "8",
    height: "8",
    patternTransform: "rotate(45)",
  }))
    pattern.setAttribute(name, value)
  // A dark and a light stripe: one of them shows on any fill, light or dark.
  for (const [x, colour] of [
    ["1", theme.text],
    ["5", theme.background],
  ] as const) {
    const line = document.createElementNS(SVG_NS, "line")
    for (const [name, value] of Object.entries({ x1: x, y1: "0", x2: x, y2: "8", stroke: colour }))
      line.setAttribute(name, value)
    line.setAttribute("stroke-width", "2")
    pattern.appendChild(line)
  }

  defs.appendChild(pattern)
  svg.insertBefore(defs, svg.firstChild)
}

const hatchSwatch = (drawing: MapDrawing): string =>
  `<svg class="legend-swatch" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 16" width="24" height="16" aria-hidden="true"><defs><pattern id="${drawing.idPrefix}-legend-hatch" patternUnits="userSpaceOnUse" width="6" height="6" patternTransform="rotate(45)"><line x1="0" y1="0" x2="0" y2="6" stroke="${drawing.theme.text}" stroke-width="2"/></pattern></defs><rect x="4" y="2" width="16" height="12" fill="url(#${drawing.idPrefix}-legend-hatch)" stroke="${drawing.theme.text}" stroke-width="2"/></svg>`

const scaleLegend = (colour: Plot.ScaleOptions, block: MapBlock, drawing: MapDrawing): string => {
  // Plot reads `document` from a legend's options too, though its types leave it out.
  const options = {
    document: drawing.document,
    className: `${drawing.idPrefix}-scale`,
    color: { ...colour, label: block.title },
    width: 360,
    style: { fontSize: "13px", fontFamily: "inherit", color: drawing.theme.text },
  }
  const legend = Plot.legend(options) as unknown as SVGSVGElement
  return finishDecorativeSvg(legend, `${drawing.idPrefix}-scale`)
}
