import { describe, expect, it } from "vitest"
import { slidePngPaths } from "./png-names.js"

describe("slidePngPaths", () => {
  it("names each page by its slide's number, a further page with -2, -3, in page order", () => {
    expect(
      slidePngPaths([
        { slideNumber: 1, page: 1 },
        { slideNumber: 3, page: 1 },
        { slideNumber: 3, page: 2 },
        { slideNumber: 3, page: 3 },
        { slideNumber: 4, page: 1 },
        { slideNumber: 12, page: 1 },
      ]),
    ).toEqual([
      "png/slide-01.png",
      "png/slide-03.png",
      "png/slide-03-2.png",
      "png/slide-03-3.png",
      "png/slide-04.png",
      "png/slide-12.png",
    ])
  })

  it("pads to the widest number, so a deck of 100 slides or more still sorts by slide", () => {
    expect(
      slidePngPaths([
        { slideNumber: 9, page: 1 },
        { slideNumber: 100, page: 1 },
        { slideNumber: 100, page: 2 },
      ]),
    ).toEqual(["png/slide-009.png", "png/slide-100.png", "png/slide-100-2.png"])
  })

  it("refuses two pages that would share a file", () => {
    expect(() =>
      slidePngPaths([
        { slideNumber: 2, page: 1 },
        { slideNumber: 2, page: 1 },
      ]),
    ).toThrow("two pages would both be written to png/slide-02.png")
  })
})
