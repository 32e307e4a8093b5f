import type { Report } from "@ambu/core"
import { plotDocument } from "../chart/plot-document.js"
import { labelsFor } from "../labels.js"
import { type HtmlTheme, resolveTheme } from "../theme.js"
import { slideViews } from "./page-view.js"
import { contentSecurityPolicy } from "./security.js"
import { BASE_CSS, NAVIGATION_SCRIPT, pageTemplate } from "./templates.js"

export interface HtmlOptions {
  /** Colours and font; unset values come from `defaultTheme`. */
  readonly theme?: Partial<HtmlTheme>
}

/**
 * The report as one self-contained HTML file: one 16:9 `<section>` per
 * slide in model order, charts and maps as inline SVG, styles and the
 * navigation script inline, and a CSP that lets nothing load. The same
 * report and options always give the same bytes.
 *
 * @example
 * const html = renderHtml(report) // "<!DOCTYPE html><html lang=\"sv\">…"
 */
export const renderHtml = (report: Report, options: HtmlOptions = {}): string => {
  const theme = resolveTheme(options.theme)
  const labels = labelsFor(report.language)
  const slides = slideViews({ report, document: plotDocument(), theme, labels })

  return pageTemplate({
    lang: report.language,
    title: report.slides[0]?.title ?? report.region,
    generator: `${report.tool.name} ${report.tool.version}`,
    csp: contentSecurityPolicy(NAVIGATION_SCRIPT),
    css: `${themeVariables(theme)}\n${BASE_CSS}`,
    script: NAVIGATION_SCRIPT,
    navigationHint: labels.navigationHint,
    slides,
  })
}

const themeVariables = (theme: HtmlTheme): string => {
  const variables: Record<string, string> = {
    "font-family": theme.fontFamily,
    text: theme.text,
    "muted-text": theme.mutedText,
    background: theme.background,
    accent: theme.accent,
    "heading-text": theme.headingText,
    "header-background": theme.headerBackground,
    "header-text": theme.headerText,
    "own-district-background": theme.ownDistrictBackground,
    "total-background": theme.totalBackground,
    "over-goal-text": theme.overGoalText,
    "over-goal-background": theme.overGoalBackground,
    "error-background": theme.errorBackground,
  }
  const lines = Object.entries(variables).map(([name, value]) => `  --${name}: ${value};`)
  return `:root {\n${lines.join("\n")}\n}`
}
