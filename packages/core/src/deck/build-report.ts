import { Effect } from "effect"
import type { DataSet } from "../dataset/data-set.js"
import type { MetricInput, MetricRun, SlideContent } from "../metrics/metric.js"
import { MetricError } from "../metrics/metric-error.js"
import {
  type FileQuality,
  type Language,
  REPORT_SCHEMA_VERSION,
  type Report,
  type Slide,
} from "../model/report-model.js"
import type { Registry } from "../plugin/registry.js"
import { type ProgressReporter, silentProgress } from "../plugin/renderer.js"
import { formatMonth, type Period } from "../time/month.js"
import { dataQualitySlide, type MetricQualityLine, titleSlide } from "./builtin-slides.js"
import { DEFAULT_DECK, type DeckEntry } from "./deck-entry.js"
import { coveredPreviousPeriod, dataMonths, defaultPeriod, ReportError } from "./period.js"

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
  /** When true, a metric that fails fails the report; otherwise its slide says what failed. */
  readonly strict?: boolean
  readonly progress?: ProgressReporter
}

/** The default deck with plugin slides placed before the data-quality summary. */
export const deckWithPluginSlides = (registry: Registry): ReadonlyArray<DeckEntry> => {
  const closing = DEFAULT_DECK.filter((e) => "builtin" in e && e.builtin === "data-quality")
  const body = DEFAULT_DECK.filter((e) => !("builtin" in e && e.builtin === "data-quality"))
  return [...body, ...registry.pluginSlides, ...closing]
}

const runKey = (entry: Extract<DeckEntry, { metric: string }>): string => entry.key ?? entry.metric

/**
 * Runs the deck's metrics over the data set and assembles the report model:
 * slides numbered in deck order, every metric's raw result and data-quality
 * account, and the data-quality slide. A metric run shared by two entries
 * (a table and a map of one figure) is computed once.
 */
export const buildReport = (options: BuildReportOptions): Effect.Effect<Report, ReportError | MetricError> =>
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

    const runs = new Map<string, MetricRun>()
    const failures = new Map<string, MetricError>()
    const contents: SlideContent[][] = []
    const slideMetricIds: string[][] = []
    const closingEntries: number[] = []

    for (const [position, entry] of deck.entries()) {
      if ("builtin" in entry) {
        contents.push([])
        slideMetricIds.push([])
        if (entry.builtin === "data-quality") closingEntries.push(position)
        else contents[position] = [titleSlide(dataset, period, options.generatedAt, language)]
        continue
      }

      const registered = registry.metrics.get(entry.metric)
      if (registered === undefined) {
        return yield* new ReportError({
          message: `the deck names metric "${entry.metric}", which no plugin provides; known metrics: ${[...registry.metrics.keys()].join(", ")}`,
        })
      }
      const view = entry.view ?? "default"
      if (!registered.metric.viewNames.includes(view)) {
        return yield* new ReportError({
          message: `metric "${entry.metric}" has no view "${view}"; its views: ${registered.metric.viewNames.join(", ")}`,
        })
      }

      const key = runKey(entry)
      let run = runs.get(key)
      if (run === undefined && !failures.has(key)) {
        progress.step(`computing ${key}`)
        const outcome = yield* Effect.result(
          containDefects(registered.metric.id, () => registered.metric.run(input, entry.params ?? {})),
        )
        if (outcome._tag === "Success") {
          run = outcome.success
          runs.set(key, run)
        } else if (options.strict === true) {
          return yield* outcome.failure
        } else {
          failures.set(key, outcome.failure)
        }
      }

      slideMetricIds.push([registered.metric.id])
      let slidesOfEntry: ReadonlyArray<SlideContent> | MetricError =
        failures.get(key) ?? new MetricError({ metricId: key, message: "not computed" })
      if (run !== undefined) slidesOfEntry = presentSafely(run, view, language, options.texts)
      if (slidesOfEntry instanceof MetricError) {
        if (options.strict === true) return yield* slidesOfEntry
        slidesOfEntry = [failedSlide(key, registered.metric.title[language], slidesOfEntry, language)]
      }
      contents.push([...slidesOfEntry])
    }

    const qualityLines: MetricQualityLine[] = [...runs.entries()].map(([key, run]) => ({
      key,
      title: registry.metrics.get(run.metricId)!.metric.title[language],
      quality: run.output.quality,
    }))
    for (const position of closingEntries) {
      contents[position] = [
        dataQualitySlide(options.files, qualityLines, options.assumptions ?? [], language),
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
        dataQuality: {
          files: [...options.files],
          metrics: Object.fromEntries(qualityLines.map((l) => [l.key, l.quality])),
        },
      }),
    )
  })

/**
 * A metric that throws (a plugin's bug), even before it returns its effect,
 * fails like one that returns an error, so it cannot take the report down.
 */
const containDefects = <A>(
  metricId: string,
  run: () => Effect.Effect<A, MetricError>,
): Effect.Effect<A, MetricError> =>
  Effect.suspend(run).pipe(
    Effect.catchDefect((defect) =>
      Effect.fail(
        new MetricError({
          metricId,
          message: `metric "${metricId}" threw: ${defect instanceof Error ? defect.message : String(defect)}`,
          cause: defect,
        }),
      ),
    ),
  )

const presentSafely = (
  run: MetricRun,
  view: string,
  language: Language,
  texts: BuildReportOptions["texts"],
): ReadonlyArray<SlideContent> | MetricError => {
  try {
    return run.present(view, texts === undefined ? { language } : { language, texts })
  } catch (defect) {
    return new MetricError({
      metricId: run.metricId,
      message: `the slides of metric "${run.metricId}" could not be made: ${defect instanceof Error ? defect.message : String(defect)}`,
      cause: defect,
    })
  }
}

const asRecord = (params: unknown): Record<string, unknown> =>
  typeof params === "object" && params !== null
    ? { ...(params as Record<string, unknown>) }
    : { value: params }

const failedSlide = (key: string, title: string, error: MetricError, language: Language): SlideContent => ({
  id: key,
  title,
  blocks: [
    {
      kind: "error",
      message:
        language === "sv"
          ? `Måttet "${key}" kunde inte beräknas: ${error.message}`
          : `The metric "${key}" could not be computed: ${error.message}`,
    },
  ],
  notes: error.message,
})

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

const assertUniqueSlideIds = (slides: ReadonlyArray<Slide>): Effect.Effect<void, ReportError> => {
  const seen = new Set<string>()
  for (const slide of slides) {
    if (seen.has(slide.id)) {
      return Effect.fail(
        new ReportError({
          message: `two slides have the id "${slide.id}"; give one of the deck entries another key`,
        }),
      )
    }
    seen.add(slide.id)
  }
  return Effect.void
}
