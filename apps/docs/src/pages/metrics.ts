import type { DeckEntry, MetricEntry } from "@ambu/core"
import { escapeHtml, htmlTable, pre } from "../site/html.js"
import { metricParams, type ParamDoc } from "./metric-params.js"

/** A metric as the registry holds it, with the plugin that registered it. */
export interface RegisteredMetric {
  readonly metric: MetricEntry
  readonly plugin: string
}

export interface MetricPage {
  readonly href: string
  readonly title: string
  readonly body: string
  /** The Swedish title and the id, so that search finds the page by the deck's words. */
  readonly aliases: ReadonlyArray<string>
}

/** The file of a metric's page; ids are lowercase words joined by dashes, so they are safe file names. */
export const metricHref = (id: string): string => `metric-${id}.html`

const code = (text: string): string => `<code>${escapeHtml(text)}</code>`

/** `1200` seconds also as `20:00`, because the deck speaks in minutes. */
const asClock = (param: ParamDoc): string => {
  if (!/seconds$/i.test(param.name) || typeof param.default !== "number") return ""
  const minutes = Math.floor(param.default / 60)
  const seconds = String(param.default % 60).padStart(2, "0")
  return ` (${minutes}:${seconds} min)`
}

const paramsTable = (metricId: string, params: ReadonlyArray<ParamDoc>): string => {
  if (params.length === 0) return "<p>This metric has no parameters.</p>"

  const rows = params.map((p) => {
    const shownDefault = p.hasDefault
      ? `<code class="param-default" data-metric="${metricId}" data-param="${escapeHtml(p.name)}">${escapeHtml(JSON.stringify(p.default))}</code>${asClock(p)}`
      : "(none: required)"
    const constraints = p.constraints.length === 0 ? "" : ` (${escapeHtml(p.constraints.join(", "))})`
    return [
      `<span id="param-${escapeHtml(p.name)}">${code(p.name)}</span>`,
      `${escapeHtml(p.type)}${constraints}`,
      shownDefault,
      escapeHtml(p.description),
    ]
  })
  return htmlTable(["parameter", "type", "default", "meaning"], rows, "params")
}

const deckUses = (metricId: string, deck: ReadonlyArray<DeckEntry>): string => {
  const uses = deck.flatMap((entry) => ("metric" in entry && entry.metric === metricId ? [entry] : []))
  if (uses.length === 0) {
    return "<p>The default deck does not show this metric; add it to <code>slides</code> in the configuration.</p>"
  }

  const rows = uses.map((entry) => [
    code(entry.key ?? entry.metric),
    code(entry.view ?? "default"),
    entry.params === undefined ? "–" : code(JSON.stringify(entry.params)),
  ])
  return `<p>The default deck runs it ${uses.length === 1 ? "once" : `${uses.length} times`}:</p>\n${htmlTable(["key in the JSON", "view", "parameters set by the deck"], rows)}`
}

const configExample = (metricId: string, params: ReadonlyArray<ParamDoc>): string => {
  const defaults = Object.fromEntries(params.filter((p) => p.hasDefault).map((p) => [p.name, p.default]))
  return pre(JSON.stringify({ metrics: { [metricId]: defaults } }, null, 2), "json")
}

/** At most `maxLines` lines of a result, so a per-municipality table does not swamp the page. */
const resultExcerpt = (result: unknown, maxLines: number): string => {
  const lines = JSON.stringify(result, null, 2).split("\n")
  if (lines.length <= maxLines) return lines.join("\n")
  return `${lines.slice(0, maxLines).join("\n")}\n… (${lines.length - maxLines} more lines)`
}

/**
 * The page of one metric, from the registry alone: id, titles, both
 * descriptions, parameters with defaults, views, its place in the default
 * deck and, when given, its result in the sample report.
 */
export const metricPage = (
  { metric, plugin }: RegisteredMetric,
  deck: ReadonlyArray<DeckEntry>,
  sampleResults: Readonly<Record<string, unknown>> = {},
): MetricPage => {
  const params = metricParams(metric)
  const deckKeys = deck.flatMap((entry) =>
    "metric" in entry && entry.metric === metric.id ? [entry.key ?? entry.metric] : [],
  )
  const firstSample = [metric.id, ...deckKeys].find((key) => key in sampleResults)

  const sections = [
    `<h1>${escapeHtml(metric.title.en)}</h1>`,
    `<p class="subtitle" lang="sv">${escapeHtml(metric.title.sv)}</p>`,
    `<p>Id ${code(metric.id)}, registered by ${code(plugin)}.</p>`,
    `<h2>Definition</h2>`,
    `<p>${escapeHtml(metric.description.en)}</p>`,
    `<blockquote lang="sv"><p>${escapeHtml(metric.description.sv)}</p></blockquote>`,
    `<h2>Parameters</h2>`,
    paramsTable(metric.id, params),
    `<p>Set them in <code>ambu.config.json</code> under the metric's id (every run of it) or a deck entry's key (that run only). The defaults written out:</p>`,
    configExample(metric.id, params),
    `<h2>Views</h2>`,
    `<p>${metric.viewNames.map(code).join(", ")}. A deck entry picks one with <code>"view"</code>; without it the <code>default</code> view is shown.</p>`,
    `<h2>In the default deck</h2>`,
    deckUses(metric.id, deck),
  ]
  if (firstSample !== undefined) {
    sections.push(
      `<h2>Result in the JSON</h2>`,
      `<p>The report's JSON carries the computed numbers under <code>metrics["${escapeHtml(firstSample)}"].result</code>, next to the data-quality account in <code>.quality</code>. From the <a href="sample.html">sample report</a>:</p>`,
      pre(resultExcerpt(sampleResults[firstSample], 40), "json"),
    )
  }

  return {
    href: metricHref(metric.id),
    title: metric.title.en,
    body: sections.join("\n"),
    aliases: [metric.title.sv, metric.id],
  }
}

/** The overview table of every registered metric, linking to each page; the same ids the registry has. */
export const metricsOverview = (metrics: ReadonlyArray<RegisteredMetric>): string => {
  const rows = metrics.map(({ metric, plugin }) => {
    const params = metricParams(metric)
    const defaults = params.map((p) => `${code(p.name)} = ${code(JSON.stringify(p.default))}`).join("<br>")
    return [
      `<a href="${metricHref(metric.id)}">${code(metric.id)}</a>`,
      `${escapeHtml(metric.title.en)}<br><span lang="sv">${escapeHtml(metric.title.sv)}</span>`,
      defaults === "" ? "–" : defaults,
      code(plugin),
    ]
  })
  return htmlTable(["id", "title (en / sv)", "parameters and defaults", "plugin"], rows, "metric-list")
}

/** The default deck in order: which slide entry shows what. */
export const deckTable = (deck: ReadonlyArray<DeckEntry>): string => {
  const rows = deck.map((entry, index) => {
    if ("builtin" in entry) return [String(index + 1), `built-in ${code(entry.builtin)}`, "–", "–"]
    return [
      String(index + 1),
      `<a href="${metricHref(entry.metric)}">${code(entry.metric)}</a>`,
      code(entry.view ?? "default"),
      entry.params === undefined ? "–" : code(JSON.stringify(entry.params)),
    ]
  })
  return htmlTable(["entry", "shows", "view", "parameters"], rows)
}
