import {
  assumptionSentences,
  buildRegistry,
  buildReport,
  bundledSamplePaths,
  corePlugin,
  fileSource,
  type Language,
  type Report,
  readInput,
  resolveGeography,
  skaneGeography,
} from "@ambu/core"
import { Effect } from "effect"

/** The report of the bundled sample, built through core as the CLI builds it (without plugins). */
export const sampleReport = (language: Language): Promise<Report> =>
  Effect.runPromise(
    Effect.gen(function* () {
      const sample = bundledSamplePaths()
      const input = yield* readInput({
        missions: fileSource(sample.missions, "sample/missions.csv"),
        rescueCases: fileSource(sample.rescueCases, "sample/rescue_cases.csv"),
        geography: resolveGeography(skaneGeography),
      })
      const registry = yield* buildRegistry([corePlugin])
      return yield* buildReport({
        dataset: input.dataset,
        files: input.files,
        registry,
        language,
        generatedAt: "2026-01-15T08:00:00Z",
        toolVersion: "test",
        assumptions: assumptionSentences(skaneGeography, language),
      })
    }),
  )
