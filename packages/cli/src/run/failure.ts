import { Data, Effect } from "effect"

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

/**
 * Turns a failure into a message for a person, with no stack trace: every
 * error of ambu's carries a message that names the file, value and fix.
 */
export const reportFailure = (error: unknown): Effect.Effect<void> =>
  Effect.sync(() => {
    const tagged =
      typeof error === "object" && error !== null && "_tag" in error ? (error as { _tag: string }) : null
    const message =
      typeof error === "object" && error !== null && "message" in error
        ? String((error as { message: unknown }).message)
        : String(error)
    process.stderr.write(`ambu: error: ${message}\n`)
    process.exitCode = tagged === null ? 1 : exitCodeOf(tagged)
  })
