import { Effect } from "effect"
import fc from "fast-check"
import { describe, expect, it } from "vitest"
import type { DataSet } from "../../dataset/data-set.js"
import type { Geography } from "../../domain/geography.js"
import type { Priority } from "../../domain/priority.js"
import type { ChartBlock, TableBlock } from "../../model/report-model.js"
import { buildTestDataSet, type FixtureMission, testGeography } from "../../testing/index.js"
import { monthIndex, type Period } from "../../time/month.js"
import type { MetricRun } from "../metric.js"
import { type MissionsPerStationResult, missionsPerStation, splitEvenly } from "./missions-per-station.js"

const Q1_2025: Period = { from: monthIndex(2025, 1), to: monthIndex(2025, 3) }

const run = (dataset: DataSet, params: unknown = {}): MetricRun =>
  Effect.runSync(missionsPerStation.run({ dataset, period: Q1_2025, previousPeriod: null }, params))

const resultOf = (r: MetricRun) => r.output.result as MissionsPerStationResult

const mission = (
  id: string,
  station: string,
  dispatchedAt: string,
  extra: Partial<FixtureMission> = {},
): FixtureMission => ({
  id,
  case: `C-${id}`,
  station,
  priority: 1,
  municipality: "1280",
  dispatchedAt,
  ...extra,
})

const dataset = buildTestDataSet({
  missions: [
    // the worked example's M1 and M2: one mission each for Malmö and Lund in January
    mission("M1", "Malmö", "2025-01-15 10:01:30", { case: "C1" }),
    mission("M2", "Lund", "2025-01-15 10:04:00", { case: "C1" }),
    // the station name as an export may write it: matched after trimming and folding case
    mission("M3", "  malmö ", "2025-02-01 00:30"),
    // out-of-region caller, re-prioritised: still Malmö's mission
    mission("M4", "Malmö", "2025-03-05 12:00", { municipality: "0180", priority: 2, initialPriority: 1 }),
    mission("M5", "Kristianstad", "2025-03-31 23:59"),
    // external resource: outside the population
    mission("M6", "Ystad", "2025-02-01 10:00"),
    // outside the period: December and (local) April
    mission("M7", "Lund", "2024-12-31 23:59"),
    mission("M8", "Lund", "2025-04-01 00:00"),
  ],
})

describe("missions-per-station compute", () => {
  it("counts every reference station per local month, zeros included", () => {
    const r = run(dataset)
    const result = resultOf(r)

    expect(result.months).toEqual(["2025-01", "2025-02", "2025-03"])
    // Malmö: M1 (Jan), M3 (Feb), M4 (Mar); Lund: M2 (Jan) — M7, M8 outside; Kristianstad: M5 (Mar).
    expect(result.stations.map((s) => [s.name, s.district.id, ...s.perMonth, s.total])).toEqual([
      ["Malmö", "1", 1, 1, 1, 3],
      ["Trelleborg", "1", 0, 0, 0, 0],
      ["Lund", "2", 1, 0, 0, 1],
      ["Eslöv", "2", 0, 0, 0, 0],
      ["Helsingborg", "3", 0, 0, 0, 0],
      ["Kristianstad", "4", 0, 0, 1, 1],
    ])
    expect(result.total).toEqual({ perMonth: [2, 1, 2], total: 5 })
    expect(r.output.quality).toMatchObject({ unit: "missions", considered: 5, used: 5, leftOut: [] })
  })
})

describe("splitEvenly", () => {
  it("uses the fewest slides and balances them", () => {
    // 22 rows at most 14 a slide: 2 slides, 11 + 11
    expect(splitEvenly(22, 14)).toEqual([
      [0, 11],
      [11, 22],
    ])
    // 15 at 7: 3 slides, 5 + 5 + 5
    expect(splitEvenly(15, 7)).toEqual([
      [0, 5],
      [5, 10],
      [10, 15],
    ])
    // 7 at 3: 3 slides of 3, 2, 2
    expect(splitEvenly(7, 3)).toEqual([
      [0, 3],
      [3, 5],
      [5, 7],
    ])
    expect(splitEvenly(14, 14)).toEqual([[0, 14]])
    expect(splitEvenly(0, 14)).toEqual([[0, 0]])
  })

  it("never exceeds the maximum and covers every row once", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 200 }), fc.integer({ min: 1, max: 30 }), (count, max) => {
        const ranges = splitEvenly(count, max)
        expect(ranges[0]![0]).toBe(0)
        expect(ranges.at(-1)![1]).toBe(count)
        ranges.forEach(([start, end], i) => {
          expect(end - start).toBeLessThanOrEqual(max)
          if (i > 0) expect(start).toBe(ranges[i - 1]![1])
        })
      }),
    )
  })
})

describe("missions-per-station slides", () => {
  it("fits the test geography on one slide with the table and a bar chart", () => {
    const slides = run(dataset).present("default", { language: "sv" })
    expect(slides.map((s) => [s.id, s.title])).toEqual([
      ["missions-per-station-1", "Antal uppdrag per station"],
    ])

    const table = slides[0]!.blocks.find((b): b is TableBlock => b.kind === "table")!
    expect(table.id).toBe("missions-per-station-1-table")
    expect(table.columns.map((c) => c.label)).toEqual(["Station", "2025-01", "2025-02", "2025-03", "Totalt"])
    expect(table.rows.map((r) => r.cells.map((c) => c.value))).toEqual([
      ["Malmö", 1, 1, 1, 3],
      ["Trelleborg", 0, 0, 0, 0],
      ["Lund", 1, 0, 0, 1],
      ["Eslöv", 0, 0, 0, 0],
      ["Helsingborg", 0, 0, 0, 0],
      ["Kristianstad", 0, 0, 1, 1],
      ["Totalt", 2, 1, 2, 5],
    ])
    expect(table.rows.at(-1)!.kind).toBe("total")
    expect(table.rows.at(-1)!.cells.every((c) => c.emphasis?.includes("total"))).toBe(true)

    const chart = slides[0]!.blocks.find((b): b is ChartBlock => b.kind === "chart")!
    expect(chart).toMatchObject({ id: "missions-per-station-1-chart", chartType: "bar" })
    expect(chart.categories).toEqual(["Malmö", "Trelleborg", "Lund", "Eslöv", "Helsingborg", "Kristianstad"])
    expect(chart.series).toEqual([{ name: "Totalt", values: [3, 0, 1, 0, 0, 1] }])
  })

  it("splits the stations evenly and puts the region's total on the last slide only", () => {
    // 6 stations at most 4 a slide: 2 slides of 3
    const slides = run(dataset, { maxRowsPerSlide: 4 }).present("default", { language: "en" })
    expect(slides.map((s) => [s.id, s.title])).toEqual([
      ["missions-per-station-1", "Number of missions per station"],
      ["missions-per-station-2", "Number of missions per station"],
    ])
    const tables = slides.map((s) => s.blocks.find((b): b is TableBlock => b.kind === "table")!)
    expect(tables.map((t) => t.rows.map((r) => r.cells[0]!.value))).toEqual([
      ["Malmö", "Trelleborg", "Lund"],
      ["Eslöv", "Helsingborg", "Kristianstad", "Total"],
    ])
    expect(tables.map((t) => t.caption)).toEqual([
      "Missions per station and month (1 of 2)",
      "Missions per station and month (2 of 2)",
    ])
    const charts = slides.map((s) => s.blocks.find((b): b is ChartBlock => b.kind === "chart")!)
    expect(charts.map((c) => c.series[0]!.values)).toEqual([
      [3, 0, 1],
      [0, 0, 1],
    ])
  })

  it("splits a long reference list over two slides by default", () => {
    // 20 stations in one district at the default 14 a slide: 10 + 10
    const stations = Array.from({ length: 20 }, (_, i) => ({
      name: `Station ${String(i + 1).padStart(2, "0")}`,
      district: "1",
      municipality: "1280",
    }))
    const geography: Geography = { ...testGeography, stations }
    const data = buildTestDataSet({ geography, missions: [mission("S1", "Station 20", "2025-01-02 10:00")] })
    const slides = run(data).present("default", { language: "sv" })
    const tables = slides.map((s) => s.blocks.find((b): b is TableBlock => b.kind === "table")!)
    expect(tables.map((t) => t.rows.length)).toEqual([10, 11])
    expect(tables[1]!.rows.at(-2)!.cells.map((c) => c.value)).toEqual(["Station 20", 1, 0, 0, 1])
  })

  it("rejects a row limit below one", () => {
    const exit = Effect.runSyncExit(
      missionsPerStation.run({ dataset, period: Q1_2025, previousPeriod: null }, { maxRowsPerSlide: 0 }),
    )
    expect(exit._tag).toBe("Failure")
  })
})

const STATIONS = ["Malmö", "Trelleborg", "Lund", "Eslöv", "Helsingborg", "Kristianstad", "Ystad"]

describe("missions-per-station properties", () => {
  it("station rows add up to the total, months to the row totals, and no mission is counted twice", () => {
    const arbitrary = fc.array(
      fc.record({
        station: fc.constantFrom(...STATIONS),
        priority: fc.constantFrom<Priority>(1, 2, 3),
        minutes: fc.integer({ min: 0, max: 200 * 1440 }),
      }),
      { maxLength: 60 },
    )
    fc.assert(
      fc.property(arbitrary, (raw) => {
        const missions = raw.map((m, i) =>
          mission(`R${i}`, m.station, new Date(Date.UTC(2024, 11, 1) + m.minutes * 60_000).toISOString(), {
            priority: m.priority,
          }),
        )
        const data = buildTestDataSet({ missions })
        const r = run(data)
        const result = resultOf(r)

        for (const s of result.stations) expect(s.perMonth.reduce((a, b) => a + b, 0)).toBe(s.total)
        expect(result.stations.reduce((a, s) => a + s.total, 0)).toBe(result.total.total)
        result.total.perMonth.forEach((v, k) => {
          expect(result.stations.reduce((a, s) => a + s.perMonth[k]!, 0)).toBe(v)
        })

        let expected = 0
        for (let i = 0; i < data.missions.count; i++) {
          const month = data.missions.month[i]!
          if (data.missions.stationRef[i]! >= 0 && month >= Q1_2025.from && month <= Q1_2025.to) expected++
        }
        expect(result.total.total).toBe(expected)
        const q = r.output.quality
        expect(q.considered).toBe(q.used + q.leftOut.reduce((a, l) => a + l.count, 0))
        expect(q.used).toBe(expected)
      }),
    )
  })
})
