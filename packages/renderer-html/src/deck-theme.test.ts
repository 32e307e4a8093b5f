import { describe, expect, it } from "vitest"
import { themeFromDeck } from "./deck-theme.js"
import { contrastRatio, defaultTheme, MIN_TEXT_CONTRAST, resolveTheme } from "./theme.js"

describe("themeFromDeck: the accent", () => {
  it("fills headers and tints total rows with the default blue, keeping white header text", () => {
    // Tint, 9 % accent over white: 0.09·0x00 + 0.91·255 = 232.05 → e8; 0.09·0x50 + 232.05 = 239.25 → ef;
    // 0.09·0x7a + 232.05 = 243.03 → f3.
    expect(themeFromDeck({ accent: "#00507A" })).toEqual({
      accent: "#00507a",
      headerBackground: "#00507a",
      headerText: "#ffffff",
      headingText: "#00507a",
      totalBackground: "#e8eff3",
    })
  })

  it("turns text dark on a light accent: yellow headers get the body text colour, headings too", () => {
    // #ffd200: L = 0.2126·1 + 0.7152·0.644 + 0 = 0.674; white on it (1.05 / 0.724) = 1.45:1,
    // #1b1b1b (L 0.011) on it 0.724 / 0.061 = 11.9:1. Headings in yellow on white would be 1.45:1 too.
    const theme = themeFromDeck({ accent: "#ffd200" })
    expect(theme.headerText).toBe(defaultTheme.text)
    expect(theme.headingText).toBe(defaultTheme.text)
    expect(theme.accent).toBe("#ffd200")
  })

  it("takes black where neither white nor the body text reaches 4.5:1", () => {
    // #7c7c7c: L = 0.2016; white 1.05 / 0.2516 = 4.17, #1b1b1b 0.2516 / 0.0610 = 4.13, black 0.2516 / 0.05 = 5.03.
    const theme = themeFromDeck({ accent: "#7c7c7c" })
    expect(theme.headerText).toBe("#000000")
    expect(theme.headingText).toBe(defaultTheme.text)
  })

  it("keeps every text at 4.5:1 or more on every accent of a 16-step grid (4096 colours)", () => {
    const steps = Array.from({ length: 16 }, (_, index) => (index * 0x11).toString(16).padStart(2, "0"))
    const failures: string[] = []
    for (const r of steps)
      for (const g of steps)
        for (const b of steps) {
          const t = resolveTheme(themeFromDeck({ accent: `#${r}${g}${b}` }))
          const pairs: ReadonlyArray<[string, string, string]> = [
            ["table header", t.headerText, t.headerBackground],
            ["title slide", t.headerText, t.accent],
            ["slide heading", t.headingText, t.background],
            ["total row", t.text, t.totalBackground],
            ["over-goal key figure", t.overGoalText, t.totalBackground],
          ]
          for (const [name, foreground, background] of pairs) {
            if (contrastRatio(foreground, background) < MIN_TEXT_CONTRAST)
              failures.push(`#${r}${g}${b} ${name}`)
          }
        }
    expect(failures).toEqual([])
  })

  it("refuses what is not #rrggbb, naming the setting", () => {
    expect(() => themeFromDeck({ accent: "red" })).toThrow(/theme.accent must be a colour written #rrggbb/)
    expect(() => themeFromDeck({ accent: "#fff" })).toThrow(/theme.accent/)
  })
})

describe("themeFromDeck: the font", () => {
  it("puts the font before the default list, quoted", () => {
    expect(themeFromDeck({ font: "Source Sans 3" })).toEqual({
      fontFamily: `"Source Sans 3", ${defaultTheme.fontFamily}`,
    })
  })

  it("accepts names in Swedish", () => {
    expect(themeFromDeck({ font: "Skåne Sans" }).fontFamily).toMatch(/^"Skåne Sans", /)
    expect(resolveTheme(themeFromDeck({ font: "Skåne Sans" })).fontFamily).toMatch(/^"Skåne Sans", /)
  })

  it("refuses a list, quotes or markup: the renderer adds its own fallbacks", () => {
    expect(() => themeFromDeck({ font: "Arial, sans-serif" })).toThrow(/theme.font must be one font family/)
    expect(() => themeFromDeck({ font: '"Arial"' })).toThrow(/theme.font/)
    expect(() => themeFromDeck({ font: "x</style><script>" })).toThrow(/theme.font/)
  })
})

describe("resolveTheme: headings", () => {
  it("follow a programmatic accent when no heading colour is given", () => {
    expect(resolveTheme({ accent: "#123456" }).headingText).toBe("#123456")
    expect(resolveTheme({ accent: "#123456", headingText: "#000000" }).headingText).toBe("#000000")
  })
})
