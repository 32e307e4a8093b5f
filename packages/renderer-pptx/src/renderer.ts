import { defineRenderer, RenderError, type RendererDefinition } from "@ambu/core"
import * as Effect from "effect/Effect"
import type { DeckTheme } from "./deck-theme.js"
import { renderPptx } from "./render-pptx.js"

const DECK_THEME_KEYS: ReadonlyArray<string> = ["accent", "font"]

/** The `theme` renderer option as the deck configuration writes it, checked, since options arrive untyped. */
const deckThemeOf = (value: unknown): Effect.Effect<DeckTheme | undefined, RenderError> => {
  const refuse = (message: string) => Effect.fail(new RenderError({ format: "pptx", message }))
  if (value === undefined) return Effect.succeed(undefined)
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    return refuse('theme must be an object such as { "accent": "#00507a", "font": "Arial" }')
  }

  const entries = Object.entries(value)
  const unknown = entries.find(([key]) => !DECK_THEME_KEYS.includes(key))
  if (unknown !== undefined) {
    return refuse(
      `theme.${unknown[0]} is not a theme setting of the pptx format; known: ${DECK_THEME_KEYS.join(", ")}`,
    )
  }
  const notText = entries.find(([, setting]) => typeof setting !== "string")
  if (notText !== undefined) {
    return refuse(`theme.${notText[0]} must be a string, not ${JSON.stringify(notText[1])}`)
  }
  return Effect.succeed(value as DeckTheme)
}

/** The `pptx` output format: `<baseName>.pptx` (`report.pptx` by default). */
export const pptxRenderer: RendererDefinition = defineRenderer({
  format: "pptx",
  description: "PowerPoint deck (16:9) with native, editable tables and charts and speaker notes",
  render: (report, context) =>
    Effect.gen(function* () {
      const theme = yield* deckThemeOf(context.options.theme)
      const content = yield* renderPptx(report, {
        progress: context.progress,
        ...(theme === undefined ? {} : { theme }),
      })
      return [{ path: `${context.baseName}.pptx`, content }]
    }),
})
