import { Effect } from "effect"
import fc from "fast-check"
import { describe, expect, it } from "vitest"
import type { DataSet } from "../../dataset/data-set.js"
import type { Priority } from "../../domain/priority.js"
import type { TableBlock } from "../../model/report-model.js"
import { buildTestDataSet, type FixtureMission } from "../../testing/index.js"
import { monthIndex, type Period } from "../../time/month.js"
import type { MetricRun } from "../metric.js"
import { type MissionsPerMonthResult, missionsPerMonth } from "./missions-per-month.js"

const Q1_2025: Period = { from: monthIndex(2025, 1), to: monthIndex(2025, 3) }
const Q4_2024: Period = { from: monthIndex(2024, 10), to: monthIndex(2024, 12) }

const run = (dataset: DataSet, previousPeriod: Period | null, params: unknown = {}): MetricRun =>
  Effect.runSync(missionsPerMonth.run({ dataset, period: Q1_2025, previousPeriod }, params))

const resultOf = (r: MetricRun) => r.output.result as MissionsPerMonthResult

const mission = (
  id: string,
  station: string,
  priority: Priority,
  dispatchedAt: string,
  extra: Partial<FixtureMission> = {},
): FixtureMission => ({
  id,
  case: `C-${id}`,
  station,
  priority,
  municipality: "1280",
  dispatchedAt,
  ...extra,
})

// The worked example of metrics.md: case C1, M1 (Malmö) and M2 (Lund), both prio 1 in January.
const M1: FixtureMission = {
  id: "M1",
  case: "C1",
  station: "Malmö",
  priority: 1,
  initialPriority: 1,
  municipality: "1280",
  callAnsweredAt: "2025-01-15 10:00:00",
  dispatchedAt: "2025-01-15 10:01:30",
  enRouteAt: "2025-01-15 10:02:45",
  arrivedSceneAt: "2025-01-15 10:21:30",
}
const M2: FixtureMission = {
  ...M1,
  id: "M2",
  station: "Lund",
  dispatchedAt: "2025-01-15 10:04:00",
  enRouteAt: "2025-01-15 10:05:40",
  arrivedSceneAt: "2025-01-15 10:19:10",
}

const dataset = buildTestDataSet({
  missions: [
    M1,
    M2,
    // an external resource: outside the population, not "left out"
    mission("M3", "Ystad", 1, "2025-01-20 08:00"),
    // an out-of-region caller served by a regional resource: counted
    mission("M4", "Helsingborg", 2, "2025-02-03 12:00", { municipality: "0180" }),
    // re-prioritised from 1 to 2: counted under the priority it was dispatched with
    mission("M7", "Trelleborg", 2, "2025-02-10 12:00", { initialPriority: 1 }),
    // 23:30 local on 31 March is 21:30 UTC: March
    mission("M5", "Kristianstad", 3, "2025-03-31 23:30"),
    // 00:10 local on 1 April is still 31 March in UTC: April, outside the period
    mission("M11", "Kristianstad", 3, "2025-04-01 00:10"),
    // the previous period (Q4 2024)
    mission("M8", "Lund", 1, "2024-10-05 09:00"),
    mission("M6", "Eslöv", 2, "2024-12-31 22:00"),
    mission("M10", "Malmö", 3, "2024-12-01 09:00"),
    // an external resource in the previous period: not counted there either
    mission("M12", "Ystad", 1, "2024-11-01 09:00"),
  ],
})

describe("missions-per-month compute", () => {
  it("counts regional resources' missions per local month and dispatched priority", () => {
    const r = run(dataset, null)
    const result = resultOf(r)

    // Jan: M1, M2 (prio 1); M3 is external.
    // Feb: M4 (out-of-region caller), M7 (re-prioritised, dispatched as 2).
    // Mar: M5 (23:30 local on the 31st); M11 is April in local time.
    expect(result.months.map((m) => [m.month, m.priority1, m.priority2, m.priority3, m.total])).toEqual([
      ["2025-01", 2, 0, 0, 2],
      ["2025-02", 0, 2, 0, 2],
      ["2025-03", 0, 0, 1, 1],
    ])
    expect(result.total).toEqual({
      priority1: 2,
      priority2: 2,
      priority3: 1,
      total: 5,
      previous: null,
      change: null,
    })
    expect(result.previousPeriod).toBeNull()
    expect(r.output.quality).toEqual({
      unit: "missions",
      considered: 5,
      used: 5,
      leftOut: [],
      ambiguousLocalTimes: 0,
    })
  })

  it("aligns the previous period by position and gives the change", () => {
    const result = resultOf(run(dataset, Q4_2024))

    // Oct 2024 ↔ Jan 2025: 1 (M8) → 2, change (2 − 1) / 1 = +1.
    // Nov 2024 ↔ Feb 2025: 0 (M12 is external) → 2, change undefined: null.
    // Dec 2024 ↔ Mar 2025: 2 (M6 at 22:00 local on the 31st, M10) → 1, change (1 − 2) / 2 = −0.5.
    expect(result.months.map((m) => [m.previous?.month, m.previous?.total, m.change])).toEqual([
      ["2024-10", 1, 1],
      ["2024-11", 0, null],
      ["2024-12", 2, -0.5],
    ])
    expect(result.months[2]!.previous).toEqual({
      month: "2024-12",
      priority1: 0,
      priority2: 1,
      priority3: 1,
      total: 2,
    })
    // Whole period: 5 against 1 + 0 + 2 = 3, change 2 / 3.
    expect(result.total.previous?.total).toBe(3)
    expect(result.total.change).toBeCloseTo(2 / 3, 12)
    expect(result.previousPeriod).toEqual({ from: "2024-10", to: "2024-12" })
  })

  it("leaves the comparison out when the parameter turns it off", () => {
    const result = resultOf(run(dataset, Q4_2024, { comparePreviousPeriod: false }))
    expect(result.previousPeriod).toBeNull()
    expect(result.months.every((m) => m.previous === null && m.change === null)).toBe(true)
  })

  it("counts a mission resting on an ambiguous dispatch time as used and flags it", () => {
    const base = buildTestDataSet({ missions: [M1, M2] })
    const ambiguousMask = Uint8Array.from([0b10, 0b100]) // M1: dispatched ambiguous; M2: only en route
    const ambiguous: DataSet = { ...base, missions: { ...base.missions, ambiguousMask } }
    expect(run(ambiguous, null).output.quality.ambiguousLocalTimes).toBe(1)
  })
})

describe("missions-per-month slide", () => {
  const slides = (language: "sv" | "en", previous: Period | null) =>
    run(dataset, previous).present("default", { language })

  it("has the deck's title in Swedish and a faithful English one", () => {
    expect(slides("sv", null).map((s) => [s.id, s.title])).toEqual([
      ["missions-per-month", "Antal vårduppdrag"],
    ])
    expect(slides("en", null)[0]!.title).toBe("Number of care missions")
  })

  it("shows the result's numbers in the table, with a total row", () => {
    const table = slides("sv", Q4_2024)[0]!.blocks.find((b): b is TableBlock => b.kind === "table")!
    expect(table.id).toBe("missions-per-month-table")
    expect(table.columns.map((c) => c.label)).toEqual([
      "Månad",
      "Prio 1",
      "Prio 2",
      "Prio 3",
      "Totalt",
      "Totalt föregående period",
      "Förändring",
    ])
    expect(table.rows.map((r) => r.cells.map((c) => c.value))).toEqual([
      ["2025-01", 2, 0, 0, 2, 1, 1],
      ["2025-02", 0, 2, 0, 2, 0, null],
      ["2025-03", 0, 0, 1, 1, 2, -0.5],
      ["Totalt", 2, 2, 1, 5, 3, 2 / 3],
    ])
    // Changes are signed percentages; a change from nothing is a dash.
    expect(table.rows.map((r) => r.cells[6]!.text)).toEqual([
      "+100,0\u00a0%",
      "–",
      "-50,0\u00a0%",
      "+66,7\u00a0%",
    ])
    const total = table.rows[3]!
    expect(total.kind).toBe("total")
    expect(total.cells.every((c) => c.emphasis?.includes("total"))).toBe(true)
    expect(table.columns.slice(1).every((c) => c.align === "right")).toBe(true)
  })

  it("has no comparison columns without a previous period, and a stacked chart per priority", () => {
    const blocks = slides("en", null)[0]!.blocks
    const table = blocks.find((b): b is TableBlock => b.kind === "table")!
    expect(table.columns.map((c) => c.key)).toEqual(["month", "p1", "p2", "p3", "total"])
    const chart = blocks.find((b) => b.kind === "chart")
    expect(chart).toMatchObject({
      id: "missions-per-month-chart",
      chartType: "stacked-bar",
      categories: ["2025-01", "2025-02", "2025-03"],
      series: [
        { name: "Prio 1", values: [2, 0, 0] },
        { name: "Prio 2", values: [0, 2, 0] },
        { name: "Prio 3", values: [0, 0, 1] },
      ],
    })
  })

  it("puts the definition and the quality account in the notes, and takes configured texts", () => {
    const slide = slides("sv", null)[0]!
    expect(slide.notes).toContain("Underlag: 5 uppdrag, 5 använda, 0 utelämnade.")
    const custom = run(dataset, null).present("default", {
      language: "sv",
      texts: { "missions-per-month": ["Egen text."] },
    })[0]!
    expect(custom.blocks[0]).toEqual({ kind: "text", paragraphs: ["Egen text."] })
  })
})

const STATIONS = ["Malmö", "Trelleborg", "Lund", "Eslöv", "Helsingborg", "Kristianstad", "Ystad"]
const MUNICIPALITIES = ["1233", "1280", "1287", "1281", "1285", "1283", "1284", "1290", "0180"]

/** Random missions from September 2024 to May 2025, some of them external. */
const missionsArbitrary = fc.array(
  fc.record({
    station: fc.constantFrom(...STATIONS),
    municipality: fc.constantFrom(...MUNICIPALITIES),
    priority: fc.constantFrom<Priority>(1, 2, 3),
    day: fc.integer({ min: 0, max: 270 }),
    minute: fc.integer({ min: 0, max: 1439 }),
  }),
  { maxLength: 60 },
)

const toFixture = (
  m: { station: string; municipality: string; priority: Priority; day: number; minute: number },
  i: number,
): FixtureMission => {
  const at = new Date(Date.UTC(2024, 8, 1) + m.day * 86_400_000 + m.minute * 60_000).toISOString()
  return mission(`R${i}`, m.station, m.priority, at, { municipality: m.municipality })
}

describe("missions-per-month properties", () => {
  it("rows add up to their totals, months to the period, and every regional mission is counted once", () => {
    fc.assert(
      fc.property(missionsArbitrary, (raw) => {
        const data = buildTestDataSet({ missions: raw.map(toFixture) })
        const r = run(data, Q4_2024)
        const result = resultOf(r)

        for (const m of result.months) expect(m.priority1 + m.priority2 + m.priority3).toBe(m.total)
        expect(result.months.reduce((a, m) => a + m.total, 0)).toBe(result.total.total)
        expect(result.months.reduce((a, m) => a + (m.previous?.total ?? 0), 0)).toBe(
          result.total.previous?.total,
        )

        // Independent count: regional station and local month of dispatch inside the period.
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
