import { defineRenderer, type RendererDefinition } from "@ambu/core"
import { Effect } from "effect"
import { renderPptx } from "./render-pptx.js"

/** The `pptx` output format: `<baseName>.pptx` (`report.pptx` by default). */
export const pptxRenderer: RendererDefinition = defineRenderer({
  format: "pptx",
  description: "PowerPoint deck (16:9) with native, editable tables and charts and speaker notes",
  render: (report, context) =>
    renderPptx(report, { progress: context.progress }).pipe(
      Effect.map((content) => [{ path: `${context.baseName}.pptx`, content }]),
    ),
})
