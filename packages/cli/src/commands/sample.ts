import { writeSampleFiles } from "@ambu/core"
import { Command, Flag } from "effect/cli"
import * as Effect from "effect/Effect"
import { reportFailures, UsageError } from "../run/failure.js"

export const sampleCommand = Command.make(
  "sample",
  {
    missions: Flag.Int("missions").pipe(
      Flag.withDescription("how many care missions to generate (default: 150000)"),
      Flag.withDefault(150_000),
    ),
    seed: Flag.Int("seed").pipe(
      Flag.withDescription("seed of the generator; the same seed gives the same files (default: 1)"),
      Flag.withDefault(1),
    ),
    from: Flag.String("from").pipe(
      Flag.withDescription("first month, YYYY-MM (default: 2025-01)"),
      Flag.withDefault("2025-01"),
    ),
    to: Flag.String("to").pipe(
      Flag.withDescription("last month, YYYY-MM (default: 2025-12)"),
      Flag.withDefault("2025-12"),
    ),
    gzip: Flag.Boolean("gzip").pipe(Flag.withDefault(false), Flag.withDescription("write .csv.gz files")),
    out: Flag.String("out").pipe(
      Flag.withDescription("output folder (default: sample)"),
      Flag.withDefault("sample"),
    ),
  },
  (flags) =>
    Effect.gen(function* () {
      if (flags.missions < 1) {
        return yield* new UsageError({
          message: `--missions ${flags.missions}: give a positive number of missions`,
        })
      }
      const written = yield* writeSampleFiles({
        outDir: flags.out,
        missions: flags.missions,
        seed: flags.seed,
        from: flags.from,
        to: flags.to,
        gzip: flags.gzip,
      })
      const { stats } = written
      process.stdout.write(
        `ambu: wrote ${written.missionsPath} (${stats.missionRows} missions, ${stats.rejectedLines.length} of them made to be rejected)\n` +
          `ambu: wrote ${written.rescueCasesPath} (${stats.rescueCaseRows} rescue cases)\n`,
      )
    }).pipe(reportFailures),
).pipe(
  Command.withDescription(
    "Generate realistic, seeded sample exports for Region Skåne: missions.csv and rescue_cases.csv (Swedish column names, ';')",
  ),
)
