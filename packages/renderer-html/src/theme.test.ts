import { describe, expect, it } from "vitest"
import { contrastRatio, defaultTheme, resolveTheme } from "./theme.js"

describe("contrastRatio", () => {
  it("is 21 for black on white and 1 for a colour on itself", () => {
    expect(contrastRatio("#000000", "#ffffff")).toBeCloseTo(21, 5)
    expect(contrastRatio("#ffffff", "#000000")).toBeCloseTo(21, 5)
    expect(contrastRatio("#4a86bd", "#4a86bd")).toBe(1)
  })

  it("matches a worked value: #777777 on white is just under 4.5", () => {
    // 0x77 = 119 → 0.4667 → ((0.4667 + 0.055) / 1.055)^2.4 = 0.1845; (1.05) / (0.1845 + 0.05) = 4.48
    expect(contrastRatio("#777777", "#ffffff")).toBeCloseTo(4.48, 2)
  })
})

describe("the default theme", () => {
  const t = defaultTheme

  it("draws every chart series at least 3:1 against the page, as graphics need (WCAG 1.4.11)", () => {
    const weak = t.series.filter((colour) => contrastRatio(colour, t.background) < 3)
    expect(weak).toEqual([])
  })
  // Every text colour on every background it is drawn on in the stylesheet.
  const pairs: ReadonlyArray<[string, string, string]> = [
    ["body text", t.text, t.background],
    ["muted text (footer, notes)", t.mutedText, t.background],
    ["slide heading", t.headingText, t.background],
    ["table header", t.headerText, t.headerBackground],
    ["title slide", t.headerText, t.accent],
    ["own-district cell", t.text, t.ownDistrictBackground],
    ["total row", t.text, t.totalBackground],
    ["key figure", t.text, t.totalBackground],
    ["over-goal cell", t.overGoalText, t.overGoalBackground],
    ["over-goal key figure", t.overGoalText, t.totalBackground],
    ["over-goal own-district cell", t.overGoalText, t.ownDistrictBackground],
    ["group heading", t.headingText, t.background],
    ["notes summary", t.headingText, t.background],
    ["error notice", t.overGoalText, t.errorBackground],
    ["error message", t.text, t.errorBackground],
    ["goal label on a chart", t.goal, t.background],
    // Map labels sit on a halo of the background colour, not on the area's fill.
    ["map label on its halo", t.text, t.background],
  ]

  it.each(pairs)("%s has a contrast of at least 4.5:1", (_, foreground, background) => {
    expect(contrastRatio(foreground, background)).toBeGreaterThanOrEqual(4.5)
  })
})

describe("resolveTheme", () => {
  it("keeps the defaults and applies overrides", () => {
    expect(resolveTheme({ mutedText: "#123456" })).toEqual({ ...defaultTheme, mutedText: "#123456" })
    // Headings take a programmatic accent too, unless they are given their own colour.
    expect(resolveTheme({ accent: "#123456" })).toEqual({
      ...defaultTheme,
      accent: "#123456",
      headingText: "#123456",
    })
  })

  it("refuses values that could break out of CSS or SVG attributes", () => {
    expect(() => resolveTheme({ accent: "red; } body { display: none" })).toThrow(/theme.accent/)
    expect(() => resolveTheme({ fontFamily: "x</style><script>" })).toThrow(/fontFamily/)
    expect(() => resolveTheme({ series: [] })).toThrow(/theme.series/)
    expect(() => resolveTheme({ series: ["#fff"] })).toThrow(/theme.series/)
  })

  it("names an unknown setting", () => {
    expect(() => resolveTheme({ colour: "#ffffff" } as never)).toThrow(/theme.colour is not a theme setting/)
  })
})
