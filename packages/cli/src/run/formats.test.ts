import { Effect, Result } from "effect"
import { describe, expect, it } from "vitest"
import { parseFormats } from "./formats.js"

const KNOWN = ["json", "html", "pdf", "png", "pptx", "csv-tables"]
const parse = (text: string) => Effect.runSync(Effect.result(parseFormats(text, KNOWN)))

describe("parseFormats", () => {
  it("splits on commas, ignoring case, spaces and empty items, each format once in the order given", () => {
    expect(parse("pptx, JSON,,html ,json")).toEqual(Result.succeed(["pptx", "json", "html"]))
    expect(parse("csv-tables")).toEqual(Result.succeed(["csv-tables"]))
  })

  it("names every unknown format and lists the known ones", () => {
    const outcome = parse("json,docx,xlsx")
    expect(Result.isFailure(outcome) && outcome.failure.message).toBe(
      'unknown output format "docx", "xlsx"; choose from: json, html, pdf, png, pptx, csv-tables',
    )
  })

  it("refuses a list that names no format", () => {
    const outcome = parse(" , ")
    expect(Result.isFailure(outcome) && outcome.failure.message).toBe(
      '--format " , " names no output format; choose from: json, html, pdf, png, pptx, csv-tables',
    )
  })
})
