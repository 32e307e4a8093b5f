import type { MapBlock, Slide } from "@ambu/core"
import type { Box } from "../../src/layout/geometry.js"
import type { MapLayout } from "../../src/layout/map-layout.js"

type Feature = MapBlock["boundaries"]["features"][number]
type Area = MapBlock["areas"][number]

/** A closed ring of longitude/latitude positions, as GeoJSON writes it (the first repeated last). */
export const squareRing = (lon: number, lat: number, size: number): number[][] => [
  [lon, lat],
  [lon + size, lat],
  [lon + size, lat + size],
  [lon, lat + size],
  [lon, lat],
]

export const polygonFeature = (code: string, rings: number[][][]): Feature => ({
  type: "Feature",
  properties: { code },
  geometry: { type: "Polygon", coordinates: rings },
})

export const squareFeature = (code: string, lon: number, lat: number, size: number): Feature =>
  polygonFeature(code, [squareRing(lon, lat, size)])

/** An area with a duration as `m:ss`, over the goal of 18:00 from 1 080 s. */
export const durationArea = (code: string, name: string, seconds: number | null): Area => ({
  code,
  name,
  value: seconds,
  text: seconds === null ? "–" : `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, "0")}`,
  overGoal: seconds !== null && seconds >= 1080,
})

export const mapBlock = (areas: ReadonlyArray<Area>, features: ReadonlyArray<Feature>): MapBlock => ({
  kind: "map",
  id: "test-map",
  title: "Mediantid per kommun",
  description: "Kommunerna färgade efter mediantid.",
  unit: "duration",
  areas: [...areas],
  goal: { value: 1080, label: "Mål per kommun: < 18:00" },
  boundaries: { type: "FeatureCollection", features: [...features] },
})

export const mapSlide = (map: MapBlock): Slide => ({
  id: "test-map-slide",
  number: 1,
  title: "Mediantid larm till framme – karta",
  blocks: [{ kind: "text", paragraphs: ["Mörkare färg betyder längre tid."] }, map],
  notes: "",
  metricIds: [],
})

/** Every text box of a layout: values in the areas, callouts, and the legend's texts. */
export const textBoxes = (layout: MapLayout): ReadonlyArray<{ readonly text: string; readonly box: Box }> => [
  ...layout.labels.map((label) => ({ text: label.text, box: label.box })),
  ...layout.callouts.map((callout) => ({ text: `${callout.name} ${callout.value}`, box: callout.box })),
  { text: layout.legend.heading.text, box: layout.legend.heading.box },
  ...layout.legend.entries.map((entry) => ({ text: entry.text, box: entry.textBox })),
  ...(layout.legend.goal === undefined ? [] : [layout.legend.goal]),
]

export const overlapping = (layout: MapLayout): ReadonlyArray<string> => {
  const boxes = textBoxes(layout)
  return boxes.flatMap((a, i) =>
    boxes
      .slice(i + 1)
      .filter(
        ({ box: b }) =>
          a.box.x < b.x + b.w - 1e-9 &&
          b.x < a.box.x + a.box.w - 1e-9 &&
          a.box.y < b.y + b.h - 1e-9 &&
          b.y < a.box.y + a.box.h - 1e-9,
      )
      .map((b) => `${a.text} / ${b.text}`),
  )
}
