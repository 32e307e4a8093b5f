import * as Effect from "effect/Effect"
import { z } from "zod"
import type { DataSet } from "../dataset/data-set.js"
import type { Block, Language, MetricQuality } from "../model/report-model.js"
import type { Period } from "../time/month.js"
import { MetricError } from "./metric-error.js"

/** What every metric computes from: the data set and the report's period. */
export interface MetricInput {
  readonly dataset: DataSet
  readonly period: Period
  /** The period before, when the data reaches back to its first month; otherwise null. */
  readonly previousPeriod: Period | null
}

/** A metric's machine-readable result and its own data-quality account. */
export interface MetricOutput<R> {
  readonly result: R
  readonly quality: MetricQuality
}

/** What a presenter needs besides the result: language, geography, parameters. */
export interface PresentContext<P> {
  readonly language: Language
  readonly input: MetricInput
  readonly params: P
  /**
   * Deck-configured explanation paragraphs, keyed by slide id. The deck also
   * applies them to a slide's text block, so a presenter may ignore them.
   */
  readonly texts?: Readonly<Record<string, ReadonlyArray<string>>>
}

/** One slide's content as a presenter makes it; the deck assigns the number. */
export interface SlideContent {
  /** Stable id, unique in the deck, e.g. `missions-per-station-1`. */
  readonly id: string
  readonly title: string
  readonly blocks: ReadonlyArray<Block>
  /** The definition in prose and the data-quality account, for speaker notes. */
  readonly notes: string
}

/**
 * A figure of the report: a named, typed pipeline from the data set to a
 * result, and the slides that show it. Built-in metrics and plugin metrics
 * have this same shape.
 */
export interface MetricDefinition<P = unknown, R = unknown> {
  /** Stable id, e.g. `waiting-time`; lowercase words joined by dashes. */
  readonly id: string
  readonly title: Readonly<Record<Language, string>>
  /** One paragraph: what is counted, from which missions or cases. */
  readonly description: Readonly<Record<Language, string>>
  /** Parameters with their defaults; parsing `{}` gives the defaults. */
  readonly params: z.ZodType<P>
  readonly compute: (input: MetricInput, params: P) => Effect.Effect<MetricOutput<R>, MetricError>
  /** Presentations by view name; `default` is required. A deck entry may pick another view. */
  readonly views: { readonly default: Presenter<P, R> } & Readonly<Record<string, Presenter<P, R>>>
}

export type Presenter<P, R> = (
  output: MetricOutput<R>,
  context: PresentContext<P>,
) => ReadonlyArray<SlideContent>

/** A metric computed with parsed parameters, ready to present in any of its views. */
export interface MetricRun {
  readonly metricId: string
  readonly params: unknown
  readonly output: MetricOutput<unknown>
  readonly viewNames: ReadonlyArray<string>
  readonly present: (
    view: string,
    context: Omit<PresentContext<unknown>, "params" | "input">,
  ) => ReadonlyArray<SlideContent>
}

/**
 * A metric with its parameter and result types closed over, so metrics of
 * every kind fit one registry without `any`.
 */
export interface MetricEntry {
  readonly id: string
  readonly title: Readonly<Record<Language, string>>
  readonly description: Readonly<Record<Language, string>>
  readonly params: z.ZodType<unknown>
  readonly viewNames: ReadonlyArray<string>
  /** Parses the raw parameters (defaults filled in) and computes. */
  readonly run: (input: MetricInput, rawParams: unknown) => Effect.Effect<MetricRun, MetricError>
}

/** Declares a metric; the result is what registries and plugins take. */
export const defineMetric = <P, R>(metric: MetricDefinition<P, R>): MetricEntry => ({
  id: metric.id,
  title: metric.title,
  description: metric.description,
  params: metric.params,
  viewNames: Object.keys(metric.views),
  run: (input, rawParams) =>
    Effect.gen(function* () {
      const parsed = metric.params.safeParse(rawParams ?? {})
      if (!parsed.success) {
        return yield* new MetricError({
          metricId: metric.id,
          message: `invalid parameters for metric "${metric.id}": ${z.prettifyError(parsed.error)}`,
        })
      }
      const params = parsed.data
      const output = yield* metric.compute(input, params)
      return {
        metricId: metric.id,
        params,
        output,
        viewNames: Object.keys(metric.views),
        present: (view, context) => {
          const presenter = metric.views[view] ?? metric.views.default
          return presenter(output, { ...context, params, input })
        },
      }
    }),
})
