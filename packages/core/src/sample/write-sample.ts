import { createWriteStream } from "node:fs"
import { mkdir } from "node:fs/promises"
import { join } from "node:path"
import { Readable } from "node:stream"
import { pipeline } from "node:stream/promises"
import { createGzip } from "node:zlib"
import * as Data from "effect/Data"
import * as Effect from "effect/Effect"
import { bundledDataPath } from "../geography/bundled-data.js"
import { generateSample, type SampleOptions, type SampleOptionsError } from "./generate-sample.js"
import type { SampleStats } from "./sample-stats.js"

export interface WriteSampleOptions extends SampleOptions {
  /** Folder to write into; created if missing. */
  readonly outDir: string
  /** Write `.csv.gz` (gzip level 9, no timestamp in the header, so bytes are stable) instead of `.csv`. */
  readonly gzip?: boolean
}

export interface WrittenSample {
  readonly missionsPath: string
  readonly rescueCasesPath: string
  readonly stats: SampleStats
}

/** Writing the sample files failed; the message names the file. */
export class SampleWriteError extends Data.TaggedError("SampleWriteError")<{
  readonly path: string
  readonly message: string
  readonly cause?: unknown
}> {}

/** Lines joined into chunks of about this many characters, so the stream is not fed line by line. */
const CHUNK_CHARS = 1 << 16

/**
 * Generates a sample and writes `missions.csv` and `rescue_cases.csv` (or
 * `.csv.gz`) into `outDir`, streaming, so any number of missions fits in memory.
 *
 * @example
 * const written = yield* writeSampleFiles({ outDir: "sample", missions: 24_000, seed: 2025, from: "2024-01", to: "2025-12", gzip: true })
 */
export const writeSampleFiles = (
  options: WriteSampleOptions,
): Effect.Effect<WrittenSample, SampleOptionsError | SampleWriteError> =>
  Effect.gen(function* () {
    const sample = yield* generateSample(options)
    const extension = options.gzip === true ? ".csv.gz" : ".csv"
    const missionsPath = join(options.outDir, `missions${extension}`)
    const rescueCasesPath = join(options.outDir, `rescue_cases${extension}`)

    yield* Effect.tryPromise({
      try: () => mkdir(options.outDir, { recursive: true }),
      catch: (cause) => writeError(options.outDir, cause),
    })
    yield* writeLines(sample.missionLines, missionsPath, options.gzip === true)
    yield* writeLines(sample.rescueCaseLines, rescueCasesPath, options.gzip === true)

    return { missionsPath, rescueCasesPath, stats: sample.stats() }
  })

/** The options that produced the sample committed with the package: two years, so 2025 compares with 2024. */
export const BUNDLED_SAMPLE_OPTIONS = {
  missions: 24_000,
  seed: 2025,
  from: "2024-01",
  to: "2025-12",
} as const satisfies SampleOptions

/** The two files of the sample committed with the package (see `BUNDLED_SAMPLE_OPTIONS`). */
export const bundledSamplePaths = (): { readonly missions: string; readonly rescueCases: string } => ({
  missions: bundledDataPath("sample/missions.csv.gz"),
  rescueCases: bundledDataPath("sample/rescue_cases.csv.gz"),
})

const writeLines = (
  lines: Iterable<string>,
  path: string,
  gzip: boolean,
): Effect.Effect<void, SampleWriteError> =>
  Effect.tryPromise({
    try: () => {
      const source = Readable.from(chunks(lines))
      const target = createWriteStream(path)
      return gzip ? pipeline(source, createGzip({ level: 9 }), target) : pipeline(source, target)
    },
    catch: (cause) => writeError(path, cause),
  })

function* chunks(lines: Iterable<string>): Generator<string> {
  let chunk = ""
  for (const line of lines) {
    chunk += `${line}\n`
    if (chunk.length >= CHUNK_CHARS) {
      yield chunk
      chunk = ""
    }
  }
  if (chunk !== "") yield chunk
}

const writeError = (path: string, cause: unknown): SampleWriteError =>
  new SampleWriteError({
    path,
    message: `cannot write ${path}: ${cause instanceof Error ? cause.message : String(cause)}`,
    cause,
  })
