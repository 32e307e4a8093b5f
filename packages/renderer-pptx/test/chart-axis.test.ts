import type { ChartBlock } from "@ambu/core"
import { describe, expect, it } from "vitest"
import { FORMAT_CODE, lineAxisFloor, plotted, valueAxis } from "../src/blocks/chart-axis.js"

const chartOf = (
  chartType: ChartBlock["chartType"],
  series: ReadonlyArray<Array<number | null>>,
  unit: ChartBlock["unit"],
  goal?: number,
): ChartBlock => ({
  kind: "chart",
  id: "c",
  chartType,
  title: "t",
  description: "d",
  unit,
  xLabel: "",
  yLabel: "",
  categories: (series[0] ?? []).map((_, i) => String(i)),
  series: series.map((values, index) => ({ name: `s${index}`, values })),
  ...(goal === undefined ? {} : { goal: { value: goal, label: "g" } }),
})

const line = (values: Array<number | null>, unit: ChartBlock["unit"], goal?: number): ChartBlock =>
  chartOf("line", [values], unit, goal)

const DAY = 86_400

/** An axis in days, read back in seconds, so that a test states it as the HTML's ticks would. */
const inSeconds = (axis: ReturnType<typeof valueAxis>) =>
  Object.fromEntries(Object.entries(axis).map(([key, days]) => [key, Math.round(days * DAY * 1000) / 1000]))

describe("duration values and formats", () => {
  it("plots seconds as fractions of a day, Office's time values, and keeps a gap a gap", () => {
    expect(plotted(1080, "duration")).toBe(0.0125)
    expect(plotted(43_200, "duration")).toBe(0.5)
    expect(plotted(null, "duration")).toBeNull()
    expect(plotted(0.9, "share")).toBe(0.9)
    expect(plotted(1234, "count")).toBe(1234)
  })

  it("formats durations as m:ss, and from 3 599.5 s (1:00:00 in the model's text) on as h:mm:ss", () => {
    // 3 599.5 / 86 400 = 0.04166087962…, to ten decimals 0.0416608796.
    expect(FORMAT_CODE.duration).toBe("[>=0.0416608796][h]:mm:ss;[m]:ss")
    expect(FORMAT_CODE.share).toBe("0.0%")
    expect(FORMAT_CODE.count).toBe("#,##0")
  })
})

describe("valueAxis", () => {
  it("gives bars of durations whole-minute steps from zero, about six of them", () => {
    // Highest 1 230 s: 1 230 / 6 = 205 s → the step 300 s; ceil(1 230 / 300) = 5 steps, to 1 500 s.
    expect(inSeconds(valueAxis(chartOf("bar", [[600, null, 1230]], "duration", 1080)))).toEqual({
      valAxisMinVal: 0,
      valAxisMaxVal: 1500,
      valAxisMajorUnit: 300,
    })
    // The p90 sample's highest, 2 235 s: 372.5 s → 600 s steps, to 2 400 s (40:00), as the HTML draws it.
    expect(inSeconds(valueAxis(chartOf("bar", [[1074, 2235]], "duration")))).toEqual({
      valAxisMinVal: 0,
      valAxisMaxVal: 2400,
      valAxisMajorUnit: 600,
    })
  })

  it("covers each stack's total for stacked bars", () => {
    // Totals 600 + 300 = 900 and 700 + 900 = 1 600: 266.7 s → 300 s steps, ceil(1 600 / 300) = 6, to 1 800 s.
    expect(
      inSeconds(
        valueAxis(
          chartOf(
            "stacked-bar",
            [
              [600, 700],
              [300, 900],
            ],
            "duration",
          ),
        ),
      ),
    ).toEqual({ valAxisMinVal: 0, valAxisMaxVal: 1800, valAxisMajorUnit: 300 })
  })

  it("starts a line of durations at the step below its lowest point", () => {
    // 3 000 to 4 200 s: 1 200 / 6 = 200 s → 300 s steps, from 3 000 (10 steps) to 4 200 (14).
    expect(inSeconds(valueAxis(line([3000, 4200], "duration")))).toEqual({
      valAxisMinVal: 3000,
      valAxisMaxVal: 4200,
      valAxisMajorUnit: 300,
    })
  })

  it("steps by whole hours beyond the longest listed step", () => {
    // 100 000 s / 6 = 16 667 s = 4.63 h → 5 h (18 000 s); ceil(100 000 / 18 000) = 6 steps, to 108 000 s.
    expect(inSeconds(valueAxis(chartOf("bar", [[0, 100_000]], "duration")))).toEqual({
      valAxisMinVal: 0,
      valAxisMaxVal: 108_000,
      valAxisMajorUnit: 18_000,
    })
  })

  it("lets bars of counts and shares grow from zero on the client's own steps", () => {
    expect(valueAxis(chartOf("bar", [[120, 450]], "count"))).toEqual({ valAxisMinVal: 0 })
    expect(valueAxis(chartOf("stacked-bar", [[0.2], [0.5]], "share"))).toEqual({ valAxisMinVal: 0 })
    expect(valueAxis(chartOf("bar", [[null]], "duration"))).toEqual({ valAxisMinVal: 0 })
  })

  it("zooms a line of shares in on its range and leaves a line of counts to the client", () => {
    expect(valueAxis(line([0.85, 0.93], "share"))).toEqual({ valAxisMinVal: 0.8 })
    expect(valueAxis(line([100, 200], "count"))).toEqual({})
  })
})

describe("lineAxisFloor", () => {
  it("starts a share axis one 5 % step below the 5 % step under the lowest point", () => {
    // lowest 0.679: the step under it is 0.65, one more below is 0.60
    expect(lineAxisFloor(line([0.95, 0.679, 0.9], "share", 0.9))).toEqual({ valAxisMinVal: 0.6 })
    // lowest exactly on a step, 0.85: one step below it, 0.80
    expect(lineAxisFloor(line([0.85, 0.93], "share"))).toEqual({ valAxisMinVal: 0.8 })
  })

  it("counts the goal as a point, skips gaps, and never goes below zero", () => {
    // the goal 0.7 is lower than every point: 0.70 → 0.65
    expect(lineAxisFloor(line([0.91, null, 0.95], "share", 0.7))).toEqual({ valAxisMinVal: 0.65 })
    expect(lineAxisFloor(line([0.02, 0.5], "share"))).toEqual({ valAxisMinVal: 0 })
  })

  it("is only for shares", () => {
    expect(lineAxisFloor(line([100, 200], "count"))).toEqual({})
    expect(lineAxisFloor(line([600, 700], "duration"))).toEqual({})
  })
})
