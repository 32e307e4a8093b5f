import { corePlugin, DEFAULT_DECK } from "@ambu/core"
import { describe, expect, it } from "vitest"
import { metricHref, metricPage } from "../src/pages/metrics.js"
import { builtPage, unescapeHtml } from "./built-site.js"

const metrics = corePlugin.metrics ?? []

/** The defaults a page shows, read back from its `param-default` marks. */
const shownDefaults = (html: string, metricId: string): Record<string, unknown> => {
  const marks = html.matchAll(
    /<code class="param-default" data-metric="([^"]*)" data-param="([^"]*)">([^<]*)<\/code>/g,
  )
  const found: Record<string, unknown> = {}
  for (const [, metric, param, value] of marks) {
    if (metric === metricId) found[unescapeHtml(param!)] = JSON.parse(unescapeHtml(value!))
  }
  return found
}

/**
 * What the registry says the defaults are, found without the docs' own
 * route (`toJSONSchema`): a metric's parameters parse `{}` to their defaults.
 */
const registryDefaults = (metric: (typeof metrics)[number]): Record<string, unknown> =>
  metric.params.parse({}) as Record<string, unknown>

describe("metric pages", () => {
  it("has metrics to check, so the per-metric cases below are not vacuous", () => {
    expect(metrics.length).toBeGreaterThan(0)
  })

  it("the overview lists every registered metric id with a link to its page", () => {
    const overview = builtPage("metrics.html")

    for (const metric of metrics) {
      expect(overview, metric.id).toContain(
        `<a href="${metricHref(metric.id)}"><code>${metric.id}</code></a>`,
      )
    }
  })

  it.each(metrics.map((m) => [m.id, m] as const))(
    "%s: the built page shows every parameter default as the registry has it",
    (id, metric) => {
      const page = builtPage(metricHref(id))

      expect(shownDefaults(page, id)).toEqual(registryDefaults(metric))
      expect(page).toContain(`<h1 id="`)
      expect(unescapeHtml(page)).toContain(metric.title.en)
      expect(unescapeHtml(page)).toContain(metric.title.sv)
      expect(unescapeHtml(page)).toContain(metric.description.en)
    },
  )

  it("the overview shows the same defaults as each metric's page", () => {
    const overview = unescapeHtml(builtPage("metrics.html"))

    for (const metric of metrics) {
      for (const [name, value] of Object.entries(registryDefaults(metric))) {
        expect(overview, `${metric.id}.${name}`).toContain(
          `<code>${name}</code> = <code>${JSON.stringify(value)}</code>`,
        )
      }
    }
  })

  it("lists each deck run of a metric that the deck runs several times", () => {
    const borderless = metrics.find((m) => m.id === "borderless-dispatch")!
    const fresh = metricPage({ metric: borderless, plugin: corePlugin.name }, DEFAULT_DECK)

    // Three deck entries run this metric, one per priority (metrics.md, slides 8–10).
    expect(fresh.body).toContain("The default deck runs it 3 times")
    expect(fresh.body).toContain("<code>borderless-dispatch-p3</code>")
    expect(shownDefaults(fresh.body, "borderless-dispatch")).toEqual({ priority: 1 })
  })
})
