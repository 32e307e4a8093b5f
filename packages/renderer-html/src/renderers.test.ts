import { type RenderContext, silentProgress } from "@ambu/core"
import { reportFixture } from "@ambu/core/testing"
import { Effect } from "effect"
import { describe, expect, it } from "vitest"
import { renderHtml } from "./html/render-html.js"
import { documentOptionsFrom, htmlRenderer } from "./renderers.js"
import { defaultTheme } from "./theme.js"

const context = (options: Record<string, unknown>): RenderContext => ({
  baseName: "report",
  options,
  progress: silentProgress,
})

const optionsOf = (options: Record<string, unknown>) =>
  Effect.runPromise(documentOptionsFrom(context(options)))
const failureOf = (options: Record<string, unknown>) =>
  Effect.runPromise(Effect.flip(documentOptionsFrom(context(options), "pdf")))

describe("documentOptionsFrom: the deck configuration's theme", () => {
  it("maps font to the font list and accent to the colours that follow from it", async () => {
    const { theme } = await optionsOf({ theme: { accent: "#7a0019", font: "Arial" } })
    expect(theme?.fontFamily).toBe(`"Arial", ${defaultTheme.fontFamily}`)
    expect(theme).toMatchObject({ accent: "#7a0019", headerBackground: "#7a0019", headingText: "#7a0019" })
  })

  it("lets the HTML theme's own settings (renderers.html.theme) override what the accent gave", async () => {
    const { theme } = await optionsOf({ theme: { accent: "#7a0019", headerBackground: "#000000" } })
    expect(theme).toMatchObject({ accent: "#7a0019", headerBackground: "#000000" })
  })

  it("passes no theme when none is configured", async () => {
    expect(await optionsOf({ chromiumPath: "/usr/bin/chromium" })).toEqual({
      baseName: "report",
      chromiumPath: "/usr/bin/chromium",
    })
  })

  it("fails as a RenderError naming the format and the setting", async () => {
    const unknown = await failureOf({ theme: { colour: "#ffffff" } })
    expect(unknown._tag).toBe("RenderError")
    expect(unknown.format).toBe("pdf")
    expect(unknown.message).toMatch(
      /^pdf: theme.colour is not a theme setting; known: accent, font, fontFamily/,
    )
    // Each setting once, though the deck theme and the HTML theme both have an accent.
    const known = unknown.message.slice(unknown.message.indexOf("known: ") + 7).split(", ")
    expect(known.filter((k) => k === "accent")).toEqual(["accent"])
    expect(new Set(known).size).toBe(known.length)

    expect((await failureOf({ theme: { font: 12 } })).message).toBe(
      "pdf: theme.font must be a string, not 12",
    )
    expect((await failureOf({ theme: "blue" })).message).toMatch(/theme must be an object/)
    expect((await failureOf({ theme: { accent: "blue" } })).message).toMatch(/theme.accent must be a colour/)
  })
})

describe("htmlRenderer with a configured theme", () => {
  it("renders with the font and accent of the configuration (a theme.font once failed the run)", async () => {
    const files = await Effect.runPromise(
      htmlRenderer.render(reportFixture, context({ theme: { accent: "#ffd200", font: "Source Sans 3" } })),
    )
    const html = files[0]!.content as string
    expect(html).toContain(`--font-family: "Source Sans 3", ${defaultTheme.fontFamily};`)
    expect(html).toContain("--accent: #ffd200;")
    expect(html).toContain("--header-background: #ffd200;")
    // Yellow is too light for white header text or for yellow headings on white.
    expect(html).toContain(`--header-text: ${defaultTheme.text};`)
    expect(html).toContain(`--heading-text: ${defaultTheme.text};`)
  })

  it("gives the default page when the configuration has no theme", async () => {
    const files = await Effect.runPromise(htmlRenderer.render(reportFixture, context({})))
    expect(files[0]!.content).toBe(renderHtml(reportFixture))
  })
})
