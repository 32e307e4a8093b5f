import {
  type AmbuPlugin,
  corePlugin,
  DeckThemeConfig,
  definePlugin,
  defineRenderer,
  FontName,
  HexColour,
  type RendererDefinition,
  unknownKeys,
} from "@ambu/core"
import * as Effect from "effect/Effect"
import { z } from "zod"
import type { WorkerFormat } from "../render-worker/protocol.js"
import { htmlWorkerAvailable, renderInWorker } from "../render-worker/worker-client.js"

/**
 * A renderer whose package is imported only when its format is asked for:
 * the HTML family pulls in jsdom, Plot and puppeteer, which would cost every
 * `ambu validate` and `--help` a second of start-up. Its options schema is
 * therefore given here, so the configuration can be checked without it.
 */
const lazyRenderer = (
  format: string,
  description: string,
  options: z.ZodType<unknown>,
  load: () => Promise<RendererDefinition>,
): RendererDefinition =>
  defineRenderer({
    format,
    description,
    options,
    render: (report, context) =>
      Effect.promise(load).pipe(Effect.flatMap((renderer) => renderer.render(report, context))),
  })

/**
 * The HTML theme's own settings (`HtmlTheme` in `@ambu/renderer-html`),
 * which `renderers.html.theme` may set besides the deck theme's accent and
 * font. `plugins.test.ts` checks this list against the renderer's.
 */
export const HTML_THEME_COLOURS = [
  "text",
  "mutedText",
  "background",
  "headingText",
  "headerBackground",
  "headerText",
  "ownDistrictBackground",
  "totalBackground",
  "overGoalText",
  "overGoalBackground",
  "errorBackground",
  "goal",
  "noValue",
] as const
export const HTML_THEME_COLOUR_LISTS = ["series", "mapRamp"] as const

const htmlThemeKeys = ["accent", "font", "fontFamily", ...HTML_THEME_COLOURS, ...HTML_THEME_COLOUR_LISTS]

/** `renderers.html.theme` (and pdf's, png's): the deck theme, then any HTML theme setting over it. */
const HtmlThemeOption = z.strictObject(
  {
    accent: HexColour.optional(),
    font: FontName.optional(),
    fontFamily: z
      .string()
      .regex(
        /^[\p{L}\p{N}\s,"'._-]+$/u,
        'must be a plain CSS font list, e.g. "Source Sans 3", Arial, sans-serif',
      )
      .optional(),
    ...Object.fromEntries(HTML_THEME_COLOURS.map((key) => [key, HexColour.optional()])),
    ...Object.fromEntries(
      HTML_THEME_COLOUR_LISTS.map((key) => [
        key,
        z.array(HexColour).min(1, "must list at least one colour").optional(),
      ]),
    ),
  },
  { error: unknownKeys(htmlThemeKeys) },
)

const htmlOptions = z.strictObject({ theme: HtmlThemeOption.optional() })
const browserOptions = z.strictObject({
  theme: HtmlThemeOption.optional(),
  chromiumPath: z.string().min(1).optional().describe("the Chromium to print with; default: Debian's"),
})
const pptxOptions = z.strictObject({ theme: DeckThemeConfig.optional() })

/**
 * An HTML-family format, drawn in the worker thread where the compiled CLI
 * runs (render-worker/), in this thread where its sources run directly.
 */
const htmlFamily = (format: WorkerFormat) => (): Promise<RendererDefinition> =>
  htmlWorkerAvailable()
    ? Promise.resolve(
        defineRenderer({
          format,
          description: format,
          render: (report, context) => renderInWorker(format, report, context),
        }),
      )
    : import("@ambu/renderer-html").then((m) => m.htmlRenderers.find((r) => r.format === format)!)

/** The plugins every run has: core's metrics and JSON, the HTML family (html, pdf, png), PowerPoint. */
export const builtinPlugins: ReadonlyArray<AmbuPlugin> = [
  corePlugin,
  definePlugin({
    name: "@ambu/renderer-html",
    renderers: [
      lazyRenderer(
        "html",
        "one self-contained HTML file, a 16:9 section per slide",
        htmlOptions,
        htmlFamily("html"),
      ),
      lazyRenderer(
        "pdf",
        "the HTML printed by Debian's Chromium, one 16:9 page per slide",
        browserOptions,
        htmlFamily("pdf"),
      ),
      lazyRenderer(
        "png",
        "one 1600×900 PNG per page, named by slide (slide-04.png, slide-04-2.png), through Chromium",
        browserOptions,
        htmlFamily("png"),
      ),
    ],
  }),
  definePlugin({
    name: "@ambu/renderer-pptx",
    renderers: [
      lazyRenderer(
        "pptx",
        "a PowerPoint deck with native, editable tables, charts and map",
        pptxOptions,
        () => import("@ambu/renderer-pptx").then((m) => m.pptxRenderer),
      ),
    ],
  }),
]
