import { Effect } from "effect"
import fc from "fast-check"
import { describe, expect, it } from "vitest"
import type { Priority } from "../../domain/priority.js"
import type { TableBlock } from "../../model/report-model.js"
import { buildTestDataSet, type FixtureMission } from "../../testing/index.js"
import { monthIndex } from "../../time/month.js"
import type { MetricInput } from "../metric.js"
import { median } from "../pipeline/statistics.js"
import {
  computeSegmentTimes,
  medianInPlace,
  SEGMENTS,
  type SegmentTimesGroup,
  type SegmentTimesResult,
  segmentTimes,
} from "./segment-times.js"

const year2025 = { from: monthIndex(2025, 1), to: monthIndex(2025, 12) }

const inputOf = (missions: ReadonlyArray<FixtureMission>): MetricInput => ({
  dataset: buildTestDataSet({ missions }),
  period: year2025,
  previousPeriod: null,
})

const BASE = Date.parse("2025-05-01T08:00:00Z")
const at = (seconds: number): string => new Date(BASE + seconds * 1000).toISOString()

/**
 * A prio-1 mission whose timestamps are offsets in seconds from BASE, in field
 * order: answered, dispatched, en route, arrived, left, at destination, cleared.
 * `null` leaves a timestamp out.
 */
const timed = (
  id: string,
  municipality: string,
  offsets: ReadonlyArray<number | null>,
  priority: Priority = 1,
): FixtureMission => {
  const [answered, dispatched, enRoute, arrived, left, destination, cleared] = offsets
  const optional = (key: string, value: number | null | undefined) =>
    value === null || value === undefined ? {} : { [key]: at(value) }
  return {
    id,
    case: `C-${id}`,
    station: "Malmö",
    municipality,
    priority,
    dispatchedAt: at(dispatched ?? 0),
    ...optional("callAnsweredAt", answered),
    ...optional("enRouteAt", enRoute),
    ...optional("arrivedSceneAt", arrived),
    ...optional("leftSceneAt", left),
    ...optional("arrivedDestinationAt", destination),
    ...optional("clearedAt", cleared),
  }
}

/** Every segment's value in the order of SEGMENTS, for a mission with all timestamps. */
const medians = (group: SegmentTimesGroup) => group.segments.map((s) => s.medianSeconds)
const counts = (group: SegmentTimesGroup) => group.segments.map((s) => s.n)

const municipality = (result: SegmentTimesResult, name: string) => {
  const found = result.municipalities.find((m) => m.name === name)
  if (found === undefined) throw new Error(`no row ${name}`)
  return found
}

describe("segment-times compute", () => {
  it("computes the worked example's segments for Malmö, each with its own count", () => {
    const input = inputOf([
      {
        id: "M1",
        case: "C1",
        station: "Malmö",
        priority: 1,
        municipality: "1280",
        callAnsweredAt: "2025-05-01 10:00:00",
        dispatchedAt: "2025-05-01 10:01:30",
        enRouteAt: "2025-05-01 10:02:45",
        arrivedSceneAt: "2025-05-01 10:21:30",
      },
      {
        id: "M2",
        case: "C1",
        station: "Lund",
        priority: 1,
        municipality: "1280",
        callAnsweredAt: "2025-05-01 10:00:00",
        dispatchedAt: "2025-05-01 10:04:00",
        enRouteAt: "2025-05-01 10:05:40",
        arrivedSceneAt: "2025-05-01 10:19:10",
      },
    ])
    const { result, quality } = computeSegmentTimes(input)
    const malmo = municipality(result, "Malmö")

    // answered->dispatched: 90 and 240 -> 165; start: 75 and 100 -> 87.5;
    // en route->arrived: 18:45 = 1125 and 13:30 = 810 -> 967.5;
    // response: 20:00 = 1200 and 15:10 = 910 -> 1055; the rest have no timestamps.
    expect(medians(malmo)).toEqual([165, 87.5, 967.5, 1055, null, null, null, null])
    expect(counts(malmo)).toEqual([2, 2, 2, 2, 0, 0, 0, 0])
    expect(malmo.missions).toBe(2)

    // Neither mission has all eight parts: both are left out at their first
    // unusable part, arrived -> left scene.
    expect(quality).toEqual({
      unit: "missions",
      considered: 2,
      used: 0,
      leftOut: [{ reason: "missing-left-scene-at", count: 2 }],
      ambiguousLocalTimes: 0,
    })
    expect(result.segmentQuality.map((q) => [q.segment, q.used, q.leftOut])).toEqual([
      ["answered-to-dispatched", 2, []],
      ["dispatched-to-en-route", 2, []],
      ["en-route-to-arrived-scene", 2, []],
      ["dispatched-to-arrived-scene", 2, []],
      ["arrived-scene-to-left-scene", 0, [{ reason: "missing-left-scene-at", count: 2 }]],
      ["left-scene-to-arrived-destination", 0, [{ reason: "missing-left-scene-at", count: 2 }]],
      ["arrived-destination-to-cleared", 0, [{ reason: "missing-arrived-destination-at", count: 2 }]],
      ["dispatched-to-cleared", 0, [{ reason: "missing-cleared-at", count: 2 }]],
    ])
  })

  it("takes a district's median over all its missions, not the median of its municipalities' medians", () => {
    // Only the answered->dispatched part varies: Vellinge 100; Malmö 200, 300, 400.
    const full = (id: string, code: string, answeredBefore: number) =>
      timed(id, code, [-answeredBefore, 0, 60, 600, 1200, 2400, 3000])
    const input = inputOf([
      full("V1", "1233", 100),
      full("M1", "1280", 200),
      full("M2", "1280", 300),
      full("M3", "1280", 400),
    ])
    const { result, quality } = computeSegmentTimes(input)

    // District 1: 100, 200, 300, 400 -> (200 + 300) / 2 = 250 (median of medians would be 200).
    const d1 = result.districts[0]!
    expect(d1.id).toBe("1")
    expect(d1.segments[0]).toEqual({ segment: "answered-to-dispatched", medianSeconds: 250, n: 4 })
    // The fixed parts: start 60, drive 540, response 600, on scene 600, transport 1200,
    // hand-over 600, mission 3000.
    expect(medians(d1).slice(1)).toEqual([60, 540, 600, 600, 1200, 600, 3000])
    expect(municipality(result, "Malmö").segments[0]!.medianSeconds).toBe(300)
    expect(medians(result.region)).toEqual(medians(d1))
    expect(quality).toMatchObject({ considered: 4, used: 4, leftOut: [] })
  })

  it("keeps a mission in its usable parts when one part is missing or negative", () => {
    const input = inputOf([
      // no call-answered time: only the first part is unusable
      timed("A", "1281", [null, 0, 60, 600, 900, 1800, 2400]),
      // en route recorded 30 s before dispatch: the start interval is negative,
      // but en route -> arrived (630 s) is usable
      timed("B", "1281", [-50, 0, -30, 600, 900, 1800, 2400]),
    ])
    const { result, quality } = computeSegmentTimes(input)
    const lund = municipality(result, "Lund")

    expect(counts(lund)).toEqual([1, 1, 2, 2, 2, 2, 2, 2])
    // answered: only B (50); start: only A (60); drive: 540 and 630 -> 585.
    expect(medians(lund).slice(0, 3)).toEqual([50, 60, 585])
    expect(quality.leftOut).toEqual([
      { reason: "missing-call-answered-at", count: 1 },
      { reason: "negative-interval", count: 1 },
    ])
    expect(quality.used).toBe(0)
    expect(result.segmentQuality[1]!.leftOut).toEqual([{ reason: "negative-interval", count: 1 }])
  })

  it("ignores other priorities, out-of-region callers and missions outside the period", () => {
    const full = [0, 10, 20, 30, 40, 50, 60]
    const input = inputOf([
      timed("P2", "1280", full, 2),
      timed("OUT", "0780", full),
      { ...timed("OLD", "1280", full), dispatchedAt: "2024-12-31 23:59" },
      timed("IN", "1280", full),
    ])
    const { result, quality } = computeSegmentTimes(input)

    expect(result.region.missions).toBe(1)
    expect(quality.considered).toBe(1)
    // Every other municipality keeps its row, with no values.
    expect(result.municipalities).toHaveLength(8)
    expect(medians(municipality(result, "Kristianstad"))).toEqual(Array(8).fill(null))
  })
})

describe("segment-times ambiguous local times", () => {
  it("flags used missions with any ambiguous timestamp, as every field is in some segment", () => {
    const full = [-60, 0, 60, 600, 900, 1800, 2400]
    const base = inputOf([timed("A", "1280", full), timed("B", "1280", full), timed("C", "1280", full)])
    // A: cleared ambiguous (bit 6): flagged; B: none; C: call answered (bit 0): flagged
    const ambiguousMask = Uint8Array.from([0b1000000, 0, 0b1])
    const dataset = { ...base.dataset, missions: { ...base.dataset.missions, ambiguousMask } }
    const { quality } = computeSegmentTimes({ ...base, dataset })
    expect(quality).toMatchObject({ used: 3, ambiguousLocalTimes: 2 })
  })
})

describe("medianInPlace", () => {
  it("agrees with the sorting median, also on data full of ties, and keeps the values", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 12 }), { maxLength: 300 }), (values) => {
        const work = Float64Array.from(values)
        expect(medianInPlace(work)).toBe(median(values))
        expect([...work].sort((a, b) => a - b)).toEqual([...values].sort((a, b) => a - b))
      }),
      { numRuns: 300 },
    )
  })

  it("takes the mean of the two middle values of an even count", () => {
    // sorted 60, 75, 100, 1060: (75 + 100) / 2
    expect(medianInPlace(Float64Array.of(1060, 75, 100, 60))).toBe(87.5)
    expect(medianInPlace(Float64Array.of(5, 5, 5, 5))).toBe(5)
    expect(medianInPlace(new Float64Array(0))).toBeNull()
  })
})

describe("segment-times properties", () => {
  const codes = ["1233", "1280", "1287", "1281", "1285", "1283", "1284", "1290", "0780"]
  const arbitraryMission = fc.record({
    code: fc.constantFrom(...codes),
    priority: fc.constantFrom<Priority>(1, 1, 2),
    // offsets may be missing (null) or out of order, to produce unusable parts
    offsets: fc.array(fc.option(fc.integer({ min: -300, max: 4000 }), { nil: null }), {
      minLength: 7,
      maxLength: 7,
    }),
  })

  it("adds up per segment: municipalities to districts to region, used + left out = missions", () => {
    fc.assert(
      fc.property(fc.array(arbitraryMission, { maxLength: 40 }), (rows) => {
        const fixtures = rows.map((r, i) => {
          const offsets = [...r.offsets]
          offsets[1] ??= 0 // dispatched is required
          return timed(`M${i}`, r.code, offsets, r.priority)
        })
        const { result, quality } = computeSegmentTimes(inputOf(fixtures))

        const expectedMissions = rows.filter((r) => r.priority === 1 && r.code !== "0780").length
        expect(result.region.missions).toBe(expectedMissions)
        for (const district of result.districts) {
          const members = result.municipalities.filter((m) => m.districtId === district.id)
          expect(members.reduce((s, m) => s + m.missions, 0)).toBe(district.missions)
          SEGMENTS.forEach((_, k) => {
            expect(members.reduce((s, m) => s + m.segments[k]!.n, 0)).toBe(district.segments[k]!.n)
          })
        }
        SEGMENTS.forEach((_, k) => {
          const sq = result.segmentQuality[k]!
          expect(result.districts.reduce((s, d) => s + d.segments[k]!.n, 0)).toBe(
            result.region.segments[k]!.n,
          )
          expect(sq.used).toBe(result.region.segments[k]!.n)
          expect(sq.used + sq.leftOut.reduce((s, l) => s + l.count, 0)).toBe(expectedMissions)
        })

        // Medians worked out independently: field positions of each segment's ends.
        const ends = [
          [0, 1],
          [1, 2],
          [2, 3],
          [1, 3],
          [3, 4],
          [4, 5],
          [5, 6],
          [1, 6],
        ] as const
        const usable = (keep: (code: string) => boolean, k: number) =>
          fixtures.flatMap((_, i) => {
            const r = rows[i]!
            if (r.priority !== 1 || !keep(r.code)) return []
            const offsets = [...r.offsets]
            offsets[1] ??= 0
            const [from, to] = [offsets[ends[k]![0]], offsets[ends[k]![1]]]
            return from === null || from === undefined || to === null || to === undefined || to < from
              ? []
              : [to - from]
          })
        SEGMENTS.forEach((_, k) => {
          expect(result.region.segments[k]!.medianSeconds).toBe(median(usable((c) => c !== "0780", k)))
          const d2 = result.districts[1]!.segments[k]!.medianSeconds
          expect(d2).toBe(median(usable((c) => c === "1281" || c === "1285", k)))
          const malmo = result.municipalities.find((m) => m.code === "1280")!
          expect(malmo.segments[k]!.medianSeconds).toBe(median(usable((c) => c === "1280", k)))
        })
        expect(quality.considered).toBe(quality.used + quality.leftOut.reduce((s, l) => s + l.count, 0))
        expect(quality.considered).toBe(expectedMissions)
      }),
      { numRuns: 60 },
    )
  })
})

describe("segment-times presenter", () => {
  const input = inputOf([
    timed("A", "1280", [-90, 0, 75, 1200, 1500, 2100, 2700]),
    timed("B", "1280", [-240, 0, 100, 910, 1200, 1800, 2400]),
    timed("C", "1290", [-30, 0, 45, 700, 1000, 1600, 2000]),
  ])

  const present = (params: object, language: "sv" | "en") =>
    Effect.runSync(segmentTimes.run(input, params)).present("default", { language })

  it("splits the districts two per slide with the deck's titles", () => {
    const slides = present({}, "sv")
    expect(slides.map((s) => s.id)).toEqual(["segment-times-1", "segment-times-2"])
    expect(slides.map((s) => s.title)).toEqual([
      "Uppdragstider prio 1 per kommun för kommundistrikt 1 och 2",
      "Uppdragstider prio 1 per kommun för kommundistrikt 3 och 4",
    ])
    const english = present({ districtsPerSlide: 3 }, "en")
    expect(english.map((s) => s.title)).toEqual([
      "Mission times priority 1 per municipality for municipality districts 1, 2 and 3",
      "Mission times priority 1 per municipality for municipality district 4",
    ])
  })

  it("shows the result's medians, a subtotal per district and the region", () => {
    const [first] = present({}, "sv")
    const table = first!.blocks.find((b) => b.kind === "table") as TableBlock
    expect(table.id).toBe("segment-times-1-table")

    // Districts 1 (3 municipalities) and 2 (2): heading + members + subtotal each, then the region.
    expect(table.rows.map((r) => r.kind)).toEqual([
      "group-heading",
      "body",
      "body",
      "body",
      "subtotal",
      "group-heading",
      "body",
      "body",
      "subtotal",
      "total",
    ])
    const malmoRow = table.rows.find((r) => r.cells[0]!.text === "Malmö")!
    // Malmö: answered 90/240 -> 165 (2:45); response 1200/910 -> 1055 (17:35).
    expect(malmoRow.cells[1]!.value).toBe(2)
    // both missions have an answered time, so the median rests on 2
    expect(malmoRow.cells[2]).toEqual({ text: "2:45", value: 165, format: "duration", basis: 2 })
    expect(malmoRow.cells[5]!.text).toBe("17:35")

    const { result } = computeSegmentTimes(input)
    const region = table.rows.at(-1)!
    expect(region.cells[0]!.text).toBe("Hela Test")
    expect(region.cells.slice(2).map((c) => c.value)).toEqual(medians(result.region))
    expect(region.cells.every((c) => c.emphasis?.includes("total"))).toBe(true)
    // Eslöv has no missions: a dash, not a zero.
    const eslov = table.rows.find((r) => r.cells[0]!.text === "Eslöv")!
    expect(eslov.cells[2]!.text).toBe("–")
    expect(first!.notes).toContain("Underlag: 3 uppdrag, 3 använda, 0 utelämnade.")
  })
})
