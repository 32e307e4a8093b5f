import type { ChartBlock } from "@ambu/core"
import { JSDOM } from "jsdom"
import { describe, expect, it } from "vitest"
import { defaultTheme } from "../theme.js"
import { renderChart } from "./chart-svg.js"
import { createPlotDocument } from "./plot-document.js"

const chart: ChartBlock = {
  kind: "chart",
  id: "test-chart",
  chartType: "bar",
  title: "Vårduppdrag per månad",
  description: "Antal vårduppdrag per månad och prioritet.",
  unit: "count",
  xLabel: "Månad",
  yLabel: "Antal",
  // Deliberately not sorted: the chart must keep this order.
  categories: ["2025-03", "2025-01", "2025-02"],
  series: [
    { name: "Prio 1", values: [470, 450, 410] },
    { name: "Prio 2", values: [420, 400, null] },
  ],
  goal: { value: 900, label: "Mål 900" },
}

const draw = (block: ChartBlock, language: "sv" | "en" = "sv", idPrefix = "chart-a") =>
  renderChart(block, { document: createPlotDocument(), language, theme: defaultTheme, idPrefix })

const parse = (svg: string): SVGSVGElement =>
  new JSDOM(`<!DOCTYPE html><body>${svg}</body>`).window.document.querySelector("svg")!

const withoutGoal = ({ goal: _, ...block }: ChartBlock): ChartBlock => block

interface Box {
  readonly left: number
  readonly right: number
  readonly top: number
  readonly bottom: number
}

/** Each bar's box in the SVG's coordinates, by its title; a group's `translate(x,y)` is added in. */
const barBoxes = (svg: string): Map<string, Box> => {
  const boxes = new Map<string, Box>()
  for (const rect of parse(svg).querySelectorAll('[aria-label="bar"] rect')) {
    const shift = /translate\(([-\d.]+),([-\d.]+)\)/.exec(rect.parentElement?.getAttribute("transform") ?? "")
    const [dx, dy] = shift === null ? [0, 0] : [Number(shift[1]), Number(shift[2])]
    const [x, y, width, height] = ["x", "y", "width", "height"].map((name) => Number(rect.getAttribute(name)))
    boxes.set(rect.querySelector("title")!.textContent!, {
      left: x! + dx,
      right: x! + dx + width!,
      top: y! + dy,
      bottom: y! + dy + height!,
    })
  }
  return boxes
}

const CHART_TYPES = ["bar", "stacked-bar", "grouped-bar", "line"] as const

describe("renderChart", () => {
  it.each(CHART_TYPES)("draws a %s chart as the snapshot file shows", async (chartType) => {
    const { svg } = draw({ ...chart, chartType })
    await expect(svg).toMatchFileSnapshot(`__snapshots__/chart-${chartType}.svg`)
  })

  it("draws a bar chart of one series as the snapshot file shows", async () => {
    const { svg } = draw({ ...chart, series: [chart.series[0]!] })
    await expect(svg).toMatchFileSnapshot("__snapshots__/chart-bar-one-series.svg")
  })

  it.each(CHART_TYPES)("%s: names and describes the SVG for screen readers", (chartType) => {
    const svg = parse(draw({ ...chart, chartType }).svg)

    expect(svg.getAttribute("xmlns")).toBe("http://www.w3.org/2000/svg")
    expect(svg.getAttribute("role")).toBe("img")
    expect(svg.getAttribute("aria-label")).toBe(chart.title)
    const descId = svg.getAttribute("aria-describedby")!
    expect(svg.querySelector(`desc[id="${descId}"]`)?.textContent).toBe(chart.description)
  })

  it.each(CHART_TYPES)("%s: gives the same bytes every time, whatever Plot's counters say", (chartType) => {
    const first = draw({ ...chart, chartType }).svg
    const second = draw({ ...chart, chartType }).svg
    expect(second).toBe(first)
    expect(first).not.toMatch(/plot-(clip|marker|pattern)-\d/)
  })

  it("keeps the categories in the model's order, on the x axis or as the groups' axis", () => {
    const categoryTicks = (block: ChartBlock, axis: "x" | "fx") =>
      [...parse(draw(block).svg).querySelectorAll(`[aria-label="${axis}-axis tick label"] text`)].map(
        (text) => text.textContent,
      )
    const order = ["2025-03", "2025-01", "2025-02"]
    expect(categoryTicks({ ...chart, series: [chart.series[0]!] }, "x")).toEqual(order)
    expect(categoryTicks({ ...chart, chartType: "stacked-bar" }, "x")).toEqual(order)
    // Several series of a bar chart stand side by side: one group per category.
    expect(categoryTicks(chart, "fx")).toEqual(order)
    expect(categoryTicks({ ...chart, chartType: "grouped-bar" }, "fx")).toEqual(order)
  })

  describe("bars of several series", () => {
    // Goal 900 → axis 0 … 1 000 over the frame from y = 36 (top margin) to 520 − 52 = 468: 0.432 px per mission.
    const baseline = 468
    const height = (value: number) => value * 0.432

    it.each(["bar", "grouped-bar"] as const)("%s: side by side, each from the baseline", (chartType) => {
      const bars = barBoxes(draw({ ...chart, chartType }).svg)
      const prio1 = bars.get("Prio 1, 2025-03: 470")!
      const prio2 = bars.get("Prio 2, 2025-03: 420")!

      expect(prio1.bottom).toBeCloseTo(baseline, 1)
      expect(prio2.bottom).toBeCloseTo(baseline, 1)
      expect(prio1.bottom - prio1.top).toBeCloseTo(height(470), 1)
      expect(prio2.bottom - prio2.top).toBeCloseTo(height(420), 1)
      expect(prio1.right).toBeLessThanOrEqual(prio2.left)
      // The next category's group starts to the right of this one.
      expect(bars.get("Prio 1, 2025-01: 450")!.left).toBeGreaterThan(prio2.right)
    })

    it("stacked-bar: Prio 2 on top of Prio 1 in the same place", () => {
      const bars = barBoxes(draw({ ...chart, chartType: "stacked-bar" }).svg)
      const prio1 = bars.get("Prio 1, 2025-03: 470")!
      const prio2 = bars.get("Prio 2, 2025-03: 420")!

      expect(prio1.bottom).toBeCloseTo(baseline, 1)
      expect(prio2.bottom).toBeCloseTo(baseline - height(470), 1)
      expect(prio2.top).toBeCloseTo(baseline - height(470 + 420), 1)
      expect([prio2.left, prio2.right]).toEqual([prio1.left, prio1.right])
    })

    it("scales the axis to the tallest bar side by side, to the tallest stack when stacked", () => {
      const topTick = (block: ChartBlock) =>
        [...parse(draw(block).svg).querySelectorAll('[aria-label="y-axis tick label"] text')]
          .map((text) => text.textContent)
          .at(-1)
      // Tallest bar 470: 470 / 6 ≈ 78 → step 100 → 500. Tallest stack 470 + 420 = 890: → step 200 → 1 000.
      expect(topTick(withoutGoal(chart))).toBe("500")
      expect(topTick(withoutGoal({ ...chart, chartType: "stacked-bar" }))).toBe("1\u00a0000")
    })

    it("repeats the goal rule in every group and labels it once", () => {
      const svg = parse(draw(chart).svg)
      const goalRules = svg.querySelectorAll('[aria-label="rule"] [stroke-dasharray="9,6"] line')
      expect(goalRules).toHaveLength(chart.categories.length)
      const labels = [...svg.querySelectorAll('[aria-label="text"] text')].map((text) => text.textContent)
      expect(labels).toEqual(["Mål 900"])
    })
  })

  it("formats the y axis per unit and language", () => {
    const yTicks = (block: ChartBlock, language: "sv" | "en") =>
      [...parse(draw(block, language).svg).querySelectorAll('[aria-label="y-axis tick label"] text')].map(
        (text) => text.textContent,
      )

    // Largest bar 470 and goal 900: 900 / 6 = 150 → step 200 → 0 … 1 000.
    expect(yTicks(chart, "sv")).toEqual(["0", "200", "400", "600", "800", "1\u00a0000"])
    expect(yTicks(chart, "en")).toEqual(["0", "200", "400", "600", "800", "1,000"])
    expect(
      yTicks(withoutGoal({ ...chart, unit: "share", series: [{ name: "A", values: [0.5, 0.25, 1] }] }), "sv"),
    ).toEqual(["0\u00a0%", "20\u00a0%", "40\u00a0%", "60\u00a0%", "80\u00a0%", "100\u00a0%"])
    // 1 000 s / 6 = 167 s → 5-minute steps.
    expect(
      yTicks(
        withoutGoal({ ...chart, unit: "duration", series: [{ name: "A", values: [600, 300, 1000] }] }),
        "sv",
      ),
    ).toEqual(["0:00", "5:00", "10:00", "15:00", "20:00"])
  })

  it("draws the goal as a dashed rule with its label", () => {
    const svg = parse(draw({ ...chart, chartType: "line" }).svg)
    const rule = svg.querySelector('[aria-label="rule"]')!
    expect(rule.getAttribute("stroke-dasharray")).toBe("9,6")
    expect([...svg.querySelectorAll('[aria-label="text"] text')].map((text) => text.textContent)).toContain(
      "Mål 900",
    )
  })

  it("leaves a gap in a line where a value is missing, never a zero", () => {
    const block: ChartBlock = {
      ...chart,
      chartType: "line",
      categories: ["a", "b", "c", "d"],
      series: [{ name: "A", values: [1, 2, null, 4] }],
    }
    const svg = parse(draw(block).svg)
    const path = svg.querySelector('[aria-label="line"] path')!.getAttribute("d")!

    // a–b is one segment (M…L…); d starts a new subpath (M…) with nothing drawn from b to d.
    expect(path.match(/M/g)).toHaveLength(2)
    expect(path.match(/L/g)).toHaveLength(1)
    expect(svg.querySelectorAll('[aria-label="dot"] circle')).toHaveLength(3)
  })

  it("titles each bar with series, category and value for hover", () => {
    const svg = parse(draw(chart).svg)
    const titles = [...svg.querySelectorAll('[aria-label="bar"] title')].map((title) => title.textContent)
    expect(titles).toContain("Prio 1, 2025-03: 470")
    // Prio 2 has no value for 2025-02: no bar, rather than a bar of 0.
    expect(titles).toHaveLength(5)
  })

  it("has a legend entry per series and one for the goal", () => {
    expect(draw(chart).legend.map((item) => item.name)).toEqual(["Prio 1", "Prio 2", "Mål 900"])
  })
})
