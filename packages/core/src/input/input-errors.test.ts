import { mkdtempSync, rmSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { gzipSync } from "node:zlib"
import { Effect } from "effect"
import { afterAll, describe, expect, it } from "vitest"
import { resolveGeography } from "../domain/geography.js"
import { testGeography } from "../testing/index.js"
import { readInput } from "./read-input.js"
import { bytesSource, fileSource, textSource } from "./source.js"
import {
  MISSION_HEADER,
  missionRow,
  missionsCsv,
  RESCUE_HEADER,
  readFailure,
  readTexts,
} from "./test-support/read.js"

const dir = mkdtempSync(join(tmpdir(), "ambu-input-"))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

describe("whole-file problems", () => {
  it("fails for a file that does not exist, naming it", async () => {
    const error = await readFailure(fileSource(join(dir, "nope.csv"), "nope.csv"))
    expect(error).toMatchObject({ _tag: "InputError", kind: "not-found", file: "nope.csv" })
    expect(error.message).toBe("nope.csv: no such file; check the path")
  })

  it("fails for a directory", async () => {
    expect(await readFailure(fileSource(dir, "data"))).toMatchObject({ kind: "not-found", file: "data" })
  })

  it("fails for an empty file, and for one of blank lines only", async () => {
    for (const text of ["", "\n\n   \r\n"]) {
      const error = await readFailure(textSource("missions.csv", text))
      expect(error.kind).toBe("empty")
      expect(error.message).toContain("missions.csv: the file is empty")
    }
  })

  it("reads a file of only a header as zero rows", async () => {
    const { files } = await readTexts(MISSION_HEADER)
    expect(files[0]).toMatchObject({ read: 0, accepted: 0, rejected: 0 })
  })

  it("fails when a required column is missing, listing the names it may have", async () => {
    const header = MISSION_HEADER.replace(",priority,", ",urgency,")
    const error = await readFailure(textSource("missions.csv", `${header}\n${missionRow()}`))
    expect(error.kind).toBe("missing-column")
    expect(error.message).toBe(
      'missions.csv: the header has no column for priority ("priority" or "prio"); ' +
        "add the column or rename it to one of the accepted names (any letter case)",
    )
  })

  it("lists every missing column of the rescue file", async () => {
    const error = await readFailure(
      textSource("m.csv", MISSION_HEADER),
      textSource("r.csv", "case_id,index_1\n"),
    )
    expect(error.message).toContain(
      'municipality_code ("municipality_code" or "kommunkod"), created_at ("created_at" or "skapad"), ' +
        'rescue_resource_confirmed ("rescue_resource_confirmed" or "bekraftad_resurs")',
    )
  })

  it("fails when two columns mean the same field", async () => {
    const error = await readFailure(textSource("missions.csv", `${MISSION_HEADER},PRIO\n`))
    expect(error.kind).toBe("duplicate-column")
    expect(error.message).toBe(
      'missions.csv: header columns 5 ("priority") and 15 ("PRIO") both mean priority; remove one of them',
    )
  })

  it("fails for binary content: NUL bytes, gzip or zip under a text name, UTF-16", async () => {
    const cases: Array<[number[], string]> = [
      [[0x6d, 0x69, 0x00, 0x73], "NUL bytes"],
      [[0x1f, 0x8b, 0x08, 0x00], "gzip"],
      [[0x50, 0x4b, 0x03, 0x04], "xlsx"],
      [[0xff, 0xfe, 0x6d, 0x00], "UTF-16"],
    ]
    for (const [bytes, words] of cases) {
      const error = await readFailure(bytesSource("missions.csv", Uint8Array.from(bytes)))
      expect(error.kind).toBe("binary")
      expect(error.message).toContain(words)
    }
  })

  it("fails for a time zone the runtime does not know", async () => {
    const geography = resolveGeography({ ...testGeography, timeZone: "Mars/Olympus_Mons" })
    const error = await Effect.runPromise(
      Effect.flip(
        readInput({
          missions: textSource("m.csv", MISSION_HEADER),
          rescueCases: textSource("r.csv", RESCUE_HEADER),
          geography,
        }),
      ),
    )
    expect(error.kind).toBe("invalid-time-zone")
  })
})

describe("file sources", () => {
  it("reads a gzipped file when its name ends in .gz", async () => {
    const path = join(dir, "missions.csv.gz")
    writeFileSync(path, gzipSync(missionsCsv(missionRow({ id: "G1" }), missionRow({ id: "G2" }))))
    const { dataset, files } = await readTexts(fileSource(path))
    expect(dataset.missions.missionId).toEqual(["G1", "G2"])
    expect(files[0]!.file).toBe(path)
  })

  it("reads a gzipped NDJSON file as NDJSON", async () => {
    const path = join(dir, "missions.ndjson.gz")
    const row =
      '{"mission_id":"J1","case_id":"C1","resource_id":"A","station":"Lund","priority":2,"municipality_code":"1281","dispatched_at":"2025-06-02 10:00"}'
    writeFileSync(path, gzipSync(`${row}\n`))
    const { dataset } = await readTexts(fileSource(path))
    expect(dataset.missions.missionId).toEqual(["J1"])
  })

  it("fails for a .gz file that is not gzip", async () => {
    const path = join(dir, "plain.csv.gz")
    writeFileSync(path, missionsCsv(missionRow()))
    const error = await readFailure(fileSource(path, "plain.csv.gz"))
    expect(error.kind).toBe("unreadable")
    expect(error.message).toContain("plain.csv.gz: not a valid gzip file")
  })

  it("reports progress as the running total over both files", async () => {
    const calls: number[] = []
    await Effect.runPromise(
      readInput({
        missions: textSource(
          "m.csv",
          missionsCsv(missionRow({ id: "1" }), missionRow({ id: "2" }), "broken"),
        ),
        rescueCases: textSource("r.csv", `${RESCUE_HEADER}\nR1,1280,2025-06-02 10:00,X,,,1\nR2,1280,x,X,,,1`),
        geography: resolveGeography(testGeography),
        onProgress: (rows) => calls.push(rows),
      }),
    )
    // 3 mission rows (one malformed), then 3 + 2 rescue rows.
    expect(calls).toEqual([3, 5])
  })
})
