import { Effect } from "effect"
import fc from "fast-check"
import { describe, expect, it } from "vitest"
import type { Geography } from "../../domain/geography.js"
import type { Priority } from "../../domain/priority.js"
import type { MapBlock, TableBlock } from "../../model/report-model.js"
import { buildTestDataSet, type FixtureMission, testGeography } from "../../testing/index.js"
import { monthIndex } from "../../time/month.js"
import type { MetricInput } from "../metric.js"
import {
  computeMedianResponse,
  type MedianResponseParams,
  type MedianResponseResult,
  medianResponse,
} from "./median-response.js"

const year2025 = { from: monthIndex(2025, 1), to: monthIndex(2025, 12) }
const defaults: MedianResponseParams = { regionGoalSeconds: 720, municipalityGoalSeconds: 1080 }

const inputOf = (
  missions: ReadonlyArray<FixtureMission>,
  geography: Geography = testGeography,
): MetricInput => ({
  dataset: buildTestDataSet({ missions, geography }),
  period: year2025,
  previousPeriod: null,
})

const BASE = Date.parse("2025-06-10T08:00:00Z")
const at = (seconds: number): string => new Date(BASE + seconds * 1000).toISOString()

/** A one-mission prio-1 case dispatched at BASE + `start` that arrives `response` seconds later. */
const single = (id: string, municipality: string, response: number | null, start = 0): FixtureMission => ({
  id,
  case: `C-${id}`,
  station: "Malmö",
  priority: 1,
  municipality,
  dispatchedAt: at(start),
  ...(response === null ? {} : { arrivedSceneAt: at(start + response) }),
})

const workedExample: ReadonlyArray<FixtureMission> = [
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
]

const row = (result: MedianResponseResult, name: string) => {
  const found = result.municipalities.find((m) => m.name === name)
  if (found === undefined) throw new Error(`no row ${name}`)
  return found
}

describe("median-response compute", () => {
  it("uses first dispatch to first arrival of the worked example, the later resource arriving first", () => {
    const { result, quality } = computeMedianResponse(inputOf(workedExample), defaults)

    // 10:01:30 (M1 dispatched) to 10:19:10 (M2 arrived) = 17:40 = 1060 s
    expect(row(result, "Malmö")).toMatchObject({ cases: 1, medianSeconds: 1060, overGoal: false })
    expect(result.districts[0]).toEqual({ id: "1", name: "Sydväst", cases: 1, medianSeconds: 1060 })
    // The region's goal is 720 s: 1060 is over it.
    expect(result.region).toEqual({ cases: 1, medianSeconds: 1060, overGoal: true })
    // One case, not two missions.
    expect(quality).toEqual({ unit: "cases", considered: 1, used: 1, leftOut: [], ambiguousLocalTimes: 0 })
  })

  it("does not take an arrival before its own mission's dispatch as the case's first arrival", () => {
    const input = inputOf([
      // Case C: M1 dispatched 0, arrived 25:00; M2 dispatched 10:00 but "arrived" 5:00, before its
      // own dispatch. The plausible first arrival is M1's: 1500 s, not 300 s.
      { ...single("M1", "1280", 1500), case: "C" },
      { ...single("M2", "1280", -300, 600), case: "C" },
      // Case D: its only arrival is before its dispatch: left out as a negative interval.
      { ...single("N1", "1281", -60, 120), case: "D" },
    ])
    const { result, quality } = computeMedianResponse(input, defaults)

    expect(row(result, "Malmö")).toMatchObject({ cases: 1, medianSeconds: 1500, overGoal: true })
    expect(row(result, "Lund")).toMatchObject({ cases: 0, medianSeconds: null })
    expect(quality).toEqual({
      unit: "cases",
      considered: 2,
      used: 1,
      leftOut: [{ reason: "negative-interval", count: 1 }],
      ambiguousLocalTimes: 0,
    })
  })

  it("marks a median equal to the goal as over it, and one just below as met", () => {
    const input = inputOf([
      single("A", "1233", 1080), // Vellinge: exactly 18:00 -> over
      single("B", "1287", 1079), // Trelleborg: 17:59 -> met
      single("C", "1281", 720, 10), // Lund: 12:00
    ])
    const { result } = computeMedianResponse(input, defaults)

    expect(row(result, "Vellinge").overGoal).toBe(true)
    expect(row(result, "Trelleborg").overGoal).toBe(false)
    expect(row(result, "Lund").overGoal).toBe(false)
    // Region: 720, 1079, 1080 -> 1079, over the region's 720.
    expect(result.region.medianSeconds).toBe(1079)

    // With only the 12:00 case, the region median equals its goal: over.
    const lundOnly = computeMedianResponse(inputOf([single("C", "1281", 720)]), defaults).result
    expect(lundOnly.region).toEqual({ cases: 1, medianSeconds: 720, overGoal: true })
    const below = computeMedianResponse(inputOf([single("C", "1281", 719)]), defaults).result
    expect(below.region.overGoal).toBe(false)
  })

  it("takes even-count medians per municipality and the district's median over all its cases", () => {
    const input = inputOf([
      single("L1", "1281", 600),
      single("L2", "1281", 700, 100),
      single("E1", "1285", 1500, 200),
    ])
    const { result } = computeMedianResponse(input, defaults)

    expect(row(result, "Lund")).toMatchObject({ cases: 2, medianSeconds: 650 })
    expect(row(result, "Eslöv")).toMatchObject({ cases: 1, medianSeconds: 1500, overGoal: true })
    // District 2: 600, 700, 1500 -> 700 (median of the medians 650 and 1500 would be 1075).
    expect(result.districts[1]).toMatchObject({ id: "2", cases: 3, medianSeconds: 700 })
  })

  it("counts an external resource's arrival and uses the case's priority, not a later mission's", () => {
    const input = inputOf([
      // External Växjö resource arrives first: 10:02 + 6 min vs Malmö at 10:15 -> 8:00 = 480 s.
      { ...single("X1", "1283", 900), case: "EXT" },
      { ...single("X2", "1283", 360, 120), station: "Växjö", case: "EXT" },
      // Lead mission priority 2, a later prio-1 mission: the case is priority 2, left out.
      { ...single("R1", "1284", 300), priority: 2, case: "RE2" },
      { ...single("R2", "1284", 200, 60), case: "RE2" },
      // Lead mission re-prioritised 2 -> 1: a prio-1 case.
      { ...single("R3", "1290", 500), initialPriority: 2, case: "RE1" },
    ])
    const { result } = computeMedianResponse(input, defaults)

    expect(row(result, "Helsingborg")).toMatchObject({ cases: 1, medianSeconds: 480 })
    expect(row(result, "Höganäs")).toMatchObject({ cases: 0, medianSeconds: null, overGoal: false })
    expect(row(result, "Kristianstad")).toMatchObject({ cases: 1, medianSeconds: 500 })
  })

  it("leaves out cases without an arrival or arriving before dispatch, and says so", () => {
    const input = inputOf([
      single("OK", "1280", 600),
      single("NONE", "1280", null),
      // The only arrival is 30 s before the first dispatch.
      single("NEG", "1280", -30),
      single("AWAY", "0780", 400), // caller outside the region: not in the population
      { ...single("DEC", "1280", 400), dispatchedAt: "2024-12-31 23:50", arrivedSceneAt: "2025-01-01 00:05" },
    ])
    const { result, quality } = computeMedianResponse(input, defaults)

    expect(row(result, "Malmö")).toMatchObject({ cases: 1, medianSeconds: 600 })
    expect(quality).toEqual({
      unit: "cases",
      considered: 3,
      used: 1,
      leftOut: [
        { reason: "missing-arrived-scene-at", count: 1 },
        { reason: "negative-interval", count: 1 },
      ],
      ambiguousLocalTimes: 0,
    })
  })

  it("lists every reference municipality, grouped by district", () => {
    const { result } = computeMedianResponse(inputOf([]), defaults)
    expect(result.municipalities.map((m) => `${m.districtId}:${m.code}`)).toEqual([
      "1:1233",
      "1:1280",
      "1:1287",
      "2:1281",
      "2:1285",
      "3:1283",
      "3:1284",
      "4:1290",
    ])
    expect(result.region).toEqual({ cases: 0, medianSeconds: null, overGoal: false })
  })
})

describe("median-response ambiguous local times", () => {
  it("flags used cases that rest on an ambiguous dispatch or arrival time", () => {
    const base = inputOf([single("A", "1280", 600), single("B", "1280", 700), single("C", "1280", 800)])
    // A: dispatch ambiguous (bit 1): flagged; B: call answered only (bit 0): not; C: arrival (bit 3): flagged
    const ambiguousMask = Uint8Array.from([0b10, 0b1, 0b1000])
    const dataset = { ...base.dataset, cases: { ...base.dataset.cases, ambiguousMask } }
    const { quality } = computeMedianResponse({ ...base, dataset }, defaults)
    expect(quality).toMatchObject({ used: 3, ambiguousLocalTimes: 2 })
  })
})

describe("median-response properties", () => {
  const codes = ["1233", "1280", "1287", "1281", "1285", "1283", "1284", "1290", "0780"]
  const arbitraryCase = fc.record({
    code: fc.constantFrom(...codes),
    priority: fc.constantFrom<Priority>(1, 1, 2, 3),
    response: fc.option(fc.integer({ min: -60, max: 2400 }), { nil: null }),
  })

  it("adds cases up, keeps the region's count equal to the used cases and marks goals by the rule", () => {
    fc.assert(
      fc.property(
        fc.array(arbitraryCase, { maxLength: 50 }),
        fc.integer({ min: 300, max: 1500 }),
        (rows, goal) => {
          const fixtures = rows.map((r, i) => ({
            ...single(`M${i}`, r.code, r.response),
            priority: r.priority,
          }))
          const params = { regionGoalSeconds: goal, municipalityGoalSeconds: goal }
          const { result, quality } = computeMedianResponse(inputOf(fixtures), params)

          for (const district of result.districts) {
            const members = result.municipalities.filter((m) => m.districtId === district.id)
            expect(members.reduce((s, m) => s + m.cases, 0)).toBe(district.cases)
          }
          expect(result.districts.reduce((s, d) => s + d.cases, 0)).toBe(result.region.cases)
          expect(quality.used).toBe(result.region.cases)
          expect(quality.considered).toBe(quality.used + quality.leftOut.reduce((s, l) => s + l.count, 0))
          expect(quality.considered).toBe(rows.filter((r) => r.priority === 1 && r.code !== "0780").length)
          for (const m of [...result.municipalities, result.region]) {
            expect(m.overGoal).toBe(m.medianSeconds !== null && m.medianSeconds >= goal)
          }
        },
      ),
      { numRuns: 60 },
    )
  })
})

describe("median-response presenter", () => {
  const boundaries: NonNullable<Geography["boundaries"]> = {
    type: "FeatureCollection",
    features: [
      {
        type: "Feature",
        properties: { code: "1280", name: "Malmö" },
        geometry: {
          type: "Polygon",
          coordinates: [
            [
              [13.0, 55.6],
              [13.1, 55.6],
              [13.1, 55.5],
              [13.0, 55.6],
            ],
          ],
        },
      },
    ],
  }
  const fixtures = [...workedExample, single("E", "1285", 1200)]

  it("titles the table slide in both languages and marks the right medians over goal", () => {
    const run = Effect.runSync(medianResponse.run(inputOf(fixtures), {}))
    const [sv] = run.present("default", { language: "sv" })
    const [en] = run.present("default", { language: "en" })
    expect(sv!.id).toBe("median-response")
    expect(sv!.title).toBe("Mediantid larm till framme hämtadress per kommundistrikt och kommun")
    expect(en!.title).toBe(
      "Median time from dispatch to arrival at pick-up address per municipality district and municipality",
    )

    const table = sv!.blocks.find((b) => b.kind === "table") as TableBlock
    const byName = (name: string) => table.rows.find((r) => r.cells[0]!.text === name)!
    // Malmö 1060 < 1080: met. Eslöv 1200 >= 1080: over.
    expect(byName("Malmö").cells[2]).toEqual({ text: "17:40", value: 1060, format: "duration" })
    expect(byName("Eslöv").cells[2]!.emphasis).toEqual(["over-goal"])
    // District rows carry no goal mark even at 1200 s.
    const subtotals = table.rows.filter((r) => r.kind === "subtotal")
    expect(subtotals[1]!.cells[2]).toMatchObject({ value: 1200, emphasis: ["total"] })
    // Region: 1060 and 1200 -> 1130, over 720.
    const total = table.rows.at(-1)!
    expect(total.kind).toBe("total")
    expect(total.cells[2]).toMatchObject({ value: 1130, text: "18:50", emphasis: ["over-goal", "total"] })
    expect(total.cells[1]!.value).toBe(2)
    expect(sv!.notes).toContain("under 12 minuter")
    expect(table.notes?.[0]).toContain("under 18:00")
  })

  it("gives a map with an area per municipality and the geography's boundaries", () => {
    const input = inputOf(fixtures, { ...testGeography, boundaries })
    const [slide] = Effect.runSync(medianResponse.run(input, {})).present("map", { language: "en" })
    expect(slide!.id).toBe("median-response-map")
    expect(slide!.title).toBe("Median time from dispatch to arrival at pick-up address – map")

    // An explanation first, then the map.
    expect(slide!.blocks.map((b) => b.kind)).toEqual(["text", "map"])
    const map = slide!.blocks[1] as MapBlock
    expect(map.kind).toBe("map")
    // The map's caption is its own, not the slide title again.
    expect(map.title).toBe("Median time per municipality, priority 1 cases")
    expect(map.areas).toHaveLength(8)
    expect(map.areas.find((a) => a.code === "1280")).toEqual({
      code: "1280",
      name: "Malmö",
      value: 1060,
      text: "17:40",
      overGoal: false,
    })
    expect(map.areas.find((a) => a.code === "1285")!.overGoal).toBe(true)
    expect(map.areas.find((a) => a.code === "1290")).toMatchObject({
      value: null,
      text: "–",
      overGoal: false,
    })
    expect(map.goal?.value).toBe(1080)
    expect(map.boundaries).toEqual(boundaries)
    // The goal the text names is the parameter's, written as m:ss.
    const text = slide!.blocks[0]
    expect(text?.kind === "text" && text.paragraphs[1]).toContain(
      "Municipalities whose median is 18:00 or more",
    )
  })

  it("says in words that a geography without boundaries has no map", () => {
    const [slide] = Effect.runSync(medianResponse.run(inputOf(fixtures), {})).present("map", {
      language: "sv",
    })
    expect(slide!.title).toBe("Mediantid larm till framme hämtadress – karta")
    expect(slide!.blocks).toHaveLength(1)
    expect(slide!.blocks[0]!.kind).toBe("text")
  })
})
