import { z } from "zod"
import { Language } from "../model/report-model.js"

/** The keys a configuration may have, for messages about unknown keys. */
export const CONFIG_KEYS: ReadonlyArray<string> = [
  "language",
  "slides",
  "metrics",
  "texts",
  "theme",
  "renderers",
  "plugins",
]

/** Names the unknown keys and lists the allowed ones, where zod would only say "Unrecognized key". */
export const unknownKeys =
  (known: ReadonlyArray<string>) =>
  (issue: { readonly code?: string; readonly keys?: ReadonlyArray<string> }): string | undefined =>
    issue.code === "unrecognized_keys"
      ? `unknown key ${(issue.keys ?? []).map((k) => `"${k}"`).join(", ")}; known keys: ${known.join(", ")}`
      : undefined

/** A colour as every renderer takes it. */
export const HexColour = z
  .string()
  .regex(/^#[0-9a-fA-F]{6}$/, "must be a colour written #rrggbb, e.g. #00507a")

/**
 * One font family name, as the HTML and PowerPoint renderers take it: they
 * add their own fallbacks, and the name lands in CSS and XML as written.
 */
export const FontName = z
  .string()
  .regex(
    /^[\p{L}\p{N}][\p{L}\p{N} ._-]*$/u,
    'must be one font family name of letters, digits, spaces, "." "-" "_", e.g. "Source Sans 3" (no list: the renderers add their fallbacks)',
  )

/** The deck theme: `theme` in the configuration, and what every renderer gets as `options.theme`. */
export const DeckThemeConfig = z.strictObject(
  { accent: HexColour.optional(), font: FontName.optional() },
  { error: unknownKeys(["accent", "font"]) },
)

const Paragraphs = z.union([z.string(), z.array(z.string())], {
  error: "must be a paragraph or a list of paragraphs",
})

/** A slide's text: paragraphs for every language, or per language. */
const SlideText = z.union(
  [Paragraphs, z.strictObject({ sv: Paragraphs.optional(), en: Paragraphs.optional() })],
  {
    error: 'must be a paragraph, a list of paragraphs, or paragraphs per language: { "sv": […], "en": […] }',
  },
)

const Params = z.record(z.string(), z.unknown())

/** A deck entry as a configuration writes it: the deck's own shape, with no room for typos. */
export const DeckEntryConfig = z.union(
  [
    z.strictObject({ builtin: z.enum(["title", "data-quality"]) }),
    z.strictObject(
      {
        metric: z.string().min(1),
        key: z
          .string()
          .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, "use lowercase words joined by dashes, e.g. waiting-time-p2")
          .optional(),
        params: Params.optional(),
        view: z.string().min(1).optional(),
      },
      { error: unknownKeys(["metric", "key", "params", "view"]) },
    ),
  ],
  {
    error:
      'a slide is { "builtin": "title" }, { "builtin": "data-quality" } or { "metric": ID, "key"?, "params"?, "view"? }',
  },
)

/**
 * The deck configuration, `ambu.config.{json,mjs,ts}`. Every key is
 * optional; an unknown key is an error, so a typo never passes unnoticed.
 */
export const DeckConfigSchema = z.strictObject(
  {
    /** Lets an editor find a JSON schema; ambu ignores it. */
    $schema: z.string().optional(),
    /** Report language; `--lang` wins when given. */
    language: Language.optional(),
    /** The slides in order; by default the original deck, plugin slides, then the data-quality slide. */
    slides: z.array(DeckEntryConfig).optional(),
    /** Parameters per metric id (every entry of that metric) or per deck-entry key (that entry only). */
    metrics: z.record(z.string(), Params).optional(),
    /**
     * Explanation paragraphs per slide id; a string is one paragraph. Written
     * plainly they are in the configuration's `language` (in every language
     * when it sets none); `{ "sv": …, "en": … }` gives them per language.
     */
    texts: z.record(z.string(), SlideText).optional(),
    /** Passed to every renderer as `options.theme`. */
    theme: DeckThemeConfig.optional(),
    /** Options per output format, passed to that renderer as `options`. */
    renderers: z.record(z.string(), Params).optional(),
    /** Plugin modules: a path relative to the configuration file, or a package name. */
    plugins: z.array(z.string().min(1)).optional(),
  },
  { error: unknownKeys(CONFIG_KEYS) },
)

/** A configuration as written (what `defineConfig` takes). */
export type DeckConfigInput = z.input<typeof DeckConfigSchema>
/** A configuration after its shape was checked. */
export type DeckConfig = z.output<typeof DeckConfigSchema>

/**
 * Types an `ambu.config.ts` or `.mjs` without changing it.
 *
 * @example
 * ```ts
 * import { defineConfig } from "@ambu/core"
 * export default defineConfig({ language: "en", metrics: { "availability-goal": { goalShare: 0.85 } } })
 * ```
 */
export const defineConfig = (config: DeckConfigInput): DeckConfigInput => config
