import { Effect, Result } from "effect"
import { describe, expect, it } from "vitest"
import { generationTime, parseInstant, parseSourceDateEpoch } from "./generated-at.js"

const run = (flag: string | undefined, epoch: string | undefined) =>
  Effect.runSync(Effect.result(generationTime(flag, epoch, () => new Date("2030-06-01T12:00:00Z"))))

const message = (outcome: ReturnType<typeof run>): string => {
  if (Result.isSuccess(outcome)) throw new Error(`expected a refusal, got ${outcome.success}`)
  return outcome.failure.message
}

describe("parseInstant", () => {
  it("writes an instant in UTC with milliseconds, whatever zone it was given in", () => {
    expect(parseInstant("2026-01-15T08:00:00Z")).toBe("2026-01-15T08:00:00.000Z")
    // 09:00 at +01:00 is 08:00 UTC; 03:30 at -04:30 is 08:00 UTC.
    expect(parseInstant("2026-01-15T09:00:00+01:00")).toBe("2026-01-15T08:00:00.000Z")
    expect(parseInstant("2026-01-15T03:30:00-04:30")).toBe("2026-01-15T08:00:00.000Z")
    expect(parseInstant("2026-01-15T08:00Z")).toBe("2026-01-15T08:00:00.000Z")
    expect(parseInstant("2026-01-15T08:00:00.5Z")).toBe("2026-01-15T08:00:00.500Z")
    // Past midnight UTC the date moves back: 00:30 at +02:00 is 22:30 the day before.
    expect(parseInstant("2026-03-01T00:30:00+02:00")).toBe("2026-02-28T22:30:00.000Z")
  })

  it("refuses a time without a zone, which would mean a different instant on another machine", () => {
    expect(parseInstant("2026-01-15T08:00:00")).toBeUndefined()
  })

  it("refuses dates and times that do not exist, which Date.parse would move", () => {
    expect(parseInstant("2026-02-30T08:00:00Z")).toBeUndefined()
    expect(parseInstant("2026-13-01T08:00:00Z")).toBeUndefined()
    expect(parseInstant("2026-01-15T24:00:00Z")).toBeUndefined()
    expect(parseInstant("2026-01-15T08:60:00Z")).toBeUndefined()
    expect(parseInstant("2026-01-15T08:00:00+15:00")).toBeUndefined()
  })

  it("refuses what is not an instant", () => {
    expect(parseInstant("2026-01-15")).toBeUndefined()
    expect(parseInstant("yesterday")).toBeUndefined()
    expect(parseInstant("")).toBeUndefined()
  })
})

describe("parseSourceDateEpoch", () => {
  it("reads whole seconds since 1970", () => {
    expect(parseSourceDateEpoch("0")).toBe("1970-01-01T00:00:00.000Z")
    // 20468 days × 86400 s = 1768435200 s is 2026-01-15T00:00Z; 8 h more is 28800 s.
    expect(parseSourceDateEpoch("1768464000")).toBe("2026-01-15T08:00:00.000Z")
  })

  it("refuses anything else", () => {
    expect(parseSourceDateEpoch("-1")).toBeUndefined()
    expect(parseSourceDateEpoch("1.5")).toBeUndefined()
    expect(parseSourceDateEpoch("2026-01-15")).toBeUndefined()
    expect(parseSourceDateEpoch("99999999999999999")).toBeUndefined()
  })
})

describe("generationTime", () => {
  it("takes --generated-at first, then SOURCE_DATE_EPOCH, then the clock", () => {
    expect(run("2026-01-15T08:00:00Z", "0")).toEqual(Result.succeed("2026-01-15T08:00:00.000Z"))
    expect(run(undefined, "0")).toEqual(Result.succeed("1970-01-01T00:00:00.000Z"))
    expect(run(undefined, undefined)).toEqual(Result.succeed("2030-06-01T12:00:00.000Z"))
  })

  it("treats an empty SOURCE_DATE_EPOCH as unset", () => {
    expect(run(undefined, "")).toEqual(Result.succeed("2030-06-01T12:00:00.000Z"))
  })

  it("refuses a malformed value rather than falling back to the clock", () => {
    expect(message(run("2026-01-15 08:00", undefined))).toBe(
      '--generated-at "2026-01-15 08:00" is not an ISO 8601 time with a zone; write it as e.g. 2026-01-15T08:00:00Z or 2026-01-15T09:00:00+01:00',
    )
    expect(message(run(undefined, "last tuesday"))).toBe(
      'SOURCE_DATE_EPOCH "last tuesday" is not a whole number of seconds since 1970-01-01T00:00:00Z, e.g. 1768464000; fix or unset it',
    )
  })
})
