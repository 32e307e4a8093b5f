import { Effect } from "effect"
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest"
import { reportFailures, StrictModeError, UsageError } from "./failure.js"

let stderr: string[] = []

beforeEach(() => {
  stderr = []
  vi.spyOn(process.stderr, "write").mockImplementation((chunk) => {
    stderr.push(String(chunk))
    return true
  })
  vi.stubEnv("AMBU_DEBUG", "")
  process.exitCode = undefined
})

afterEach(() => {
  vi.restoreAllMocks()
  vi.unstubAllEnvs()
  process.exitCode = undefined
})

describe("reportFailures", () => {
  it("writes a typed failure as one line, exit code 1", async () => {
    await Effect.runPromise(
      reportFailures(Effect.fail(new UsageError({ message: "give both --from and --to" }))),
    )
    expect(stderr).toEqual(["ambu: error: give both --from and --to\n"])
    expect(process.exitCode).toBe(1)
  })

  it("gives strict mode's refusal exit code 2", async () => {
    await Effect.runPromise(reportFailures(Effect.fail(new StrictModeError({ message: "--strict: 3 rows" }))))
    expect(process.exitCode).toBe(2)
  })

  it("writes a defect as one line too, with no stack, exit code 1", async () => {
    const thrown = Effect.sync(() => {
      throw new TypeError(
        "Cannot read properties of undefined (reading 'series')\n    at draw (chart.js:1:1)",
      )
    })
    await Effect.runPromise(reportFailures(thrown))
    expect(stderr).toEqual([
      "ambu: error: unexpected failure: TypeError: Cannot read properties of undefined (reading 'series'); this is a bug in ambu or in a plugin (set AMBU_DEBUG=1 to see where it happened)\n",
    ])
    expect(process.exitCode).toBe(1)
  })

  it("adds the whole cause when AMBU_DEBUG is set", async () => {
    vi.stubEnv("AMBU_DEBUG", "1")
    await Effect.runPromise(reportFailures(Effect.die(new Error("deep down"))))
    expect(stderr).toHaveLength(2)
    expect(stderr[1]).toContain("deep down")
    expect(stderr[1]).toMatch(/\n\s+at /)
  })

  it("passes success through", async () => {
    expect(await Effect.runPromise(reportFailures(Effect.succeed(7)))).toBe(7)
    expect(stderr).toEqual([])
    expect(process.exitCode).toBeUndefined()
  })
})
