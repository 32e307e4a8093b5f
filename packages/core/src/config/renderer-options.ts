import type { z } from "zod"
import { issueLine, issueLines } from "../plugin/issue-path.js"
import type { Registry } from "../plugin/registry.js"
import type { RendererDefinition } from "../plugin/renderer.js"
import { type DeckConfig, DeckThemeConfig } from "./deck-config.js"

/** `options` per output format, as each renderer gets them. */
export type RendererOptions = Readonly<Record<string, Readonly<Record<string, unknown>>>>

const quoted = (names: Iterable<string>): string => [...names].map((n) => `"${n}"`).join(", ")

/** The keys of an object schema; undefined for a schema whose keys cannot be listed. */
export const schemaKeys = (schema: z.ZodType<unknown>): ReadonlyArray<string> | undefined => {
  const shape = (schema as { shape?: unknown }).shape
  return typeof shape === "object" && shape !== null ? Object.keys(shape) : undefined
}

interface Checked {
  readonly problems: ReadonlyArray<string>
  readonly options: Readonly<Record<string, unknown>>
}

/**
 * One format's options: checked against the renderer's own schema, with
 * `theme` checked as the deck theme unless that schema describes `theme`
 * itself. A renderer without a schema takes `theme` only, so a typo
 * under `renderers.<format>` is never silently ignored.
 */
const checkFormat = (
  renderer: RendererDefinition,
  plugin: string,
  given: Readonly<Record<string, unknown>>,
): Checked => {
  const at = `renderers."${renderer.format}"`
  const schema = renderer.options
  const keys = schema === undefined ? [] : schemaKeys(schema)
  const ownTheme = keys?.includes("theme") === true
  const known = ownTheme ? (keys ?? []) : ["theme", ...(keys ?? [])]
  const problems: string[] = []

  if (keys !== undefined) {
    for (const name of Object.keys(given)) {
      if (!known.includes(name)) {
        problems.push(
          `${at}: the "${renderer.format}" format (plugin "${plugin}") has no option "${name}"; its options: ${quoted(known)}`,
        )
      }
    }
  }

  const { theme, ...rest } = given
  const options: Record<string, unknown> = {}
  if (!ownTheme && theme !== undefined) {
    const parsed = DeckThemeConfig.safeParse(theme)
    if (parsed.success) options.theme = parsed.data
    else problems.push(...issueLines(parsed.error, `${at}.theme`))
  }
  if (schema !== undefined) {
    // Unknown keys were named above; a schema whose keys cannot be listed gets everything but the theme.
    const value = ownTheme
      ? given
      : keys === undefined
        ? rest
        : Object.fromEntries(Object.entries(rest).filter(([k]) => known.includes(k)))
    const parsed = schema.safeParse(value)
    if (parsed.success) Object.assign(options, parsed.data as Record<string, unknown>)
    // Unknown keys at the top were named above, with the known ones; a strict schema would say it again.
    else {
      problems.push(
        ...parsed.error.issues
          .filter((issue) => !(issue.code === "unrecognized_keys" && issue.path.length === 0))
          .map((issue) => issueLine(issue, at)),
      )
    }
  }
  return { problems, options }
}

/** The defaults of a format that the configuration gives no options, when its schema has them. */
const defaultsOf = (renderer: RendererDefinition): Readonly<Record<string, unknown>> => {
  const parsed = renderer.options?.safeParse({})
  return parsed?.success === true && typeof parsed.data === "object" && parsed.data !== null
    ? (parsed.data as Record<string, unknown>)
    : {}
}

/**
 * Checks every `renderers.<format>` entry of a configuration against the
 * loaded renderers, and works out the options each renderer gets: the
 * configuration's `theme`, replaced by the format's own `theme` where it
 * has one, and the format's checked options.
 */
export const checkRendererOptions = (
  config: DeckConfig,
  registry: Registry,
): { readonly problems: ReadonlyArray<string>; readonly options: RendererOptions } => {
  const problems: string[] = []
  for (const format of Object.keys(config.renderers ?? {})) {
    if (!registry.renderers.has(format)) {
      problems.push(
        `renderers."${format}": no plugin provides this output format; known formats: ${quoted(registry.renderers.keys())}`,
      )
    }
  }

  const options: Record<string, Readonly<Record<string, unknown>>> = {}
  for (const [format, { renderer, plugin }] of registry.renderers) {
    const given = config.renderers?.[format]
    const checked =
      given === undefined
        ? { problems: [], options: defaultsOf(renderer) }
        : checkFormat(renderer, plugin, given)
    problems.push(...checked.problems)
    options[format] = { ...(config.theme === undefined ? {} : { theme: config.theme }), ...checked.options }
  }
  return { problems, options }
}
