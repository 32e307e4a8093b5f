import { bytesSource, InputError, type ReadResult, readInput, resolveGeography, textSource } from "@ambu/core"
import { testGeography } from "@ambu/core/testing"
import { Effect, Exit } from "effect"
import fc from "fast-check"
import { describe, expect, it } from "vitest"

/**
 * Fuzzing of the input reader through its public entry, `readInput`. The
 * seed is fixed so CI is repeatable; `AMBU_FUZZ_RUNS=100000` runs longer.
 */
const RUNS = Number(process.env.AMBU_FUZZ_RUNS ?? 200)
const SEED = Number(process.env.AMBU_FUZZ_SEED ?? 20260115)
const options = { numRuns: RUNS, seed: SEED }
/** Long campaigns outgrow the default test timeout (100 000 runs of one property take minutes). */
const TIMEOUT = 60_000 + RUNS * 5

const HEADER = [
  "mission_id",
  "case_id",
  "resource_id",
  "station",
  "priority",
  "initial_priority",
  "municipality_code",
  "call_answered_at",
  "dispatched_at",
  "en_route_at",
  "arrived_scene_at",
  "left_scene_at",
  "arrived_destination_at",
  "cleared_at",
]
const RESCUE = "case_id,municipality_code,created_at,index_1,index_2,index_3,rescue_resource_confirmed\n"
const DISPATCHED = HEADER.indexOf("dispatched_at")
const geography = resolveGeography(testGeography)

const read = (missions: ReturnType<typeof textSource>) =>
  Effect.runPromiseExit(readInput({ missions, rescueCases: textSource("r.csv", RESCUE), geography }))

/** The read result, or the reason the run ended otherwise: an input error (fine) or a defect (a bug). */
const outcome = async (missions: ReturnType<typeof textSource>): Promise<ReadResult | InputError> => {
  const exit = await read(missions)
  if (Exit.isSuccess(exit)) return exit.value
  const error = exit.cause.reasons.find((reason) => reason._tag === "Fail")
  if (error !== undefined && error._tag === "Fail" && error.error instanceof InputError) return error.error
  throw new Error(`the reader died instead of failing with an InputError: ${String(exit.cause)}`)
}

const expectBalanced = (result: ReadResult) => {
  for (const file of result.files) expect(file.accepted + file.rejected).toBe(file.read)
  expect(result.rejects.length).toBe(result.files.reduce((n, f) => n + f.rejected, 0))
  expect(result.dataset.missions.count).toBe(result.files[0]!.accepted)
}

/** Pieces CSV input is made of, weighted toward the characters that matter to a CSV reader. */
const csvPiece = fc.oneof(
  fc.constantFrom(",", ";", '"', '""', "\n", "\r\n", "\r", "\t", " ", "\uFEFF", "1", "2025-03-04 10:00", "ö"),
  fc.string({ maxLength: 8 }),
  fc.constantFrom("M1,C1,AMB 1,Malmö,1,,1280,,2025-06-02 10:00:00,,,,,", "1280", "2025-10-26 02:30"),
)

describe("fuzzing the input reader", () => {
  it(
    "never dies on arbitrary bytes: a result with balanced counts, or an InputError",
    async () => {
      await fc.assert(
        fc.asyncProperty(
          fc.uint8Array({ maxLength: 400 }),
          fc.integer({ min: 1, max: 64 }),
          async (bytes, chunk) => {
            const result = await outcome(bytesSource("m.csv", bytes, chunk))
            if (!(result instanceof InputError)) expectBalanced(result)
          },
        ),
        options,
      )
    },
    TIMEOUT,
  )

  it(
    "counts every row of CSV-like text after a valid header as accepted or rejected",
    async () => {
      const body = fc.array(csvPiece, { maxLength: 60 }).map((pieces) => pieces.join(""))
      await fc.assert(
        fc.asyncProperty(
          fc.constantFrom(",", ";"),
          body,
          fc.integer({ min: 1, max: 50 }),
          async (d, text, chunk) => {
            const result = await outcome(textSource("m.csv", `${HEADER.join(d)}\n${text}`, chunk))
            // A valid header makes every later problem a row's problem, never the file's.
            expect(result).not.toBeInstanceOf(InputError)
            expectBalanced(result as ReadResult)
          },
        ),
        options,
      )
    },
    TIMEOUT,
  )

  it(
    "reads back the fields of generated CSV, whatever the quoting, delimiter, line end, BOM and chunking",
    async () => {
      // Free text in mission_id and station, including delimiters, quotes and line breaks. The reader
      // trims values, so generated values carry no surrounding white space.
      const text = fc
        .string({
          unit: fc.constantFrom("a", "Ö", " ", ",", ";", '"', "\n", "\r\n", "x"),
          minLength: 1,
          maxLength: 12,
        })
        .filter((s) => s.trim() === s && s.length > 0)
      const row = fc.record({ id: text, station: text, quoteAll: fc.boolean() })
      const rows = fc.uniqueArray(row, { selector: (r) => r.id, minLength: 1, maxLength: 8 })
      const dialect = fc.record({
        delimiter: fc.constantFrom(",", ";"),
        newline: fc.constantFrom("\n", "\r\n"),
        bom: fc.boolean(),
        finalNewline: fc.boolean(),
        chunk: fc.integer({ min: 1, max: 40 }),
      })

      await fc.assert(
        fc.asyncProperty(rows, dialect, async (generated, d) => {
          const field = (value: string, quoteAll: boolean) =>
            quoteAll || /[",;\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value
          const line = (r: { id: string; station: string; quoteAll: boolean }) =>
            HEADER.map((_, at) => {
              if (at === 0) return field(r.id, r.quoteAll)
              if (at === 3) return field(r.station, r.quoteAll)
              if (at === DISPATCHED) return field("2025-06-02 10:00:00", r.quoteAll)
              return field(["", "C1", "AMB 1", "", "1", "", "1280"][at] ?? "", r.quoteAll)
            }).join(d.delimiter)
          const csv =
            (d.bom ? "\uFEFF" : "") +
            [HEADER.join(d.delimiter), ...generated.map(line)].join(d.newline) +
            (d.finalNewline ? d.newline : "")

          const result = await outcome(textSource("m.csv", csv, d.chunk))

          expect(result).not.toBeInstanceOf(InputError)
          const { dataset, files } = result as ReadResult
          expect(files[0]!.rejected).toBe(0)
          expect(dataset.missions.missionId).toEqual(generated.map((r) => r.id))
          expect(dataset.missions.stationName).toEqual(generated.map((r) => r.station))
        }),
        options,
      )
    },
    TIMEOUT,
  )
})

describe("fuzzing the timestamp parser", () => {
  const pad = (n: number, width = 2) => String(Math.abs(n)).padStart(width, "0")

  /** An instant as ISO 8601 in the wall time of `offsetMinutes`, e.g. 2025-03-30T03:15:07.250+02:00. */
  const isoAt = (
    instant: number,
    offsetMinutes: number,
    form: "colon" | "compact" | "z",
    millis: boolean,
  ) => {
    const wall = new Date(instant + offsetMinutes * 60_000)
    const date = `${wall.getUTCFullYear()}-${pad(wall.getUTCMonth() + 1)}-${pad(wall.getUTCDate())}`
    const time = `${pad(wall.getUTCHours())}:${pad(wall.getUTCMinutes())}:${pad(wall.getUTCSeconds())}`
    const fraction = millis ? `.${pad(wall.getUTCMilliseconds(), 3)}` : ""
    const sign = offsetMinutes < 0 ? "-" : "+"
    const hh = pad(Math.trunc(offsetMinutes / 60))
    const mm = pad(offsetMinutes % 60)
    const zone = form === "z" ? "Z" : form === "colon" ? `${sign}${hh}:${mm}` : `${sign}${hh}${mm}`
    return `${date}T${time}${fraction}${zone}`
  }

  it(
    "round-trips an instant written with Z or any offset",
    async () => {
      const instant = fc.integer({ min: Date.UTC(1990, 0, 1), max: Date.UTC(2060, 0, 1) })
      const offset = fc.integer({ min: -12 * 4, max: 14 * 4 }).map((quarters) => quarters * 15)
      const form = fc.constantFrom("colon" as const, "compact" as const, "z" as const)

      await fc.assert(
        fc.asyncProperty(instant, offset, form, fc.boolean(), async (at, minutes, shape, millis) => {
          const offsetMinutes = shape === "z" ? 0 : minutes
          const text = isoAt(at, offsetMinutes, shape, millis)
          const values = HEADER.map((_, i) => ["M1", "C1", "AMB 1", "Malmö", "1", "", "1280"][i] ?? "")
          values[DISPATCHED] = text

          const result = await outcome(textSource("m.csv", `${HEADER.join(",")}\n${values.join(",")}\n`))

          expect(result).not.toBeInstanceOf(InputError)
          const expected = millis ? at : at - (((at % 1000) + 1000) % 1000)
          // `times` is read by time field; dispatched_at is the second (after call_answered_at).
          expect((result as ReadResult).dataset.missions.times.at(1, 0)).toBe(expected)
        }),
        options,
      )
    },
    TIMEOUT,
  )

  it(
    "rejects, never crashes on, timestamp-like junk in a time field",
    async () => {
      const junk = fc.string({
        unit: fc.constantFrom("2", "0", "9", "-", ":", "T", " ", "Z", "+", ".", "x"),
        maxLength: 30,
      })
      await fc.assert(
        fc.asyncProperty(junk, async (text) => {
          const values = HEADER.map((_, i) => ["M1", "C1", "AMB 1", "Malmö", "1", "", "1280"][i] ?? "")
          values[DISPATCHED] = text
          const result = await outcome(textSource("m.csv", `${HEADER.join(",")}\n${values.join(",")}\n`))
          expect(result).not.toBeInstanceOf(InputError)
          const { files, rejects } = result as ReadResult
          expect(files[0]!.read).toBe(1)
          if (files[0]!.rejected === 1) expect(rejects[0]!.field).toBe("dispatched_at")
        }),
        options,
      )
    },
    TIMEOUT,
  )
})
