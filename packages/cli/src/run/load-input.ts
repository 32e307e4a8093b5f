import type { DataSet } from "@ambu/core"
import {
  assumptionSentences,
  bundledSamplePaths,
  type FileQuality,
  fileSource,
  type Geography,
  loadGeographyFile,
  type Reject,
  readInput,
  resolveGeography,
  skaneGeography,
} from "@ambu/core"
import * as Effect from "effect/Effect"
import * as Option from "effect/Option"
import type { CliProgress } from "../terminal/progress.js"
import { UsageError } from "./failure.js"

export interface InputFlags {
  readonly missions: Option.Option<string>
  readonly rescue: Option.Option<string>
  readonly geography: Option.Option<string>
}

export interface LoadedInput {
  readonly dataset: DataSet
  readonly files: ReadonlyArray<FileQuality>
  readonly rejects: ReadonlyArray<Reject>
  /** Sentences on assumed reference values, for the data-quality slide; empty for a user's geography. */
  readonly assumptions: ReadonlyArray<string>
  readonly usedSample: boolean
}

const SAMPLE_LABELS = {
  missions: "@ambu/core/data/sample/missions.csv.gz",
  rescueCases: "@ambu/core/data/sample/rescue_cases.csv.gz",
} as const

/**
 * The input of a run: the user's two files, or the bundled sample when
 * neither is given; the bundled Region Skåne, or the user's geography.
 */
export const loadInput = (flags: InputFlags, progress: CliProgress, language: "sv" | "en") =>
  Effect.gen(function* () {
    if (Option.isSome(flags.missions) !== Option.isSome(flags.rescue)) {
      return yield* new UsageError({
        message:
          "give both --missions and --rescue (the rescue-service file feeds the cardiac-arrest slide), or neither to use the bundled sample",
      })
    }

    const geography: Geography = Option.isSome(flags.geography)
      ? yield* loadGeographyFile(flags.geography.value)
      : skaneGeography
    const assumptions = assumptionSentences(geography, language)

    const sample = bundledSamplePaths()
    const usedSample = Option.isNone(flags.missions)
    const missionsPath = Option.getOrElse(flags.missions, () => sample.missions)
    const rescuePath = Option.getOrElse(flags.rescue, () => sample.rescueCases)
    if (usedSample) progress.step("no --missions/--rescue given: using the bundled sample data")

    // The sample is named by its place in the core package, which reads the
    // same in every language of the report (its absolute path would differ
    // from machine to machine and break repeatable output).
    const result = yield* readInput({
      missions: fileSource(missionsPath, usedSample ? SAMPLE_LABELS.missions : missionsPath),
      rescueCases: fileSource(rescuePath, usedSample ? SAMPLE_LABELS.rescueCases : rescuePath),
      geography: resolveGeography(geography),
      onProgress: (rows) => progress.rows("input", rows),
    })
    progress.done()

    return { ...result, assumptions, usedSample } satisfies LoadedInput
  })
