import * as Effect from "effect/Effect"
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
} from "../index.js"

/** When the sample report says it was made; fixed, so that what renderers draw from it is the same on every run. */
export const SAMPLE_GENERATED_AT = "2026-01-15T08:00:00Z"

const built = new Map<Language, Promise<Report>>()

/**
 * The report of the bundled sample, built through core as the CLI builds it
 * (without plugins), once per language and test file: the input of the
 * renderers' snapshot, layout and real-client tests.
 */
export const sampleReport = (language: Language = "sv"): Promise<Report> => {
  const cached = built.get(language)
  if (cached !== undefined) return cached
  const report = Effect.runPromise(
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
        generatedAt: SAMPLE_GENERATED_AT,
        toolVersion: "test",
        assumptions: assumptionSentences(skaneGeography, language),
      })
    }),
  )
  built.set(language, report)
  return report
}
