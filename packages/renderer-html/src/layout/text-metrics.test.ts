import { describe, expect, it } from "vitest"
import { longestWordWidth, textWidth, wrappedLines } from "./text-metrics.js"

describe("textWidth", () => {
  it("adds DejaVu Sans advances: '2025-01' at 10 px is six digits and a hyphen", () => {
    // 6 × 0.636 em + 0.361 em = 4.177 em → 41.77 px
    expect(textWidth("2025-01", 10)).toBeCloseTo(41.77, 6)
  })

  it("uses the bold advances for bold text", () => {
    // T .682 + o .687 + t .478 + a .675 + l .343 + t .478 = 3.343 em
    expect(textWidth("Totalt", 10, true)).toBeCloseTo(33.43, 6)
    expect(textWidth("Totalt", 10)).toBeLessThan(textWidth("Totalt", 10, true))
  })

  it("counts a glyph it does not know as a full em, erring wide", () => {
    expect(textWidth("€", 12)).toBe(12)
  })
})

describe("wrappedLines", () => {
  // "aa" is 2 × 0.613 em = 12.26 px at 10 px; a space 3.18 px; "aa aa" 27.70 px.
  it("breaks at spaces when the next word does not fit", () => {
    expect(wrappedLines("aa aa aa", 28, 10)).toBe(2)
    expect(wrappedLines("aa aa aa", 27, 10)).toBe(3)
    expect(wrappedLines("aa aa aa", 100, 10)).toBe(1)
  })

  it("never breaks at the no-break space inside a Swedish number", () => {
    expect(wrappedLines("1\u00a0086", 5, 10)).toBe(wrappedLines("1086", 5, 10))
    // "1 086" (4 digits and the space, 2.862 em) is longer than "st" (0.913 em): it is one word.
    expect(longestWordWidth("1\u00a0086 st", 10)).toBeCloseTo(28.62, 6)
  })

  it("counts the lines a word wider than the box spills into", () => {
    // 10 digits = 63.6 px in a 30 px box: three lines.
    expect(wrappedLines("0123456789", 30, 10)).toBe(3)
  })

  it("takes an empty text as one line", () => {
    expect(wrappedLines("", 50, 10)).toBe(1)
  })
})
