import { silentProgress } from "@ambu/core"
import { reportFixture } from "@ambu/core/testing"
import { Effect } from "effect"
import { beforeAll, describe, expect, it } from "vitest"
import {
  contrastRatio,
  defaultPptxTheme,
  MIN_TEXT_CONTRAST,
  type PptxTheme,
  pptxRenderer,
  renderPptx,
  resolvePptxTheme,
} from "../src/index.js"
import { DEFAULT_ACCENT } from "../src/theme.js"
import { type Deck, slidePaths, unzipDeck } from "./support/deck.js"

const renderThemed = async (theme: { accent?: string; font?: string }): Promise<Deck> =>
  unzipDeck(await Effect.runPromise(renderPptx(reportFixture, { theme })))

/** Every text colour on every fill it is drawn on (see blocks/table.ts and blocks/text.ts). */
const textPairs = (t: PptxTheme): ReadonlyArray<[string, string, string]> => {
  const c = t.colors
  return [
    ["slide heading and caption", c.heading, "FFFFFF"],
    ["key figure value", c.heading, c.keyFigureFill],
    ["over-goal key figure", c.overGoal, c.keyFigureFill],
    ["key figure label", c.text, c.keyFigureFill],
    ["table header", c.headerText, c.headerFill],
    ["group heading row", c.text, c.groupHeadingFill],
    ["over-goal cell in a group heading row", c.overGoal, c.groupHeadingFill],
    ["total row", c.text, c.totalFill],
    ["over-goal total", c.overGoal, c.totalFill],
    ["suppressed total", c.suppressed, c.totalFill],
    ["own-district cell", c.text, c.ownDistrictFill],
    ["over-goal own-district cell", c.overGoal, c.ownDistrictFill],
    ["suppressed own-district cell", c.suppressed, c.ownDistrictFill],
  ]
}

describe("resolvePptxTheme", () => {
  it("is the default theme itself when nothing is configured", () => {
    expect(resolvePptxTheme()).toBe(defaultPptxTheme)
    expect(resolvePptxTheme({})).toBe(defaultPptxTheme)
  })

  it("has the HTML's accent #00507a by default, with the tints any accent gets", () => {
    // Tints of 00 50 7A over white: 15 % 0 + 216.75 → D9, 12 + 216.75 → E5, 18.3 + 216.75 → EB;
    // 10 % 229.5 → E6 (rounds up), 8 + 229.5 → EE, 12.2 + 229.5 → F2; 5.5 % 240.98 → F1, 245.38 → F5, 247.69 → F8.
    expect(DEFAULT_ACCENT).toBe("#00507a")
    expect(defaultPptxTheme.colors).toMatchObject({
      heading: "00507A",
      headerFill: "00507A",
      headerText: "FFFFFF",
      rule: "00507A",
      groupHeadingFill: "D9E5EB",
      totalFill: "E6EEF2",
      keyFigureFill: "F1F5F8",
    })
    expect(resolvePptxTheme({ accent: DEFAULT_ACCENT }).colors).toEqual(defaultPptxTheme.colors)
    // White on 00507A (L = 0.0714): 1.05 / 0.1214 = 8.65:1.
    expect(contrastRatio("FFFFFF", "00507A")).toBeCloseTo(8.65, 2)
  })

  it("derives fills and text from the accent: a dark red keeps white header text and red headings", () => {
    // Tints over white, e.g. total rows 10 %: 0.1·0x7a + 0.9·255 = 241.7 → F2; 0.1·0 + 229.5 → E6 (rounds up);
    // 0x19 = 25 → 2.5 + 229.5 = 232 → E8.
    const { colors } = resolvePptxTheme({ accent: "#7a0019" })
    expect(colors).toMatchObject({
      heading: "7A0019",
      headerFill: "7A0019",
      headerText: "FFFFFF",
      rule: "7A0019",
      totalFill: "F2E6E8",
    })
    expect(colors.text).toBe(defaultPptxTheme.colors.text)
  })

  it("turns header text and headings dark on a light accent", () => {
    // White on #ffd200 is 1.45:1 (L = 0.674); 1F1F1F on it is 0.724 / 0.0637 = 11.4:1.
    const { colors } = resolvePptxTheme({ accent: "#ffd200" })
    expect(colors.headerText).toBe(defaultPptxTheme.colors.text)
    expect(colors.heading).toBe(defaultPptxTheme.colors.text)
    expect(colors.headerFill).toBe("FFD200")
  })

  it("takes black header text where neither white nor the body text reaches 4.5:1", () => {
    // #7c7c7c: L = 0.2016; white 1.05 / 0.2516 = 4.17; 1F1F1F (L 0.0137) 0.2516 / 0.0637 = 3.95; black 5.03.
    expect(resolvePptxTheme({ accent: "#7c7c7c" }).colors.headerText).toBe("000000")
  })

  it("keeps every text at 4.5:1 or more for the default and for every accent of a 16-step grid", () => {
    const failures = textPairs(defaultPptxTheme)
      .filter(([, foreground, background]) => contrastRatio(foreground, background) < MIN_TEXT_CONTRAST)
      .map(([name]) => `default ${name}`)
    const steps = Array.from({ length: 16 }, (_, index) => (index * 0x11).toString(16).padStart(2, "0"))
    for (const r of steps)
      for (const g of steps)
        for (const b of steps) {
          for (const [name, foreground, background] of textPairs(
            resolvePptxTheme({ accent: `#${r}${g}${b}` }),
          )) {
            if (contrastRatio(foreground, background) < MIN_TEXT_CONTRAST)
              failures.push(`#${r}${g}${b} ${name}`)
          }
        }
    expect(failures).toEqual([])
  })

  it("draws every chart series at least 3:1 against the white slide (WCAG 1.4.11 for graphics)", () => {
    expect(defaultPptxTheme.series.filter((colour) => contrastRatio(colour, "FFFFFF") < 3)).toEqual([])
  })

  it("uses the configured font and keeps the colours when only the font is set", () => {
    const theme = resolvePptxTheme({ font: " Skåne Sans " })
    expect(theme.font).toBe("Skåne Sans")
    expect(theme.colors).toBe(defaultPptxTheme.colors)
  })

  it("refuses a bad colour or font, naming the setting", () => {
    expect(() => resolvePptxTheme({ accent: "navy" })).toThrow(
      /theme.accent must be a colour written #rrggbb/,
    )
    expect(() => resolvePptxTheme({ font: "Arial, sans-serif" })).toThrow(
      /theme.font must be one font family/,
    )
    expect(() => resolvePptxTheme({ font: 'A"/><x' })).toThrow(/theme.font/)
  })
})

describe("a deck rendered with a configured theme", () => {
  let deck: Deck

  beforeAll(async () => {
    deck = await renderThemed({ accent: "#7a0019", font: "Source Sans 3" })
  })

  it("draws the heading, its rule and the table header in the accent", () => {
    // Slide 2 of the fixture: a heading, its rule and a table with a header row.
    const slide = deck.text("ppt/slides/slide2.xml")
    const heading = /<a:rPr [^>]*sz="2400"[^>]*><a:solidFill><a:srgbClr val="([0-9A-F]{6})"/.exec(slide)
    expect(heading?.[1]).toBe("7A0019")
    expect(slide).toMatch(/<a:ln w="19050"><a:solidFill><a:srgbClr val="7A0019"\/>/)
    expect(slide).toMatch(/<\/a:lnB><a:solidFill><a:srgbClr val="7A0019"\/><\/a:solidFill>/)
    expect(slide).not.toContain('srgbClr val="00507A"')
  })

  it("writes the font in every text run of every slide and chart, and in the presentation theme", () => {
    const charts = deck.paths.filter((path) => /^ppt\/charts\/chart\d+\.xml$/.test(path))
    expect(charts).toHaveLength(2)
    for (const path of [...slidePaths(deck), ...charts]) {
      const faces = new Set([...deck.text(path).matchAll(/<a:latin typeface="([^"]*)"/g)].map((m) => m[1]))
      expect([...faces], path).toEqual(["Source Sans 3"])
    }
    const theme = deck.text("ppt/theme/theme1.xml")
    expect(theme).toContain('<a:majorFont><a:latin typeface="Source Sans 3"/>')
    expect(theme).toContain('<a:minorFont><a:latin typeface="Source Sans 3"/>')
  })

  it("gives dark header text on a light accent", async () => {
    const yellow = await renderThemed({ accent: "#ffd200" })
    const slide = yellow.text("ppt/slides/slide2.xml")
    const headerCells = [...slide.matchAll(/<a:tc\b[^>]*>([\s\S]*?)<\/a:tc>/g)]
      .map((match) => match[1]!)
      .filter((cell) => /<\/a:lnB><a:solidFill><a:srgbClr val="FFD200"\/>/.test(cell))
    expect(headerCells.length).toBeGreaterThan(0)
    for (const cell of headerCells) {
      expect(/<a:rPr [^>]*><a:solidFill><a:srgbClr val="([0-9A-F]{6})"/.exec(cell)?.[1]).toBe("1F1F1F")
    }
  })
})

describe("pptxRenderer: the theme option", () => {
  const render = (theme: unknown) =>
    pptxRenderer.render(reportFixture, { baseName: "report", options: { theme }, progress: silentProgress })

  it("passes the configuration's theme to the deck", async () => {
    const files = await Effect.runPromise(render({ accent: "#7a0019", font: "Source Sans 3" }))
    const themed = await unzipDeck(files[0]!.content as Uint8Array)
    expect(themed.text("ppt/slides/slide2.xml")).toEqual(
      (await renderThemed({ accent: "#7a0019", font: "Source Sans 3" })).text("ppt/slides/slide2.xml"),
    )
  })

  it("fails as a RenderError on an unknown setting, a value that is not text, or a bad colour", async () => {
    const messageOf = async (theme: unknown) => (await Effect.runPromise(Effect.flip(render(theme)))).message
    expect(await messageOf({ colour: "#ffffff" })).toBe(
      "theme.colour is not a theme setting of the pptx format; known: accent, font",
    )
    expect(await messageOf({ font: 12 })).toBe("theme.font must be a string, not 12")
    expect(await messageOf("blue")).toMatch(/theme must be an object/)
    expect(await messageOf({ accent: "blue" })).toMatch(/^theme.accent must be a colour/)
  })
})
