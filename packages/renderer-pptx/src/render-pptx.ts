import { type ProgressReporter, RenderError, type Report, silentProgress } from "@ambu/core"
import * as Effect from "effect/Effect"
import { type DeckTheme, resolvePptxTheme } from "./deck-theme.js"
import { drawPage } from "./draw-page.js"
import { planReport } from "./layout/plan.js"
import type { ChartFix } from "./package/chart-fix.js"
import { normalizeDeck } from "./package/normalize.js"
import { PptxGenJS } from "./pptxgen.js"
import { labelsFor, type PptxTheme } from "./theme.js"

export interface RenderPptxOptions {
  /** The deck configuration's accent and font; without it, the default blue and Calibri. */
  readonly theme?: DeckTheme
  readonly progress?: ProgressReporter
}

const FORMAT = "pptx"

/** The report's time as a date; a report with an unreadable time cannot be made deterministic. */
const generatedAtOf = (report: Report): Effect.Effect<Date, RenderError> => {
  const date = new Date(report.generatedAt)
  return Number.isNaN(date.getTime())
    ? Effect.fail(
        new RenderError({
          format: FORMAT,
          message: `generatedAt "${report.generatedAt}" is not an ISO 8601 time; set it to e.g. 2026-01-15T09:00:00Z`,
        }),
      )
    : Effect.succeed(date)
}

const themeOf = (deck: DeckTheme | undefined): Effect.Effect<PptxTheme, RenderError> =>
  Effect.try({
    try: () => resolvePptxTheme(deck),
    catch: (cause) =>
      new RenderError({
        format: FORMAT,
        message: cause instanceof Error ? cause.message : String(cause),
        cause,
      }),
  })

const sourceLine = (report: Report): string =>
  `${report.region} · ${report.period.from} – ${report.period.to}`

/** Builds the deck with pptxgenjs: its bytes as pptxgenjs wrote them, and what its charts still need. */
const buildDeck = async (
  report: Report,
  theme: PptxTheme,
  progress: ProgressReporter,
): Promise<{ readonly bytes: Uint8Array; readonly chartFixes: ReadonlyArray<ChartFix> }> => {
  const labels = labelsFor(report.language)
  const presentation = new PptxGenJS()
  presentation.layout = "LAYOUT_WIDE"
  presentation.author = report.tool.name
  presentation.company = report.region
  presentation.title = report.slides[0]?.title ?? report.region
  presentation.subject = sourceLine(report)
  presentation.revision = "1"
  presentation.theme = { headFontFace: theme.font, bodyFontFace: theme.font }

  const pages = planReport(report, labels)
  const chartFixes = pages.flatMap((page) => drawPage(presentation, page, sourceLine(report), labels, theme))
  progress.step(`pptx: ${report.slides.length} report slides as ${pages.length} PowerPoint slides`)

  const written = await presentation.write({ outputType: "uint8array" })
  return { bytes: written as Uint8Array, chartFixes }
}

/**
 * Renders the report as a PowerPoint deck (16:9) with native tables and
 * charts and the slides' notes as speaker notes, in the configured accent
 * and font (`resolvePptxTheme`). The same report gives the
 * same bytes: dates come from `report.generatedAt`, never from the clock.
 *
 * @example
 * const bytes = await Effect.runPromise(renderPptx(report))
 */
export const renderPptx = (
  report: Report,
  options: RenderPptxOptions = {},
): Effect.Effect<Uint8Array, RenderError> =>
  Effect.gen(function* () {
    const generatedAt = yield* generatedAtOf(report)
    const theme = yield* themeOf(options.theme)
    const progress = options.progress ?? silentProgress
    return yield* Effect.tryPromise({
      try: async () => {
        const { bytes, chartFixes } = await buildDeck(report, theme, progress)
        return normalizeDeck(bytes, generatedAt, chartFixes)
      },
      catch: (cause) =>
        new RenderError({
          format: FORMAT,
          message: `could not write the PowerPoint deck: ${cause instanceof Error ? cause.message : String(cause)}`,
          cause,
        }),
    })
  })
