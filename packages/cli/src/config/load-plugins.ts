import { existsSync, realpathSync } from "node:fs"
import { isAbsolute, resolve } from "node:path"
import { type AmbuPlugin, PluginError, validatePlugin } from "@ambu/core"
import * as Effect from "effect/Effect"
import { causeText, importModule } from "./import-module.js"
import { resolvePackage } from "./resolve-package.js"

/** A plugin someone asked for: a module path or a package name, and where to look for it. */
export interface PluginRequest {
  readonly specifier: string
  /** The folder a relative path or a package name is resolved from. */
  readonly baseDir: string
  /** Who asked, for messages: the configuration file or `--plugin`. */
  readonly origin: string
}

const MODULE_FILE = /\.(?:[cm]?js|[cm]?ts)$/i

/**
 * A path starts with `.` or is absolute; a bare `p90.mjs` counts as a path
 * too when that file exists. Anything else is a package name.
 */
const asPath = (request: PluginRequest): string | undefined => {
  const { specifier, baseDir } = request
  if (specifier.startsWith(".") || isAbsolute(specifier)) return resolve(baseDir, specifier)
  const candidate = resolve(baseDir, specifier)
  return MODULE_FILE.test(specifier) && existsSync(candidate) ? candidate : undefined
}

/** The module file of a plugin, resolved as Node resolves a package from `baseDir`. */
const locate = (request: PluginRequest): Effect.Effect<string, PluginError> => {
  const path = asPath(request)
  if (path !== undefined) {
    return existsSync(path)
      ? Effect.succeed(realpathSync(path))
      : Effect.fail(
          new PluginError({
            plugin: request.specifier,
            message: `plugin "${request.specifier}" (${request.origin}) cannot be loaded: there is no file ${path}`,
          }),
        )
  }
  const resolution = resolvePackage(request.specifier, request.baseDir)
  if (resolution.found) return Effect.succeed(resolution.path)
  const notInstalled = resolution.problem.startsWith("no package")
  return Effect.fail(
    new PluginError({
      plugin: request.specifier,
      message: `plugin "${request.specifier}" (${request.origin}) cannot be loaded: ${resolution.problem}${notInstalled ? `; install it there (npm install ${request.specifier}), or give a path starting with ./` : ""}`,
    }),
  )
}

/** Imports one plugin module and checks that its default export (or `plugin`) is a plugin. */
const loadPlugin = (request: PluginRequest, path: string): Effect.Effect<AmbuPlugin, PluginError> =>
  Effect.gen(function* () {
    const module = yield* Effect.tryPromise({
      try: () => importModule(path),
      catch: (cause) =>
        new PluginError({
          plugin: request.specifier,
          message: `plugin "${request.specifier}" (${request.origin}) failed to load: ${causeText(cause)}`,
          cause,
        }),
    })
    const value = module.default ?? module.plugin
    if (value === undefined) {
      return yield* new PluginError({
        plugin: request.specifier,
        message: `plugin "${request.specifier}" (${request.origin}) exports no plugin; write \`export default definePlugin({ name, metrics, renderers, slides })\``,
      })
    }
    return yield* validatePlugin(value, `${request.specifier}, ${request.origin}`)
  })

/** A plugin and where it came from, for the registry's messages. */
export interface LoadedPlugin {
  readonly plugin: AmbuPlugin
  /** `./local/p90.mjs, from --plugin`. */
  readonly source: string
}

/**
 * Loads plugins in the order asked. One module asked for twice (by the
 * configuration and by `--plugin`) is loaded once; two different modules
 * with one name or one metric id are left for the registry to refuse.
 */
export const loadPlugins = (
  requests: ReadonlyArray<PluginRequest>,
): Effect.Effect<ReadonlyArray<LoadedPlugin>, PluginError> =>
  Effect.gen(function* () {
    const seen = new Set<string>()
    const plugins: LoadedPlugin[] = []
    for (const request of requests) {
      const path = yield* locate(request)
      if (seen.has(path)) continue
      seen.add(path)
      plugins.push({
        plugin: yield* loadPlugin(request, path),
        source: `${request.specifier}, ${request.origin}`,
      })
    }
    return plugins
  })

/** `--plugin a,b --plugin c` as one list: the flag repeats and takes comma-separated names. */
export const splitPluginFlags = (values: ReadonlyArray<string>): ReadonlyArray<string> =>
  values
    .flatMap((v) => v.split(","))
    .map((v) => v.trim())
    .filter((v) => v.length > 0)
