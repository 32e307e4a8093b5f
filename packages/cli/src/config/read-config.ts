import { access, readFile } from "node:fs/promises"
import { extname, join, resolve } from "node:path"
import { ConfigError, type DeckConfig, parseDeckConfig } from "@ambu/core"
import * as Effect from "effect/Effect"
import { causeText, importModule } from "./import-module.js"

/** The names a configuration is looked for under in the working directory, in this order. */
export const CONFIG_NAMES = ["ambu.config.json", "ambu.config.mjs", "ambu.config.ts"] as const

const exists = (path: string): Promise<boolean> =>
  access(path).then(
    () => true,
    () => false,
  )

/**
 * The configuration file of a run: `--config`'s value (which must exist),
 * else the one `ambu.config.*` of the working directory, else none. Two
 * of them side by side is an error, since either choice would surprise.
 */
export const findConfigFile = (
  explicit: string | undefined,
  cwd: string,
): Effect.Effect<string | undefined, ConfigError> =>
  Effect.gen(function* () {
    if (explicit !== undefined) {
      const path = resolve(cwd, explicit)
      if (!(yield* Effect.promise(() => exists(path)))) {
        return yield* new ConfigError({
          file: explicit,
          message: `--config ${explicit}: there is no such file`,
        })
      }
      return path
    }

    const found: string[] = []
    for (const name of CONFIG_NAMES) {
      if (yield* Effect.promise(() => exists(join(cwd, name)))) found.push(join(cwd, name))
    }
    if (found.length > 1) {
      return yield* new ConfigError({
        file: found[0]!,
        message: `${cwd} holds ${found.length} configuration files (${found.map((f) => f.slice(cwd.length + 1)).join(", ")}); keep one, or name it with --config`,
      })
    }
    return found[0]
  })

/** "line 3, column 5" of a character offset, for JSON syntax errors. */
const lineAndColumn = (text: string, offset: number): string => {
  const before = text.slice(0, offset).split("\n")
  return `line ${before.length}, column ${before.at(-1)!.length + 1}`
}

const readJson = (path: string): Effect.Effect<unknown, ConfigError> =>
  Effect.gen(function* () {
    const text = yield* Effect.tryPromise({
      try: () => readFile(path, "utf8"),
      catch: (cause) =>
        new ConfigError({ file: path, message: `${path} cannot be read: ${causeText(cause)}`, cause }),
    })
    return yield* Effect.try({
      try: () => JSON.parse(text.replace(/^\uFEFF/, "")) as unknown,
      catch: (cause) => {
        const offset = /position (\d+)/.exec(causeText(cause))?.[1]
        const where = offset === undefined ? "" : ` at ${lineAndColumn(text, Number(offset))}`
        return new ConfigError({
          file: path,
          message: `${path} is not valid JSON${where}: ${causeText(cause)}`,
          cause,
        })
      },
    })
  })

/** A JavaScript or TypeScript configuration's default export, or its export named `config`. */
const readModule = (path: string): Effect.Effect<unknown, ConfigError> =>
  Effect.gen(function* () {
    const module = yield* Effect.tryPromise({
      try: () => importModule(path),
      catch: (cause) =>
        new ConfigError({ file: path, message: `${path} failed to load: ${causeText(cause)}`, cause }),
    })
    const value = module.default ?? module.config
    if (value === undefined) {
      return yield* new ConfigError({
        file: path,
        message: `${path} exports no configuration; write \`export default defineConfig({ … })\``,
      })
    }
    return value
  })

/** Reads and checks the shape of a configuration file (JSON, JavaScript module or TypeScript module). */
export const readConfigFile = (path: string): Effect.Effect<DeckConfig, ConfigError> =>
  Effect.gen(function* () {
    const extension = extname(path).toLowerCase()
    const value = extension === ".json" ? yield* readJson(path) : yield* readModule(path)
    return yield* parseDeckConfig(value, path)
  })
