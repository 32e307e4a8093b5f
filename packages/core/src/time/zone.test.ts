import { describe, expect, it } from "vitest"
import { daysFromCivil, MS_PER_DAY } from "./civil.js"
import { formatMonth } from "./month.js"
import { timeZone } from "./zone.js"

const wall = (y: number, mo: number, d: number, h: number, mi: number): number =>
  daysFromCivil(y, mo, d) * MS_PER_DAY + h * 3_600_000 + mi * 60_000

describe("timeZone(Europe/Stockholm)", () => {
  const zone = timeZone("Europe/Stockholm")

  it("maps a summer wall time to one instant two hours earlier in UTC", () => {
    expect(zone.resolveLocal(wall(2025, 7, 1, 12, 0))).toEqual({
      kind: "ok",
      instant: Date.parse("2025-07-01T10:00:00Z"),
    })
  })

  it("maps a winter wall time to one instant one hour earlier in UTC", () => {
    expect(zone.resolveLocal(wall(2025, 1, 15, 8, 5))).toEqual({
      kind: "ok",
      instant: Date.parse("2025-01-15T07:05:00Z"),
    })
  })

  it("finds no instant in the spring gap 02:00–02:59 on 2025-03-30", () => {
    expect(zone.resolveLocal(wall(2025, 3, 30, 2, 0)).kind).toBe("gap")
    expect(zone.resolveLocal(wall(2025, 3, 30, 2, 59)).kind).toBe("gap")
    expect(zone.resolveLocal(wall(2025, 3, 30, 3, 0))).toEqual({
      kind: "ok",
      instant: Date.parse("2025-03-30T01:00:00Z"),
    })
  })

  it("finds two instants in the autumn hour, summer time first", () => {
    // 02:30 local happens at 00:30Z (CEST, +2) and again at 01:30Z (CET, +1).
    expect(zone.resolveLocal(wall(2025, 10, 26, 2, 30))).toEqual({
      kind: "ambiguous",
      first: Date.parse("2025-10-26T00:30:00Z"),
      second: Date.parse("2025-10-26T01:30:00Z"),
    })
    expect(zone.resolveLocal(wall(2025, 10, 26, 3, 0)).kind).toBe("ok")
    expect(zone.resolveLocal(wall(2025, 10, 26, 1, 59)).kind).toBe("ok")
  })

  it("puts an instant in its local month, not its UTC month", () => {
    expect(formatMonth(zone.monthOf(Date.parse("2025-01-31T23:30:00Z")))).toBe("2025-02")
    expect(formatMonth(zone.monthOf(Date.parse("2025-12-31T22:59:59Z")))).toBe("2025-12")
    expect(formatMonth(zone.monthOf(Date.parse("2025-12-31T23:00:00Z")))).toBe("2026-01")
  })

  it("reports the offset in force", () => {
    expect(zone.offsetAt(Date.parse("2025-06-01T00:00:00Z"))).toBe(2 * 3_600_000)
    expect(zone.offsetAt(Date.parse("2025-12-01T00:00:00Z"))).toBe(3_600_000)
  })
})
