import { Effect } from "effect"
import type { DeckEntry } from "../deck/deck-entry.js"
import type { MetricEntry } from "../metrics/metric.js"
import { type AmbuPlugin, PluginError } from "./plugin.js"
import type { RendererDefinition } from "./renderer.js"

/** Every metric and output format known to a run, with the plugin that brought it. */
export interface Registry {
  readonly plugins: ReadonlyArray<AmbuPlugin>
  readonly metrics: ReadonlyMap<string, { readonly metric: MetricEntry; readonly plugin: string }>
  readonly renderers: ReadonlyMap<string, { readonly renderer: RendererDefinition; readonly plugin: string }>
  /** Slides plugins add to the default deck, in plugin order. */
  readonly pluginSlides: ReadonlyArray<DeckEntry>
}

/**
 * Registers plugins in order. Built-ins go through here too, so a plugin
 * that claims a built-in's id is refused like any other clash, and the
 * message names both claimants.
 */
export const buildRegistry = (plugins: ReadonlyArray<AmbuPlugin>): Effect.Effect<Registry, PluginError> =>
  Effect.gen(function* () {
    const metrics = new Map<string, { metric: MetricEntry; plugin: string }>()
    const renderers = new Map<string, { renderer: RendererDefinition; plugin: string }>()
    const names = new Set<string>()
    const pluginSlides: DeckEntry[] = []

    for (const plugin of plugins) {
      if (names.has(plugin.name)) {
        return yield* new PluginError({
          plugin: plugin.name,
          message: `plugin "${plugin.name}" is loaded twice`,
        })
      }
      names.add(plugin.name)

      for (const metric of plugin.metrics ?? []) {
        const claimed = metrics.get(metric.id)
        if (claimed !== undefined) {
          return yield* new PluginError({
            plugin: plugin.name,
            message: `metric id "${metric.id}" is claimed by both "${claimed.plugin}" and "${plugin.name}"; rename one of them`,
          })
        }
        metrics.set(metric.id, { metric, plugin: plugin.name })
      }

      for (const renderer of plugin.renderers ?? []) {
        const claimed = renderers.get(renderer.format)
        if (claimed !== undefined) {
          return yield* new PluginError({
            plugin: plugin.name,
            message: `output format "${renderer.format}" is claimed by both "${claimed.plugin}" and "${plugin.name}"; rename one of them`,
          })
        }
        renderers.set(renderer.format, { renderer, plugin: plugin.name })
      }

      pluginSlides.push(...(plugin.slides ?? []))
    }

    return { plugins, metrics, renderers, pluginSlides }
  })
