import fc from "fast-check"
import { describe, expect, it } from "vitest"
import { TimestampParser } from "./timestamp.js"

const parse = (text: string) => {
  const parser = new TimestampParser()
  const kind = parser.parse(text)
  return { kind, value: parser.value, problem: parser.problem }
}

describe("TimestampParser", () => {
  it("reads ISO 8601 with an offset, in all three offset spellings, and Z", () => {
    // 03:15 at +02:00 is 01:15 UTC.
    const instant = Date.UTC(2025, 2, 30, 1, 15, 0)
    expect(parse("2025-03-30T03:15:00+02:00")).toMatchObject({ kind: "absolute", value: instant })
    expect(parse("2025-03-30T03:15:00+0200")).toMatchObject({ kind: "absolute", value: instant })
    expect(parse("2025-03-30T03:15:00+02")).toMatchObject({ kind: "absolute", value: instant })
    expect(parse("2025-03-30T01:15:00Z")).toMatchObject({ kind: "absolute", value: instant })
    expect(parse("2025-03-30 01:15Z")).toMatchObject({ kind: "absolute", value: instant })
  })

  it("subtracts a negative offset's minutes too", () => {
    // 10:00 at -03:30 is 13:30 UTC.
    expect(parse("2025-06-01T10:00:00-03:30")).toMatchObject({
      kind: "absolute",
      value: Date.UTC(2025, 5, 1, 13, 30),
    })
  })

  it("reads naive local times with and without seconds, with a space or T, with a fraction", () => {
    expect(parse("2025-06-01 10:20")).toMatchObject({ kind: "local", value: Date.UTC(2025, 5, 1, 10, 20) })
    expect(parse("2025-06-01T10:20:30")).toMatchObject({
      kind: "local",
      value: Date.UTC(2025, 5, 1, 10, 20, 30),
    })
    expect(parse("2025-06-01 10:20:30.5")).toMatchObject({ value: Date.UTC(2025, 5, 1, 10, 20, 30, 500) })
    // Digits past the millisecond are cut, not rounded: .123456 is 123 ms.
    expect(parse("2025-06-01 10:20:30.123456")).toMatchObject({
      value: Date.UTC(2025, 5, 1, 10, 20, 30, 123),
    })
  })

  it("calls parts out of range out of range, naming the part", () => {
    expect(parse("2025-13-01 10:00")).toMatchObject({ kind: "out-of-range", problem: "month" })
    expect(parse("2025-00-01 10:00")).toMatchObject({ kind: "out-of-range", problem: "month" })
    // 2025 is not a leap year; 2024 is.
    expect(parse("2025-02-29 10:00")).toMatchObject({ kind: "out-of-range", problem: "day" })
    expect(parse("2024-02-29 10:00").kind).toBe("local")
    expect(parse("2025-04-31 10:00")).toMatchObject({ kind: "out-of-range", problem: "day" })
    expect(parse("2025-06-01 25:00")).toMatchObject({ kind: "out-of-range", problem: "hour" })
    expect(parse("2025-06-01 24:00")).toMatchObject({ kind: "out-of-range", problem: "hour" })
    expect(parse("2025-06-01 10:60")).toMatchObject({ kind: "out-of-range", problem: "minute" })
    expect(parse("2025-06-01 10:00:60")).toMatchObject({ kind: "out-of-range", problem: "second" })
    expect(parse("2025-06-01 10:00+19:00")).toMatchObject({ kind: "out-of-range", problem: "offset" })
  })

  it("rejects other shapes as invalid format", () => {
    for (const text of [
      "",
      "2025-06-01",
      "01/06/2025 10:00",
      "2025-6-1 10:00",
      "2025-06-01 10.00",
      "2025-06-01_10:00",
      "2025-06-01 10:00:0",
      "2025-06-01 10:00:00.",
      "2025-06-01 10:00 ",
      "2025-06-01 10:00:00+2",
      "2025-06-01 10:00:00+02:0",
      "2025-06-01 10:00:00Zx",
      "yesterday at ten",
      "２０２５-06-01 10:00",
    ]) {
      expect(parse(text).kind, text).toBe("invalid-format")
    }
  })

  it("agrees with Date.UTC on every valid naive time", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1000, max: 9999 }),
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 1, max: 28 }),
        fc.integer({ min: 0, max: 23 }),
        fc.integer({ min: 0, max: 59 }),
        fc.integer({ min: 0, max: 59 }),
        fc.boolean(),
        (year, month, day, hour, minute, second, withT) => {
          const two = (n: number) => String(n).padStart(2, "0")
          const text = `${year}-${two(month)}-${two(day)}${withT ? "T" : " "}${two(hour)}:${two(minute)}:${two(second)}`
          expect(parse(text)).toMatchObject({
            kind: "local",
            value: Date.UTC(year, month - 1, day, hour, minute, second),
          })
        },
      ),
    )
  })
})
