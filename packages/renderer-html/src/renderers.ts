import {
  defineRenderer,
  type OutputFile,
  type RenderContext,
  RenderError,
  type RendererDefinition,
  type Report,
} from "@ambu/core"
import * as Effect from "effect/Effect"
import { type ChromiumOptions, messageOf, withChromium } from "./browser/chromium.js"
import {
  openReportPage,
  type PageStats,
  printPdf,
  type SlideImage,
  screenshotSlides,
} from "./browser/report-page.js"
import { stablePdf } from "./browser/stable-pdf.js"
import { type DeckTheme, themeFromDeck } from "./deck-theme.js"
import { type HtmlOptions, renderHtml } from "./html/render-html.js"
import { slidePngPaths } from "./png-names.js"
import { defaultTheme, type HtmlTheme } from "./theme.js"

export type DocumentFormat = "html" | "pdf" | "png"

export interface DocumentOptions extends HtmlOptions, ChromiumOptions {
  /** The output's base name: `report` gives `report.html`, `report.pdf`. */
  readonly baseName?: string
}

export interface RenderedDocuments {
  readonly files: ReadonlyArray<OutputFile>
  /** What the browser saw; empty when only HTML was asked for. */
  readonly pageStats: PageStats
}

/**
 * Renders the report in several formats with one browser launch: the HTML
 * once, then the PDF and the slide PNGs from the same open page. Fails with
 * a RenderError when the page tried any request, since the files would then
 * miss whatever it wanted to load.
 */
export const renderDocuments = (
  report: Report,
  formats: ReadonlyArray<DocumentFormat>,
  options: DocumentOptions = {},
): Effect.Effect<RenderedDocuments, RenderError> =>
  Effect.gen(function* () {
    const baseName = options.baseName ?? "report"
    const firstFormat = formats[0] ?? "html"
    const html = yield* Effect.try({
      try: () => cachedHtml(report, options),
      catch: (cause) =>
        new RenderError({ format: firstFormat, message: `${firstFormat}: ${messageOf(cause)}`, cause }),
    })
    const htmlFiles: OutputFile[] = formats.includes("html")
      ? [{ path: `${baseName}.html`, content: html }]
      : []

    if (!formats.includes("pdf") && !formats.includes("png")) {
      return { files: htmlFiles, pageStats: { abortedRequests: [], consoleErrors: [] } }
    }

    const browserFormat = formats.includes("pdf") ? "pdf" : "png"
    return yield* withChromium(browserFormat, options, (browser) =>
      Effect.gen(function* () {
        const { page, stats } = yield* openReportPage(browser, html, browserFormat)
        const pdf = formats.includes("pdf")
          ? [{ path: `${baseName}.pdf`, content: yield* stampedPdf(yield* printPdf(page), report) }]
          : []
        const pngs = formats.includes("png") ? yield* slidePngs(yield* screenshotSlides(page)) : []

        const pageStats = stats()
        if (pageStats.abortedRequests.length > 0) {
          return yield* new RenderError({
            format: browserFormat,
            message:
              `${browserFormat}: the page tried ${pageStats.abortedRequests.length} request(s), which were blocked ` +
              `(first: ${pageStats.abortedRequests[0]}); the HTML is not self-contained`,
          })
        }
        return { files: [...htmlFiles, ...pdf, ...pngs], pageStats }
      }),
    )
  })

/**
 * The page of a report, made once per report and theme: a run asking for
 * html, pdf and png calls each renderer in turn with the same report, and
 * the page (charts and map drawn through jsdom) is the costly part. The
 * page is a pure function of both, so reusing it changes no byte.
 */
const pages = new WeakMap<Report, Map<string, string>>()

const cachedHtml = (report: Report, options: HtmlOptions): string => {
  const key = JSON.stringify(options.theme ?? null)
  let byTheme = pages.get(report)
  if (byTheme === undefined) {
    byTheme = new Map()
    pages.set(report, byTheme)
  }
  let html = byTheme.get(key)
  if (html === undefined) {
    html = renderHtml(report, options)
    byTheme.set(key, html)
  }
  return html
}

/** The printed PDF with its dates from `report.generatedAt`, so the same report gives the same bytes. */
const stampedPdf = (pdf: Uint8Array, report: Report): Effect.Effect<Uint8Array, RenderError> =>
  Effect.try({
    try: () => {
      const generatedAt = new Date(report.generatedAt)
      if (Number.isNaN(generatedAt.getTime())) {
        throw new RangeError(
          `generatedAt "${report.generatedAt}" is not an ISO 8601 time; set it to e.g. 2026-01-15T09:00:00Z`,
        )
      }
      return stablePdf(pdf, generatedAt)
    },
    catch: (cause) => new RenderError({ format: "pdf", message: `pdf: ${messageOf(cause)}`, cause }),
  })

/** The page images as files named by slide and page (`png-names.ts`). */
const slidePngs = (images: ReadonlyArray<SlideImage>): Effect.Effect<OutputFile[], RenderError> =>
  Effect.try({
    try: () => {
      const paths = slidePngPaths(images)
      return images.map((image, index) => ({ path: paths[index]!, content: image.image }))
    },
    catch: (cause) => new RenderError({ format: "png", message: `png: ${messageOf(cause)}`, cause }),
  })

/**
 * Reads this package's options from the renderer options the CLI passes:
 * `chromiumPath`, and `theme`, where the deck configuration's `accent` and
 * `font` become the HTML theme's settings (`themeFromDeck`) and any of the
 * HTML theme's own settings (`renderers.html.theme`) apply on top.
 */
export const documentOptionsFrom = (
  context: RenderContext,
  format: DocumentFormat = "html",
): Effect.Effect<DocumentOptions, RenderError> =>
  Effect.try({
    try: (): DocumentOptions => {
      const { chromiumPath, theme } = context.options
      return {
        baseName: context.baseName,
        ...(typeof chromiumPath === "string" ? { chromiumPath } : {}),
        ...(theme === undefined ? {} : { theme: themeOption(theme) }),
      }
    },
    catch: (cause) => new RenderError({ format, message: `${format}: ${messageOf(cause)}`, cause }),
  })

const DECK_THEME_KEYS: ReadonlyArray<string> = ["accent", "font"]

const themeOption = (value: unknown): Partial<HtmlTheme> => {
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    throw new RangeError('theme must be an object such as { "accent": "#00507a", "font": "Arial" }')
  }
  const { accent, font, ...own } = value as Readonly<Record<string, unknown>>

  const unknown = Object.keys(own).filter((key) => !(key in defaultTheme))
  if (unknown.length > 0) {
    throw new RangeError(
      `theme.${unknown[0]} is not a theme setting; known: ${[...new Set([...DECK_THEME_KEYS, ...Object.keys(defaultTheme)])].join(", ")}`,
    )
  }

  const deck: DeckTheme = { accent: textOrUndefined(accent, "accent"), font: textOrUndefined(font, "font") }
  // The HTML theme's own settings were checked by name above; resolveTheme checks their values.
  return { ...themeFromDeck(deck), ...(own as Partial<HtmlTheme>) }
}

const textOrUndefined = (value: unknown, key: string): string | undefined => {
  if (value === undefined || typeof value === "string") return value
  throw new RangeError(`theme.${key} must be a string, not ${JSON.stringify(value)}`)
}

const rendererFor = (format: DocumentFormat, description: string): RendererDefinition =>
  defineRenderer({
    format,
    description,
    render: (report, context) =>
      Effect.gen(function* () {
        context.progress.step(`${format}: rendering ${report.slides.length} slides`)
        const options = yield* documentOptionsFrom(context, format)
        const { files } = yield* renderDocuments(report, [format], options)
        return files
      }),
  })

/** `report.html`: one self-contained page, no request leaves it. */
export const htmlRenderer = rendererFor("html", "One self-contained HTML file with a 16:9 section per slide")

/** `report.pdf`: one page per slide, printed by headless Chromium. */
export const pdfRenderer = rendererFor(
  "pdf",
  "PDF with one 16:9 page per slide, printed by headless Chromium",
)

/**
 * `png/slide-01.png` …: one 1600×900 image per page, by headless Chromium,
 * named by the slide's number; a slide's further pages add `-2`, `-3`.
 */
export const pngRenderer = rendererFor(
  "png",
  "One 1600×900 PNG per page, by headless Chromium: png/slide-04.png, a further page of it png/slide-04-2.png",
)

/** The renderers of this package, for the CLI's plugin list. */
export const htmlRenderers: ReadonlyArray<RendererDefinition> = [htmlRenderer, pdfRenderer, pngRenderer]
