import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { gunzipSync } from "node:zlib"
import { Effect } from "effect"
import { describe, expect, it } from "vitest"
import { generateSample } from "./generate-sample.js"
import { BUNDLED_SAMPLE_OPTIONS, bundledSamplePaths, writeSampleFiles } from "./write-sample.js"

const folder = mkdtempSync(join(tmpdir(), "ambu-sample-"))
const OPTIONS = { missions: 2500, seed: 4, from: "2025-09", to: "2025-11" } as const

const expectedText = (lines: Iterable<string>): string => `${[...lines].join("\n")}\n`

describe("writeSampleFiles", () => {
  it("writes the generated lines as CSV files, one line end after each", async () => {
    const outDir = join(folder, "plain")
    const written = await Effect.runPromise(writeSampleFiles({ ...OPTIONS, outDir }))
    const sample = Effect.runSync(generateSample(OPTIONS))

    expect(written.missionsPath).toBe(join(outDir, "missions.csv"))
    expect(readFileSync(written.missionsPath, "utf8")).toBe(expectedText(sample.missionLines))
    expect(readFileSync(written.rescueCasesPath, "utf8")).toBe(expectedText(sample.rescueCaseLines))
    expect(written.stats.missionRows).toBe(2500)
    expect(written.stats.rescueCaseRows).toBe(sample.stats().rescueCaseRows)
  })

  it("writes gzip without a timestamp, so the bytes repeat", async () => {
    const first = await Effect.runPromise(
      writeSampleFiles({ ...OPTIONS, outDir: join(folder, "gz1"), gzip: true }),
    )
    const second = await Effect.runPromise(
      writeSampleFiles({ ...OPTIONS, outDir: join(folder, "gz2"), gzip: true }),
    )
    const bytes = readFileSync(first.missionsPath)

    expect(first.missionsPath.endsWith("missions.csv.gz")).toBe(true)
    // Gzip header: magic 1f 8b, method 8, flags 0, then the 4-byte modification time, here 0.
    expect([...bytes.subarray(0, 8)]).toEqual([0x1f, 0x8b, 8, 0, 0, 0, 0, 0])
    expect(bytes.equals(readFileSync(second.missionsPath))).toBe(true)
    const sample = Effect.runSync(generateSample(OPTIONS))
    expect(gunzipSync(bytes).toString("utf8")).toBe(expectedText(sample.missionLines))
  })

  it("fails with the path when the folder cannot be made", async () => {
    const blocker = join(folder, "a-file")
    writeFileSync(blocker, "")
    const error = await Effect.runPromise(
      Effect.flip(writeSampleFiles({ ...OPTIONS, outDir: join(blocker, "sub") })),
    )
    expect(error._tag).toBe("SampleWriteError")
    expect(error.message).toContain(join(blocker, "sub"))
  })

  it("refuses bad options before writing anything", async () => {
    const outDir = join(folder, "never")
    const error = await Effect.runPromise(Effect.flip(writeSampleFiles({ ...OPTIONS, missions: -1, outDir })))
    expect(error._tag).toBe("SampleOptionsError")
    expect(existsSync(outDir)).toBe(false)
  })
})

describe("the committed sample", () => {
  it("is what the generator makes from BUNDLED_SAMPLE_OPTIONS, so make-sample.mjs reproduces it", () => {
    const paths = bundledSamplePaths()
    const sample = Effect.runSync(generateSample(BUNDLED_SAMPLE_OPTIONS))
    expect(gunzipSync(readFileSync(paths.missions)).toString("utf8")).toBe(expectedText(sample.missionLines))
    expect(gunzipSync(readFileSync(paths.rescueCases)).toString("utf8")).toBe(
      expectedText(sample.rescueCaseLines),
    )
  })
})
