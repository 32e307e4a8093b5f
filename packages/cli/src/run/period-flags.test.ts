import { monthIndex } from "@ambu/core"
import { Effect, Option, Result } from "effect"
import { describe, expect, it } from "vitest"
import { periodFromFlags } from "./period-flags.js"

const period = (from: string | undefined, to: string | undefined) =>
  Effect.runSync(Effect.result(periodFromFlags(Option.fromNullishOr(from), Option.fromNullishOr(to))))

const refusal = (outcome: ReturnType<typeof period>): string => {
  if (Result.isSuccess(outcome)) throw new Error("expected a refusal")
  return outcome.failure.message
}

describe("periodFromFlags", () => {
  it("gives no period for neither flag, so the report picks its default", () => {
    expect(period(undefined, undefined)).toEqual(Result.succeed(undefined))
  })

  it("reads both months, and a period of one month", () => {
    expect(period("2025-01", "2025-06")).toEqual(
      Result.succeed({ from: monthIndex(2025, 1), to: monthIndex(2025, 6) }),
    )
    expect(period("2024-12", "2024-12")).toEqual(
      Result.succeed({ from: monthIndex(2024, 12), to: monthIndex(2024, 12) }),
    )
  })

  it("refuses a lone flag", () => {
    expect(refusal(period("2025-01", undefined))).toContain("give both --from and --to")
    expect(refusal(period(undefined, "2025-12"))).toContain("give both --from and --to")
  })

  it("says how to write a month", () => {
    expect(refusal(period("2025-13", "2025-12"))).toBe(
      '--from "2025-13" is not a month; write it as YYYY-MM, e.g. 2025-01',
    )
    expect(refusal(period("2025-01", "2025/12"))).toBe(
      '--to "2025/12" is not a month; write it as YYYY-MM, e.g. 2025-01',
    )
  })

  it("refuses a period that ends before it starts", () => {
    expect(refusal(period("2025-06", "2025-01"))).toBe("--from 2025-06 is after --to 2025-01; swap them")
  })
})
