import { Effect } from "effect"
import { describe, expect, it } from "vitest"
import { TIME_FIELD_INDEX, TIME_FIELDS } from "../domain/time-fields.js"
import { skaneGeography } from "../geography/skane.js"
import { testGeography } from "../testing/index.js"
import { timeZone } from "../time/zone.js"
import { generateSample, type Sample, type SampleOptions } from "./generate-sample.js"
import { SAMPLE_MISSION_COLUMNS, SAMPLE_RATES, SAMPLE_RESCUE_CASE_COLUMNS } from "./sample-config.js"
import {
  readMissionRows,
  resolveRow,
  rowsByCase,
  type SampleMissionRow,
  wallOf,
} from "./test-support/read-sample.js"

const zone = timeZone("Europe/Stockholm")
const I = TIME_FIELD_INDEX

const sampleOf = (options: SampleOptions): Sample => Effect.runSync(generateSample(options))

const OPTIONS = { missions: 40_000, seed: 17, from: "2024-01", to: "2025-12" } as const
const sample = sampleOf(OPTIONS)
const lines = [...sample.missionLines]
const rescueLines = [...sample.rescueCaseLines]
const stats = sample.stats()
const rows = readMissionRows(lines)
const rejectedLineNumbers = new Set(sample.rejectedLines.map((r) => r.line))
const accepted = rows.filter((r) => !rejectedLineNumbers.has(r.line))
const cases = rowsByCase(accepted)

const regionCodes = new Set(skaneGeography.municipalities.map((m) => m.code))
const stationDistrict = new Map(skaneGeography.stations.map((s) => [s.name, s.district] as const))
const municipalityDistrict = new Map(skaneGeography.municipalities.map((m) => [m.code, m.district] as const))

const share = (part: number, whole: number): number => part / whole

describe("generateSample: options", () => {
  const failure = (options: SampleOptions) => Effect.runSync(Effect.flip(generateSample(options)))

  it("refuses a number of missions that is not a positive whole number", () => {
    expect(failure({ ...OPTIONS, missions: 0 }).option).toBe("missions")
    expect(failure({ ...OPTIONS, missions: 2.5 }).message).toContain("whole number")
  })

  it("refuses a seed that is not a whole number", () => {
    expect(failure({ ...OPTIONS, seed: 0.5 }).option).toBe("seed")
  })

  it("refuses months that are not YYYY-MM or run backwards", () => {
    expect(failure({ ...OPTIONS, from: "2024-13" }).message).toBe(
      'from must be a month written YYYY-MM, not "2024-13"',
    )
    expect(failure({ ...OPTIONS, to: "2023-12" }).message).toContain("comes before the first month 2024-01")
  })
})

describe("generateSample: determinism", () => {
  const small = { missions: 3000, seed: 99, from: "2025-01", to: "2025-06" } as const

  it("gives identical lines for the same seed, also when iterated again", () => {
    const first = sampleOf(small)
    const again = [...first.missionLines]
    expect([...first.missionLines]).toEqual(again)
    expect([...sampleOf(small).missionLines]).toEqual(again)
    expect([...sampleOf(small).rescueCaseLines]).toEqual([...first.rescueCaseLines])
  })

  it("gives different lines for a different seed", () => {
    const a = [...sampleOf(small).missionLines]
    const b = [...sampleOf({ ...small, seed: 100 }).missionLines]
    expect(b[0]).toBe(a[0])
    expect(b.slice(1)).not.toEqual(a.slice(1))
  })

  it("restarts its counts on each iteration instead of adding up", () => {
    const again = sampleOf(small)
    ;[...again.missionLines]
    const once = again.stats().missionRows
    ;[...again.missionLines]
    expect(again.stats().missionRows).toBe(once)
    expect(once).toBe(3000)
  })
})

describe("generateSample: layout", () => {
  it("writes the Swedish headers and exactly the asked number of rows", () => {
    expect(lines[0]).toBe(SAMPLE_MISSION_COLUMNS.join(";"))
    expect(rescueLines[0]).toBe(SAMPLE_RESCUE_CASE_COLUMNS.join(";"))
    expect(lines).toHaveLength(OPTIONS.missions + 1)
    expect(stats.missionRows).toBe(OPTIONS.missions)
    expect(rescueLines).toHaveLength(stats.rescueCaseRows + 1)
  })

  it("gives every row 14 fields and every timestamp of an accepted row the naive local form", () => {
    expect(lines.filter((line) => line.split(";").length !== 14)).toEqual([])
    const malformed = accepted.filter(
      (row) => row.texts[I.dispatchedAt] === "" || row.texts.some((t) => t !== "" && wallOf(t) === undefined),
    )
    expect(malformed).toEqual([])
  })

  it("covers the months asked for and no others, in call order", () => {
    const months = new Set(accepted.map((r) => r.texts[I.dispatchedAt]!.slice(0, 7)))
    expect(months.size).toBe(24)
    expect([...months].sort()[0]).toBe("2024-01")
    const calls = accepted.map((r) => r.texts[I.callAnsweredAt]!).filter((t) => t !== "")
    const outOfOrder = calls.filter(
      (t, i) =>
        i > 0 && t < calls[i - 1]! && !t.startsWith("2024-10-27 02") && !t.startsWith("2025-10-26 02"),
    )
    expect(outOfOrder).toEqual([])
  })
})

describe("generateSample: realism", () => {
  const casePriority = (missions: ReadonlyArray<SampleMissionRow>) => missions[0]!.priority
  const allCases = rowsByCase(rows)

  it("shares cases between priorities about 45/40/15", () => {
    // About 38 000 cases: a share's standard error is below 0.3 %, so ±1.5 % is over 5 σ.
    const total = stats.cases
    SAMPLE_RATES.priorityShares.forEach((expected, i) => {
      expect(Math.abs(share(stats.casesByPriority[i]!, total) - expected)).toBeLessThan(0.015)
    })
    const prio1FromFile = [...allCases.values()].filter(
      (m) => casePriority(m) === "1" || casePriority(m) === "4",
    )
    expect(Math.abs(prio1FromFile.length - stats.casesByPriority[0]) / stats.casesByPriority[0]).toBeLessThan(
      0.01,
    )
  })

  it("gives about 8 % of prio-1 cases several resources, and no other case more than one", () => {
    const multi = [...allCases.values()].filter((m) => m.length > 1)
    expect(multi.length).toBe(stats.multiMissionCases)
    expect(multi.every((m) => m.every((r) => r.priority === "1" || r.priority === "4"))).toBe(true)
    expect(
      Math.abs(share(multi.length, stats.casesByPriority[0]) - SAMPLE_RATES.multiResourcePrio1Case),
    ).toBeLessThan(0.012)
    expect(Math.max(...multi.map((m) => m.length))).toBe(3)
  })

  it("dispatches the further resources of a case a few minutes after the first", () => {
    for (const missions of cases.values()) {
      if (missions.length < 2) continue
      const dispatches = missions.map((m) => resolveRow(zone, m.texts)[I.dispatchedAt]!)
      for (let k = 1; k < dispatches.length; k++) {
        const gap = (dispatches[k]! - dispatches[k - 1]!) / 1000
        expect(gap).toBeGreaterThanOrEqual(60)
        expect(gap).toBeLessThanOrEqual(300)
      }
    }
  })

  it("re-prioritises about 5 % of cases", () => {
    const reprioritised = [...cases.values()].filter((m) => m[0]!.initialPriority !== m[0]!.priority)
    expect(Math.abs(share(reprioritised.length, cases.size) - SAMPLE_RATES.reprioritisedCase)).toBeLessThan(
      0.008,
    )
  })

  it("has about 1.5 % out-of-region callers, served by the region's stations", () => {
    const outside = [...cases.values()].filter((m) => !regionCodes.has(m[0]!.municipality))
    expect(outside.length).toBeGreaterThan(0)
    expect(Math.abs(share(outside.length, cases.size) - SAMPLE_RATES.outOfRegionCase)).toBeLessThan(0.004)
    expect(outside.flat().every((r) => stationDistrict.has(r.station))).toBe(true)
    expect(stats.outOfRegionCases).toBe(rowsCount(allCases, (m) => !regionCodes.has(m[0]!.municipality)))
  })

  it("sends about 1 % of regional callers' missions to external resources, mostly near the border", () => {
    const regional = rows.filter((r) => regionCodes.has(r.municipality))
    const external = regional.filter((r) => !stationDistrict.has(r.station))
    expect(external.length).toBe(stats.externalResourceMissions)
    expect(Math.abs(share(external.length, regional.length) - SAMPLE_RATES.externalResource)).toBeLessThan(
      0.004,
    )
    // Växjö is never the nearest of the three to a Skåne municipality, so only two appear.
    expect(new Set(external.map((r) => r.station))).toEqual(new Set(["Halmstad", "Olofström"]))
    expect(external.filter((r) => r.municipality === "1280")).toEqual([]) // Malmö is 60+ km from all three
  })

  it("dispatches 10–16 % of regional callers' missions across district borders", () => {
    const regional = rows.filter((r) => regionCodes.has(r.municipality) && stationDistrict.has(r.station))
    const borderless = regional.filter(
      (r) => stationDistrict.get(r.station) !== municipalityDistrict.get(r.municipality),
    )
    expect(borderless.length).toBe(stats.borderlessMissions)
    expect(share(borderless.length, regional.length + stats.externalResourceMissions)).toBeGreaterThan(0.1)
    expect(share(borderless.length, regional.length + stats.externalResourceMissions)).toBeLessThan(0.16)
  })

  it("spreads callers over the municipalities about as the population", () => {
    // Malmö has 357 377 of Skåne's 1 414 324 inhabitants: 25.3 %.
    const regional = [...cases.values()].filter((m) => regionCodes.has(m[0]!.municipality))
    const malmo = regional.filter((m) => m[0]!.municipality === "1280")
    expect(Math.abs(share(malmo.length, regional.length) - 357_377 / 1_414_324)).toBeLessThan(0.01)
  })

  it("gets 85–92 % of prio-1 cases of regional callers to the scene within 20 minutes of the first dispatch", () => {
    const intervals = prio1Intervals(cases)
    const within = intervals.filter((i) => i.seconds <= 1200).length
    expect(share(within, intervals.length)).toBeGreaterThan(0.85)
    expect(share(within, intervals.length)).toBeLessThan(0.92)
  })

  it("reaches callers in Malmö faster than in rural Osby, Östra Göinge and Tomelilla", () => {
    const intervals = prio1Intervals(cases)
    const median = (codes: ReadonlyArray<string>) => {
      const values = intervals.filter((i) => codes.includes(i.municipality)).map((i) => i.seconds)
      return values.sort((a, b) => a - b)[Math.floor(values.length / 2)]!
    }
    expect(median(["1280"])).toBeLessThan(median(["1273", "1256", "1270"]))
  })

  it("mostly starts prio-1 missions within 30–120 s of the dispatch", () => {
    const starts = accepted
      .filter((r) => r.priority === "1")
      .map((r) => resolveRow(zone, r.texts))
      .map((t) => (t[I.enRouteAt]! - t[I.dispatchedAt]!) / 1000)
      .filter((s) => s >= 0)
    expect(share(starts.filter((s) => s >= 30 && s <= 120).length, starts.length)).toBeGreaterThan(0.85)
  })
})

describe("generateSample: defects", () => {
  it("plans one rejected row of each kind per 8 000 missions", () => {
    // 40 000 / 8 000 = 5 of each kind.
    expect(stats.rejected).toEqual({ "duplicate-id": 5, "unknown-priority": 5, "invalid-format": 5 })
    expect(sample.rejectedLines).toHaveLength(15)
  })

  it("puts each rejected defect exactly on its announced line and nowhere else", () => {
    const seen = new Set<string>()
    const found: Array<{ line: number; reason: string; field: string }> = []
    for (const row of rows) {
      if (seen.has(row.missionId)) found.push({ line: row.line, reason: "duplicate-id", field: "mission_id" })
      seen.add(row.missionId)
      if (!["1", "2", "3"].includes(row.priority))
        found.push({ line: row.line, reason: "unknown-priority", field: "priority" })
      if (wallOf(row.texts[I.dispatchedAt]!) === undefined) {
        found.push({ line: row.line, reason: "invalid-format", field: "dispatched_at" })
      }
    }
    expect(found).toEqual(sample.rejectedLines)
  })

  it("leaves about 1 % of each optional timestamp empty, counted exactly", () => {
    for (const field of TIME_FIELDS) {
      const empty = accepted.filter((r) => r.texts[I[field]] === "").length
      expect(empty).toBe(stats.missingTimestamps[field])
      if (field !== "dispatchedAt")
        expect(Math.abs(share(empty, accepted.length) - SAMPLE_RATES.missingTimestamp)).toBeLessThan(0.003)
    }
  })

  it("puts about 0.2 % of rows out of order, each kind counted exactly", () => {
    const resolved = accepted.map((r) => resolveRow(zone, r.texts))
    const reversed = (late: number, early: number) => resolved.filter((t) => t[late]! < t[early]!).length
    expect(reversed(I.arrivedSceneAt, I.dispatchedAt)).toBe(stats.implausibleOrder.arrivedBeforeDispatch)
    expect(reversed(I.enRouteAt, I.dispatchedAt)).toBe(stats.implausibleOrder.enRouteBeforeDispatch)
    expect(reversed(I.clearedAt, I.arrivedDestinationAt)).toBe(
      stats.implausibleOrder.clearedBeforeArrivedDestination,
    )
    const total = Object.values(stats.implausibleOrder).reduce((s, n) => s + n, 0)
    expect(Math.abs(share(total, accepted.length) - SAMPLE_RATES.implausibleOrder)).toBeLessThan(0.001)
  })

  it("counts exactly the local times of accepted rows that fall in the autumn hour", () => {
    const ambiguous = accepted
      .flatMap((r) => r.texts)
      .filter((text) => text !== "" && zone.resolveLocal(wallOf(text)!).kind === "ambiguous").length
    expect(ambiguous).toBeGreaterThan(0)
    expect(ambiguous).toBe(stats.ambiguousTimestamps)
  })

  it("injects nothing when defects are off", () => {
    const clean = sampleOf({ ...OPTIONS, missions: 5000, defects: false })
    const cleanRows = readMissionRows([...clean.missionLines])
    expect(clean.rejectedLines).toEqual([])
    expect(cleanRows.filter((r) => r.texts.includes("")).length).toBe(0)
    expect(Object.values(clean.stats().implausibleOrder)).toEqual([0, 0, 0])
  })
})

describe("generateSample: rescue cases", () => {
  const rescueRows = rescueLines.slice(1).map((line) => line.split(";"))
  const norm = (text: string) => text.trim().toLocaleLowerCase("sv")

  it("has about a quarter as many rows as prio-1 cases of regional callers", () => {
    const prio1Regional = [...cases.values()].filter(
      (m) => m[0]!.priority === "1" && regionCodes.has(m[0]!.municipality),
    )
    expect(
      Math.abs(rescueRows.length / prio1Regional.length - SAMPLE_RATES.rescueCasesPerPrio1Case),
    ).toBeLessThan(0.02)
  })

  it("counts the confirmed cases of regional callers per kind as slide 14 matches them", () => {
    const confirmedRegional = rescueRows.filter((r) => r[6] === "ja" && regionCodes.has(r[1]!))
    const cardiac = confirmedRegional.filter(
      (r) =>
        norm(r[3]!) === "sjukvårdslarm" &&
        norm(r[4]!) === "första hjälpenlarm" &&
        norm(r[5]!) === "hjärtstopp",
    )
    const ivpa = confirmedRegional.filter((r) => norm(r[3]!) === "sjukvårdslarm" && norm(r[4]!) === "ivpa")
    const assistance = confirmedRegional.filter((r) => norm(r[3]!) === "ambulansassistans")
    expect(cardiac.length).toBe(stats.confirmedRegionalRescueCasesByKind.cardiacArrest)
    expect(ivpa.length).toBe(stats.confirmedRegionalRescueCasesByKind.ivpa)
    expect(assistance.length).toBe(stats.confirmedRegionalRescueCasesByKind.ambulanceAssistance)
    expect(stats.rescueIndexVariants).toBeGreaterThan(0)
  })

  it("mostly confirms a rescue resource and has a few out-of-region callers", () => {
    const confirmed = rescueRows.filter((r) => r[6] === "ja").length
    expect(Math.abs(share(confirmed, rescueRows.length) - SAMPLE_RATES.rescueResourceConfirmed)).toBeLessThan(
      0.02,
    )
    expect(rescueRows.filter((r) => !regionCodes.has(r[1]!)).length).toBe(stats.outOfRegionRescueCases)
  })
})

describe("generateSample: another geography", () => {
  it("uses the given geography's stations and municipalities, even without coordinates", () => {
    const other = sampleOf({
      missions: 2000,
      seed: 3,
      from: "2025-01",
      to: "2025-03",
      geography: testGeography,
    })
    const otherRows = readMissionRows([...other.missionLines])
    const stations = new Set(testGeography.stations.map((s) => s.name))
    const codes = new Set(testGeography.municipalities.map((m) => m.code))
    const regional = otherRows.filter((r) => codes.has(r.municipality))
    expect(regional.length).toBeGreaterThan(1900)
    expect(regional.filter((r) => stations.has(r.station)).length).toBeGreaterThan(0.95 * regional.length)
  })
})

interface CaseInterval {
  readonly municipality: string
  readonly seconds: number
}

/** First arrival − first dispatch of prio-1 cases of regional callers, where both exist and are in order. */
const prio1Intervals = (
  byCase: ReadonlyMap<string, ReadonlyArray<SampleMissionRow>>,
): ReadonlyArray<CaseInterval> => {
  const intervals: Array<CaseInterval> = []
  for (const missions of byCase.values()) {
    const first = missions[0]!
    if (first.priority !== "1" || !regionCodes.has(first.municipality)) continue
    const times = missions.map((m) => resolveRow(zone, m.texts))
    const dispatch = Math.min(...times.map((t) => t[I.dispatchedAt]!))
    const arrivals = times.map((t) => t[I.arrivedSceneAt]!).filter((t) => !Number.isNaN(t))
    if (arrivals.length === 0) continue
    const seconds = (Math.min(...arrivals) - dispatch) / 1000
    if (seconds >= 0) intervals.push({ municipality: first.municipality, seconds })
  }
  return intervals
}

const rowsCount = (
  byCase: ReadonlyMap<string, ReadonlyArray<SampleMissionRow>>,
  predicate: (missions: ReadonlyArray<SampleMissionRow>) => boolean,
): number => [...byCase.values()].filter(predicate).length
