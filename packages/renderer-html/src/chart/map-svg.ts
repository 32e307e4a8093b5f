import type { Language, MapBlock } from "@ambu/core"
import * as Plot from "@observablehq/plot"
import type { RendererLabels } from "../labels.js"
import { textWidth } from "../layout/text-metrics.js"
import type { HtmlTheme } from "../theme.js"
import { tickFormat } from "./axis.js"
import { finishDecorativeSvg, finishSvg } from "./finish-svg.js"
import { boxSwatch, type LegendItem } from "./legend.js"
import { type LabelCandidate, type LabelLayout, placeLabels } from "./map-labels.js"
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
  /** The box the map is drawn for, in reference pixels; the map keeps its shape and is centred in it. */
  readonly size?: MapSize
}

export interface MapSize {
  readonly width: number
  readonly height: number
}

/** A map on its own, as the tests draw it. */
export const DEFAULT_MAP_SIZE: MapSize = { width: 760, height: 640 }

type Area = MapBlock["areas"][number]
type Feature = MapBlock["boundaries"]["features"][number]

interface Shape {
  readonly type: "Feature"
  readonly properties: { readonly code: string }
  readonly geometry: Feature["geometry"]
  readonly area: Area | undefined
}

const MARGIN = 12
const LABEL_FONT = 15
/** The white halo around each label (its stroke) widens it by this. */
const HALO = 4
/** Beside the map, room for the callouts of areas too small for their label; at most this share of the width per side. */
const MAX_CALLOUT_SHARE = 0.22

/** Over-goal areas are marked three ways: a hatch, a dark outline and a ▲ before their value. */
export const OVER_GOAL_SIGN = "▲"

/**
 * Draws a map block: municipalities filled by value on a sequential scale
 * (grey without a value), over-goal areas hatched, outlined and labelled,
 * and each area titled with its name and value for hover. Each value sits
 * in its area where there is room for it; the others stand beside the map
 * with the area's name and a leader line to it, so no two labels overlap.
 */
export const renderMap = (block: MapBlock, drawing: MapDrawing): MapView => {
  const shapes = mapShapes(block)
  const valued = shapes.filter((shape) => shape.area !== undefined && shape.area.value !== null)
  const overGoal = shapes.filter((shape) => shape.area?.overGoal === true)
  const labelled = shapes.filter((shape) => shape.area !== undefined)
  const colour = colourScale(block, valued, drawing)
  const hatchId = `${drawing.idPrefix}-hatch`
  const size = drawing.size ?? DEFAULT_MAP_SIZE
  const side = Math.max(
    MARGIN,
    Math.min(
      size.width * MAX_CALLOUT_SHARE,
      Math.max(0, ...labelled.map((shape) => calloutWidth(shape.area!))) + MARGIN + 18,
    ),
  )

  const svg = Plot.plot({
    document: drawing.document,
    className: `${drawing.idPrefix}-plot`,
    width: size.width,
    height: size.height,
    marginTop: MARGIN,
    marginBottom: MARGIN,
    marginLeft: side,
    marginRight: side,
    style: { fontSize: `${LABEL_FONT}px`, fontFamily: "inherit", color: drawing.theme.text },
    projection: { type: "mercator", domain: { type: "FeatureCollection", features: shapes } },
    color: colour,
    marks: [
      Plot.geo(shapes, { fill: drawing.theme.noValue, stroke: drawing.theme.background, strokeWidth: 1 }),
      Plot.geo(valued, { fill: (shape: Shape) => shape.area!.value, stroke: drawing.theme.background }),
      Plot.geo(overGoal, { fill: `url(#${hatchId})`, stroke: drawing.theme.text, strokeWidth: 2.5 }),
      Plot.geo(shapes, { fill: "transparent", title: (shape: Shape) => areaTitle(shape, drawing.labels) }),
      valueLabels(shapes, labelled, drawing.theme),
    ],
  }) as unknown as SVGSVGElement

  addHatchPattern(svg, hatchId, drawing.theme)

  return {
    svg: finishSvg(svg, drawing.idPrefix, { title: block.title, description: block.description }),
    scaleSvg: scaleLegend(colour, drawing),
    legend: [
      ...(overGoal.length > 0
        ? [{ name: `${OVER_GOAL_SIGN} ${drawing.labels.overGoalKey}`, swatchSvg: hatchSwatch(drawing) }]
        : []),
      ...(valued.length < shapes.length
        ? [{ name: drawing.labels.noValue, swatchSvg: boxSwatch(drawing.theme.noValue) }]
        : []),
    ],
  }
}

/** The part of d3's geoPath, bound to the map's projection, that placing the labels needs. */
interface ProjectedPath {
  area(object: Shape): number
  centroid(object: Shape): [number, number]
  bounds(object: {
    type: "FeatureCollection"
    features: ReadonlyArray<Shape>
  }): [[number, number], [number, number]]
}

/**
 * A mark that lays the value labels out once the projection is known
 * (`map-labels.ts`): in-area labels, and callouts with leader lines.
 */
const valueLabels =
  (shapes: ReadonlyArray<Shape>, labelled: ReadonlyArray<Shape>, theme: HtmlTheme): Plot.RenderFunction =>
  (_index, _scales, _values, dimensions, context) => {
    const path = context.path() as ProjectedPath
    const [[mapLeft, mapTop], [mapRight, mapBottom]] = path.bounds({
      type: "FeatureCollection",
      features: shapes,
    })
    const byCode = new Map(labelled.map((shape) => [shape.properties.code, shape]))
    const candidates: LabelCandidate[] = labelled.flatMap((shape) => {
      const [x, y] = path.centroid(shape)
      if (!Number.isFinite(x) || !Number.isFinite(y)) return []
      return [
        {
          key: shape.properties.code,
          anchor: { x, y },
          size: path.area(shape),
          first: shape.area!.overGoal,
          width: textWidth(areaLabel(shape.area!), LABEL_FONT, true) + HALO,
          calloutWidth: calloutWidth(shape.area!),
        },
      ]
    })
    const layout = placeLabels(candidates, {
      map: { left: mapLeft, top: mapTop, right: mapRight, bottom: mapBottom },
      frame: {
        left: dimensions.marginLeft,
        top: dimensions.marginTop,
        right: dimensions.width - dimensions.marginRight,
        bottom: dimensions.height - dimensions.marginBottom,
      },
      lineHeight: LABEL_FONT * 1.2,
    })
    return labelsSvg(context.document, layout, byCode, theme)
  }

const SVG_NS = "http://www.w3.org/2000/svg"

// Coordinates with one decimal: enough for a pixel, and the same text on every machine.
const coordinate = (value: number): string => String(Math.round(value * 10) / 10)

const svgElement = (document: Document, name: string, attributes: Readonly<Record<string, string>>) => {
  const element = document.createElementNS(SVG_NS, name)
  for (const [key, value] of Object.entries(attributes)) element.setAttribute(key, value)
  return element
}

const labelsSvg = (
  document: Document,
  layout: LabelLayout,
  byCode: ReadonlyMap<string, Shape>,
  theme: HtmlTheme,
): SVGElement => {
  const halo = { stroke: theme.background, "stroke-width": String(HALO), "paint-order": "stroke" }
  const root = svgElement(document, "g", { "aria-hidden": "true" })

  // Lines first, so the labels' halos cover them where they cross.
  const lines = svgElement(document, "g", {
    "aria-label": "leader line",
    stroke: theme.text,
    "stroke-width": "1.25",
    fill: theme.text,
  })
  for (const callout of layout.callouts) {
    const { anchor, lineEnd } = callout
    lines.appendChild(
      svgElement(document, "path", {
        d: `M${coordinate(anchor.x)},${coordinate(anchor.y)}L${coordinate(lineEnd.x)},${coordinate(lineEnd.y)}`,
      }),
    )
    lines.appendChild(
      svgElement(document, "circle", { cx: coordinate(anchor.x), cy: coordinate(anchor.y), r: "2.5" }),
    )
  }

  const inside = svgElement(document, "g", {
    "aria-label": "text",
    fill: theme.text,
    "font-weight": "bold",
    "text-anchor": "middle",
    ...halo,
  })
  for (const label of layout.inside) {
    const text = svgElement(document, "text", {
      x: coordinate(label.at.x),
      y: coordinate(label.at.y),
      dy: "0.32em",
    })
    text.textContent = areaLabel(byCode.get(label.key)!.area!)
    inside.appendChild(text)
  }

  const callouts = svgElement(document, "g", { "aria-label": "callout", fill: theme.text, ...halo })
  for (const callout of layout.callouts) {
    const area = byCode.get(callout.key)!.area!
    const text = svgElement(document, "text", {
      x: coordinate(callout.at.x),
      y: coordinate(callout.at.y),
      dy: "0.32em",
      "text-anchor": callout.side === "left" ? "end" : "start",
    })
    const name = svgElement(document, "tspan", {})
    name.textContent = `${area.name} `
    const value = svgElement(document, "tspan", { "font-weight": "bold" })
    value.textContent = areaLabel(area)
    text.append(name, value)
    callouts.appendChild(text)
  }

  root.append(lines, inside, callouts)
  return root as unknown as SVGElement
}

/** A callout's width: the area's name, then its value in bold, with the halo. */
const calloutWidth = (area: Area): number =>
  textWidth(`${area.name} `, LABEL_FONT) + textWidth(areaLabel(area), LABEL_FONT, true) + HALO

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
    label: scaleCaption(block, drawing.labels),
    tickFormat: tickFormat(block.unit, drawing.language),
  }
}

/**
 * What the colour shows, for the scale's caption: the quantity and its unit,
 * and the goal. (The map's title is the slide's; it is said once, above.)
 */
export const scaleCaption = (block: MapBlock, labels: RendererLabels): string => {
  const quantity = labels.mapQuantity[block.unit]
  return block.goal === undefined ? quantity : `${quantity} · ${block.goal.label}`
}

const areaLabel = (area: Area): string => (area.overGoal ? `${OVER_GOAL_SIGN} ${area.text}` : area.text)

const areaTitle = (shape: Shape, labels: RendererLabels): string => {
  const area = shape.area
  if (area === undefined) return `${shape.properties.code}: ${labels.noValue}`
  return area.overGoal ? `${area.name}: ${area.text} (${labels.overGoal})` : `${area.name}: ${area.text}`
}

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

const scaleLegend = (colour: Plot.ScaleOptions, drawing: MapDrawing): string => {
  // Plot reads `document` from a legend's options too, though its types leave it out.
  const options = {
    document: drawing.document,
    className: `${drawing.idPrefix}-scale`,
    color: colour,
    width: 360,
    style: { fontSize: "13px", fontFamily: "inherit", color: drawing.theme.text },
  }
  const legend = Plot.legend(options) as unknown as SVGSVGElement
  return finishDecorativeSvg(legend, `${drawing.idPrefix}-scale`)
}
