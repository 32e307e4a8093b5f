import * as Data from "effect/Data"
import * as Effect from "effect/Effect"
import { z } from "zod"
import type { DeckEntry } from "../deck/deck-entry.js"
import type { MetricEntry } from "../metrics/metric.js"
import type { RendererDefinition } from "./renderer.js"

/**
 * A plugin: one typed value that adds metrics, slides and output formats.
 * The built-in metrics and renderers are plugins of this same shape.
 *
 * @example
 * ```ts
 * export default definePlugin({
 *   name: "p90-response",
 *   metrics: [p90Response],
 *   slides: [{ metric: "p90-response" }],
 * })
 * ```
 */
export interface AmbuPlugin {
  /** Unique name, shown in messages; usually the package name. */
  readonly name: string
  readonly metrics?: ReadonlyArray<MetricEntry>
  readonly renderers?: ReadonlyArray<RendererDefinition>
  /** Slides the plugin adds to the end of the default deck (before the data-quality slide). */
  readonly slides?: ReadonlyArray<DeckEntry>
}

export const definePlugin = (plugin: AmbuPlugin): AmbuPlugin => plugin

/** A plugin could not be loaded or registered; the message names the plugin and the problem. */
export class PluginError extends Data.TaggedError("PluginError")<{
  readonly plugin: string
  readonly message: string
  readonly cause?: unknown
}> {}

const ID = z
  .string()
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, "use lowercase words joined by dashes, e.g. p90-response")
const Texts = z.object({ sv: z.string(), en: z.string() })

const MetricEntryShape = z.object({
  id: ID,
  title: Texts,
  description: Texts,
  params: z.custom<z.ZodType>((v) => v instanceof z.ZodType, "must be a zod schema"),
  viewNames: z.array(z.string()).min(1),
  run: z.custom<MetricEntry["run"]>((v) => typeof v === "function", "must be a function"),
})

const RendererShape = z.object({
  format: ID,
  description: z.string(),
  options: z.custom<z.ZodType>((v) => v instanceof z.ZodType, "must be a zod schema").optional(),
  render: z.custom<RendererDefinition["render"]>((v) => typeof v === "function", "must be a function"),
})

const DeckEntryShape = z.union([
  z.object({ builtin: z.enum(["title", "data-quality"]) }),
  z.object({
    metric: z.string(),
    key: ID.optional(),
    params: z.record(z.string(), z.unknown()).optional(),
    view: z.string().optional(),
  }),
])

/** The schema a plugin is checked against when it loads. */
export const PluginShape = z.object({
  name: z.string().min(1),
  metrics: z.array(MetricEntryShape).optional(),
  renderers: z.array(RendererShape).optional(),
  slides: z.array(DeckEntryShape).optional(),
})

/**
 * Checks a loaded value against the plugin schema. `source` says where it
 * came from (a path or package name) for the message.
 */
export const validatePlugin = (value: unknown, source: string): Effect.Effect<AmbuPlugin, PluginError> => {
  const parsed = PluginShape.safeParse(value)
  if (parsed.success) return Effect.succeed(value as AmbuPlugin)
  const name =
    typeof value === "object" && value !== null && typeof (value as { name?: unknown }).name === "string"
      ? (value as { name: string }).name
      : source
  return Effect.fail(
    new PluginError({
      plugin: name,
      message: `plugin "${name}" (${source}) is not a valid ambu plugin:\n${z.prettifyError(parsed.error)}\nExport definePlugin({ name, metrics, renderers, slides }) as the module's default export.`,
    }),
  )
}
