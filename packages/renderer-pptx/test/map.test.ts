import type { MapBlock } from "@ambu/core"
import { HOSTILE_NAME, reportFixture, sampleReport } from "@ambu/core/testing"
import { beforeAll, describe, expect, it } from "vitest"
import { planReport } from "../src/layout/plan.js"
import { labelsFor } from "../src/theme.js"
import { type Deck, renderDeck, runTexts, slidePaths } from "./support/deck.js"
import { durationArea, mapBlock, mapSlide, overlapping, squareFeature } from "./support/maps.js"
import { reportWith } from "./support/reports.js"
import { decodeEntities } from "./support/xml.js"

/** The HTML map's colour steps, light to dark (renderer-html `defaultTheme.mapRamp`). */
const RAMP = ["EAF1F8", "BCD3E8", "85B0D6", "4A86BD", "1F5F99"]

/** 0.75 pt and 2.5 pt in EMU (12 700 a point). */
const THIN = 9525
const THICK = 31750

interface Freeform {
  readonly name: string
  readonly fill: string | undefined
  readonly lineWidth: number
  readonly lineColour: string | undefined
  readonly contours: number
}

/** The freeform shapes of a slide (`<a:custGeom>`), in drawing order. */
const freeforms = (xml: string): ReadonlyArray<Freeform> =>
  [...xml.matchAll(/<p:sp>([\s\S]*?)<\/p:sp>/g)]
    .map((match) => match[1]!)
    .filter((shape) => shape.includes("<a:custGeom>"))
    .map((shape) => {
      const afterGeometry = shape.slice(shape.indexOf("</a:custGeom>"))
      const line = /<a:ln w="(\d+)"><a:solidFill><a:srgbClr val="([0-9A-F]{6})"/.exec(afterGeometry)
      return {
        name: decodeEntities(/<p:cNvPr id="\d+" name="([^"]*)"/.exec(shape)![1]!),
        fill: /^<\/a:custGeom><a:solidFill><a:srgbClr val="([0-9A-F]{6})"/.exec(afterGeometry)?.[1],
        lineWidth: Number(line?.[1] ?? 0),
        lineColour: line?.[2],
        contours: (shape.match(/<a:moveTo>/g) ?? []).length,
      }
    })

/** The colour of every text run that reads `text`. */
const runColours = (xml: string, text: string): ReadonlyArray<string | undefined> =>
  [...xml.matchAll(/<a:r>([\s\S]*?)<\/a:r>/g)]
    .map((match) => match[1]!)
    .filter((run) => run.includes(`<a:t>${text}</a:t>`))
    .map((run) => /<a:rPr\b[^>]*><a:solidFill><a:srgbClr val="([0-9A-F]{6})"/.exec(run)?.[1])

const slideTitled = (deck: Deck, title: string): string => {
  const path = slidePaths(deck).find((candidate) => runTexts(deck.text(candidate))[0] === title)
  if (path === undefined) throw new Error(`no slide titled ${title}`)
  return deck.text(path)
}

describe("the fixture's map slide", () => {
  let xml: string

  beforeAll(async () => {
    const deck = await renderDeck(reportFixture)
    xml = deck.text(slidePaths(deck)[4]!)
  })

  it("draws each municipality as a freeform filled by its step: 10:00 the lightest, 20:00 the darkest", () => {
    // Values 600 and 1200 s: the span itself, so the two ends of the ramp.
    expect(freeforms(xml).map(({ name, fill }) => [name, fill])).toEqual([
      ["Norrby: 10:00", RAMP[0]],
      [`${HOSTILE_NAME}: ▲ 20:00`, RAMP[4]],
    ])
  })

  it("marks the area over its goal with a thick dark outline and ▲, the other with a thin white one", () => {
    const [norrby, hostile] = freeforms(xml)
    expect([norrby!.lineWidth, norrby!.lineColour]).toEqual([THIN, "FFFFFF"])
    expect([hostile!.lineWidth, hostile!.lineColour]).toEqual([THICK, "1F1F1F"])
    expect(runTexts(xml)).toContain("▲ 20:00")
    expect(runTexts(xml)).toContain("▲ = målet nås inte")
    // White on the darkest step (6.7:1), the body text on the lightest.
    expect(runColours(xml, "▲ 20:00")).toEqual(["FFFFFF"])
    expect(runColours(xml, "10:00")).toEqual(["1F1F1F"])
  })

  it("escapes an area's name in its shape's name", () => {
    expect(xml).toContain(
      'name="&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &quot;Ö&quot; =cmd: ▲ 20:00"',
    )
    expect(xml).not.toContain("<script")
  })

  it("has a legend: the quantity, five steps in the ramp's colours darkest first, the goal", () => {
    const texts = runTexts(xml)
    expect(texts).toContain("Tid, min:s")
    // Breaks at 600 + 600 × i / 5: 12:00, 14:00, 16:00, 18:00.
    expect(texts).toEqual(
      expect.arrayContaining([
        "18:00 – 20:00",
        "16:00 – 18:00",
        "14:00 – 16:00",
        "12:00 – 14:00",
        "10:00 – 12:00",
      ]),
    )
    expect(texts).toContain("Mål 18 min")
    // Swatches are rectangles without text; text boxes are rectangles too, but with a text body.
    const swatches = [...xml.matchAll(/<p:sp>([\s\S]*?)<\/p:sp>/g)]
      .map((match) => match[1]!)
      .filter((shape) => shape.includes('<a:prstGeom prst="rect">') && !shape.includes("<p:txBody>"))
      .map((shape) => /<\/a:prstGeom><a:solidFill><a:srgbClr val="([0-9A-F]{6})"/.exec(shape)?.[1])
    expect(swatches).toEqual([...[...RAMP].reverse(), "FFFFFF"])
    expect(xml).not.toContain("<a:tbl>")
  })
})

describe("the bundled sample's map slide", async () => {
  const report = await sampleReport("sv")
  const deck = await renderDeck(report)
  const xml = slideTitled(deck, "Mediantid larm till framme hämtadress – karta")
  const map = report.slides
    .flatMap((slide) => slide.blocks)
    .find((block): block is MapBlock => block.kind === "map")!

  it("has one freeform per municipality of Skåne, each named by the municipality and its value", () => {
    const shapes = freeforms(xml)
    expect(shapes).toHaveLength(33)
    expect(new Set(shapes.map((shape) => shape.name.split(":")[0]))).toEqual(
      new Set(map.areas.map((area) => area.name)),
    )
    for (const shape of shapes) {
      expect(RAMP, shape.name).toContain(shape.fill)
      expect(shape.contours, shape.name).toBe(1)
    }
  })

  it("fills by the HTML map's steps: breaks at 8:15, 10:59, 13:43 and 16:26", () => {
    // The breaks are the tick labels of the HTML map's scale (renderer-html's sample page.html), the ends
    // the fastest and the slowest municipality: Bromölla 5:32 and Perstorp 19:10, cut in five equal steps.
    expect(runTexts(xml)).toEqual(
      expect.arrayContaining([
        "16:26 – 19:10",
        "13:43 – 16:26",
        "10:59 – 13:43",
        "8:15 – 10:59",
        "5:32 – 8:15",
      ]),
    )
    const fillOf = (name: string) => freeforms(xml).find((shape) => shape.name.startsWith(`${name}:`))?.fill
    expect(
      ["Bromölla", "Osby", "Tomelilla", "Lomma", "Bjuv", "Perstorp"].map((name) => [name, fillOf(name)]),
    ).toEqual([
      ["Bromölla", RAMP[0]],
      ["Osby", RAMP[1]],
      ["Tomelilla", RAMP[2]],
      ["Lomma", RAMP[3]],
      ["Bjuv", RAMP[4]],
      ["Perstorp", RAMP[4]],
    ])
  })

  it("outlines exactly the municipalities over the goal thickly, and writes their values with ▲", () => {
    const over = map.areas.filter((area) => area.overGoal).map((area) => area.name)
    expect(over.sort()).toEqual(["Bjuv", "Perstorp"])
    const thick = freeforms(xml).filter((shape) => shape.lineWidth === THICK)
    expect(thick.map((shape) => shape.name).sort()).toEqual(["Bjuv: ▲ 18:18", "Perstorp: ▲ 19:10"])
    expect(runTexts(xml)).toEqual(expect.arrayContaining(["▲ 18:18", "▲ 19:10"]))
  })

  it("shows every municipality's value once, none overlapping another text, on one slide", () => {
    const page = planReport(report, labelsFor("sv")).find((candidate) =>
      candidate.items.some((item) => item.kind === "map"),
    )!
    const item = page.items.find((candidate) => candidate.kind === "map")!
    if (item.kind !== "map") throw new Error("no map")
    const { layout } = item
    expect(layout.unplaced).toEqual([])
    expect(
      [...layout.labels.map((label) => label.code), ...layout.callouts.map((c) => c.code)].sort(),
    ).toEqual(map.areas.map((area) => area.code).sort())
    expect(overlapping(layout)).toEqual([])
    // The slide after the map is the data-quality slide: no table of the map's values follows it.
    expect(xml).not.toContain("<a:tbl>")
    expect(runTexts(xml)).not.toContain("Kartan visas som tabell i PowerPoint-versionen.")
  })
})

describe("maps that cannot show every value", () => {
  it("shows a geography without boundaries as the table of values, saying why", async () => {
    const map = mapBlock([durationArea("A", "Aby", 300), durationArea("B", "Bby", 1200)], [])
    const deck = await renderDeck(reportWith([mapSlide(map)]))
    const slides = slidePaths(deck).map((path) => deck.text(path))
    expect(slides).toHaveLength(1)
    expect(slides[0]).toContain("<a:tbl>")
    expect(freeforms(slides[0]!)).toEqual([])
    expect(runTexts(slides[0]!)).toContain("Geografin saknar kommungränser, så kartan visas som tabell.")
    expect(runTexts(slides[0]!)).toContain("▲ 20:00")
  })

  it("follows a map without room for every value by the table of all of them", async () => {
    // 100 areas in a 10 × 10 grid of 0.02°: callouts hold only some of them (see map-layout.test.ts).
    const areas = Array.from({ length: 100 }, (_, index) =>
      durationArea(`K${String(index).padStart(3, "0")}`, `Kommun ${index}`, 300 + index * 9),
    )
    const features = areas.map((area, index) =>
      squareFeature(area.code, 13 + (index % 10) * 0.02, 55.5 + Math.floor(index / 10) * 0.02, 0.02),
    )
    const deck = await renderDeck(reportWith([mapSlide(mapBlock(areas, features))]))
    const slides = slidePaths(deck).map((path) => deck.text(path))
    expect(freeforms(slides[0]!)).toHaveLength(100)
    expect(slides.length).toBeGreaterThan(1)
    const rest = slides.slice(1)
    for (const slide of rest) {
      expect(runTexts(slide)[0]).toBe("Mediantid larm till framme – karta (forts.)")
      expect(slide).toContain("<a:tbl>")
    }
    const cells = rest.flatMap((slide) => runTexts(slide))
    for (const area of areas) expect(cells).toContain(area.name)
    expect(cells).toContain("Alla kommuners värden: kartan har inte plats för vart och ett.")
  })

  it("lists an area without a boundary in the table after the map", async () => {
    const map = mapBlock(
      [durationArea("A", "Aby", 300), durationArea("B", "Bby", 600)],
      [squareFeature("A", 13, 55.5, 0.2)],
    )
    const deck = await renderDeck(reportWith([mapSlide(map)]))
    const slides = slidePaths(deck).map((path) => deck.text(path))
    expect(freeforms(slides[0]!).map((shape) => shape.name)).toEqual(["Aby: 5:00"])
    expect(slides).toHaveLength(2)
    expect(runTexts(slides[1]!)).toEqual(expect.arrayContaining(["Aby", "Bby", "10:00"]))
  })

  it("writes the same slide XML for the same map", async () => {
    const map = mapBlock(
      [durationArea("A", "Aby", 300), durationArea("B", "Bby", 1200)],
      [squareFeature("A", 13, 55.5, 0.2), squareFeature("B", 13.2, 55.5, 0.004)],
    )
    const first = await renderDeck(reportWith([mapSlide(map)]))
    const second = await renderDeck(reportWith([mapSlide(map)]))
    expect(second.text("ppt/slides/slide1.xml")).toBe(first.text("ppt/slides/slide1.xml"))
  })
})
