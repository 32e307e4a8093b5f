import { Effect } from "effect"
import fc from "fast-check"
import { describe, expect, it } from "vitest"
import type { DataSet } from "../../dataset/data-set.js"
import type { Priority } from "../../domain/priority.js"
import type { TableBlock } from "../../model/report-model.js"
import { buildTestDataSet, type FixtureMission } from "../../testing/index.js"
import { inPeriod, monthIndex, type Period } from "../../time/month.js"
import type { MetricRun } from "../metric.js"
import { packGroups, type StartIntervalResult, startInterval } from "./start-interval.js"

const Q1_2025: Period = { from: monthIndex(2025, 1), to: monthIndex(2025, 3) }

const run = (dataset: DataSet, params: unknown = {}): MetricRun =>
  Effect.runSync(startInterval.run({ dataset, period: Q1_2025, previousPeriod: null }, params))

const resultOf = (r: MetricRun) => r.output.result as StartIntervalResult

const mission = (
  id: string,
  station: string,
  dispatchedAt: string,
  enRouteAt: string | undefined,
  extra: Partial<FixtureMission> = {},
): FixtureMission => ({
  id,
  case: `C-${id}`,
  station,
  priority: 1,
  initialPriority: 1,
  municipality: "1280",
  dispatchedAt,
  ...(enRouteAt === undefined ? {} : { enRouteAt }),
  ...extra,
})

const missions: FixtureMission[] = [
  // The worked example: M1 (Malmö) 10:01:30 → 10:02:45 = 75 s, within; M2 (Lund) 10:04:00 → 10:05:40 = 100 s, not.
  mission("M1", "Malmö", "2025-01-15 10:01:30", "2025-01-15 10:02:45", { case: "C1" }),
  mission("M2", "Lund", "2025-01-15 10:04:00", "2025-01-15 10:05:40", { case: "C1" }),
  // exactly 90 s: within (<=); 91 s: not
  mission("A", "Malmö", "2025-02-01 12:00:00", "2025-02-01 12:01:30"),
  mission("B", "Malmö", "2025-02-01 13:00:00", "2025-02-01 13:01:31"),
  // upgraded from 2 and downgraded to 2: neither was prio 1 from the start and still
  mission("C", "Trelleborg", "2025-02-01 12:00", "2025-02-01 12:01", { initialPriority: 2 }),
  mission("D", "Trelleborg", "2025-02-01 12:00", "2025-02-01 12:01", { priority: 2 }),
  // out-of-region caller served by Helsingborg: counted; 30 s, within
  mission("E", "Helsingborg", "2025-03-01 12:00:00", "2025-03-01 12:00:30", { municipality: "0180" }),
  // external resource: outside the population
  mission("F", "Ystad", "2025-03-01 12:00:00", "2025-03-01 12:00:30"),
  // Eslöv: no en-route time, and en route before dispatch: both left out
  mission("G", "Eslöv", "2025-03-01 12:00", undefined),
  mission("H", "Eslöv", "2025-03-01 12:00:00", "2025-03-01 11:59:59"),
  // zero seconds is a usable interval: within
  mission("I", "Kristianstad", "2025-03-02 12:00:00", "2025-03-02 12:00:00"),
  // outside the period in local time (22:01 UTC on 31 March)
  mission("J", "Malmö", "2025-04-01 00:01", "2025-04-01 00:02"),
]

const dataset = buildTestDataSet({ missions })

describe("start-interval compute", () => {
  it("counts prio-1-from-the-start missions within 90 s per station, district and region", () => {
    const r = run(dataset)
    const result = resultOf(r)

    // Malmö: M1 (75 s), A (90 s) within, B (91 s) not: 3 missions, 2 within.
    // Lund: M2 (100 s): 1, 0. Helsingborg: E: 1, 1. Kristianstad: I (0 s): 1, 1.
    // Trelleborg: C, D not prio 1 from the start. Eslöv: G, H left out.
    expect(result.stations.map((s) => [s.name, s.district.id, s.missions, s.within, s.share])).toEqual([
      ["Malmö", "1", 3, 2, 2 / 3],
      ["Trelleborg", "1", 0, 0, null],
      ["Lund", "2", 1, 0, 0],
      ["Eslöv", "2", 0, 0, null],
      ["Helsingborg", "3", 1, 1, 1],
      ["Kristianstad", "4", 1, 1, 1],
    ])
    expect(result.districts.map((d) => [d.id, d.name, d.missions, d.within, d.share])).toEqual([
      ["1", "Sydväst", 3, 2, 2 / 3],
      ["2", "Mellersta", 1, 0, 0],
      ["3", "Nordväst", 1, 1, 1],
      ["4", "Nordost", 1, 1, 1],
    ])
    // 6 missions, 4 within
    expect(result.wholeRegion).toEqual({ missions: 6, within: 4, share: 4 / 6 })
    expect(r.output.quality).toEqual({
      unit: "missions",
      considered: 8,
      used: 6,
      leftOut: [
        { reason: "missing-en-route-at", count: 1 },
        { reason: "negative-interval", count: 1 },
      ],
      ambiguousLocalTimes: 0,
    })
  })

  it("flags used missions that rest on an ambiguous dispatch or en-route time", () => {
    const base = buildTestDataSet({ missions: missions.slice(0, 3) }) // M1, M2, A: all used
    // M1: en route ambiguous (bit 2) → flagged; M2: arrival only (bit 3) → not; A: dispatch (bit 1) → flagged
    const ambiguousMask = Uint8Array.from([0b100, 0b1000, 0b10])
    const data: DataSet = { ...base, missions: { ...base.missions, ambiguousMask } }
    expect(run(data).output.quality).toMatchObject({ used: 3, ambiguousLocalTimes: 2 })
  })

  it("follows the threshold parameter", () => {
    // At 100 s, M2 and B (91 s) are within too: Malmö 3 of 3, Lund 1 of 1.
    const result = resultOf(run(dataset, { thresholdSeconds: 100 }))
    expect(result.wholeRegion).toEqual({ missions: 6, within: 6, share: 1 })
  })
})

describe("packGroups", () => {
  it("keeps groups whole and fills each slide as far as it goes", () => {
    expect(packGroups([4, 4, 3, 4], 20)).toEqual([[0, 1, 2, 3]])
    expect(packGroups([4, 4, 3, 4], 8)).toEqual([
      [0, 1],
      [2, 3],
    ])
    // a group longer than the limit gets a slide of its own
    expect(packGroups([3, 12, 3], 10)).toEqual([[0], [1], [2]])
    expect(packGroups([], 10)).toEqual([[]])
  })
})

describe("start-interval slides", () => {
  const tableOf = (slide: { blocks: ReadonlyArray<{ kind: string }> }) =>
    slide.blocks.find((b): b is TableBlock => b.kind === "table")!

  it("groups stations under their ambulance district with subtotals and the region last", () => {
    const slides = run(dataset).present("default", { language: "sv" })
    expect(slides.map((s) => [s.id, s.title])).toEqual([
      ["start-interval", "Antal med startintervall inom mål per station och ambulansdistrikt"],
    ])
    const table = tableOf(slides[0]!)
    expect(table.id).toBe("start-interval-table")
    expect(table.columns.map((c) => c.label)).toEqual(["Station", "Uppdrag", "Inom 90 s", "Andel"])
    expect(table.rows.map((r) => [r.kind, ...r.cells.map((c) => c.value)])).toEqual([
      ["group-heading", "Ambulansdistrikt 1 Sydväst", "", "", ""],
      ["body", "Malmö", 3, 2, 2 / 3],
      ["body", "Trelleborg", 0, 0, null],
      ["subtotal", "Totalt 1 Sydväst", 3, 2, 2 / 3],
      ["group-heading", "Ambulansdistrikt 2 Mellersta", "", "", ""],
      ["body", "Lund", 1, 0, 0],
      ["body", "Eslöv", 0, 0, null],
      ["subtotal", "Totalt 2 Mellersta", 1, 0, 0],
      ["group-heading", "Ambulansdistrikt 3 Nordväst", "", "", ""],
      ["body", "Helsingborg", 1, 1, 1],
      ["subtotal", "Totalt 3 Nordväst", 1, 1, 1],
      ["group-heading", "Ambulansdistrikt 4 Nordost", "", "", ""],
      ["body", "Kristianstad", 1, 1, 1],
      ["subtotal", "Totalt 4 Nordost", 1, 1, 1],
      ["total", "Hela Test", 6, 4, 4 / 6],
    ])
    const emphasised = table.rows.filter((r) => r.cells.every((c) => c.emphasis?.includes("total")))
    expect(emphasised.map((r) => r.kind)).toEqual(["subtotal", "subtotal", "subtotal", "subtotal", "total"])
    expect(table.rows[2]!.cells[3]!.text).toBe("–")
  })

  it("moves whole districts to a second slide when the table is too long, the total on the last", () => {
    // Rows per district: 4, 4, 3 and 3 + the total = 4; at most 8 a slide: d1 + d2, then d3 + d4 + total.
    const slides = run(dataset, { maxRowsPerSlide: 8 }).present("default", { language: "en" })
    expect(slides.map((s) => s.id)).toEqual(["start-interval-1", "start-interval-2"])
    expect(
      slides.every(
        (s) => s.title === "Number with start interval within target per station and ambulance district",
      ),
    ).toBe(true)
    const tables = slides.map(tableOf)
    expect(tables.map((t) => t.id)).toEqual(["start-interval-1-table", "start-interval-2-table"])
    expect(tables.map((t) => t.rows.map((r) => r.cells[0]!.value))).toEqual([
      [
        "Ambulance district 1 Sydväst",
        "Malmö",
        "Trelleborg",
        "Total 1 Sydväst",
        "Ambulance district 2 Mellersta",
        "Lund",
        "Eslöv",
        "Total 2 Mellersta",
      ],
      [
        "Ambulance district 3 Nordväst",
        "Helsingborg",
        "Total 3 Nordväst",
        "Ambulance district 4 Nordost",
        "Kristianstad",
        "Total 4 Nordost",
        "All of Test",
      ],
    ])
    expect(tables[1]!.columns.map((c) => c.label)).toEqual(["Station", "Missions", "Within 90 s", "Share"])
    expect(tables[0]!.caption).toContain("(1 of 2)")
  })
})

const STATIONS = ["Malmö", "Trelleborg", "Lund", "Eslöv", "Helsingborg", "Kristianstad", "Ystad"]

describe("start-interval properties", () => {
  it("stations add up to districts, districts to the region, shares lie in [0, 1], every row shown once", () => {
    const arbitrary = fc.array(
      fc.record({
        station: fc.constantFrom(...STATIONS),
        priority: fc.constantFrom<Priority>(1, 2, 3),
        initialPriority: fc.constantFrom<Priority>(1, 2, 3),
        dispatchMinute: fc.integer({ min: 0, max: 130 * 1440 }),
        startOffset: fc.option(fc.integer({ min: -30, max: 200 })),
      }),
      { maxLength: 60 },
    )
    fc.assert(
      fc.property(arbitrary, fc.integer({ min: 4, max: 20 }), (raw, maxRowsPerSlide) => {
        const base = Date.UTC(2024, 11, 15)
        const iso = (ms: number) => new Date(ms).toISOString()
        const data = buildTestDataSet({
          missions: raw.map((m, i) => {
            const dispatched = base + m.dispatchMinute * 60_000
            return mission(
              `R${i}`,
              m.station,
              iso(dispatched),
              m.startOffset === null ? undefined : iso(dispatched + m.startOffset * 1000),
              { priority: m.priority, initialPriority: m.initialPriority },
            )
          }),
        })
        const r = run(data, { maxRowsPerSlide })
        const result = resultOf(r)

        for (const c of [...result.stations, ...result.districts, result.wholeRegion]) {
          expect(c.within).toBeLessThanOrEqual(c.missions)
          if (c.share === null) expect(c.missions).toBe(0)
          else {
            expect(c.share).toBeGreaterThanOrEqual(0)
            expect(c.share).toBeLessThanOrEqual(1)
          }
        }
        for (const d of result.districts) {
          const own = result.stations.filter((s) => s.district.id === d.id)
          expect(own.reduce((a, s) => a + s.missions, 0)).toBe(d.missions)
          expect(own.reduce((a, s) => a + s.within, 0)).toBe(d.within)
        }
        expect(result.districts.reduce((a, d) => a + d.missions, 0)).toBe(result.wholeRegion.missions)
        expect(result.districts.reduce((a, d) => a + d.within, 0)).toBe(result.wholeRegion.within)

        let population = 0
        for (let i = 0; i < data.missions.count; i++) {
          const m = data.missions
          if (
            m.stationRef[i]! >= 0 &&
            m.priority[i] === 1 &&
            m.initialPriority[i] === 1 &&
            inPeriod(Q1_2025, m.month[i]!)
          )
            population++
        }
        const q = r.output.quality
        expect(q.considered).toBe(population)
        expect(q.considered).toBe(q.used + q.leftOut.reduce((a, l) => a + l.count, 0))
        expect(q.used).toBe(result.wholeRegion.missions)

        // Every station once over all slides, one total row, on the last slide.
        const slides = r.present("default", { language: "sv" })
        const rows = slides.flatMap((s) => s.blocks.flatMap((b) => (b.kind === "table" ? b.rows : [])))
        expect(rows.filter((row) => row.kind === "body").map((row) => row.cells[0]!.value)).toEqual(
          result.stations.map((s) => s.name),
        )
        expect(rows.filter((row) => row.kind === "total")).toHaveLength(1)
        expect(rows.at(-1)!.kind).toBe("total")
      }),
    )
  })
})
