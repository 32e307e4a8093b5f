import { Effect, Result } from "effect"
import fc from "fast-check"
import { describe, expect, it } from "vitest"
import { resolveGeography } from "../domain/geography.js"
import { testGeography } from "../testing/index.js"
import { type ReadResult, readInput } from "./read-input.js"
import { REJECT_REASONS } from "./reject.js"
import { bytesSource, type Source, textSource } from "./source.js"
import { MISSION_HEADER, missionRow, RESCUE_HEADER } from "./test-support/read.js"
import { referenceRecords } from "./test-support/reference-csv.js"

const geography = resolveGeography(testGeography)

const read = (missions: Source) =>
  Effect.runPromise(
    Effect.result(readInput({ missions, rescueCases: textSource("r.csv", RESCUE_HEADER), geography })),
  )

/** Valid rows with distinct ids, one of them per `count`. */
const validRows = (count: number): string[] =>
  Array.from({ length: count }, (_, i) => missionRow({ id: `M${i}`, case: `C${i % 3}` }))

/** Puts each junk line after the valid row its position names (modulo the rows there are). */
const mix = (rows: ReadonlyArray<string>, junk: ReadonlyArray<readonly [number, string]>): string[] => {
  const lines = [...rows]
  for (const [position, text] of junk) lines.splice(position % (lines.length + 1), 0, text)
  return lines
}

const expectBalanced = (result: ReadResult) => {
  const quality = result.files[0]!
  expect(quality.accepted + quality.rejected).toBe(quality.read)
  expect(result.dataset.missions.count).toBe(quality.accepted)
  expect(result.rejects.length).toBe(quality.rejected)
  const reasonTotal = Object.values(quality.rejectedByReason).reduce((a, b) => a + b, 0)
  expect(reasonTotal).toBe(quality.rejected)
  for (const reject of result.rejects) {
    expect(REJECT_REASONS).toContain(reject.reason)
    expect(reject.line).toBeGreaterThanOrEqual(1)
  }
}

describe("readInput on damaged files", () => {
  it("reads every valid row and rejects every junk line, when the junk has no quotes or line breaks", async () => {
    // Junk lines without quotes or breaks are one row each (or blank), and none can be a valid mission.
    const junkLine = fc.string({ unit: "binary", maxLength: 40 }).filter((s) => !/["\r\n\0]/.test(s))
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 0, max: 8 }),
        fc.array(fc.tuple(fc.nat(), junkLine), { maxLength: 8 }),
        fc.integer({ min: 1, max: 97 }),
        async (validCount, junk, chunkSize) => {
          const text = [MISSION_HEADER, ...mix(validRows(validCount), junk)].join("\n")
          const outcome = await read(textSource("m.csv", text, chunkSize))
          expect(Result.isSuccess(outcome)).toBe(true)
          if (!Result.isSuccess(outcome)) return

          const junkRows = junk.filter(([, line]) => line.trim().length > 0).length
          expectBalanced(outcome.success)
          expect(outcome.success.files[0]).toMatchObject({
            read: validCount + junkRows,
            accepted: validCount,
            rejected: junkRows,
          })
        },
      ),
      { numRuns: 300 },
    )
  })

  it("never fails on arbitrary text mixed in, and reads as many rows as the reference splitter finds", async () => {
    const piece = fc.oneof(
      fc.string({ unit: "binary", maxLength: 30 }),
      fc.constantFrom('"', '""', '"x', 'x"', ",", "\r", "\n", "\r\n", ",,,,,,,,,,,,,"),
    )
    const junkLine = fc.array(piece, { maxLength: 5 }).map((parts) => parts.join("").replaceAll("\0", ""))
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 0, max: 6 }),
        fc.array(fc.tuple(fc.nat(), junkLine), { maxLength: 6 }),
        fc.integer({ min: 1, max: 97 }),
        async (validCount, junk, chunkSize) => {
          const text = [MISSION_HEADER, ...mix(validRows(validCount), junk)].join("\n")
          const outcome = await read(textSource("m.csv", text, chunkSize))
          expect(Result.isSuccess(outcome)).toBe(true)
          if (!Result.isSuccess(outcome)) return

          expectBalanced(outcome.success)
          // The reference splitter's records less the header are the rows.
          expect(outcome.success.files[0]!.read).toBe(referenceRecords(text).length - 1)
        },
      ),
      { numRuns: 300 },
    )
  })

  it("fails only with an InputError, never a defect, on arbitrary bytes after a valid start", async () => {
    const encoder = new TextEncoder()
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 300 }), fc.boolean(), async (bytes, withHeader) => {
        const start = encoder.encode(withHeader ? `${MISSION_HEADER}\n${missionRow()}\n` : "")
        const outcome = await read(bytesSource("m.csv", new Uint8Array([...start, ...bytes]), 17))
        if (Result.isSuccess(outcome)) expectBalanced(outcome.success)
        else expect(outcome.failure._tag).toBe("InputError")
      }),
      { numRuns: 300 },
    )
  })
})
