/**
 * @ambu/renderer-pptx: the report model as a PowerPoint deck with native
 * tables and charts, byte-for-byte the same for the same report.
 */

export { contrastRatio, type DeckTheme, MIN_TEXT_CONTRAST, resolvePptxTheme } from "./deck-theme.js"
export { type RenderPptxOptions, renderPptx } from "./render-pptx.js"
export { pptxRenderer } from "./renderer.js"
export { defaultPptxTheme, type PptxTheme } from "./theme.js"
