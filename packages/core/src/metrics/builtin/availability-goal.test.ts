import { Effect } from "effect"
import fc from "fast-check"
import { describe, expect, it } from "vitest"
import type { DataSet } from "../../dataset/data-set.js"
import type { Priority } from "../../domain/priority.js"
import type { ChartBlock, TableBlock } from "../../model/report-model.js"
import { buildTestDataSet, type FixtureMission, testGeography } from "../../testing/index.js"
import { inPeriod, monthIndex, type Period } from "../../time/month.js"
import type { MetricRun } from "../metric.js"
import { type AvailabilityGoalResult, availabilityGoal } from "./availability-goal.js"

const Q1_2025: Period = { from: monthIndex(2025, 1), to: monthIndex(2025, 3) }

const run = (dataset: DataSet, params: unknown = {}): MetricRun =>
  Effect.runSync(availabilityGoal.run({ dataset, period: Q1_2025, previousPeriod: null }, params))

const resultOf = (r: MetricRun) => r.output.result as AvailabilityGoalResult

/** A one-mission prio-1 case dispatched at `dispatchedAt`; `extra` overrides any field. */
const single = (
  caseId: string,
  municipality: string,
  dispatchedAt: string,
  extra: Partial<FixtureMission> = {},
): FixtureMission => ({
  id: `${caseId}-a`,
  case: caseId,
  station: "Malmö",
  priority: 1,
  municipality,
  dispatchedAt,
  ...extra,
})

// Nine March cases in Malmö reached in 10:00 and one in 25:00: exactly 90 % within.
const march = Array.from({ length: 10 }, (_, i) =>
  single(`MAR${i}`, "1280", `2025-03-${String(i + 10).padStart(2, "0")} 12:00`, {
    arrivedSceneAt: `2025-03-${String(i + 10).padStart(2, "0")} 12:${i === 9 ? "25" : "10"}`,
  }),
)

const missions: FixtureMission[] = [
  // January
  // C1, the worked example (Malmö, d1): first dispatch 10:01:30 (M1), first arrival 10:19:10 (M2): 1060 s, within.
  single("C1", "1280", "2025-01-15 10:01:30", { id: "M1", arrivedSceneAt: "2025-01-15 10:21:30" }),
  single("C1", "1280", "2025-01-15 10:04:00", {
    id: "M2",
    station: "Lund",
    arrivedSceneAt: "2025-01-15 10:19:10",
  }),
  // J2 (Vellinge, d1): exactly 20:00 = 1200 s: within (<=).
  single("J2", "1233", "2025-01-20 08:00:00", { arrivedSceneAt: "2025-01-20 08:20:00" }),
  // J3 (Trelleborg, d1): 20:01: not within.
  single("J3", "1287", "2025-01-20 08:00:00", { arrivedSceneAt: "2025-01-20 08:20:01" }),
  // J4 (Lund, d2): the external resource (Ystad) arrives first, 15:00 after the first dispatch: within;
  // the regional lead would have taken 25:00.
  single("J4", "1281", "2025-01-21 09:00", {
    id: "J4-a",
    station: "Lund",
    arrivedSceneAt: "2025-01-21 09:25",
  }),
  single("J4", "1281", "2025-01-21 09:05", {
    id: "J4-b",
    station: "Ystad",
    arrivedSceneAt: "2025-01-21 09:15",
  }),
  // February
  single("F1", "1283", "2025-02-03 10:00", { arrivedSceneAt: "2025-02-03 10:10" }), // d3, within
  single("F2", "1284", "2025-02-03 10:00"), // d3, nobody arrived: left out
  single("F3", "1290", "2025-02-03 10:00", { arrivedSceneAt: "2025-02-03 09:50" }), // d4, negative: left out
  // re-prioritised to 2 (dispatched as 2): case priority 2, outside the population
  single("F4", "1280", "2025-02-03 10:00", {
    priority: 2,
    initialPriority: 1,
    arrivedSceneAt: "2025-02-03 10:05",
  }),
  single("F5", "0180", "2025-02-03 10:00", { arrivedSceneAt: "2025-02-03 10:05" }), // out-of-region caller
  single("F6", "1280", "2025-02-04 10:00", { arrivedSceneAt: "2025-02-04 10:05" }), // d1, within
  // March
  ...march,
  // outside the period in local time
  single("X1", "1280", "2025-04-01 00:05", { arrivedSceneAt: "2025-04-01 00:10" }),
  single("X2", "1280", "2024-12-31 23:55", { arrivedSceneAt: "2025-01-01 00:10" }),
]

const dataset = buildTestDataSet({ missions })

describe("availability-goal compute", () => {
  it("gives the share within 20 minutes per month and district, and for the region and the period", () => {
    const r = run(dataset)
    const result = resultOf(r)
    const row = (s: AvailabilityGoalResult["wholeRegion"]) => [
      ...s.perMonth.map((m) => [m.cases, m.within]),
      [s.period.cases, s.period.within],
    ]

    expect(result.months).toEqual(["2025-01", "2025-02", "2025-03"])
    // d1: Jan C1, J2 within, J3 not (3/2); Feb F6 (1/1); Mar 9 of 10; period 14 cases, 12 within.
    // d2: Jan J4 (1/1). d3: Feb F1 (1/1). d4: F3 left out, nothing used.
    expect(result.districts.map(row)).toEqual([
      [
        [3, 2],
        [1, 1],
        [10, 9],
        [14, 12],
      ],
      [
        [1, 1],
        [0, 0],
        [0, 0],
        [1, 1],
      ],
      [
        [0, 0],
        [1, 1],
        [0, 0],
        [1, 1],
      ],
      [
        [0, 0],
        [0, 0],
        [0, 0],
        [0, 0],
      ],
    ])
    // Region: Jan 4/3, Feb 2/2, Mar 10/9, period 16/14.
    expect(row(result.wholeRegion)).toEqual([
      [4, 3],
      [2, 2],
      [10, 9],
      [16, 14],
    ])

    // 3/4 = 0.75 misses; 2/2 meets; 9/10 = 0.9 is exactly the goal: meets; 14/16 = 0.875 misses.
    expect(result.wholeRegion.perMonth.map((m) => [m.share, m.meetsGoal])).toEqual([
      [0.75, false],
      [1, true],
      [0.9, true],
    ])
    expect(result.wholeRegion.period).toEqual({ cases: 16, within: 14, share: 0.875, meetsGoal: false })
    // a district without cases has no share and neither meets nor misses
    expect(result.districts[3]!.period).toEqual({ cases: 0, within: 0, share: null, meetsGoal: null })

    expect(r.output.quality).toEqual({
      unit: "cases",
      considered: 18,
      used: 16,
      leftOut: [
        { reason: "missing-arrived-scene-at", count: 1 },
        { reason: "negative-interval", count: 1 },
      ],
      ambiguousLocalTimes: 0,
    })
  })

  it("follows its threshold and goal parameters", () => {
    // At 1199 s, J2's 1200 s is no longer within: d1 January 1 of 3.
    const strict = resultOf(run(dataset, { thresholdSeconds: 1199 }))
    expect(strict.districts[0]!.perMonth[0]).toMatchObject({ cases: 3, within: 1 })
    // At a goal of 0.85, the region's 0.875 for the period meets it.
    const lenient = resultOf(run(dataset, { goalShare: 0.85 }))
    expect(lenient.wholeRegion.period.meetsGoal).toBe(true)
    expect(lenient.goalShare).toBe(0.85)
  })

  it("flags used cases that rest on an ambiguous dispatch or arrival time", () => {
    const base = buildTestDataSet({ missions: missions.slice(0, 4) }) // C1, J2, J3: all used
    // C1: dispatch ambiguous (bit 1) → flagged; J2: call answered only (bit 0) → not; J3: arrival (bit 3) → flagged
    const ambiguousMask = Uint8Array.from([0b10, 0b1, 0b1000])
    const data: DataSet = { ...base, cases: { ...base.cases, ambiguousMask } }
    expect(run(data).output.quality).toMatchObject({ used: 3, ambiguousLocalTimes: 2 })
  })

  it("rejects a goal outside 0–1", () => {
    const exit = Effect.runSyncExit(
      availabilityGoal.run({ dataset, period: Q1_2025, previousPeriod: null }, { goalShare: 90 }),
    )
    expect(exit._tag).toBe("Failure")
  })
})

describe("availability-goal slide", () => {
  it("marks the cells that miss the goal and shows the result's shares", () => {
    const slide = run(dataset).present("default", { language: "sv" })[0]!
    expect(slide.id).toBe("availability-goal")
    const table = slide.blocks.find((b): b is TableBlock => b.kind === "table")!
    expect(table.id).toBe("availability-goal-table")
    expect(table.columns.map((c) => c.label)).toEqual([
      "Område",
      "2025-01",
      "2025-02",
      "2025-03",
      "Hela perioden",
    ])

    expect(table.rows.map((r) => [r.kind, ...r.cells.map((c) => c.value)])).toEqual([
      ["total", "Hela Test", 0.75, 1, 0.9, 0.875],
      ["group-heading", "Kommundistrikt", "", "", "", ""],
      ["body", "1 Sydväst", 2 / 3, 1, 0.9, 12 / 14],
      ["body", "2 Mellersta", 1, null, null, 1],
      ["body", "3 Nordväst", null, 1, null, 1],
      ["body", "4 Nordost", null, null, null, null],
    ])
    const marked = table.rows.map((r) =>
      r.cells.slice(1).map((c) => c.emphasis?.includes("over-goal") ?? false),
    )
    expect(marked).toEqual([
      [true, false, false, true],
      [false, false, false, false],
      [true, false, false, true], // 66.7 % and 85.7 % miss; 90.0 % is the goal itself
      [false, false, false, false],
      [false, false, false, false],
      [false, false, false, false],
    ])
    expect(table.rows[0]!.cells.every((c) => c.emphasis?.includes("total"))).toBe(true)
    expect(table.rows[2]!.cells[1]!.text).toBe("66,7\u00a0%")
    expect(table.notes).toEqual([
      "Mål: minst 90\u00a0% framme inom 20 min. Markerade värden når inte målet. Underlag: 16 ärenden.",
    ])
  })

  it("draws the region and every district as lines against the goal", () => {
    const slide = run(dataset).present("default", { language: "en" })[0]!
    const chart = slide.blocks.find((b): b is ChartBlock => b.kind === "chart")!
    expect(chart).toMatchObject({ id: "availability-goal-chart", chartType: "line", unit: "share" })
    expect(chart.goal).toEqual({ value: 0.9, label: "Goal 90%" })
    expect(chart.series).toEqual([
      { name: "All of Test", values: [0.75, 1, 0.9] },
      { name: "1 Sydväst", values: [2 / 3, 1, 0.9] },
      { name: "2 Mellersta", values: [1, null, null] },
      { name: "3 Nordväst", values: [null, 1, null] },
      { name: "4 Nordost", values: [null, null, null] },
    ])
  })

  it("names Region Skåne's goal only for Region Skåne", () => {
    expect(run(dataset).present("default", { language: "sv" })[0]!.title).toBe("Tillgänglighetsmål")
    expect(run(dataset).present("default", { language: "en" })[0]!.title).toBe("Availability goal")
    const skane = buildTestDataSet({ missions, geography: { ...testGeography, region: "Region Skåne" } })
    expect(run(skane).present("default", { language: "sv" })[0]!.title).toBe(
      "Region Skånes tillgänglighetsmål",
    )
    expect(run(skane).present("default", { language: "en" })[0]!.title).toBe(
      "Region Skåne's availability goal",
    )
  })
})

const MUNICIPALITIES = ["1233", "1280", "1287", "1281", "1285", "1283", "1284", "1290", "0180"]
const STATIONS = ["Malmö", "Lund", "Helsingborg", "Kristianstad", "Ystad"]

describe("availability-goal properties", () => {
  it("districts add up to the region, months to the period, shares lie in [0, 1] and the goal mark agrees", () => {
    const arbitrary = fc.array(
      fc.record({
        caseNo: fc.integer({ min: 0, max: 15 }),
        station: fc.constantFrom(...STATIONS),
        municipality: fc.constantFrom(...MUNICIPALITIES),
        priority: fc.constantFrom<Priority>(1, 1, 2, 3),
        dispatchMinute: fc.integer({ min: 0, max: 130 * 1440 }),
        arrivalOffset: fc.option(fc.integer({ min: -300, max: 2400 })),
      }),
      { maxLength: 50 },
    )
    fc.assert(
      fc.property(arbitrary, fc.double({ min: 0, max: 1, noNaN: true }), (raw, goalShare) => {
        const base = Date.UTC(2024, 11, 15)
        const iso = (ms: number) => new Date(ms).toISOString()
        const data = buildTestDataSet({
          missions: raw.map((m, i) => {
            const dispatched = base + m.dispatchMinute * 60_000
            return {
              id: `R${String(i).padStart(3, "0")}`,
              case: `K${m.caseNo}`,
              station: m.station,
              priority: m.priority,
              municipality: m.municipality,
              dispatchedAt: iso(dispatched),
              ...(m.arrivalOffset === null
                ? {}
                : { arrivedSceneAt: iso(dispatched + m.arrivalOffset * 1000) }),
            }
          }),
        })
        const r = run(data, { goalShare })
        const result = resultOf(r)
        const series = [result.wholeRegion, ...result.districts]

        for (const s of series) {
          for (const c of [...s.perMonth, s.period]) {
            expect(c.within).toBeLessThanOrEqual(c.cases)
            if (c.share === null) expect([c.cases, c.meetsGoal]).toEqual([0, null])
            else {
              expect(c.share).toBeGreaterThanOrEqual(0)
              expect(c.share).toBeLessThanOrEqual(1)
              expect(c.meetsGoal).toBe(c.share >= goalShare)
            }
          }
          expect(s.perMonth.reduce((a, m) => a + m.cases, 0)).toBe(s.period.cases)
          expect(s.perMonth.reduce((a, m) => a + m.within, 0)).toBe(s.period.within)
        }
        result.wholeRegion.perMonth.forEach((m, k) => {
          expect(result.districts.reduce((a, d) => a + d.perMonth[k]!.cases, 0)).toBe(m.cases)
          expect(result.districts.reduce((a, d) => a + d.perMonth[k]!.within, 0)).toBe(m.within)
        })

        let population = 0
        for (let c = 0; c < data.cases.count; c++) {
          if (
            data.cases.priority[c] === 1 &&
            data.cases.callerDistrict[c]! >= 0 &&
            inPeriod(Q1_2025, data.cases.month[c]!)
          )
            population++
        }
        const q = r.output.quality
        expect(q.considered).toBe(population)
        expect(q.considered).toBe(q.used + q.leftOut.reduce((a, l) => a + l.count, 0))
        expect(q.used).toBe(result.wholeRegion.period.cases)
      }),
    )
  })
})
