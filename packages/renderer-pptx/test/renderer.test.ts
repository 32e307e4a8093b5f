import { silentProgress } from "@ambu/core"
import { reportFixture } from "@ambu/core/testing"
import { Effect, Result } from "effect"
import { describe, expect, it } from "vitest"
import { pptxRenderer, renderPptx } from "../src/index.js"
import { unzipDeck } from "./support/deck.js"

describe("pptxRenderer", () => {
  it("renders the pptx format as <baseName>.pptx and reports its progress", async () => {
    const steps: string[] = []
    const files = await Effect.runPromise(
      pptxRenderer.render(reportFixture, {
        baseName: "report",
        options: {},
        progress: { step: (message) => steps.push(message) },
      }),
    )
    expect(pptxRenderer.format).toBe("pptx")
    expect(files.map((file) => file.path)).toEqual(["report.pptx"])
    const deck = await unzipDeck(files[0]!.content as Uint8Array)
    expect(deck.paths).toContain("ppt/presentation.xml")
    expect(steps).toEqual(["pptx: 6 report slides as 6 PowerPoint slides"])
  })

  it("uses the base name it is given", async () => {
    const files = await Effect.runPromise(
      pptxRenderer.render(reportFixture, { baseName: "skane-2025", options: {}, progress: silentProgress }),
    )
    expect(files.map((file) => file.path)).toEqual(["skane-2025.pptx"])
  })

  it("fails with a RenderError naming the field when generatedAt is not a time", async () => {
    const result = await Effect.runPromise(
      Effect.result(renderPptx({ ...reportFixture, generatedAt: "soon" })),
    )
    expect(Result.isFailure(result)).toBe(true)
    if (Result.isFailure(result)) {
      expect(result.failure._tag).toBe("RenderError")
      expect(result.failure.format).toBe("pptx")
      expect(result.failure.message).toContain('generatedAt "soon"')
    }
  })
})
