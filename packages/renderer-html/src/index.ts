/**
 * @ambu/renderer-html: the report model as one self-contained HTML file,
 * and through headless Chromium as PDF and slide PNGs.
 */
export {
  CHROMIUM_FLAGS,
  type ChromiumOptions,
  DEFAULT_CHROMIUM_PATH,
  resolveChromiumPath,
  withChromium,
} from "./browser/chromium.js"
export {
  openReportPage,
  type PageStats,
  printPdf,
  type ReportPage,
  SLIDE_VIEWPORT,
  type SlideImage,
  screenshotSlides,
} from "./browser/report-page.js"
export { pdfDate, stablePdf } from "./browser/stable-pdf.js"
export {
  type ChartDrawing,
  type ChartSize,
  type ChartView,
  NARROW_CHART,
  renderChart,
  WIDE_CHART,
} from "./chart/chart-svg.js"
export { type MapDrawing, type MapView, OVER_GOAL_SIGN, renderMap } from "./chart/map-svg.js"
export { createPlotDocument } from "./chart/plot-document.js"
export { windForD3 } from "./chart/rewind.js"
export { type DeckTheme, themeFromDeck } from "./deck-theme.js"
export { type HtmlOptions, renderHtml } from "./html/render-html.js"
export { contentSecurityPolicy, scriptHashSource } from "./html/security.js"
export { labelsFor, type RendererLabels } from "./labels.js"
export { type SlidePage, slidePngPaths } from "./png-names.js"
export {
  type DocumentFormat,
  type DocumentOptions,
  documentOptionsFrom,
  htmlRenderer,
  htmlRenderers,
  pdfRenderer,
  pngRenderer,
  type RenderedDocuments,
  renderDocuments,
} from "./renderers.js"
export { contrastRatio, defaultTheme, type HtmlTheme, MIN_TEXT_CONTRAST, resolveTheme } from "./theme.js"
