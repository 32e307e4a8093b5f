import { Effect } from "effect"
import fc from "fast-check"
import { describe, expect, it } from "vitest"
import type { DataSet } from "../../dataset/data-set.js"
import type { Priority } from "../../domain/priority.js"
import type { TableBlock } from "../../model/report-model.js"
import { buildTestDataSet, type FixtureMission } from "../../testing/index.js"
import { inPeriod, monthIndex, type Period } from "../../time/month.js"
import type { MetricRun } from "../metric.js"
import { thresholdText, type WaitingTimeResult, waitingTime } from "./waiting-time.js"

const Q1_2025: Period = { from: monthIndex(2025, 1), to: monthIndex(2025, 3) }

const run = (dataset: DataSet, params: unknown = {}): MetricRun =>
  Effect.runSync(waitingTime.run({ dataset, period: Q1_2025, previousPeriod: null }, params))

const resultOf = (r: MetricRun) => r.output.result as WaitingTimeResult

/** A one-mission prio-1 case; `extra` overrides any field. */
const single = (caseId: string, municipality: string, extra: Partial<FixtureMission>): FixtureMission => ({
  id: `${caseId}-a`,
  case: caseId,
  station: "Malmö",
  priority: 1,
  municipality,
  dispatchedAt: "2025-02-01 08:01",
  ...extra,
})

const missions: FixtureMission[] = [
  // C1, the worked example (Malmö, district 1): answered 10:00:00, first arrival 10:19:10 by M2
  // (the later-dispatched Lund resource): 19:10 = 1150 s, under 20 minutes.
  {
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
  },
  {
    id: "M2",
    case: "C1",
    station: "Lund",
    priority: 1,
    initialPriority: 1,
    municipality: "1280",
    callAnsweredAt: "2025-01-15 10:00:00",
    dispatchedAt: "2025-01-15 10:04:00",
    enRouteAt: "2025-01-15 10:05:40",
    arrivedSceneAt: "2025-01-15 10:19:10",
  },
  // C2 (Lund, d2): exactly 20:00 = 1200 s, NOT under (strictly less is required).
  single("C2", "1281", { callAnsweredAt: "2025-02-01 08:00:00", arrivedSceneAt: "2025-02-01 08:20:00" }),
  // C3 (Eslöv, d2): 19:59 = 1199 s, under.
  single("C3", "1285", { callAnsweredAt: "2025-02-01 08:00:00", arrivedSceneAt: "2025-02-01 08:19:59" }),
  // C4 (Helsingborg, d3): the external resource (Ystad) arrives first at 09:12: 12:00, under;
  // the regional one (lead, dispatched first) would have given 25:00.
  single("C4", "1283", {
    id: "C4-a",
    station: "Helsingborg",
    callAnsweredAt: "2025-03-03 09:00",
    dispatchedAt: "2025-03-03 09:01",
    arrivedSceneAt: "2025-03-03 09:25",
  }),
  single("C4", "1283", {
    id: "C4-b",
    station: "Ystad",
    callAnsweredAt: "2025-03-03 09:00",
    dispatchedAt: "2025-03-03 09:02",
    arrivedSceneAt: "2025-03-03 09:12",
  }),
  // C5 (Malmö): dispatched as prio 2 after starting as 1: case priority 2, outside the population.
  single("C5", "1280", {
    priority: 2,
    initialPriority: 1,
    callAnsweredAt: "2025-02-01 08:00",
    arrivedSceneAt: "2025-02-01 08:05",
  }),
  // C6 (Höganäs, d3): upgraded from 2 to 1: case priority 1; 25:00, not under.
  single("C6", "1284", {
    initialPriority: 2,
    callAnsweredAt: "2025-02-01 08:00",
    arrivedSceneAt: "2025-02-01 08:25",
  }),
  // C7: out-of-region caller: outside the population.
  single("C7", "0180", { callAnsweredAt: "2025-02-01 08:00", arrivedSceneAt: "2025-02-01 08:05" }),
  // C8 (Kristianstad, d4): no call-answered time: left out.
  single("C8", "1290", { arrivedSceneAt: "2025-02-01 08:05" }),
  // C9 (Kristianstad, d4): nobody arrived: left out.
  single("C9", "1290", { callAnsweredAt: "2025-02-01 08:00" }),
  // C10 (Vellinge, d1): arrival before the answer: negative, left out.
  single("C10", "1233", { callAnsweredAt: "2025-02-01 08:30", arrivedSceneAt: "2025-02-01 08:20" }),
  // C11 (Malmö, d1): first dispatch 00:05 on 1 April local: outside the period.
  single("C11", "1280", {
    callAnsweredAt: "2025-04-01 00:00",
    dispatchedAt: "2025-04-01 00:05",
    arrivedSceneAt: "2025-04-01 00:10",
  }),
  // C12 (Kristianstad, d4): dispatched 23:50 on 31 March local (March), arrived in April: 19:00, under.
  single("C12", "1290", {
    callAnsweredAt: "2025-03-31 23:45",
    dispatchedAt: "2025-03-31 23:50",
    arrivedSceneAt: "2025-04-01 00:04",
  }),
  // C13 (Trelleborg, d1): the earliest-dispatched mission is prio 2, a later one prio 1: case priority 2, out.
  single("C13", "1287", {
    id: "C13-a",
    priority: 2,
    callAnsweredAt: "2025-02-01 08:00",
    arrivedSceneAt: "2025-02-01 08:05",
  }),
  single("C13", "1287", {
    id: "C13-b",
    dispatchedAt: "2025-02-01 08:03",
    arrivedSceneAt: "2025-02-01 08:04",
  }),
]

const dataset = buildTestDataSet({ missions })

describe("waiting-time compute", () => {
  it("counts prio-1 cases of regional callers per municipality district, strictly under 20 minutes", () => {
    const r = run(dataset)
    const result = resultOf(r)

    // d1: C1 (under); C10 left out.        1 case, 1 under, share 1
    // d2: C2 (exactly 20:00, not), C3.      2 cases, 1 under, 0.5
    // d3: C4 (external first, 12:00), C6.   2 cases, 1 under, 0.5
    // d4: C12 (under); C8, C9 left out.     1 case, 1 under, 1
    expect(result.districts.map((d) => [d.id, d.name, d.cases, d.under, d.share])).toEqual([
      ["1", "Sydväst", 1, 1, 1],
      ["2", "Mellersta", 2, 1, 0.5],
      ["3", "Nordväst", 2, 1, 0.5],
      ["4", "Nordost", 1, 1, 1],
    ])
    // 6 cases, 4 under: 4 / 6
    expect(result.wholeRegion).toEqual({ cases: 6, under: 4, share: 4 / 6 })
    expect(result.thresholdSeconds).toBe(1200)
    // Considered: the 6 used + C8, C9, C10. C5, C7, C11 and C13 are outside the population.
    expect(r.output.quality).toEqual({
      unit: "cases",
      considered: 9,
      used: 6,
      leftOut: [
        { reason: "missing-arrived-scene-at", count: 1 },
        { reason: "missing-call-answered-at", count: 1 },
        { reason: "negative-interval", count: 1 },
      ],
      ambiguousLocalTimes: 0,
    })
  })

  it("moves a case across the threshold when the parameter moves", () => {
    // At 1201 s, C2's 1200 s is under: d2 has 2 of 2.
    const result = resultOf(run(dataset, { thresholdSeconds: 1201 }))
    expect(result.districts[1]).toMatchObject({ cases: 2, under: 2, share: 1 })
    expect(result.wholeRegion).toEqual({ cases: 6, under: 5, share: 5 / 6 })
  })

  it("flags used cases that rest on an ambiguous call-answered or arrival time, not on other fields", () => {
    const base = buildTestDataSet({ missions: missions.slice(0, 4) }) // C1, C2, C3: all used
    // C1: arrival ambiguous (bit 3) → flagged; C2: only en route (bit 2) → not; C3: call answered (bit 0) → flagged
    const ambiguousMask = Uint8Array.from([0b1000, 0b100, 0b1])
    const data: DataSet = { ...base, cases: { ...base.cases, ambiguousMask } }
    expect(run(data).output.quality).toMatchObject({ used: 3, ambiguousLocalTimes: 2 })
  })

  it("gives a district without cases a zero count and no share", () => {
    const onlyC1 = buildTestDataSet({ missions: missions.slice(0, 2) })
    const result = resultOf(run(onlyC1))
    expect(result.districts.map((d) => [d.cases, d.under, d.share])).toEqual([
      [1, 1, 1],
      [0, 0, null],
      [0, 0, null],
      [0, 0, null],
    ])
  })
})

describe("waiting-time slide", () => {
  it("shows the result's numbers with districts then the whole region as the total row", () => {
    const slides = run(dataset).present("default", { language: "sv" })
    expect(slides.map((s) => [s.id, s.title])).toEqual([["waiting-time", "Väntetid"]])

    const table = slides[0]!.blocks.find((b): b is TableBlock => b.kind === "table")!
    expect(table.id).toBe("waiting-time-table")
    expect(table.columns.map((c) => c.label)).toEqual(["Kommundistrikt", "Ärenden", "Under 20 min", "Andel"])
    expect(table.rows.map((r) => [r.kind, ...r.cells.map((c) => c.value)])).toEqual([
      ["body", "1 Sydväst", 1, 1, 1],
      ["body", "2 Mellersta", 2, 1, 0.5],
      ["body", "3 Nordväst", 2, 1, 0.5],
      ["body", "4 Nordost", 1, 1, 1],
      ["total", "Hela Test", 6, 4, 4 / 6],
    ])
    // 4 / 6 = 66.67 % → one decimal
    expect(table.rows[4]!.cells[3]!.text).toBe("66,7\u00a0%")
    expect(table.rows[4]!.cells.every((c) => c.emphasis?.includes("total"))).toBe(true)
    expect(slides[0]!.notes).toContain(
      "Underlag: 9 ärenden, 6 använda, 3 utelämnade (1 saknar framme hämtadress, 1 saknar samtal besvarat, 1 negativt intervall).",
    )
  })

  it("is translated, and names a threshold that is not whole minutes exactly", () => {
    const slide = run(dataset, { thresholdSeconds: 1230 }).present("default", { language: "en" })[0]!
    expect(slide.title).toBe("Waiting time")
    const table = slide.blocks.find((b): b is TableBlock => b.kind === "table")!
    expect(table.columns.map((c) => c.label)).toEqual([
      "Municipality district",
      "Cases",
      "Under 20:30",
      "Share",
    ])
    expect(table.rows.at(-1)!.cells[0]!.value).toBe("All of Test")
    expect(thresholdText(1200)).toBe("20 min")
  })
})

const MUNICIPALITIES = ["1233", "1280", "1287", "1281", "1285", "1283", "1284", "1290", "0180"]
const STATIONS = ["Malmö", "Lund", "Helsingborg", "Kristianstad", "Ystad"]

/**
 * Random missions over a handful of cases, around the end of the period, with
 * call-answered and arrival times that may be missing or before the dispatch.
 */
const casesArbitrary = fc.array(
  fc.record({
    caseNo: fc.integer({ min: 0, max: 12 }),
    station: fc.constantFrom(...STATIONS),
    municipality: fc.constantFrom(...MUNICIPALITIES),
    priority: fc.constantFrom<Priority>(1, 1, 2, 3),
    dispatchMinute: fc.integer({ min: 0, max: 40 * 1440 }),
    answeredOffset: fc.option(fc.integer({ min: -600, max: 120 })),
    arrivalOffset: fc.option(fc.integer({ min: -300, max: 2400 })),
  }),
  { maxLength: 40 },
)

describe("waiting-time properties", () => {
  it("shares lie in [0, 1], districts add up to the region, and the population is accounted for", () => {
    fc.assert(
      fc.property(casesArbitrary, (raw) => {
        // Starts 2025-03-10 so that cases fall on both sides of the period's end.
        const base = Date.UTC(2025, 2, 10)
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
              ...(m.answeredOffset === null
                ? {}
                : { callAnsweredAt: iso(dispatched + m.answeredOffset * 1000) }),
              ...(m.arrivalOffset === null
                ? {}
                : { arrivedSceneAt: iso(dispatched + m.arrivalOffset * 1000) }),
            }
          }),
        })
        const r = run(data)
        const result = resultOf(r)

        for (const g of [...result.districts, result.wholeRegion]) {
          expect(g.under).toBeLessThanOrEqual(g.cases)
          if (g.share !== null) {
            expect(g.share).toBeGreaterThanOrEqual(0)
            expect(g.share).toBeLessThanOrEqual(1)
          } else expect(g.cases).toBe(0)
        }
        expect(result.districts.reduce((a, d) => a + d.cases, 0)).toBe(result.wholeRegion.cases)
        expect(result.districts.reduce((a, d) => a + d.under, 0)).toBe(result.wholeRegion.under)

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
        expect(q.used).toBe(result.wholeRegion.cases)
      }),
    )
  })
})
