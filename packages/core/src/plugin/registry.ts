import * as Effect from "effect/Effect"
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
  /** The same slides, each with the plugin that added it, for messages. */
  readonly pluginSlideEntries: ReadonlyArray<{ readonly entry: DeckEntry; readonly plugin: string }>
}

export interface RegistryOptions {
  /**
   * Where a plugin came from (`./local/p90.mjs, from --plugin`), for
   * messages; undefined for the host's own plugins, which a clash then
   * calls built-in.
   */
  readonly sourceOf?: (plugin: AmbuPlugin) => string | undefined
}

const quoted = (names: Iterable<string>): string => [...names].map((n) => `"${n}"`).join(", ")

/**
 * Registers plugins in order. Built-ins go through here too, so a plugin
 * that claims a built-in's name or id is refused like any other clash, and
 * the message names both claimants.
 */
export const buildRegistry = (
  plugins: ReadonlyArray<AmbuPlugin>,
  options: RegistryOptions = {},
): Effect.Effect<Registry, PluginError> =>
  Effect.gen(function* () {
    const metrics = new Map<string, { metric: MetricEntry; plugin: string }>()
    const renderers = new Map<string, { renderer: RendererDefinition; plugin: string }>()
    const byName = new Map<string, AmbuPlugin>()
    const pluginSlideEntries: Array<{ entry: DeckEntry; plugin: string }> = []
    const named = (plugin: AmbuPlugin): string => {
      const source = options.sourceOf?.(plugin)
      return source === undefined ? `"${plugin.name}"` : `"${plugin.name}" (${source})`
    }

    for (const plugin of plugins) {
      const holder = byName.get(plugin.name)
      if (holder !== undefined) {
        const builtIn = options.sourceOf !== undefined && options.sourceOf(holder) === undefined
        return yield* new PluginError({
          plugin: plugin.name,
          message: builtIn
            ? `plugin ${named(plugin)} has the name of ambu's built-in plugin "${plugin.name}"; give it a name of its own, such as its package name`
            : `two plugins are named "${plugin.name}": ${named(holder)} and ${named(plugin)}; a plugin's name must be unique, so rename one of them`,
        })
      }
      byName.set(plugin.name, plugin)

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

      for (const entry of plugin.slides ?? []) pluginSlideEntries.push({ entry, plugin: plugin.name })
    }

    // Checked once every plugin is in, since a plugin may place another plugin's metric.
    for (const [index, { entry, plugin }] of pluginSlideEntries.entries()) {
      if (!("metric" in entry)) continue
      const registered = metrics.get(entry.metric)
      const view = entry.view ?? "default"
      const problem =
        registered === undefined
          ? `names metric "${entry.metric}", which no plugin provides; known metrics: ${quoted(metrics.keys())}`
          : registered.metric.viewNames.includes(view)
            ? undefined
            : `asks for view "${view}" of metric "${entry.metric}", which has the views ${quoted(registered.metric.viewNames)}`
      if (problem !== undefined) {
        const position = pluginSlideEntries.slice(0, index).filter((e) => e.plugin === plugin).length
        return yield* new PluginError({
          plugin,
          message: `plugin ${named(byName.get(plugin)!)}: slides[${position}] ${problem}`,
        })
      }
    }

    return {
      plugins,
      metrics,
      renderers,
      pluginSlides: pluginSlideEntries.map((e) => e.entry),
      pluginSlideEntries,
    }
  })
