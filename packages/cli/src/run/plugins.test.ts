import { applyDeckConfig, buildRegistry, type ConfigError } from "@ambu/core"
import { defaultTheme } from "@ambu/renderer-html"
import { Effect, Result } from "effect"
import { describe, expect, it } from "vitest"
import { builtinPlugins, HTML_THEME_COLOUR_LISTS, HTML_THEME_COLOURS } from "./plugins.js"

const registry = Effect.runSync(buildRegistry(builtinPlugins))
const apply = (renderers: Record<string, Record<string, unknown>>) =>
  Effect.runSync(Effect.result(applyDeckConfig({ renderers }, registry, "ambu.config.json")))
const refusal = (renderers: Record<string, Record<string, unknown>>): string => {
  const outcome = apply(renderers)
  if (Result.isSuccess(outcome)) throw new Error("expected a refusal")
  return (outcome.failure as ConfigError).message
}

describe("the built-in formats' options", () => {
  it("know every setting of the HTML renderer's theme, and no other", () => {
    // The schema lives here so the configuration is checked without loading the renderer; this keeps them in step.
    const listed = [...HTML_THEME_COLOURS, ...HTML_THEME_COLOUR_LISTS, "fontFamily", "accent"].sort()
    expect(listed).toEqual(Object.keys(defaultTheme).sort())
  })

  it("take the HTML theme's own settings for html, pdf and png, and Chromium's path for pdf and png", () => {
    const outcome = apply({
      html: { theme: { accent: "#112233", series: ["#000000"], fontFamily: '"Source Sans 3", Arial' } },
      pdf: { chromiumPath: "/usr/bin/chromium" },
      pptx: { theme: { font: "Arial" } },
    })
    if (Result.isFailure(outcome)) throw new Error(outcome.failure.message)
    expect(outcome.success.rendererOptions.html).toEqual({
      theme: { accent: "#112233", series: ["#000000"], fontFamily: '"Source Sans 3", Arial' },
    })
    expect(outcome.success.rendererOptions.pdf).toEqual({ chromiumPath: "/usr/bin/chromium" })
    expect(outcome.success.rendererOptions.pptx).toEqual({ theme: { font: "Arial" } })
  })

  it("refuse what each format does not take, with the key path", () => {
    const message = refusal({
      html: { chromiumPath: "/usr/bin/chromium", theme: { accent: "red", series: [] } },
      pptx: { theme: { headerBackground: "#000000" } },
      png: { theme: { colour: "#000000" } },
    })
    expect(message.split("\n").slice(1)).toEqual([
      '  ✖ renderers."html": the "html" format (plugin "@ambu/renderer-html") has no option "chromiumPath"; its options: "theme"',
      '  ✖ renderers."html".theme.accent: must be a colour written #rrggbb, e.g. #00507a',
      '  ✖ renderers."html".theme.series: must list at least one colour',
      '  ✖ renderers."png".theme: unknown key "colour"; known keys: accent, font, fontFamily, text, mutedText, background, headingText, headerBackground, headerText, ownDistrictBackground, totalBackground, overGoalText, overGoalBackground, errorBackground, goal, noValue, series, mapRamp',
      '  ✖ renderers."pptx".theme: unknown key "headerBackground"; known keys: accent, font',
    ])
  })
})
