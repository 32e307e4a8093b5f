import {
  type AmbuPlugin,
  corePlugin,
  definePlugin,
  defineRenderer,
  type RendererDefinition,
} from "@ambu/core"
import { Effect } from "effect"

/**
 * A renderer whose package is imported only when its format is asked for:
 * the HTML family pulls in jsdom, Plot and puppeteer, which would cost every
 * `ambu validate` and `--help` a second of start-up.
 */
const lazyRenderer = (
  format: string,
  description: string,
  load: () => Promise<RendererDefinition>,
): RendererDefinition =>
  defineRenderer({
    format,
    description,
    render: (report, context) =>
      Effect.promise(load).pipe(Effect.flatMap((renderer) => renderer.render(report, context))),
  })

const htmlFamily = (format: "html" | "pdf" | "png") => () =>
  import("@ambu/renderer-html").then((m) => m.htmlRenderers.find((r) => r.format === format)!)

/** The plugins every run has: core's metrics and JSON, the HTML family (html, pdf, png), PowerPoint. */
export const builtinPlugins: ReadonlyArray<AmbuPlugin> = [
  corePlugin,
  definePlugin({
    name: "@ambu/renderer-html",
    renderers: [
      lazyRenderer("html", "one self-contained HTML file, a 16:9 section per slide", htmlFamily("html")),
      lazyRenderer(
        "pdf",
        "the HTML printed by Debian's Chromium, one 16:9 page per slide",
        htmlFamily("pdf"),
      ),
      lazyRenderer("png", "one PNG per slide (1600×900), through Chromium", htmlFamily("png")),
    ],
  }),
  definePlugin({
    name: "@ambu/renderer-pptx",
    renderers: [
      lazyRenderer("pptx", "a PowerPoint deck with native, editable tables and charts", () =>
        import("@ambu/renderer-pptx").then((m) => m.pptxRenderer),
      ),
    ],
  }),
]
