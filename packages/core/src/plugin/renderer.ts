import * as Cause from "effect/Cause"
import * as Data from "effect/Data"
import * as Effect from "effect/Effect"
import * as Option from "effect/Option"
import { z } from "zod"
import type { Report } from "../model/report-model.js"
import { issueLines } from "./issue-path.js"

/** A file a renderer produced; the caller decides where it lands. */
export interface OutputFile {
  /** Path relative to the output folder, e.g. `report.html` or `png/slide-03.png`. */
  readonly path: string
  readonly content: string | Uint8Array
}

/** Reports progress of long work; the CLI shows it, tests ignore it. */
export interface ProgressReporter {
  readonly step: (message: string) => void
}

export const silentProgress: ProgressReporter = { step: () => {} }

export interface RenderContext {
  /** The output's base name without extension, `report` by default. */
  readonly baseName: string
  /**
   * The configuration's `theme` (as `theme`) and the options under
   * `renderers.<format>`, already checked against the renderer's `options`
   * schema when the configuration was loaded (defaults filled in).
   */
  readonly options: Readonly<Record<string, unknown>>
  readonly progress: ProgressReporter
}

/** A renderer failed; the message names the format and the fix where there is one. */
export class RenderError extends Data.TaggedError("RenderError")<{
  readonly format: string
  readonly message: string
  readonly cause?: unknown
}> {}

/** An output format: the finished report model in, files out. */
export interface RendererDefinition {
  /** The `--format` name, e.g. `html`. */
  readonly format: string
  readonly description: string
  /**
   * What may be written under `renderers.<format>` in the configuration, as
   * a zod object schema. It is checked when the configuration is loaded,
   * before anything is computed, so a typo or a wrong value is reported
   * with its file and key. Without it the format takes no options but
   * `theme` (the deck theme, `{ accent, font }`). A schema that describes
   * `theme` itself replaces that check (the HTML format allows its own
   * theme settings there).
   */
  readonly options?: z.ZodType<unknown>
  readonly render: (
    report: Report,
    context: RenderContext,
  ) => Effect.Effect<ReadonlyArray<OutputFile>, RenderError>
}

export const defineRenderer = (renderer: RendererDefinition): RendererDefinition => renderer

/** A path inside the output folder: relative, in `/`-separated parts, none of them `..`. */
const InsidePath = z
  .string()
  .min(1)
  .refine(
    (path) => !/^([a-zA-Z]:)?[\\/]/.test(path) && !path.split(/[\\/]/).includes(".."),
    "must be a path inside the output folder, such as tables/x.csv (not absolute, no ..)",
  )

const OutputFiles = z.array(
  z.object({
    path: InsidePath,
    content: z.union([z.string(), z.instanceof(Uint8Array)]),
  }),
)

const describeThrown = (thrown: unknown): string => {
  if (thrown instanceof Error) return thrown.message.split("\n")[0] ?? thrown.name
  if (typeof thrown === "object" && thrown !== null && "message" in thrown) {
    return String((thrown as { message: unknown }).message)
  }
  return String(thrown)
}

/**
 * Runs a registered renderer so that whatever goes wrong in it (a
 * `RenderError`, another failure, a throw before or inside its effect, files
 * of the wrong shape) ends as one `RenderError` whose message names the
 * format and the plugin: a renderer is plugin code, and its bug must not
 * take the form of a stack trace.
 */
export const runRenderer = (
  registered: { readonly renderer: RendererDefinition; readonly plugin: string },
  report: Report,
  context: RenderContext,
): Effect.Effect<ReadonlyArray<OutputFile>, RenderError> => {
  const { format } = registered.renderer
  const named = `output format "${format}" (plugin "${registered.plugin}")`
  // A renderer's own message often starts with its format; said once is enough.
  const detail = (message: string) =>
    message.startsWith(`${format}: `) ? message.slice(format.length + 2) : message
  const refuse = (message: string, cause: unknown) =>
    new RenderError({ format, message: `${named} failed: ${detail(message)}`, cause })

  return Effect.suspend(() => registered.renderer.render(report, context)).pipe(
    Effect.catchCause((cause) => {
      const failure = Cause.findErrorOption(cause)
      if (Option.isSome(failure)) return Effect.fail(refuse(describeThrown(failure.value), failure.value))
      const defect = Cause.squash(cause)
      const thrown =
        defect instanceof Error ? `${defect.name}: ${describeThrown(defect)}` : describeThrown(defect)
      return Effect.fail(refuse(`it threw ${thrown}`, defect))
    }),
    Effect.flatMap((files) => {
      const checked = OutputFiles.safeParse(files)
      if (checked.success) return Effect.succeed(files)
      const problem = issueLines(checked.error, "files")[0] ?? "files: not a list"
      return Effect.fail(
        refuse(`it must return a list of { path, content } files; ${problem}`, checked.error),
      )
    }),
  )
}
