import * as Effect from "effect/Effect"
import { UsageError } from "./failure.js"

const ISO_INSTANT =
  /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3})\d*)?)?(Z|[+-](\d{2}):(\d{2}))$/i

/**
 * An ISO 8601 instant as `toISOString` writes it, or undefined. The zone is
 * required (a time without one would mean the machine's local time, and so a
 * different instant on another machine), and the calendar is checked, where
 * `Date.parse` would read 30 February as 2 March.
 */
export const parseInstant = (text: string): string | undefined => {
  const m = ISO_INSTANT.exec(text.trim())
  if (m === null) return undefined
  const [year, month, day, hour, minute, second] = [m[1], m[2], m[3], m[4], m[5], m[6] ?? "0"].map(
    Number,
  ) as [number, number, number, number, number, number]
  const millis = Number((m[7] ?? "0").padEnd(3, "0"))
  const local = Date.UTC(year, month - 1, day, hour, minute, second, millis)
  const check = new Date(local)
  const calendarOk =
    check.getUTCFullYear() === year &&
    check.getUTCMonth() === month - 1 &&
    check.getUTCDate() === day &&
    check.getUTCHours() === hour &&
    check.getUTCMinutes() === minute &&
    check.getUTCSeconds() === second
  const offsetHours = Number(m[9] ?? "0")
  const offsetMinutes = Number(m[10] ?? "0")
  if (!calendarOk || offsetHours > 14 || offsetMinutes > 59) return undefined
  const sign = m[8]!.startsWith("-") ? -1 : 1
  const offset = m[8]!.toUpperCase() === "Z" ? 0 : sign * (offsetHours * 60 + offsetMinutes) * 60_000
  return new Date(local - offset).toISOString()
}

/** Seconds since 1970 as `SOURCE_DATE_EPOCH` holds them (reproducible-builds.org), as an ISO instant. */
export const parseSourceDateEpoch = (text: string): string | undefined => {
  if (!/^\d+$/.test(text)) return undefined
  const date = new Date(Number(text) * 1000)
  return Number.isNaN(date.getTime()) ? undefined : date.toISOString()
}

/**
 * The production time a report states: `--generated-at`, else
 * `SOURCE_DATE_EPOCH`, else now. A malformed value of either is an error,
 * since falling back to the clock would quietly break reproducibility.
 */
export const generationTime = (
  flag: string | undefined,
  sourceDateEpoch: string | undefined,
  now: () => Date = () => new Date(),
): Effect.Effect<string, UsageError> => {
  if (flag !== undefined) {
    const instant = parseInstant(flag)
    return instant === undefined
      ? Effect.fail(
          new UsageError({
            message: `--generated-at "${flag}" is not an ISO 8601 time with a zone; write it as e.g. 2026-01-15T08:00:00Z or 2026-01-15T09:00:00+01:00`,
          }),
        )
      : Effect.succeed(instant)
  }
  // An empty variable is how CI templates often leave it unset.
  if (sourceDateEpoch !== undefined && sourceDateEpoch !== "") {
    const instant = parseSourceDateEpoch(sourceDateEpoch)
    return instant === undefined
      ? Effect.fail(
          new UsageError({
            message: `SOURCE_DATE_EPOCH "${sourceDateEpoch}" is not a whole number of seconds since 1970-01-01T00:00:00Z, e.g. 1768464000; fix or unset it`,
          }),
        )
      : Effect.succeed(instant)
  }
  return Effect.sync(() => now().toISOString())
}
