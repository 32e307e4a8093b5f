import { join } from "node:path"
import { formatQualitySummary, formatRejectsCsv } from "@ambu/core"
import { Command, Flag } from "effect/cli"
import * as Effect from "effect/Effect"
import { reportFailures, StrictModeError } from "../run/failure.js"
import { loadInput } from "../run/load-input.js"
import { writeOutputFiles } from "../run/write-files.js"
import { cliProgress } from "../terminal/progress.js"
import { inputFlags } from "./shared-flags.js"

export const validateCommand = Command.make(
  "validate",
  {
    ...inputFlags,
    strict: Flag.Boolean("strict").pipe(
      Flag.withDefault(false),
      Flag.withDescription("fail (exit code 2) when any input row is rejected"),
    ),
    json: Flag.Boolean("json").pipe(
      Flag.withDefault(false),
      Flag.withDescription("print the summary as JSON instead of text"),
    ),
  },
  (flags) =>
    Effect.gen(function* () {
      const progress = cliProgress(!flags.quiet && !flags.json && process.stderr.isTTY === true)
      const input = yield* loadInput(flags, progress, "en")
      const rejectsPath = join(flags.out, "rejects.csv")
      yield* writeOutputFiles(flags.out, [{ path: "rejects.csv", content: formatRejectsCsv(input.rejects) }])

      const byKind = (kind: "missions" | "rescue-cases") => {
        const file = input.files.find((f) => f.kind === kind)!
        return {
          file: file.file,
          read: file.read,
          accepted: file.accepted,
          rejected: file.rejected,
          rejectedByReason: file.rejectedByReason,
          warnings: file.warnings,
        }
      }
      if (flags.json) {
        const summary = {
          missions: byKind("missions"),
          rescueCases: byKind("rescue-cases"),
          unmatched: input.dataset.missions.unmatched,
          rejectsFile: rejectsPath,
        }
        process.stdout.write(`${JSON.stringify(summary, null, 2)}\n`)
      } else {
        process.stdout.write(
          formatQualitySummary(input.files, {}, rejectsPath, { unmatched: input.dataset.missions.unmatched }),
        )
      }

      const rejected = input.files.reduce((n, f) => n + f.rejected, 0)
      if (flags.strict && rejected > 0) {
        return yield* new StrictModeError({
          message: `--strict: ${rejected} input row(s) were rejected; see ${rejectsPath}`,
        })
      }
    }).pipe(reportFailures),
).pipe(
  Command.withDescription(
    "Read and check the input without making a report: rows read, accepted and rejected per file and reason, warnings; writes the rejected rows to OUT/rejects.csv",
  ),
)
