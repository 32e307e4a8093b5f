import * as Cause from "effect/Cause"
import * as Data from "effect/Data"
import * as Effect from "effect/Effect"
import * as Option from "effect/Option"

/** A wrong flag or a combination of flags that makes no sense. */
export class UsageError extends Data.TaggedError("UsageError")<{ readonly message: string }> {}

/** Strict mode found rejected rows: the run's outputs exist, but the run failed. */
export class StrictModeError extends Data.TaggedError("StrictModeError")<{ readonly message: string }> {}

/**
 * Exit codes: 0 success; 1 the run could not be done (bad input file,
 * options, geography, plugin, renderer); 2 strict mode refused rejected rows
 * or a failed metric.
 */
export const exitCodeOf = (error: { readonly _tag: string }): number =>
  error._tag === "StrictModeError" ? 2 : 1

/** What a failure says to a person: its message, without a stack. */
export const failureMessage = (error: unknown): string =>
  typeof error === "object" && error !== null && "message" in error
    ? String((error as { message: unknown }).message)
    : String(error)

/**
 * Turns a failure into a message for a person, with no stack trace: every
 * error of ambu's carries a message that names the file, value and fix.
 */
export const reportFailure = (error: unknown): Effect.Effect<void> =>
  Effect.sync(() => {
    const tagged =
      typeof error === "object" && error !== null && "_tag" in error ? (error as { _tag: string }) : null
    process.stderr.write(`ambu: error: ${failureMessage(error)}\n`)
    process.exitCode = tagged === null ? 1 : exitCodeOf(tagged)
  })

/** The first line of what was thrown, for a defect's one-line message. */
const thrownText = (defect: unknown): string =>
  defect instanceof Error ? `${defect.name}: ${defect.message.split("\n")[0]}` : String(defect)

/**
 * Ends a command's run with a message on standard error whatever happened:
 * a typed failure as itself, and a defect (a throw nobody expected, in ambu
 * or in a plugin) as one line too, instead of the runtime's stack trace on
 * standard output. `AMBU_DEBUG=1` adds the full cause for whoever debugs it.
 */
export const reportFailures = <A, E, R>(
  effect: Effect.Effect<A, E, R>,
): Effect.Effect<A | undefined, never, R> =>
  effect.pipe(
    Effect.catchCause((cause): Effect.Effect<undefined> => {
      if (Cause.hasInterruptsOnly(cause)) {
        return Effect.sync(() => {
          process.exitCode = 130
          return undefined
        })
      }
      const failure = Cause.findErrorOption(cause)
      const report = Option.isSome(failure)
        ? reportFailure(failure.value)
        : Effect.sync(() => {
            process.stderr.write(
              `ambu: error: unexpected failure: ${thrownText(Cause.squash(cause))}; this is a bug in ambu or in a plugin (set AMBU_DEBUG=1 to see where it happened)\n`,
            )
            process.exitCode = 1
          })
      const debug = Effect.sync(() => {
        if (process.env.AMBU_DEBUG !== undefined && process.env.AMBU_DEBUG !== "") {
          process.stderr.write(`${Cause.pretty(cause)}\n`)
        }
        return undefined
      })
      return Effect.andThen(report, debug)
    }),
  )
