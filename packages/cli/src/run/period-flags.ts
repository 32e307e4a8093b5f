import { type Period, parseMonth } from "@ambu/core"
import * as Effect from "effect/Effect"
import * as Option from "effect/Option"
import { UsageError } from "./failure.js"

const month = (flag: string, text: string) => {
  const parsed = parseMonth(text)
  return parsed === undefined
    ? Effect.fail(
        new UsageError({ message: `--${flag} "${text}" is not a month; write it as YYYY-MM, e.g. 2025-01` }),
      )
    : Effect.succeed(parsed)
}

/**
 * The period from `--from` and `--to`, both or neither: a lone end would
 * leave the other to a guess the reader of the report cannot see.
 */
export const periodFromFlags = (
  from: Option.Option<string>,
  to: Option.Option<string>,
): Effect.Effect<Period | undefined, UsageError> =>
  Effect.gen(function* () {
    if (Option.isNone(from) && Option.isNone(to)) return undefined
    if (Option.isNone(from) || Option.isNone(to)) {
      return yield* new UsageError({
        message:
          "give both --from and --to (YYYY-MM), or neither for the last calendar year the export covers in every month",
      })
    }
    const period = { from: yield* month("from", from.value), to: yield* month("to", to.value) }
    if (period.from > period.to) {
      return yield* new UsageError({ message: `--from ${from.value} is after --to ${to.value}; swap them` })
    }
    return period
  })
