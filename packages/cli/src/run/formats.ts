import * as Effect from "effect/Effect"
import { UsageError } from "./failure.js"

/**
 * `--format`'s list: comma-separated, case and spaces ignored, each named
 * once in the order given. Every name must be a registered format, and the
 * message for one that is not lists them all.
 */
export const parseFormats = (
  text: string,
  known: ReadonlyArray<string>,
): Effect.Effect<ReadonlyArray<string>, UsageError> => {
  const formats = [
    ...new Set(
      text
        .split(",")
        .map((f) => f.trim().toLowerCase())
        .filter((f) => f.length > 0),
    ),
  ]
  const unknown = formats.filter((f) => !known.includes(f))
  if (formats.length > 0 && unknown.length === 0) return Effect.succeed(formats)
  const what =
    formats.length === 0
      ? `--format "${text}" names no output format`
      : `unknown output format ${unknown.map((f) => `"${f}"`).join(", ")}`
  return Effect.fail(new UsageError({ message: `${what}; choose from: ${known.join(", ")}` }))
}
