import { Effect, Result } from "effect"
import { describe, expect, it } from "vitest"
import { reportFixture } from "../testing/report-fixture.js"
import { issuePath } from "./issue-path.js"
import { RenderError, type RendererDefinition, runRenderer, silentProgress } from "./renderer.js"

const context = { baseName: "report", options: {}, progress: silentProgress }

const run = (render: RendererDefinition["render"]) =>
  Effect.runSync(
    Effect.result(
      runRenderer(
        { renderer: { format: "fmt", description: "", render }, plugin: "p" },
        reportFixture,
        context,
      ),
    ),
  )

const refusal = (outcome: ReturnType<typeof run>): RenderError => {
  if (Result.isSuccess(outcome)) throw new Error("expected a refusal")
  expect(outcome.failure).toBeInstanceOf(RenderError)
  expect(outcome.failure.format).toBe("fmt")
  return outcome.failure
}

describe("runRenderer", () => {
  it("passes a renderer's files through", () => {
    const files = [
      { path: "a/b.txt", content: "x" },
      { path: "c.bin", content: new Uint8Array([1]) },
    ]
    expect(run(() => Effect.succeed(files))).toEqual(Result.succeed(files))
  })

  it("names format and plugin for a RenderError, saying the format once", () => {
    const failing = () => Effect.fail(new RenderError({ format: "fmt", message: "fmt: the disk is full" }))
    expect(refusal(run(failing)).message).toBe('output format "fmt" (plugin "p") failed: the disk is full')
  })

  it("turns a throw inside the effect, and one before it, into the same kind of error", () => {
    const inside = () =>
      Effect.sync(() => {
        throw new Error("inner kaboom")
      })
    const before = () => {
      throw new TypeError("no series")
    }
    expect(refusal(run(inside)).message).toBe(
      'output format "fmt" (plugin "p") failed: it threw Error: inner kaboom',
    )
    expect(refusal(run(before)).message).toBe(
      'output format "fmt" (plugin "p") failed: it threw TypeError: no series',
    )
  })

  it("refuses files of the wrong shape and paths that leave the output folder", () => {
    const returning = (files: unknown) => () => Effect.succeed(files as never)
    expect(refusal(run(returning([{ path: "x.txt" }]))).message).toBe(
      'output format "fmt" (plugin "p") failed: it must return a list of { path, content } files; files[0].content: Invalid input',
    )
    for (const path of ["../x.txt", "a/../../x.txt", "/etc/x", "C:\\\\x", "a\\\\..\\\\..\\\\x"]) {
      expect(refusal(run(returning([{ path, content: "" }]))).message).toContain(
        "files[0].path: must be a path inside the output folder",
      )
    }
  })
})

describe("issuePath", () => {
  it("writes a path as code would", () => {
    expect(issuePath(["blocks", 0, "series"])).toBe("blocks[0].series")
    expect(issuePath(["theme", "accent"], 'renderers."html"')).toBe('renderers."html".theme.accent')
    expect(issuePath(["waiting-time"], "texts")).toBe('texts["waiting-time"]')
    expect(issuePath([])).toBe("")
  })
})
