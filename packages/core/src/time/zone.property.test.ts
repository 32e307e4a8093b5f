import fc from "fast-check"
import { describe, expect, it } from "vitest"
import { MS_PER_DAY, MS_PER_HOUR } from "./civil.js"
import { formatMonth } from "./month.js"
import { type LocalResolution, timeZone } from "./zone.js"

/**
 * Zones whose changes test the span search: plain DST (Stockholm, New
 * York), a half-hour DST (Lord Howe), a whole skipped day (Apia,
 * 2011-12-30), a quarter-hour standard offset (Kathmandu), a southern
 * DST that ended (São Paulo), no changes at all (UTC).
 */
const ZONES = [
  "Europe/Stockholm",
  "America/New_York",
  "Australia/Lord_Howe",
  "Pacific/Apia",
  "Asia/Kathmandu",
  "America/Sao_Paulo",
  "UTC",
] as const

const FROM = Date.UTC(1975, 0, 1)
const TO = Date.UTC(2040, 0, 1)

/** The offset as `Intl` names it ("GMT+05:45"), read independently of the zone's own arithmetic. */
const referenceOffset = (name: string): ((epochMs: number) => number) => {
  const format = new Intl.DateTimeFormat("en-US", { timeZone: name, timeZoneName: "longOffset" })
  return (epochMs) => {
    const label = format.formatToParts(new Date(epochMs)).find((p) => p.type === "timeZoneName")!.value
    const match = /^GMT(?:([+-])(\d{2}):(\d{2}))?$/.exec(label)!
    if (match[1] === undefined) return 0
    const size = Number(match[2]) * MS_PER_HOUR + Number(match[3]) * 60_000
    return match[1] === "+" ? size : -size
  }
}

/**
 * The resolution by definition: every offset the zone has within two days
 * of the wall time (sampled hourly) that maps the wall time back to itself.
 */
const referenceResolution = (name: string): ((wallMs: number) => LocalResolution) => {
  const offsetAt = referenceOffset(name)
  return (wallMs) => {
    const candidates = new Set<number>()
    for (let h = -48; h <= 48; h += 3) candidates.add(offsetAt(wallMs + h * MS_PER_HOUR))
    const valid = [...candidates].filter((o) => offsetAt(wallMs - o) === o).sort((a, b) => b - a)
    if (valid.length === 0) return { kind: "gap" }
    if (valid.length === 1) return { kind: "ok", instant: wallMs - valid[0]! }
    return { kind: "ambiguous", first: wallMs - valid[0]!, second: wallMs - valid[1]! }
  }
}

/** Instants near the zone's changes are where a span search goes wrong, so half the draws land within a day of one. */
const instantNearChanges = (name: string) => {
  const offsetAt = referenceOffset(name)
  const changes: number[] = []
  for (let t = FROM; t < TO; t += MS_PER_DAY) {
    if (offsetAt(t) !== offsetAt(t + MS_PER_DAY)) changes.push(t)
  }
  const anywhere = fc.integer({ min: FROM, max: TO })
  if (changes.length === 0) return anywhere
  const nearChange = fc
    .tuple(fc.constantFrom(...changes), fc.integer({ min: -MS_PER_DAY, max: 2 * MS_PER_DAY }))
    .map(([day, shift]) => day + shift)
  return fc.oneof(anywhere, nearChange)
}

describe.each(ZONES)("timeZone(%s) against Intl", (name) => {
  const offsetOf = referenceOffset(name)
  const resolutionOf = referenceResolution(name)
  const instants = instantNearChanges(name)

  it("gives the offset Intl names, in any order of questions", () => {
    // A fresh zone per run would hide cache bugs; the shared one keeps its spans between runs.
    const zone = timeZone(name)
    fc.assert(
      fc.property(fc.array(instants, { minLength: 1, maxLength: 40 }), (times) => {
        for (const t of times) expect({ t, offset: zone.offsetAt(t) }).toEqual({ t, offset: offsetOf(t) })
      }),
      { seed: 8, numRuns: 60 },
    )
  })

  it("resolves wall times as the definition does, and instantOfLocal agrees with resolveLocal", () => {
    const zone = timeZone(name)
    fc.assert(
      fc.property(fc.array(instants, { minLength: 1, maxLength: 20 }), (walls) => {
        for (const raw of walls) {
          const wall = Math.floor(raw / 60_000) * 60_000
          const expected = resolutionOf(wall)
          expect({ wall, resolution: zone.resolveLocal(wall) }).toEqual({ wall, resolution: expected })
          const unique = expected.kind === "ok" ? expected.instant : Number.NaN
          expect({ wall, instant: zone.instantOfLocal(wall) }).toEqual({ wall, instant: unique })
        }
      }),
      { seed: 9, numRuns: 40 },
    )
  })

  it("resolves a sorted run of wall times across a year as the definition does", () => {
    // Sorted input is what the span cache is for: every 37 minutes through 2025.
    const zone = timeZone(name)
    const start = Date.UTC(2025, 0, 1)
    const mismatches: unknown[] = []
    for (let wall = start; wall < start + 365 * MS_PER_DAY; wall += 37 * 60_000) {
      const resolution = zone.resolveLocal(wall)
      const unique = resolution.kind === "ok" ? resolution.instant : Number.NaN
      const offset = zone.offsetAt(wall)
      // The definition is slow (34 Intl calls), so it is asked only where the zone says anything but "ok".
      const expected =
        resolution.kind === "ok" && wall - resolution.instant === offsetOf(resolution.instant)
          ? resolution
          : resolutionOf(wall)
      if (
        JSON.stringify(resolution) !== JSON.stringify(expected) ||
        !Object.is(zone.instantOfLocal(wall), unique) ||
        offset !== offsetOf(wall)
      ) {
        mismatches.push({ wall, resolution, expected, offset })
      }
    }
    expect(mismatches).toEqual([])
  })
})

describe.each(ZONES)("timeZone(%s) walked across its 2025 changes", (name) => {
  const offsetOf = referenceOffset(name)
  const resolutionOf = referenceResolution(name)
  const changes: number[] = []
  for (let t = Date.UTC(2025, 0, 1); t < Date.UTC(2026, 0, 1); t += 60_000 * 30) {
    if (offsetOf(t) !== offsetOf(t + 60_000 * 30)) changes.push(t)
  }

  // Both directions: what the zone learnt on one side of a change must not leak to the other.
  it.each(["forward", "backward"] as const)(
    "resolves wall times within 6 hours of each change, walking %s",
    (direction) => {
      const zone = timeZone(name)
      const mismatches: unknown[] = []
      for (const change of changes) {
        const walls: number[] = []
        for (let wall = change - 6 * MS_PER_HOUR; wall <= change + 6 * MS_PER_HOUR; wall += 5 * 60_000)
          walls.push(wall)
        if (direction === "backward") walls.reverse()
        for (const wall of walls) {
          const expected = resolutionOf(wall)
          const unique = expected.kind === "ok" ? expected.instant : Number.NaN
          const resolution = zone.resolveLocal(wall)
          const instant = zone.instantOfLocal(wall)
          if (JSON.stringify(resolution) !== JSON.stringify(expected) || !Object.is(instant, unique)) {
            mismatches.push({ wall: new Date(wall).toISOString(), resolution, instant, expected })
          }
        }
      }
      expect(mismatches).toEqual([])
    },
  )
})

describe("timeZone edge cases", () => {
  it("skips 2011-12-30 in Pacific/Apia: every wall time of that day is a gap", () => {
    // Apia went from UTC-10 to UTC+14 at 2011-12-30T10:00Z, so local 2011-12-29 24:00 became 2011-12-31 00:00.
    const apia = timeZone("Pacific/Apia")
    const day = Date.UTC(2011, 11, 30)
    expect(apia.resolveLocal(day + 12 * MS_PER_HOUR).kind).toBe("gap")
    expect(apia.instantOfLocal(day + 12 * MS_PER_HOUR)).toBeNaN()
    expect(apia.instantOfLocal(day - 60_000)).toBe(Date.UTC(2011, 11, 30, 9, 59))
    expect(apia.instantOfLocal(day + MS_PER_DAY)).toBe(Date.UTC(2011, 11, 30, 10, 0))
  })

  it("has a half-hour autumn overlap on Lord Howe Island", () => {
    // 2025-04-06 02:00 +11 became 01:30 +10:30: 01:30–01:59 local happens twice.
    const lordHowe = timeZone("Australia/Lord_Howe")
    const wall = Date.UTC(2025, 3, 6, 1, 45)
    expect(lordHowe.resolveLocal(wall)).toEqual({
      kind: "ambiguous",
      first: wall - 11 * MS_PER_HOUR,
      second: wall - 10.5 * MS_PER_HOUR,
    })
    expect(lordHowe.instantOfLocal(wall)).toBeNaN()
  })

  it("puts instants around New Year in the local month, also after questions about other years", () => {
    const zone = timeZone("Europe/Stockholm")
    expect(formatMonth(zone.monthOf(Date.UTC(2030, 5, 1)))).toBe("2030-06")
    expect(formatMonth(zone.monthOf(Date.UTC(2025, 11, 31, 22, 59, 59)))).toBe("2025-12")
    expect(formatMonth(zone.monthOf(Date.UTC(2025, 11, 31, 23, 0, 0)))).toBe("2026-01")
    expect(formatMonth(zone.monthOf(Date.UTC(2025, 11, 31, 22, 59, 59, 999)))).toBe("2025-12")
  })
})
