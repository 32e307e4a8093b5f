import { Effect, Result } from "effect"
import { describe, expect, it } from "vitest"
import { z } from "zod"
import { DEFAULT_DECK } from "../deck/deck-entry.js"
import { defineMetric, type MetricEntry } from "../metrics/metric.js"
import { definePlugin } from "../plugin/plugin.js"
import { buildRegistry } from "../plugin/registry.js"
import { defineRenderer } from "../plugin/renderer.js"
import { applyDeckConfig, checkConfiguredTexts, textsInLanguage } from "./apply-config.js"
import type { ConfigError } from "./config-error.js"
import type { DeckConfig } from "./deck-config.js"
import { parseDeckConfig } from "./parse-config.js"

const FILE = "/work/deck/ambu.config.json"

/** A metric that only needs to be registered: its parameters are what these tests check. */
const stubMetric = (id: string, params: z.ZodType<unknown>, views: ReadonlyArray<string> = []): MetricEntry =>
  defineMetric({
    id,
    title: { sv: id, en: id },
    description: { sv: "", en: "" },
    params,
    compute: () => Effect.die("not run in these tests"),
    views: Object.fromEntries(["default", ...views].map((v) => [v, () => []])) as {
      default: () => never[]
    },
  })

const goal = stubMetric(
  "availability-goal",
  z.object({
    goalShare: z.number().min(0).max(1).default(0.9),
    goalSeconds: z.number().positive().default(1200),
  }),
)
const borderless = stubMetric(
  "borderless-dispatch",
  z.object({ priority: z.number().int().min(1).max(3).default(1) }),
)
const median = stubMetric("median-response", z.object({ regionGoalSeconds: z.number().default(720) }), [
  "map",
])
const p90 = stubMetric("p90-response", z.object({}))

const noFiles = () => Effect.succeed([])
const hex = z.string().regex(/^#[0-9a-fA-F]{6}$/, "must be a colour written #rrggbb")
const registry = Effect.runSync(
  buildRegistry([
    definePlugin({
      name: "@ambu/core",
      metrics: [goal, borderless, median],
      renderers: [defineRenderer({ format: "json", description: "", render: noFiles })],
    }),
    definePlugin({
      name: "@ambu/plugin-p90",
      metrics: [p90],
      slides: [{ metric: "p90-response" }],
      renderers: [
        // Options of its own; theme is the deck theme, checked by the configuration.
        defineRenderer({
          format: "page",
          description: "",
          options: z.object({
            margin: z.number().min(0).optional(),
            paper: z.enum(["a4", "letter"]).default("a4"),
          }),
          render: noFiles,
        }),
        // A schema that describes theme itself, as the HTML format's does.
        defineRenderer({
          format: "deck",
          description: "",
          options: z.strictObject({
            theme: z.strictObject({ accent: hex.optional(), shade: z.string().optional() }).optional(),
            colours: z.strictObject({ heading: hex.optional() }).default({}),
          }),
          render: noFiles,
        }),
      ],
    }),
  ]),
)

const parseFailure = (value: unknown): string => {
  const result = Effect.runSync(Effect.result(parseDeckConfig(value, FILE)))
  if (Result.isSuccess(result)) throw new Error("expected the configuration to be refused")
  return result.failure.message
}

const apply = (config: DeckConfig) => Effect.runSync(Effect.result(applyDeckConfig(config, registry, FILE)))

const applyFailure = (config: DeckConfig): ConfigError => {
  const result = apply(config)
  if (Result.isSuccess(result)) throw new Error("expected the configuration to be refused")
  return result.failure
}

const applied = (config: DeckConfig) => {
  const result = apply(config)
  if (Result.isFailure(result)) throw new Error(result.failure.message)
  return result.success
}

describe("parseDeckConfig", () => {
  it("accepts every key", () => {
    const config = {
      $schema: "./node_modules/@ambu/core/schema/ambu.config.schema.json",
      language: "en",
      slides: [{ builtin: "title" }, { metric: "p90-response", key: "p90", params: {}, view: "default" }],
      metrics: { "availability-goal": { goalShare: 0.85 } },
      texts: { "waiting-time": "One paragraph.", "p90-response": ["First.", "Second."] },
      theme: { accent: "#00507a", font: "Arial" },
      renderers: { html: { pageNumbers: false } },
      plugins: ["./plugins/p90.mjs", "@ambu/plugin-tables"],
    }
    expect(Effect.runSync(parseDeckConfig(config, FILE))).toEqual(config)
  })

  it("refuses an unknown key, naming the file and listing the known keys", () => {
    const message = parseFailure({ langauge: "sv" })
    expect(message).toContain(FILE)
    expect(message).toContain('unknown key "langauge"; known keys: language, slides, metrics, texts, theme')
  })

  it("names the key of a wrong value", () => {
    const message = parseFailure({ language: "de" })
    expect(message).toContain("→ at language")
    expect(message).toContain('"sv"|"en"')
  })

  it("checks the theme's colour and keys", () => {
    const message = parseFailure({ theme: { accent: "red", fontFamily: "Arial" } })
    expect(message).toContain("must be a colour written #rrggbb")
    expect(message).toContain("→ at theme.accent")
    expect(message).toContain('unknown key "fontFamily"; known keys: accent, font')
  })

  it("catches a typo in a slide entry", () => {
    const message = parseFailure({ slides: [{ builtin: "title" }, { metric: "waiting-time", kye: "w" }] })
    expect(message).toContain('unknown key "kye"; known keys: metric, key, params, view')
    expect(message).toContain("→ at slides[1]")
  })

  it("says what a slide entry may be", () => {
    const message = parseFailure({ slides: [{ builtin: "map" }] })
    expect(message).toContain('a slide is { "builtin": "title" }')
    expect(message).toContain("→ at slides[0]")
  })

  it("refuses a text that is not paragraphs", () => {
    const message = parseFailure({ texts: { "waiting-time": 3 } })
    expect(message).toContain(
      'must be a paragraph, a list of paragraphs, or paragraphs per language: { "sv": […], "en": […] }',
    )
    expect(message).toContain(`→ at texts["waiting-time"]`)
  })

  it("accepts texts per language and refuses a language it does not know", () => {
    const texts = { "waiting-time": { sv: "Egen text.", en: ["Own text.", "Second."] } }
    expect(Effect.runSync(parseDeckConfig({ texts }, FILE))).toEqual({ texts })
    expect(parseFailure({ texts: { "waiting-time": { sv: "Text.", de: "Text." } } })).toContain(
      `→ at texts["waiting-time"]`,
    )
  })

  it("refuses a font list where one font name is wanted", () => {
    const message = parseFailure({ theme: { font: "Arial, sans-serif" } })
    expect(message).toContain("must be one font family name")
    expect(message).toContain("→ at theme.font")
  })

  it("refuses a configuration that is not an object", () => {
    expect(parseFailure([])).toContain("expected object, received array")
  })
})

describe("applyDeckConfig", () => {
  it("without slides, runs the default deck with the plugin's slide before the data-quality slide", () => {
    const { deck } = applied({})
    expect(deck).toEqual([
      ...DEFAULT_DECK.slice(0, -1),
      { metric: "p90-response" },
      { builtin: "data-quality" },
    ])
  })

  it("merges parameters of a metric id into every entry of that metric", () => {
    const { deck } = applied({ metrics: { "availability-goal": { goalShare: 0.85 } } })
    expect(deck.filter((e) => "metric" in e && e.metric === "availability-goal")).toEqual([
      { metric: "availability-goal", params: { goalShare: 0.85 } },
    ])
  })

  it("lets an entry's key override its metric id, which overrides the entry's own parameters", () => {
    // Entry p2 starts at priority 2; the metric id sets 3 for all; the key p1 sets 1 again for p1 only.
    const { deck } = applied({
      slides: [
        { metric: "borderless-dispatch", key: "bd-p1", params: { priority: 2 } },
        { metric: "borderless-dispatch", key: "bd-p2", params: { priority: 2 } },
      ],
      metrics: { "borderless-dispatch": { priority: 3 }, "bd-p1": { priority: 1 } },
    })
    expect(deck).toEqual([
      { metric: "borderless-dispatch", key: "bd-p1", params: { priority: 1 } },
      { metric: "borderless-dispatch", key: "bd-p2", params: { priority: 3 } },
    ])
  })

  it("refuses an unknown metric id or key in metrics, listing the known ones", () => {
    const error = applyFailure({ metrics: { "availabilty-goal": { goalShare: 0.85 } } })
    expect(error._tag).toBe("ConfigError")
    expect(error.file).toBe(FILE)
    expect(error.message).toContain('metrics."availabilty-goal": no metric or deck entry is called so')
    expect(error.message).toContain(
      'metric ids: "availability-goal", "borderless-dispatch", "median-response", "p90-response"',
    )
    expect(error.message).toContain('deck-entry keys: "missions-per-month"')
    expect(error.message).toContain('"borderless-dispatch-p2"')
  })

  it("checks parameters against the metric's own schema, naming the metric and the parameter", () => {
    const { message } = applyFailure({ metrics: { "availability-goal": { goalShare: 85 } } })
    expect(message).toContain(
      'metrics."availability-goal": metric "availability-goal" parameter "goalShare":',
    )
    expect(message).toContain("<=1")
  })

  it("refuses a parameter the metric does not have, listing its parameters", () => {
    const { message } = applyFailure({ metrics: { "availability-goal": { goalshare: 0.85 } } })
    expect(message).toContain('metric "availability-goal" has no parameter "goalshare"')
    expect(message).toContain('its parameters: "goalShare", "goalSeconds"')
  })

  it("names the deck-entry key a bad parameter came from", () => {
    const { message } = applyFailure({ metrics: { "borderless-dispatch-p2": { priority: 7 } } })
    expect(message).toContain(
      'metrics."borderless-dispatch-p2": metric "borderless-dispatch" parameter "priority":',
    )
  })

  it("checks parameters of a loaded metric that the configured deck does not show", () => {
    const { message } = applyFailure({
      slides: [{ builtin: "title" }],
      metrics: { "availability-goal": { goalSeconds: -1 } },
    })
    expect(message).toContain(
      'metrics."availability-goal": metric "availability-goal" parameter "goalSeconds":',
    )
  })

  it("refuses a slide of a metric no plugin provides, or a view it lacks", () => {
    const { message } = applyFailure({
      slides: [{ metric: "p95-response" }, { metric: "median-response", view: "chart" }],
    })
    expect(message).toContain(
      'slides[0]: no plugin provides metric "p95-response"; known metrics: "availability-goal"',
    )
    expect(message).toContain(
      'slides[1]: metric "median-response" has no view "chart"; its views: "default", "map"',
    )
  })

  it("reports every problem at once", () => {
    const { message } = applyFailure({
      slides: [{ metric: "nope" }],
      renderers: { htlm: {} },
      metrics: { "availability-goal": { goalShare: 2 } },
    })
    expect(message.split("\n").filter((line) => line.startsWith("  ✖ "))).toHaveLength(3)
  })

  it("refuses options for an output format no plugin provides", () => {
    const { message } = applyFailure({ renderers: { htlm: { x: 1 } } })
    expect(message).toContain(
      'renderers."htlm": no plugin provides this output format; known formats: "json"',
    )
  })

  it("passes the theme to every renderer, and each format's checked options to its renderer", () => {
    const { rendererOptions } = applied({
      theme: { accent: "#112233" },
      renderers: { page: { margin: 4 }, json: { theme: { font: "Arial" } } },
    })
    expect(rendererOptions).toEqual({
      json: { theme: { font: "Arial" } }, // the format's own theme replaces the deck's
      page: { theme: { accent: "#112233" }, margin: 4, paper: "a4" }, // the default filled in
      deck: { theme: { accent: "#112233" }, colours: {} },
    })
  })

  it("keeps the language and makes one paragraph a list", () => {
    const run = applied({ language: "en", texts: { a: "One.", b: ["Two.", "Three."] } })
    expect(run.language).toBe("en")
    // Written plainly, the texts are in the configuration's language only.
    expect(run.texts).toEqual({ a: { en: ["One."] }, b: { en: ["Two.", "Three."] } })
  })

  it("takes plain texts to be in every language when the configuration names none", () => {
    const run = applied({ texts: { a: "Ett." } })
    expect(run.texts).toEqual({ a: { sv: ["Ett."], en: ["Ett."] } })
  })

  it("keeps texts written per language apart", () => {
    const run = applied({
      language: "sv",
      texts: { a: { sv: "Ett.", en: ["One.", "Two."] }, b: { sv: "Bara svenska." } },
    })
    expect(textsInLanguage(run.texts, "en")).toEqual({
      texts: { a: ["One.", "Two."] },
      otherLanguages: ["b"],
    })
    expect(textsInLanguage(run.texts, "sv")).toEqual({
      texts: { a: ["Ett."], b: ["Bara svenska."] },
      otherLanguages: [],
    })
  })

  it("says which plain texts a run in another language leaves out", () => {
    // The report folder's case: a Swedish configuration run with --lang en.
    const run = applied({ language: "sv", texts: { "p90-response": "Nio av tio." } })
    expect(textsInLanguage(run.texts, "en")).toEqual({ texts: {}, otherLanguages: ["p90-response"] })
  })
})

describe("renderer options", () => {
  it("refuses options a format without an options schema does not take, naming format and plugin", () => {
    const { message } = applyFailure({ renderers: { json: { indent: 8 } } })
    expect(message).toBe(
      `${FILE}:\n  ✖ renderers."json": the "json" format (plugin "@ambu/core") has no option "indent"; its options: "theme"`,
    )
  })

  it("refuses an unknown option of a format with a schema, listing its options", () => {
    const { message } = applyFailure({ renderers: { page: { margni: 4 } } })
    expect(message).toContain(
      'renderers."page": the "page" format (plugin "@ambu/plugin-p90") has no option "margni"; its options: "theme", "margin", "paper"',
    )
  })

  it("checks values with the key path, before anything is computed", () => {
    const { message } = applyFailure({
      renderers: { page: { margin: -1, theme: { accent: "red" } }, deck: { colours: { heading: "blue" } } },
    })
    expect(message).toContain('renderers."page".margin: Too small: expected number to be >=0')
    expect(message).toContain('renderers."page".theme.accent: must be a colour written #rrggbb')
    expect(message).toContain('renderers."deck".colours.heading: must be a colour written #rrggbb')
  })

  it("lets a schema that describes theme check it itself", () => {
    const { message } = applyFailure({ renderers: { deck: { theme: { accent: "#112233", shade: 3 } } } })
    expect(message).toContain('renderers."deck".theme.shade: Invalid input: expected string, received number')
    expect(applied({ renderers: { deck: { theme: { shade: "dark" } } } }).rendererOptions.deck).toEqual({
      theme: { shade: "dark" },
      colours: {},
    })
  })

  it("checks a schema whose keys cannot be listed by its own rules", () => {
    const either = Effect.runSync(
      buildRegistry([
        definePlugin({
          name: "either",
          renderers: [
            defineRenderer({
              format: "either",
              description: "",
              options: z.union([z.object({ a: z.number() }), z.object({ b: z.string() })]),
              render: noFiles,
            }),
          ],
        }),
      ]),
    )
    const check = (options: Record<string, unknown>) =>
      Effect.runSync(Effect.result(applyDeckConfig({ renderers: { either: options } }, either, FILE)))
    const accepted = check({ b: "x", theme: { accent: "#112233" } })
    expect(Result.isSuccess(accepted) && accepted.success.rendererOptions.either).toEqual({
      theme: { accent: "#112233" },
      b: "x",
    })
    expect(Result.isFailure(check({ a: "x" }))).toBe(true)
  })

  it("lists every renderer problem at once", () => {
    const { message } = applyFailure({
      renderers: { pptx: { foo: 1 }, json: { indent: 8 }, page: { colour: "x" } },
    })
    expect(message.split("\n").filter((line) => line.startsWith("  ✖ "))).toEqual([
      '  ✖ renderers."pptx": no plugin provides this output format; known formats: "json", "page", "deck"',
      '  ✖ renderers."json": the "json" format (plugin "@ambu/core") has no option "indent"; its options: "theme"',
      '  ✖ renderers."page": the "page" format (plugin "@ambu/plugin-p90") has no option "colour"; its options: "theme", "margin", "paper"',
    ])
  })
})

describe("deck entries that would clash", () => {
  it("refuses one metric twice without a key, naming both slides and the file", () => {
    const { message } = applyFailure({
      slides: [
        { builtin: "title" },
        { metric: "availability-goal" },
        { metric: "availability-goal", params: { goalShare: 0.8 } },
      ],
    })
    expect(message).toBe(
      `${FILE}:\n  ✖ slides[1] and slides[2]: both show metric "availability-goal" under the key "availability-goal" with different parameters, but one key is one computation; give one of them a key of its own`,
    )
  })

  it("accepts the same metric twice when the second entry has its own key", () => {
    const { deck } = applied({
      slides: [
        { metric: "availability-goal" },
        { metric: "availability-goal", key: "ag-80", params: { goalShare: 0.8 } },
      ],
    })
    expect(deck).toEqual([
      { metric: "availability-goal" },
      { metric: "availability-goal", key: "ag-80", params: { goalShare: 0.8 } },
    ])
  })

  it("names the plugin whose slide repeats an entry of the default deck", () => {
    const clashing = Effect.runSync(
      buildRegistry([
        definePlugin({ name: "@ambu/core", metrics: [goal, borderless, median] }),
        definePlugin({ name: "repeat", slides: [{ metric: "availability-goal" }] }),
      ]),
    )
    const result = Effect.runSync(Effect.result(applyDeckConfig({}, clashing, FILE)))
    if (Result.isSuccess(result)) throw new Error("expected the deck to be refused")
    expect(result.failure.message).toContain(
      `the default deck's "availability-goal" and the slide plugin "repeat" adds: both show the "default" view of metric "availability-goal"`,
    )
  })
})

describe("checkConfiguredTexts", () => {
  it("passes texts of slides the report has", () => {
    expect(
      Effect.runSync(Effect.result(checkConfiguredTexts({ a: [] }, [{ id: "a" }, { id: "b" }], FILE))),
    ).toEqual(Result.succeed(undefined))
  })

  it("refuses a text for a slide id the report lacks, listing the ids", () => {
    const result = Effect.runSync(
      Effect.result(
        checkConfiguredTexts({ "waiting-tme": [] }, [{ id: "title" }, { id: "waiting-time" }], FILE),
      ),
    )
    expect(Result.isFailure(result) && result.failure.message).toBe(
      `${FILE}: texts: no slide has the id "waiting-tme"; the slide ids of this report: "title", "waiting-time"`,
    )
  })
})
