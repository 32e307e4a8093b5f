import { describe, expect, it } from "vitest"
import { axisScale, tickFormat } from "./axis.js"

describe("axisScale", () => {
  it("counts: 0 to 1 050 in steps of 200 (1 050 / 6 = 175, rounded up to 200)", () => {
    expect(axisScale("count", 0, 1050)).toEqual({
      domain: [0, 1200],
      ticks: [0, 200, 400, 600, 800, 1000, 1200],
    })
  })

  it("counts never get fractional ticks, even for tiny values", () => {
    expect(axisScale("count", 0, 3).ticks).toEqual([0, 1, 2, 3])
  })

  it("shares: 0.884 to 0.95 in steps of 0.02 (span 0.066 / 6 = 0.011 → 0.02)", () => {
    expect(axisScale("share", 0.884, 0.95)).toEqual({
      domain: [0.88, 0.96],
      ticks: [0.88, 0.9, 0.92, 0.94, 0.96],
    })
  })

  it("durations: 600 s to 1 200 s on whole minutes (600 / 6 = 100 s → 120 s)", () => {
    expect(axisScale("duration", 600, 1200).ticks).toEqual([600, 720, 840, 960, 1080, 1200])
  })

  it("widens a single value so the axis still has two ticks", () => {
    const scale = axisScale("count", 5, 5)
    expect(scale.ticks.length).toBeGreaterThanOrEqual(2)
    expect(scale.domain[0]).toBeLessThanOrEqual(5)
    expect(scale.domain[1]).toBeGreaterThanOrEqual(5)
  })
})

describe("tickFormat", () => {
  it("groups thousands per language", () => {
    expect(tickFormat("count", "sv")(1200)).toBe("1\u00a0200")
    expect(tickFormat("count", "en")(1200)).toBe("1,200")
  })

  it("writes shares as percent without needless decimals", () => {
    expect(tickFormat("share", "sv")(0.9)).toBe("90\u00a0%")
    expect(tickFormat("share", "en")(0.9)).toBe("90%")
    expect(tickFormat("share", "sv")(0.885)).toBe("88,5\u00a0%")
  })

  it("writes durations as m:ss", () => {
    expect(tickFormat("duration", "sv")(1080)).toBe("18:00")
    expect(tickFormat("duration", "en")(90)).toBe("1:30")
  })
})
