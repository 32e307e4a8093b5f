import { describe, expect, it } from "vitest"
import { formatCount, formatDuration, formatShare, formatValue } from "./format.js"

describe("number formats", () => {
  it("groups thousands with a no-break space in Swedish and a comma in English", () => {
    expect(formatCount(1234567, "sv")).toBe("1\u00a0234\u00a0567")
    expect(formatCount(1234567, "en")).toBe("1,234,567")
    expect(formatCount(999, "sv")).toBe("999")
  })

  it("writes shares as percent with one decimal", () => {
    expect(formatShare(0.934, "sv")).toBe("93,4\u00a0%")
    expect(formatShare(0.934, "en")).toBe("93.4%")
    expect(formatShare(1, "sv")).toBe("100,0\u00a0%")
    expect(formatShare(0.0005, "en")).toBe("0.1%")
    expect(formatShare(2 / 3, "en")).toBe("66.7%")
  })

  it("writes durations as m:ss below an hour and h:mm:ss from one hour", () => {
    expect(formatDuration(1060)).toBe("17:40")
    expect(formatDuration(75)).toBe("1:15")
    expect(formatDuration(75.5)).toBe("1:16")
    expect(formatDuration(3599.4)).toBe("59:59")
    expect(formatDuration(3600)).toBe("1:00:00")
    expect(formatDuration(3725)).toBe("1:02:05")
    expect(formatDuration(0)).toBe("0:00")
  })

  it("shows a dash for a missing value", () => {
    expect(formatValue(null, "share", "sv")).toBe("–")
    expect(formatValue(Number.NaN, "duration", "en")).toBe("–")
  })
})

describe("shares at exact halves", () => {
  it("round halves away from zero even where binary floating point falls just short", () => {
    // 201/400 = 0.5025 exactly, 1003/2000 = 0.5015 exactly: both are halves of a tenth
    expect(formatShare(201 / 400, "sv")).toBe("50,3\u00a0%")
    expect(formatShare(1003 / 2000, "en")).toBe("50.2%")
    expect(formatShare(-201 / 400, "en")).toBe("-50.3%")
    // just below a half stays below
    expect(formatShare(5024 / 10000, "en")).toBe("50.2%")
  })

  it("agrees with integer rounding for every share k/n up to n = 2000", () => {
    for (let n = 1; n <= 2000; n++) {
      for (let k = 0; k <= n; k++) {
        // tenths of a percent, halves up, computed in integers: floor((2000k + n) / 2n)
        const tenths = Math.floor((2000 * k + n) / (2 * n))
        const expected = `${Math.floor(tenths / 10)}.${tenths % 10}%`
        if (formatShare(k / n, "en") !== expected) {
          expect(`${k}/${n} → ${formatShare(k / n, "en")}`).toBe(`${k}/${n} → ${expected}`)
        }
      }
    }
  })
})
