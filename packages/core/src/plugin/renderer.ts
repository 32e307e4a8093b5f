import { Data, type Effect } from "effect"
import type { Report } from "../model/report-model.js"

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
  /** Renderer options from the deck configuration, keyed by option name. */
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
  readonly render: (
    report: Report,
    context: RenderContext,
  ) => Effect.Effect<ReadonlyArray<OutputFile>, RenderError>
}

export const defineRenderer = (renderer: RendererDefinition): RendererDefinition => renderer
