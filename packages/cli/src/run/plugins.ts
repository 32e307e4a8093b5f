import { type AmbuPlugin, corePlugin, definePlugin } from "@ambu/core"
import { htmlRenderers } from "@ambu/renderer-html"
import { pptxRenderer } from "@ambu/renderer-pptx"

/** The plugins every run has: core's metrics and JSON, the HTML family (html, pdf, png), PowerPoint. */
export const builtinPlugins: ReadonlyArray<AmbuPlugin> = [
  corePlugin,
  definePlugin({ name: "@ambu/renderer-html", renderers: htmlRenderers }),
  definePlugin({ name: "@ambu/renderer-pptx", renderers: [pptxRenderer] }),
]
