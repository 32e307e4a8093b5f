import type { ChartBlock } from "@ambu/core"
import JSZip from "jszip"
import { describe, expect, it } from "vitest"
import { chartsOf, renderDeck, slidePaths, workbookOf } from "./support/deck.js"
import { chartSlide, durationChart, reportWith } from "./support/reports.js"
import { attributesOf, decodeEntities } from "./support/xml.js"

/** The chart of a deck made of one slide with `chart`, and its workbook's sheet and styles. */
const renderChart = async (chart: ChartBlock) => {
  const deck = await renderDeck(reportWith([chartSlide(chart)]))
  const path = chartsOf(deck, slidePaths(deck)[0]!)[0]!
  const xlsx = await JSZip.loadAsync(deck.binary.get(workbookOf(deck, path))!)
  return {
    xml: deck.text(path),
    sheet: await xlsx.file("xl/worksheets/sheet1.xml")!.async("string"),
    styles: await xlsx.file("xl/styles.xml")!.async("string"),
  }
}

/** The values of the series named `name`, as numbers, in point order (gaps left out). */
const seriesValues = (xml: string, name: string): ReadonlyArray<number> => {
  const values = new RegExp(`<c:v>${name}</c:v>.*?<c:val>(.*?)</c:val>`, "s").exec(xml)?.[1] ?? ""
  return [...values.matchAll(/<c:v>([^<]*)<\/c:v>/g)].map((match) => Number(match[1]))
}

/** Every number format of a chart: value axis, data labels (one per series) and value caches. */
const formatsOf = (xml: string) => ({
  axis: attributesOf(/<c:valAx>[\s\S]*?<\/c:valAx>/.exec(xml)?.[0] ?? "", "c:numFmt", "formatCode").map(
    decodeEntities,
  ),
  dataLabels: [...xml.matchAll(/<c:dLbls>\s*<c:numFmt formatCode="([^"]*)"/g)].map((m) =>
    decodeEntities(m[1]!),
  ),
  caches: [...xml.matchAll(/<c:numCache>\s*<c:formatCode>([^<]*)<\/c:formatCode>/g)].map((m) =>
    decodeEntities(m[1]!),
  ),
})

/** A value axis setting (`c:min`, `c:max`, `c:majorUnit`) in seconds, for a chart of durations. */
const axisSeconds = (xml: string, element: string): number =>
  Math.round(Number(new RegExp(`<c:${element} val="([^"]*)"`).exec(xml)?.[1]) * 86_400 * 1000) / 1000

const chart = (overrides: Partial<ChartBlock>): ChartBlock => ({ ...durationChart, ...overrides })
const twoSeries = [
  { name: "Prio 1", values: [450, 410, 470] },
  { name: "Prio 2", values: [300, 320, 310] },
]

const DURATION = "[>=0.0416608796][h]:mm:ss;[m]:ss"

describe("durations are plotted as times", () => {
  it("holds seconds as fractions of a day in the chart, the goal included", async () => {
    const { xml } = await renderChart(durationChart)
    // Median [600, null, 1230] s; the goal 1080 s on every category. 600 / 86 400 = 0.00694…
    expect(seriesValues(xml, "Median").map((days) => days * 86_400)).toEqual([600, 1230])
    expect(seriesValues(xml, "Mål 18 min").map((days) => days * 86_400)).toEqual([1080, 1080, 1080])
  })

  it("formats the axis, the data labels and the values as m:ss, and titles the axis as the model does", async () => {
    const { xml } = await renderChart(durationChart)
    const formats = formatsOf(xml)
    expect(formats.axis).toEqual([DURATION])
    // pptxgenjs writes data labels per series and per chart type: bars, bar chart, goal, line chart.
    expect(formats.dataLabels).toEqual([DURATION, DURATION, DURATION, DURATION])
    expect(formats.caches).toEqual([DURATION, DURATION])
    expect(xml).toContain("<a:t>Mediantid</a:t>")
    expect(xml).not.toContain("(min)")
  })

  it("scales the axis on whole minutes: 0 to 25:00 in steps of 5:00 for a highest bar of 20:30", async () => {
    const { xml } = await renderChart(durationChart)
    const axis = /<c:valAx>[\s\S]*?<\/c:valAx>/.exec(xml)![0]
    expect([axisSeconds(axis, "min"), axisSeconds(axis, "max"), axisSeconds(axis, "majorUnit")]).toEqual([
      0, 1500, 300,
    ])
  })

  it("gives the workbook's value cells the chart's time format, so that editing shows 10:00, not 0.0069", async () => {
    const { sheet, styles } = await renderChart(durationChart)
    expect(styles).toContain('<numFmt numFmtId="164" formatCode="[&gt;=0.0416608796][h]:mm:ss;[m]:ss"/>')
    expect(styles).toMatch(
      /<cellXfs count="2"><xf numFmtId="0"[^>]*\/><xf numFmtId="164"[^>]*applyNumberFormat="1"\/>/,
    )
    // Median in column B (row 3 is the gap), the goal in column C; the labels in A keep the default.
    expect(sheet).toContain(`<c r="B2" s="1"><v>${600 / 86_400}</v></c>`)
    expect(sheet).not.toContain('<c r="B3"')
    expect(sheet).toContain(`<c r="B4" s="1"><v>${1230 / 86_400}</v></c>`)
    for (const row of [2, 3, 4]) expect(sheet).toContain(`<c r="C${row}" s="1"><v>0.0125</v></c>`)
    expect(sheet).not.toMatch(/<c r="A\d+" s=/)
  })
})

describe("number formats of counts and shares", () => {
  it("formats counts as #,##0 and shares as 0.0 %, on the axis, in data labels, values and workbook", async () => {
    const counts = await renderChart(chart({ unit: "count", series: twoSeries, goal: undefined }))
    // Data labels: one per series and one for the bar chart.
    expect(formatsOf(counts.xml)).toEqual({
      axis: ["#,##0"],
      dataLabels: ["#,##0", "#,##0", "#,##0"],
      caches: ["#,##0", "#,##0"],
    })
    expect(counts.styles).toContain('<numFmt numFmtId="164" formatCode="#,##0"/>')
    expect(counts.sheet).toContain('<c r="C4" s="1"><v>310</v></c>')

    const shares = await renderChart(
      chart({ unit: "share", series: [{ name: "Andel", values: [0.95, 0.9, 0.93] }], goal: undefined }),
    )
    expect(formatsOf(shares.xml)).toEqual({ axis: ["0.0%"], dataLabels: ["0.0%", "0.0%"], caches: ["0.0%"] })
    expect(shares.styles).toContain('<numFmt numFmtId="164" formatCode="0.0%"/>')
    expect(shares.sheet).toContain('<c r="B2" s="1"><v>0.95</v></c>')
  })
})

describe("legends", () => {
  const legendOf = (xml: string): string | undefined => /<c:legend>[\s\S]*?<\/c:legend>/.exec(xml)?.[0]

  it("has no legend for a single series of bars, as the HTML", async () => {
    const { xml } = await renderChart(chart({ goal: undefined }))
    expect(legendOf(xml)).toBeUndefined()
  })

  it("keeps only the goal's entry beside a single series of bars", async () => {
    const legend = legendOf((await renderChart(durationChart)).xml)
    // Series 0 is the bars, series 1 the goal line.
    expect(legend).toMatch(
      /<c:legendPos val="b"\/><c:legendEntry><c:idx val="0"\/><c:delete val="1"\/><\/c:legendEntry>/,
    )
    expect(legend?.match(/<c:legendEntry>/g)).toHaveLength(1)
  })

  it("names every series when there are several, or when a single one is a line", async () => {
    const bars = legendOf((await renderChart(chart({ series: twoSeries, goal: undefined }))).xml)
    expect(bars).toBeDefined()
    expect(bars).not.toContain("<c:legendEntry>")
    const line = legendOf((await renderChart(chart({ chartType: "line", goal: undefined }))).xml)
    expect(line).toBeDefined()
    expect(line).not.toContain("<c:legendEntry>")
  })
})

describe("bar grouping", () => {
  const groupingOf = (xml: string) => ({
    grouping: /<c:barChart>[\s\S]*?<c:grouping val="([a-z]+)"/.exec(xml)?.[1],
    overlap: /<c:overlap val="(-?\d+)"/.exec(xml)?.[1],
  })

  it("puts several series of `bar` side by side (clustered, no overlap), with or without a goal", async () => {
    for (const goal of [undefined, durationChart.goal]) {
      const { xml } = await renderChart(chart({ chartType: "bar", series: twoSeries, goal }))
      expect(groupingOf(xml)).toEqual({ grouping: "clustered", overlap: "0" })
    }
  })

  it("puts `grouped-bar` side by side too", async () => {
    const { xml } = await renderChart(chart({ chartType: "grouped-bar", series: twoSeries, goal: undefined }))
    expect(groupingOf(xml)).toEqual({ grouping: "clustered", overlap: "0" })
  })

  it("stacks `stacked-bar` (stacked, bars fully overlapping), with or without a goal", async () => {
    for (const goal of [undefined, durationChart.goal]) {
      const { xml } = await renderChart(chart({ chartType: "stacked-bar", series: twoSeries, goal }))
      expect(groupingOf(xml)).toEqual({ grouping: "stacked", overlap: "100" })
    }
  })
})

describe("series colours", () => {
  /** The fill of each series, in series order. */
  const seriesFills = (xml: string): ReadonlyArray<string | undefined> =>
    [...xml.matchAll(/<c:ser>[\s\S]*?<c:spPr>\s*<a:solidFill>\s*<a:srgbClr val="([0-9A-F]{6})"/g)].map(
      (match) => match[1],
    )

  it("are the HTML's palette in its order, starting again after the sixth, as the HTML does", async () => {
    // renderer-html's defaultTheme.series: #1f5f99, #c47a14, #3f8f4f, #7a4fa3, #8c5a3c, #c2457a.
    const series = Array.from({ length: 7 }, (_, index) => ({ name: `S${index + 1}`, values: [1, 2, 3] }))
    const { xml } = await renderChart(chart({ unit: "count", series, goal: undefined }))
    expect(seriesFills(xml)).toEqual(["1F5F99", "C47A14", "3F8F4F", "7A4FA3", "8C5A3C", "C2457A", "1F5F99"])
  })
})
