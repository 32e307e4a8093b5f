import * as Effect from "effect/Effect"
import type { z } from "zod"
import { deckConflicts, deckWithPluginSlides } from "../deck/build-report.js"
import type { DeckEntry } from "../deck/deck-entry.js"
import { DEFAULT_DECK } from "../deck/deck-entry.js"
import type { MetricEntry } from "../metrics/metric.js"
import type { Language, Slide } from "../model/report-model.js"
import type { Registry } from "../plugin/registry.js"
import { ConfigError } from "./config-error.js"
import type { DeckConfig } from "./deck-config.js"
import { checkRendererOptions, type RendererOptions } from "./renderer-options.js"

type MetricDeckEntry = Extract<DeckEntry, { metric: string }>

/** What a configuration changes in a run, checked against the plugins that are loaded. */
export interface ConfiguredRun {
  /** The slides in order, each metric entry with its configured parameters merged in. */
  readonly deck: ReadonlyArray<DeckEntry>
  /** Explanation paragraphs per slide id, per language they are written for. */
  readonly texts: Readonly<Record<string, LocalisedText>>
  readonly language?: Language
  /** `options` per output format: the configured `theme` and the format's own options, checked. */
  readonly rendererOptions: RendererOptions
}

/** A slide's configured paragraphs in the languages it has them in. */
export type LocalisedText = Readonly<Partial<Record<Language, ReadonlyArray<string>>>>

const LANGUAGES: ReadonlyArray<Language> = ["sv", "en"]

/**
 * The configured texts as paragraphs per language. A plain text is taken to
 * be written in the configuration's `language`, so a Swedish configuration
 * run with `--lang en` does not put Swedish paragraphs on English slides;
 * a configuration that names no language has its plain texts in every language.
 */
const localiseTexts = (config: DeckConfig): Readonly<Record<string, LocalisedText>> => {
  const paragraphs = (text: string | ReadonlyArray<string>) => (typeof text === "string" ? [text] : [...text])
  return Object.fromEntries(
    Object.entries(config.texts ?? {}).map(([id, text]): [string, LocalisedText] => {
      if (typeof text === "string" || Array.isArray(text)) {
        const languages = config.language === undefined ? LANGUAGES : [config.language]
        return [id, Object.fromEntries(languages.map((l) => [l, paragraphs(text)]))]
      }
      const perLanguage = text as { sv?: string | string[]; en?: string | string[] }
      return [
        id,
        Object.fromEntries(
          LANGUAGES.flatMap((l) => (perLanguage[l] === undefined ? [] : [[l, paragraphs(perLanguage[l])]])),
        ),
      ]
    }),
  )
}

/**
 * The texts of a run in its language, and the slide ids whose text exists
 * only in other languages (those slides keep their own explanation; the
 * caller may warn).
 */
export const textsInLanguage = (
  texts: Readonly<Record<string, LocalisedText>>,
  language: Language,
): { readonly texts: Readonly<Record<string, ReadonlyArray<string>>>; readonly otherLanguages: string[] } => {
  const found: Record<string, ReadonlyArray<string>> = {}
  const otherLanguages: string[] = []
  for (const [id, text] of Object.entries(texts)) {
    const paragraphs = text[language]
    if (paragraphs === undefined) otherLanguages.push(id)
    else found[id] = paragraphs
  }
  return { texts: found, otherLanguages }
}

const quoted = (names: Iterable<string>): string => [...names].map((n) => `"${n}"`).join(", ")

const toDeckEntry = (entry: NonNullable<DeckConfig["slides"]>[number]): DeckEntry => {
  if ("builtin" in entry) return { builtin: entry.builtin }
  return {
    metric: entry.metric,
    ...(entry.key === undefined ? {} : { key: entry.key }),
    ...(entry.params === undefined ? {} : { params: entry.params }),
    ...(entry.view === undefined ? {} : { view: entry.view }),
  }
}

/** Problems of configured slides: a metric no plugin provides, a view the metric lacks. */
const deckProblems = (deck: ReadonlyArray<DeckEntry>, registry: Registry): string[] =>
  deck.flatMap((entry, i) => {
    if ("builtin" in entry) return []
    const registered = registry.metrics.get(entry.metric)
    if (registered === undefined) {
      return [
        `slides[${i}]: no plugin provides metric "${entry.metric}"; known metrics: ${quoted(registry.metrics.keys())}`,
      ]
    }
    const view = entry.view ?? "default"
    return registered.metric.viewNames.includes(view)
      ? []
      : [
          `slides[${i}]: metric "${entry.metric}" has no view "${view}"; its views: ${quoted(registered.metric.viewNames)}`,
        ]
  })

/** The parameter names of an object schema; undefined for other schemas, whose keys cannot be listed. */
const parameterNames = (schema: z.ZodType<unknown>): ReadonlyArray<string> | undefined => {
  const shape = (schema as { shape?: unknown }).shape
  return typeof shape === "object" && shape !== null ? Object.keys(shape) : undefined
}

/** Says which configuration key a parameter (or, without a name, a whole entry) came from. */
type Whereabouts = (parameter: string | undefined) => string

/** Checks one metric's merged parameters against its own schema. */
const parameterProblems = (
  metric: MetricEntry,
  params: Readonly<Record<string, unknown>>,
  where: Whereabouts,
): string[] => {
  const problems: string[] = []
  const known = parameterNames(metric.params)
  if (known !== undefined) {
    for (const name of Object.keys(params)) {
      if (!known.includes(name)) {
        problems.push(
          `${where(name)}: metric "${metric.id}" has no parameter "${name}"; its parameters: ${quoted(known) || "(none)"}`,
        )
      }
    }
  }

  const parsed = metric.params.safeParse(params)
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const path = issue.path.map(String)
      const parameter = path.length === 0 ? "" : ` parameter "${path.join(".")}":`
      problems.push(`${where(path[0])}: metric "${metric.id}"${parameter} ${issue.message}`)
    }
  }
  return problems
}

/**
 * The most specific configuration key that sets a parameter of a deck
 * entry: its key in `metrics`, its metric id there, then its own
 * `params` when the configuration wrote the slides.
 */
const whereaboutsOf =
  (entry: MetricDeckEntry, position: number, config: DeckConfig): Whereabouts =>
  (parameter) => {
    const key = entry.key ?? entry.metric
    const candidates: Array<[string, Readonly<Record<string, unknown>> | undefined]> = [
      [`metrics."${key}"`, config.metrics?.[key]],
      [`metrics."${entry.metric}"`, config.metrics?.[entry.metric]],
      ...(config.slides === undefined
        ? []
        : [
            [`slides[${position}].params`, entry.params] as [
              string,
              Readonly<Record<string, unknown>> | undefined,
            ],
          ]),
    ]
    const found = candidates.find(
      ([, params]) => params !== undefined && (parameter === undefined || parameter in params),
    )
    return found?.[0] ?? (config.slides === undefined ? `the default deck's "${key}"` : `slides[${position}]`)
  }

/**
 * Merges the configured parameters into the deck: an entry's own
 * parameters, then those of its metric id, then those of its key, each
 * overriding the one before.
 */
const mergeParameters = (entry: MetricDeckEntry, config: DeckConfig): MetricDeckEntry => {
  const key = entry.key ?? entry.metric
  const byMetric = config.metrics?.[entry.metric]
  const byKey = key === entry.metric ? undefined : config.metrics?.[key]
  if (byMetric === undefined && byKey === undefined) return entry
  return { ...entry, params: { ...entry.params, ...byMetric, ...byKey } }
}

/** Keys of `metrics` that name neither a loaded metric nor an entry of the deck. */
const unknownMetricKeys = (
  config: DeckConfig,
  deck: ReadonlyArray<DeckEntry>,
  registry: Registry,
): string[] => {
  const entryKeys = deck.flatMap((e) => ("metric" in e ? [e.key ?? e.metric] : []))
  const unknown = Object.keys(config.metrics ?? {}).filter(
    (k) => !registry.metrics.has(k) && !entryKeys.includes(k),
  )
  return unknown.map(
    (k) =>
      `metrics."${k}": no metric or deck entry is called so; metric ids: ${quoted(registry.metrics.keys())}; deck-entry keys: ${quoted(new Set(entryKeys))}`,
  )
}

/**
 * Says where a deck entry came from: the configuration's `slides`, a
 * plugin's `slides`, or the original deck.
 */
const entryName =
  (config: DeckConfig, registry: Registry) =>
  (position: number, entry: DeckEntry): string => {
    if (config.slides !== undefined) return `slides[${position}]`
    const bodyLength = DEFAULT_DECK.length - 1
    const added = registry.pluginSlideEntries[position - bodyLength]
    if (position >= bodyLength && added !== undefined) return `the slide plugin "${added.plugin}" adds`
    return `the default deck's "${"metric" in entry ? (entry.key ?? entry.metric) : entry.builtin}"`
  }

/**
 * Checks a configuration against the loaded plugins and works out the run
 * it asks for: the deck with parameters merged in, the texts, the renderer
 * options. Every problem is reported at once, each with its key.
 */
export const applyDeckConfig = (
  config: DeckConfig,
  registry: Registry,
  file: string,
): Effect.Effect<ConfiguredRun, ConfigError> => {
  const configured = config.slides?.map(toDeckEntry)
  const baseDeck = configured ?? deckWithPluginSlides(registry)
  const renderers = checkRendererOptions(config, registry)
  const problems = [
    ...(configured === undefined ? [] : deckProblems(configured, registry)),
    ...unknownMetricKeys(config, baseDeck, registry),
    ...renderers.problems,
  ]

  const deck = baseDeck.map((entry) => ("metric" in entry ? mergeParameters(entry, config) : entry))
  const checkedMetrics = new Set<string>()
  deck.forEach((entry, position) => {
    if (!("metric" in entry)) return
    const registered = registry.metrics.get(entry.metric)
    if (registered === undefined) return
    checkedMetrics.add(entry.metric)
    problems.push(
      ...parameterProblems(
        registered.metric,
        entry.params ?? {},
        whereaboutsOf(baseDeck[position] as MetricDeckEntry, position, config),
      ),
    )
  })
  // Parameters of a loaded metric the deck does not show are still checked, so a wrong value never hides.
  for (const [id, params] of Object.entries(config.metrics ?? {})) {
    const registered = registry.metrics.get(id)
    if (registered !== undefined && !checkedMetrics.has(id)) {
      problems.push(...parameterProblems(registered.metric, params, () => `metrics."${id}"`))
    }
  }

  const name = entryName(config, registry)
  for (const { positions, problem } of deckConflicts(deck, registry)) {
    problems.push(`${positions.map((p) => name(p, deck[p]!)).join(" and ")}: ${problem}`)
  }

  if (problems.length > 0) {
    const unique = [...new Set(problems)]
    return Effect.fail(
      new ConfigError({ file, message: `${file}:\n${unique.map((p) => `  ✖ ${p}`).join("\n")}` }),
    )
  }

  return Effect.succeed({
    deck,
    texts: localiseTexts(config),
    ...(config.language === undefined ? {} : { language: config.language }),
    rendererOptions: renderers.options,
  })
}

/**
 * Texts name slides by id, and a slide's id is known only once its metric
 * has presented it; so this check runs after the report is built and
 * before anything is rendered.
 */
export const checkConfiguredTexts = (
  texts: Readonly<Record<string, unknown>>,
  slides: ReadonlyArray<Pick<Slide, "id">>,
  file: string,
): Effect.Effect<void, ConfigError> => {
  const ids = slides.map((s) => s.id)
  const unknown = Object.keys(texts).filter((id) => !ids.includes(id))
  if (unknown.length === 0) return Effect.void
  return Effect.fail(
    new ConfigError({
      file,
      message: `${file}: texts: no slide has the id ${quoted(unknown)}; the slide ids of this report: ${quoted(ids)}`,
    }),
  )
}
