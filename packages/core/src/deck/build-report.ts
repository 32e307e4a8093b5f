import * as Data from "effect/Data"
import * as Effect from "effect/Effect"
import type { DataSet } from "../dataset/data-set.js"
import type { MetricInput, MetricRun, SlideContent } from "../metrics/metric.js"
import type { MetricError } from "../metrics/metric-error.js"
import {
  type FileQuality,
  type Language,
  REPORT_SCHEMA_VERSION,
  type Report,
  type Slide,
} from "../model/report-model.js"
import { qualityProblem, slidesProblem } from "../plugin/output-check.js"
import type { Registry } from "../plugin/registry.js"
import { type ProgressReporter, silentProgress } from "../plugin/renderer.js"
import { formatMonth, type Period } from "../time/month.js"
import { dataQualitySlide, type MetricQualityLine, titleSlide } from "./builtin-slides.js"
import { DEFAULT_DECK, type DeckEntry } from "./deck-entry.js"
import { coveredPreviousPeriod, dataMonths, defaultPeriod, periodCoverage, ReportError } from "./period.js"

/** A metric of the deck that could not be computed or shown; its slide says so instead. */
export interface MetricFailure {
  /** The deck entry's key (the metric id unless the entry has a key). */
  readonly key: string
  readonly metricId: string
  /** The plugin that provides the metric. */
  readonly plugin: string
  /** `compute`: no result (or an invalid one); `present`: a result, but no valid slides. */
  readonly stage: "compute" | "present"
  /** What went wrong, in English, for people who fix plugins. */
  readonly message: string
}

/** Under `strict`, one or more metrics failed; the message lists every one of them. */
export class MetricsFailedError extends Data.TaggedError("MetricsFailedError")<{
  readonly failures: ReadonlyArray<MetricFailure>
  readonly message: string
}> {}

export interface BuildReportOptions {
  readonly dataset: DataSet
  readonly files: ReadonlyArray<FileQuality>
  readonly registry: Registry
  /** The slides in order; by default the original deck, plugin slides, then the data-quality slide. */
  readonly deck?: ReadonlyArray<DeckEntry>
  /** The report period; by default the last complete calendar year of the data. */
  readonly period?: Period
  readonly language: Language
  /** ISO 8601 instant the report says it was produced; fixed in tests for byte-identical output. */
  readonly generatedAt: string
  readonly toolVersion: string
  /** Replacement explanation paragraphs, keyed by slide id. */
  readonly texts?: Readonly<Record<string, ReadonlyArray<string>>>
  /** Sentences on reference data that rests on assumptions, for the data-quality slide. */
  readonly assumptions?: ReadonlyArray<string>
  /**
   * When true, a metric that fails fails the report (after every metric
   * was tried, so all failures are named); otherwise its slide says what failed.
   */
  readonly strict?: boolean
  readonly progress?: ProgressReporter
  /** Told of each failed metric as it fails, e.g. to warn on the console; the report goes on. */
  readonly onMetricFailure?: (failure: MetricFailure) => void
}

/** The default deck with plugin slides placed before the data-quality summary. */
export const deckWithPluginSlides = (registry: Registry): ReadonlyArray<DeckEntry> => {
  const closing = DEFAULT_DECK.filter((e) => "builtin" in e && e.builtin === "data-quality")
  const body = DEFAULT_DECK.filter((e) => !("builtin" in e && e.builtin === "data-quality"))
  return [...body, ...registry.pluginSlides, ...closing]
}

type MetricDeckEntry = Extract<DeckEntry, { metric: string }>

/** The key of an entry's metric run in the report's `parameters` and `metrics`. */
export const runKey = (entry: MetricDeckEntry): string => entry.key ?? entry.metric

/** The ids of the built-in slides, which no metric slide may take. */
const BUILTIN_SLIDE_IDS: ReadonlyArray<string> = ["title", "data-quality"]

/**
 * The id a presented slide gets in the deck. An entry keyed other than its
 * metric id puts its key where the metric id was (`waiting-time` shown
 * under the key `wt-30` gives `wt-30`, `missions-per-station-2` under `mps`
 * gives `mps-2`), or before an id that does not start with the metric id.
 * A presenter that already names the slide by the key (the default deck's
 * `borderless-dispatch-p1`) keeps its id.
 */
export const deckSlideId = (presented: string, metricId: string, key: string): string => {
  if (key === metricId || presented === key) return presented
  if (presented === metricId || presented.startsWith(`${metricId}-`)) {
    return `${key}${presented.slice(metricId.length)}`
  }
  return `${key}-${presented}`
}

/** JSON with sorted keys, so two parameter objects compare by content. */
const stableJson = (value: unknown): string =>
  JSON.stringify(value, (_, v: unknown) =>
    typeof v === "object" && v !== null && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : 1)))
      : v,
  )

/** Two deck entries (or one) that cannot be in one deck, found before anything is computed. */
export interface DeckConflict {
  /** Positions in the deck, the later one last. */
  readonly positions: ReadonlyArray<number>
  readonly problem: string
}

/**
 * Entries that would clash: entries sharing a key share one computation, so
 * they must be of one metric with the same parameters, and then show
 * different views (or their slides would have the same ids); a key may not
 * be another metric's id or a built-in slide's id.
 */
export const deckConflicts = (deck: ReadonlyArray<DeckEntry>, registry: Registry): DeckConflict[] => {
  const conflicts: DeckConflict[] = []
  const firstByKey = new Map<string, number>()
  deck.forEach((entry, position) => {
    if (!("metric" in entry)) return
    const key = runKey(entry)
    if (BUILTIN_SLIDE_IDS.includes(key)) {
      conflicts.push({
        positions: [position],
        problem: `the key "${key}" is the id of the built-in ${key} slide; choose another key`,
      })
      return
    }
    if (key !== entry.metric && registry.metrics.has(key)) {
      conflicts.push({
        positions: [position],
        problem: `the key "${key}" is the id of another metric, so the report's parameters and metrics under "${key}" would mix the two; choose a key that is no metric's id`,
      })
      return
    }
    const first = firstByKey.get(key)
    if (first === undefined) {
      firstByKey.set(key, position)
      return
    }
    const earlier = deck[first] as MetricDeckEntry
    const problem =
      earlier.metric !== entry.metric
        ? `both have the key "${key}" but show different metrics ("${earlier.metric}", "${entry.metric}"); give one of them another key`
        : stableJson(earlier.params ?? {}) !== stableJson(entry.params ?? {})
          ? `both show metric "${entry.metric}" under the key "${key}" with different parameters, but one key is one computation; give one of them a key of its own`
          : (earlier.view ?? "default") === (entry.view ?? "default")
            ? `both show the "${entry.view ?? "default"}" view of metric "${entry.metric}" under the key "${key}", so their slides would have the same ids; give one of them a key of its own`
            : undefined
    if (problem !== undefined) conflicts.push({ positions: [first, position], problem })
  })
  return conflicts
}

/**
 * Runs the deck's metrics over the data set and assembles the report model:
 * slides numbered in deck order, every metric's raw result and data-quality
 * account, and the data-quality slide. A metric run shared by two entries
 * (a table and a map of one figure) is computed once. A metric's output is
 * checked against the report model before it is used; a metric that fails,
 * throws or returns something invalid gets an error slide (or, under
 * `strict`, fails the report once every metric was tried).
 */
export const buildReport = (
  options: BuildReportOptions,
): Effect.Effect<Report, ReportError | MetricsFailedError> =>
  Effect.gen(function* () {
    const { dataset, registry, language } = options
    const progress = options.progress ?? silentProgress
    const span = dataMonths(dataset)
    if (span === undefined) {
      return yield* new ReportError({
        message:
          "no mission was accepted, so there is nothing to report; see the data-quality summary for why",
      })
    }
    const period = options.period ?? defaultPeriod(span)
    if (period.from > period.to) {
      return yield* new ReportError({
        message: `the period starts (${formatMonth(period.from)}) after it ends (${formatMonth(period.to)}); swap --from and --to`,
      })
    }
    const input: MetricInput = { dataset, period, previousPeriod: coveredPreviousPeriod(period, span) }
    const deck = options.deck ?? deckWithPluginSlides(registry)
    yield* checkDeck(deck, registry)

    const runs = new Map<string, MetricRun>()
    const failedRuns = new Map<string, MetricFailure>()
    const failures: MetricFailure[] = []
    const fail = (failure: MetricFailure): MetricFailure => {
      failures.push(failure)
      options.onMetricFailure?.(failure)
      return failure
    }
    const contents: SlideContent[][] = []
    const slideMetricIds: string[][] = []
    const closingEntries: number[] = []
    // Who has each slide id, for the message when a later slide wants it too.
    const owners = new Map<string, string>()
    for (const entry of deck) {
      if ("builtin" in entry) owners.set(entry.builtin, `the built-in ${entry.builtin} slide`)
    }

    for (const [position, entry] of deck.entries()) {
      if ("builtin" in entry) {
        contents.push([])
        slideMetricIds.push([])
        if (entry.builtin === "data-quality") closingEntries.push(position)
        else contents[position] = [titleSlide(dataset, period, options.generatedAt, language)]
        continue
      }

      const registered = registry.metrics.get(entry.metric)!
      const { metric, plugin } = registered
      const view = entry.view ?? "default"
      const key = runKey(entry)
      const failure = (stage: MetricFailure["stage"], message: string): MetricFailure => ({
        key,
        metricId: metric.id,
        plugin,
        stage,
        message,
      })

      let run = runs.get(key)
      if (run === undefined && !failedRuns.has(key)) {
        progress.step(`computing ${key}`)
        const outcome = yield* Effect.result(containDefects(() => metric.run(input, entry.params ?? {})))
        const problem =
          outcome._tag === "Failure"
            ? outcome.failure.message
            : qualityProblem(outcome.success.output.quality)
        if (problem === undefined && outcome._tag === "Success") {
          run = outcome.success
          runs.set(key, run)
        } else {
          failedRuns.set(key, fail(failure("compute", problem ?? "")))
        }
      }

      slideMetricIds.push([metric.id])
      // Presenters look texts up by the ids they give; under another key the deck applies them by the new ids.
      const texts = key === metric.id ? options.texts : undefined
      let made: ReadonlyArray<SlideContent> | MetricFailure = failedRuns.get(key)!
      if (run !== undefined) {
        const presented = presentSafely(run, view, language, texts)
        made =
          typeof presented === "string"
            ? fail(failure("present", presented))
            : claimIds(presented, metric.id, key, owners, `metric "${metric.id}" (plugin "${plugin}")`, (m) =>
                fail(failure("present", m)),
              )
      }
      if ("stage" in made) {
        const id = freeId(view === "default" ? key : `${key}-${view}`, owners)
        owners.set(id, `the error slide of "${key}"`)
        made = [failedSlide(id, metric.title[language], made, language)]
      }
      contents.push([...made])
    }

    if (options.strict === true && failures.length > 0) {
      return yield* new MetricsFailedError({ failures, message: failuresMessage(failures) })
    }

    const qualityLines: MetricQualityLine[] = [...runs.entries()].map(([key, run]) => ({
      key,
      title: registry.metrics.get(run.metricId)!.metric.title[language],
      quality: run.output.quality,
    }))
    const dataQuality = {
      files: [...options.files],
      metrics: Object.fromEntries(qualityLines.map((l) => [l.key, l.quality])),
      period: {
        missions: periodCoverage(dataset.missions.month, period),
        rescueCases: periodCoverage(dataset.rescueCases.month, period),
      },
      unmatched: {
        stations: [...dataset.missions.unmatched.stations],
        municipalityCodes: [...dataset.missions.unmatched.municipalityCodes],
      },
    }
    for (const position of closingEntries) {
      contents[position] = [
        dataQualitySlide({
          quality: dataQuality,
          metrics: qualityLines,
          period,
          assumptions: options.assumptions ?? [],
          language,
        }),
      ]
    }

    const slides = numberSlides(contents, slideMetricIds, options.texts)
    return yield* assertUniqueSlideIds(slides).pipe(
      Effect.as<Report>({
        schemaVersion: REPORT_SCHEMA_VERSION,
        tool: { name: "ambu", version: options.toolVersion },
        generatedAt: options.generatedAt,
        language,
        region: dataset.geography.geography.region,
        timeZone: dataset.geography.geography.timeZone,
        period: { from: formatMonth(period.from), to: formatMonth(period.to) },
        previousPeriod:
          input.previousPeriod === null
            ? null
            : { from: formatMonth(input.previousPeriod.from), to: formatMonth(input.previousPeriod.to) },
        parameters: Object.fromEntries([...runs.entries()].map(([key, run]) => [key, asRecord(run.params)])),
        slides,
        metrics: Object.fromEntries(
          [...runs.entries()].map(([key, run]) => [
            key,
            { result: run.output.result, quality: run.output.quality },
          ]),
        ),
        dataQuality,
      }),
    )
  })

/** The deck names only known metrics and views, and no two entries clash; checked before computing. */
const checkDeck = (deck: ReadonlyArray<DeckEntry>, registry: Registry): Effect.Effect<void, ReportError> => {
  const problems: string[] = []
  deck.forEach((entry, position) => {
    if (!("metric" in entry)) return
    const registered = registry.metrics.get(entry.metric)
    if (registered === undefined) {
      problems.push(
        `deck entry ${position + 1} names metric "${entry.metric}", which no plugin provides; known metrics: ${[...registry.metrics.keys()].join(", ")}`,
      )
      return
    }
    const view = entry.view ?? "default"
    if (!registered.metric.viewNames.includes(view)) {
      problems.push(
        `deck entry ${position + 1}: metric "${entry.metric}" has no view "${view}"; its views: ${registered.metric.viewNames.join(", ")}`,
      )
    }
  })
  if (problems.length === 0) {
    for (const { positions, problem } of deckConflicts(deck, registry)) {
      problems.push(`deck entries ${positions.map((p) => p + 1).join(" and ")}: ${problem}`)
    }
  }
  return problems.length === 0 ? Effect.void : Effect.fail(new ReportError({ message: problems.join("; ") }))
}

const thrownText = (thrown: unknown): string =>
  thrown instanceof Error ? `${thrown.name}: ${thrown.message.split("\n")[0]}` : String(thrown)

/**
 * A metric that throws (a plugin's bug), even before it returns its effect,
 * fails like one that returns an error, so it cannot take the report down.
 */
const containDefects = <A>(run: () => Effect.Effect<A, MetricError>): Effect.Effect<A, { message: string }> =>
  Effect.suspend(run).pipe(
    Effect.catchDefect((defect) => Effect.fail({ message: `it threw ${thrownText(defect)}` })),
  )

/** The presenter's slides, checked against the report model; a string says what is wrong with them. */
const presentSafely = (
  run: MetricRun,
  view: string,
  language: Language,
  texts: BuildReportOptions["texts"],
): ReadonlyArray<SlideContent> | string => {
  let slides: unknown
  try {
    slides = run.present(view, texts === undefined ? { language } : { language, texts })
  } catch (defect) {
    return `its presenter threw ${thrownText(defect)}`
  }
  return slidesProblem(slides) ?? (slides as ReadonlyArray<SlideContent>)
}

/**
 * Gives an entry's slides their deck ids and claims them; a slide whose id
 * is taken (a plugin naming its slide like a built-in one) fails the entry.
 */
const claimIds = (
  slides: ReadonlyArray<SlideContent>,
  metricId: string,
  key: string,
  owners: Map<string, string>,
  owner: string,
  fail: (message: string) => MetricFailure,
): ReadonlyArray<SlideContent> | MetricFailure => {
  const renamed = slides.map((s) => ({ ...s, id: deckSlideId(s.id, metricId, key) }))
  const seen = new Set<string>()
  for (const slide of renamed) {
    const holder = owners.get(slide.id) ?? (seen.has(slide.id) ? "another of its own slides" : undefined)
    if (holder !== undefined) {
      return fail(
        `its slide id "${slide.id}" is already taken by ${holder}; a metric's slide ids should start with its metric id ("${metricId}")`,
      )
    }
    seen.add(slide.id)
  }
  for (const id of seen) owners.set(id, owner)
  return renamed
}

/** `id`, or `id-error`, `id-error-2`, … when it is taken. */
const freeId = (id: string, owners: ReadonlyMap<string, string>): string => {
  if (!owners.has(id)) return id
  for (let n = 1; ; n++) {
    const candidate = n === 1 ? `${id}-error` : `${id}-error-${n}`
    if (!owners.has(candidate)) return candidate
  }
}

const asRecord = (params: unknown): Record<string, unknown> =>
  typeof params === "object" && params !== null
    ? { ...(params as Record<string, unknown>) }
    : { value: params }

/** One line per failure, naming the plugin, the metric (and the key when it differs) and what went wrong. */
export const describeFailure = (failure: MetricFailure): string => {
  const keyed = failure.key === failure.metricId ? "" : ` (deck entry "${failure.key}")`
  const what = failure.stage === "compute" ? "could not be computed" : "could not be shown"
  return `plugin "${failure.plugin}", metric "${failure.metricId}"${keyed} ${what}: ${failure.message}`
}

const failuresMessage = (failures: ReadonlyArray<MetricFailure>): string =>
  failures.length === 1
    ? describeFailure(failures[0]!)
    : `${failures.length} metrics failed:\n${failures.map((f) => `  ✖ ${describeFailure(f)}`).join("\n")}`

/**
 * The slide of a failed metric, in the report's language; the technical
 * detail stays as the plugin wrote it (English), quoted, for whoever fixes it.
 */
const failedSlide = (id: string, title: string, failure: MetricFailure, language: Language): SlideContent => {
  const source =
    failure.key === failure.metricId
      ? `${failure.metricId}, ${language === "sv" ? "från" : "from"} "${failure.plugin}"`
      : `${failure.key}: ${failure.metricId}, ${language === "sv" ? "från" : "from"} "${failure.plugin}"`
  const message =
    language === "sv"
      ? `Måttet "${title}" (${source}) kunde inte ${failure.stage === "compute" ? "beräknas" : "visas"}, så här saknas dess siffror. Tekniskt fel: "${failure.message}"`
      : `The metric "${title}" (${source}) could not be ${failure.stage === "compute" ? "computed" : "shown"}, so its figures are missing here. Technical detail: "${failure.message}"`
  return { id, title, blocks: [{ kind: "error", message }], notes: describeFailure(failure) }
}

/** Numbers slides from 1 in deck order; configured texts replace a slide's explanation. */
const numberSlides = (
  contents: ReadonlyArray<ReadonlyArray<SlideContent>>,
  metricIds: ReadonlyArray<ReadonlyArray<string>>,
  texts: Readonly<Record<string, ReadonlyArray<string>>> | undefined,
): Slide[] => {
  const slides: Slide[] = []
  contents.forEach((group, position) => {
    for (const content of group) {
      const replacement = texts?.[content.id]
      const blocks =
        replacement === undefined
          ? [...content.blocks]
          : content.blocks.map((b) =>
              b.kind === "text" ? { kind: "text" as const, paragraphs: [...replacement] } : b,
            )
      slides.push({
        id: content.id,
        number: slides.length + 1,
        title: content.title,
        blocks,
        notes: content.notes,
        metricIds: [...(metricIds[position] ?? [])],
      })
    }
  })
  return slides
}

/** A last guard: ids are claimed as slides are made, so this fails only on a bug of ambu's. */
const assertUniqueSlideIds = (slides: ReadonlyArray<Slide>): Effect.Effect<void, ReportError> => {
  const seen = new Set<string>()
  for (const slide of slides) {
    if (seen.has(slide.id)) {
      return Effect.fail(new ReportError({ message: `two slides have the id "${slide.id}"` }))
    }
    seen.add(slide.id)
  }
  return Effect.void
}
