import { dirname } from "node:path"
import {
  type AmbuPlugin,
  applyDeckConfig,
  buildRegistry,
  type ConfigError,
  type ConfiguredRun,
  type DeckConfig,
  type PluginError,
  type Registry,
} from "@ambu/core"
import * as Effect from "effect/Effect"
import { loadPlugins, type PluginRequest, splitPluginFlags } from "./load-plugins.js"
import { findConfigFile, readConfigFile } from "./read-config.js"

/** What a command needs from the configuration and the plugins. */
export interface RunSetup {
  readonly registry: Registry
  readonly configured: ConfiguredRun
  /** The configuration file used, if any; named in messages about it. */
  readonly configFile: string | undefined
}

export interface RunSetupOptions {
  /** `--config`'s value. */
  readonly config: string | undefined
  /** `--plugin`'s values, each possibly comma-separated. */
  readonly plugins: ReadonlyArray<string>
  readonly cwd: string
  /** The plugins every run has, registered first. */
  readonly builtins: ReadonlyArray<AmbuPlugin>
}

/**
 * Finds and reads the configuration, loads the plugins it and `--plugin`
 * name, registers them after the built-ins and checks the configuration
 * against them. Configuration plugins resolve from the configuration's
 * folder, `--plugin` ones from the working directory.
 */
export const loadRunSetup = (options: RunSetupOptions): Effect.Effect<RunSetup, ConfigError | PluginError> =>
  Effect.gen(function* () {
    const configFile = yield* findConfigFile(options.config, options.cwd)
    const config: DeckConfig = configFile === undefined ? {} : yield* readConfigFile(configFile)

    const requests: PluginRequest[] = [
      ...(config.plugins ?? []).map((specifier) => ({
        specifier,
        baseDir: dirname(configFile!),
        origin: `from ${configFile}`,
      })),
      ...splitPluginFlags(options.plugins).map((specifier) => ({
        specifier,
        baseDir: options.cwd,
        origin: "from --plugin",
      })),
    ]
    const loaded = yield* loadPlugins(requests)
    const sources = new Map(loaded.map(({ plugin, source }) => [plugin, source]))
    const registry = yield* buildRegistry([...options.builtins, ...loaded.map((l) => l.plugin)], {
      sourceOf: (plugin) => sources.get(plugin),
    })

    const configured = yield* applyDeckConfig(config, registry, configFile ?? "the default configuration")
    return { registry, configured, configFile }
  })
