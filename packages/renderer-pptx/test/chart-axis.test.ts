import type { ChartBlock } from "@ambu/core"
import { describe, expect, it } from "vitest"
import { lineAxisFloor } from "../src/blocks/chart.js"

const line = (values: Array<number | null>, unit: ChartBlock["unit"], goal?: number): ChartBlock => ({
  kind: "chart",
  id: "c",
  chartType: "line",
  title: "t",
  description: "d",
  unit,
  xLabel: "",
  yLabel: "",
  categories: values.map((_, i) => String(i)),
  series: [{ name: "s", values }],
  ...(goal === undefined ? {} : { goal: { value: goal, label: "g" } }),
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

  it("leaves counts and durations to the client's own scaling", () => {
    expect(lineAxisFloor(line([100, 200], "count"))).toEqual({})
    expect(lineAxisFloor(line([600, 700], "duration"))).toEqual({})
  })
})
