import { describe, expect, it } from "vitest"
import { daysFromCivil, MS_PER_DAY } from "../time/civil.js"
import { timeZone } from "../time/zone.js"
import { LocalClock } from "./local-clock.js"

const zone = timeZone("Europe/Stockholm")

describe("LocalClock(Europe/Stockholm)", () => {
  const clock = new LocalClock(zone)

  it("formats summer and winter instants as naive local times", () => {
    expect(clock.format(Date.parse("2025-07-01T10:00:00Z"))).toBe("2025-07-01 12:00:00")
    expect(clock.format(Date.parse("2025-01-15T07:05:09Z"))).toBe("2025-01-15 08:05:09")
    expect(clock.format(Date.parse("2024-12-31T23:59:59Z"))).toBe("2025-01-01 00:59:59")
  })

  it("writes both instants of the autumn hour as the same local time and calls them ambiguous", () => {
    // 2025-10-26: 00:30Z is 02:30 summer time, 01:30Z is 02:30 winter time.
    expect(clock.format(Date.parse("2025-10-26T00:30:00Z"))).toBe("2025-10-26 02:30:00")
    expect(clock.format(Date.parse("2025-10-26T01:30:00Z"))).toBe("2025-10-26 02:30:00")
    expect(clock.isAmbiguous(Date.parse("2025-10-26T00:30:00Z"))).toBe(true)
    expect(clock.isAmbiguous(Date.parse("2025-10-26T01:30:00Z"))).toBe(true)
    expect(clock.isAmbiguous(Date.parse("2025-10-26T02:30:00Z"))).toBe(false)
    expect(clock.isAmbiguous(Date.parse("2025-10-25T00:30:00Z"))).toBe(false)
  })

  it("resolves every quarter hour of 2025 exactly as the zone does", () => {
    const start = daysFromCivil(2025, 1, 1) * MS_PER_DAY
    for (let wall = start; wall < start + 365 * MS_PER_DAY; wall += 15 * 60_000) {
      const mine = clock.resolveLocal(wall)
      const zones = zone.resolveLocal(wall)
      if (mine.kind !== zones.kind || JSON.stringify(mine) !== JSON.stringify(zones)) {
        expect({ wall: new Date(wall).toISOString(), mine }).toEqual({
          wall: new Date(wall).toISOString(),
          mine: zones,
        })
      }
    }
  })

  it("agrees with the zone's offset every hour of 2024 and 2025", () => {
    const start = Date.parse("2024-01-01T00:00:00Z")
    for (let t = start; t < Date.parse("2026-01-01T00:00:00Z"); t += 3_600_000 + 7_000) {
      if (clock.offsetAt(t) !== zone.offsetAt(t))
        expect({ t, offset: clock.offsetAt(t) }).toEqual({ t, offset: zone.offsetAt(t) })
    }
  })
})
