import { Effect } from "effect"
import fc from "fast-check"
import { describe, expect, it } from "vitest"
import type { Priority } from "../../domain/priority.js"
import type { TableBlock } from "../../model/report-model.js"
import { buildTestDataSet, type FixtureMission } from "../../testing/index.js"
import { monthIndex } from "../../time/month.js"
import type { MetricInput } from "../metric.js"
import {
  type BorderlessDispatchParams,
  type BorderlessDispatchResult,
  borderlessDispatch,
  borderlessDispatchDefinition,
  computeBorderlessDispatch,
} from "./borderless-dispatch.js"

const year2025 = { from: monthIndex(2025, 1), to: monthIndex(2025, 12) }

const inputOf = (missions: ReadonlyArray<FixtureMission>): MetricInput => ({
  dataset: buildTestDataSet({ missions }),
  period: year2025,
  previousPeriod: null,
})

const mission = (
  id: string,
  station: string,
  municipality: string,
  dispatchedAt: string,
  priority: Priority = 1,
  initialPriority: Priority = priority,
): FixtureMission => ({ id, case: `C-${id}`, station, municipality, dispatchedAt, priority, initialPriority })

const params = (priority: Priority): BorderlessDispatchParams => ({ priority })

const row = (result: BorderlessDispatchResult, name: string) => {
  const found = result.municipalities.find((m) => m.name === name)
  if (found === undefined) throw new Error(`no row ${name}`)
  return found
}

const cellsOf = (counts: { byResourceDistrict: ReadonlyArray<{ missions: number }> }) =>
  counts.byResourceDistrict.map((c) => c.missions)

describe("borderless-dispatch compute", () => {
  it("counts the worked example: Malmö's case served by Malmö (own district) and Lund", () => {
    const input = inputOf([
      { ...mission("M1", "Malmö", "1280", "2025-05-01 10:01:30"), case: "C1" },
      { ...mission("M2", "Lund", "1280", "2025-05-01 10:04:00"), case: "C1" },
    ])
    const { result, quality } = computeBorderlessDispatch(input, params(1))

    // Malmö is in district 1: M1 (station district 1) is own, M2 (district 2) is not: 1 of 2.
    const malmo = row(result, "Malmö")
    expect(cellsOf(malmo)).toEqual([1, 1, 0, 0])
    expect(malmo.external).toBe(0)
    expect(malmo.total).toBe(2)
    expect(malmo.ownDistrict).toBe(1)
    expect(malmo.ownDistrictShare).toBe(0.5)
    expect(quality).toEqual({
      unit: "missions",
      considered: 2,
      used: 2,
      leftOut: [],
      ambiguousLocalTimes: 0,
    })
  })

  it("puts external resources in their own column, keeps out-of-region callers and other priorities out", () => {
    const input = inputOf([
      mission("A", "Växjö", "1281", "2025-03-01 12:00"), // external resource for Lund
      mission("B", "Lund", "1281", "2025-03-01 13:00"), // own district for Lund
      mission("C", "Helsingborg", "1281", "2025-03-02 13:00"), // district 3 for Lund
      mission("D", "Malmö", "0780", "2025-03-02 13:00"), // caller outside the region
      mission("E", "Lund", "1281", "2025-03-03 09:00", 2), // priority 2
      mission("F", "Lund", "1281", "2025-03-03 09:30", 1, 2), // re-prioritised 2 -> 1: counts as 1
    ])
    const { result, quality } = computeBorderlessDispatch(input, params(1))

    // Lund (district 2): B and F in column 2, C in column 3, A external: total 4, own 2.
    const lund = row(result, "Lund")
    expect(cellsOf(lund)).toEqual([0, 2, 1, 0])
    expect(lund.external).toBe(1)
    expect(lund.total).toBe(4)
    expect(lund.ownDistrictShare).toBe(0.5)
    expect(result.outOfRegionCallers).toBe(1)
    expect(quality.considered).toBe(4)

    // District 2 = Lund + Eslöv (zero), and the region equals it as no other district has missions.
    const d2 = result.municipalityDistricts[1]!
    expect(d2.id).toBe("2")
    expect(cellsOf(d2)).toEqual([0, 2, 1, 0])
    expect(d2.ownDistrict).toBe(2)
    expect(result.region.total).toBe(4)
    expect(result.region.external).toBe(1)

    // Priority 2 sees only E.
    const p2 = computeBorderlessDispatch(input, params(2)).result
    expect(p2.priority).toBe(2)
    expect(row(p2, "Lund").total).toBe(1)
    expect(p2.region.total).toBe(1)
  })

  it("keeps every reference municipality, in district then geography order, with zeros and a null share", () => {
    const { result } = computeBorderlessDispatch(inputOf([]), params(1))

    expect(result.municipalities.map((m) => m.code)).toEqual([
      "1233",
      "1280",
      "1287",
      "1281",
      "1285",
      "1283",
      "1284",
      "1290",
    ])
    expect(result.municipalityDistricts.map((d) => d.id)).toEqual(["1", "2", "3", "4"])
    const kristianstad = row(result, "Kristianstad")
    expect(kristianstad.total).toBe(0)
    expect(kristianstad.ownDistrictShare).toBeNull()
    expect(result.region.ownDistrictShare).toBeNull()
  })

  it("restricts to the period by the local month of dispatch", () => {
    const input = inputOf([
      // 2024-12-31 23:30 local: December 2024, outside.
      mission("OUT", "Malmö", "1280", "2024-12-31 23:30"),
      // 00:10 local on New Year's Day is 23:10 UTC the day before, but it is January locally.
      mission("IN", "Malmö", "1280", "2025-01-01 00:10"),
      mission("LATE", "Malmö", "1280", "2026-01-01 00:00"),
    ])
    const { result, quality } = computeBorderlessDispatch(input, params(1))

    expect(row(result, "Malmö").total).toBe(1)
    expect(quality.considered).toBe(1)
  })

  it("region own-district share sums each municipality's own district", () => {
    const input = inputOf([
      mission("1", "Malmö", "1233", "2025-02-01 10:00"), // Vellinge d1 by d1: own
      mission("2", "Kristianstad", "1233", "2025-02-01 11:00"), // Vellinge d1 by d4
      mission("3", "Kristianstad", "1290", "2025-02-01 12:00"), // Kristianstad d4 by d4: own
    ])
    const { result } = computeBorderlessDispatch(input, params(1))

    // own missions 1 and 3 of 3 missions: 2/3
    expect(result.region.ownDistrict).toBe(2)
    expect(result.region.ownDistrictShare).toBeCloseTo(2 / 3, 12)
    expect(cellsOf(result.region)).toEqual([1, 0, 0, 2])
  })
})

describe("borderless-dispatch ambiguous local times", () => {
  it("flags used missions whose dispatch time, which decides the month, was ambiguous", () => {
    const base = inputOf([
      mission("A", "Malmö", "1280", "2025-03-01 12:00"),
      mission("B", "Malmö", "1280", "2025-03-01 13:00"),
      mission("C", "Malmö", "1280", "2025-03-01 14:00"),
    ])
    // A: dispatch ambiguous (bit 1): flagged; B: arrival only (bit 3): not; C: dispatch and cleared: flagged
    const ambiguousMask = Uint8Array.from([0b10, 0b1000, 0b1000010])
    const dataset = { ...base.dataset, missions: { ...base.dataset.missions, ambiguousMask } }
    const { quality } = computeBorderlessDispatch({ ...base, dataset }, params(1))
    expect(quality).toMatchObject({ used: 3, ambiguousLocalTimes: 2 })
  })
})

const stations = ["Malmö", "Trelleborg", "Lund", "Eslöv", "Helsingborg", "Kristianstad", "Växjö"]
const municipalities = ["1233", "1280", "1287", "1281", "1285", "1283", "1284", "1290", "0780"]

const arbitraryMissions = fc.array(
  fc.record({
    station: fc.constantFrom(...stations),
    municipality: fc.constantFrom(...municipalities),
    priority: fc.constantFrom<Priority>(1, 2, 3),
    month: fc.integer({ min: 11, max: 14 }), // Nov 2024 .. Feb 2025 via month arithmetic below
  }),
  { maxLength: 60 },
)

const toFixtures = (
  rows: ReadonlyArray<{ station: string; municipality: string; priority: Priority; month: number }>,
) =>
  rows.map((r, i) => {
    const year = r.month > 12 ? 2025 : 2024
    const month = String(((r.month - 1) % 12) + 1).padStart(2, "0")
    return mission(`M${i}`, r.station, r.municipality, `${year}-${month}-10 12:00`, r.priority)
  })

describe("borderless-dispatch properties", () => {
  it("adds up: cells to row totals, municipalities to districts, districts to the region; shares in [0, 1]", () => {
    fc.assert(
      fc.property(arbitraryMissions, fc.constantFrom<Priority>(1, 2, 3), (rows, priority) => {
        const fixtures = toFixtures(rows)
        const { result, quality } = computeBorderlessDispatch(inputOf(fixtures), params(priority))

        const all = [...result.municipalities, ...result.municipalityDistricts, result.region]
        for (const counts of all) {
          expect(cellsOf(counts).reduce((a, b) => a + b, counts.external)).toBe(counts.total)
          if (counts.ownDistrictShare !== null) {
            expect(counts.ownDistrictShare).toBeGreaterThanOrEqual(0)
            expect(counts.ownDistrictShare).toBeLessThanOrEqual(1)
          }
        }

        for (const district of result.municipalityDistricts) {
          const members = result.municipalities.filter((m) => m.districtId === district.id)
          expect(members.reduce((s, m) => s + m.total, 0)).toBe(district.total)
          expect(members.reduce((s, m) => s + m.ownDistrict, 0)).toBe(district.ownDistrict)
        }
        expect(result.municipalityDistricts.reduce((s, d) => s + d.total, 0)).toBe(result.region.total)

        // Each mission of the priority in 2025 lands in exactly one cell or the out-of-region count.
        const expected = fixtures.filter((f) => f.priority === priority && f.dispatchedAt.startsWith("2025"))
        expect(result.region.total + result.outOfRegionCallers).toBe(expected.length)
        const leftOut = quality.leftOut.reduce((s, l) => s + l.count, 0)
        expect(quality.considered).toBe(quality.used + leftOut)
        expect(quality.used).toBe(result.region.total)
      }),
      { numRuns: 60 },
    )
  })
})

describe("borderless-dispatch presenter", () => {
  const input = inputOf([
    { ...mission("M1", "Malmö", "1280", "2025-05-01 10:01:30"), case: "C1" },
    { ...mission("M2", "Lund", "1280", "2025-05-01 10:04:00"), case: "C1" },
    mission("X", "Växjö", "1290", "2025-06-01 10:00", 2),
  ])

  const present = (priority: Priority, language: "sv" | "en") => {
    const run = Effect.runSync(borderlessDispatch.run(input, { priority }))
    return run.present("default", { language })
  }

  const tableOf = (blocks: ReadonlyArray<{ kind: string }>) =>
    blocks.find((b) => b.kind === "table") as TableBlock

  it("titles the slide in both languages with the priority and a stable id", () => {
    const [sv] = present(1, "sv")
    const [en] = present(3, "en")
    expect(sv!.id).toBe("borderless-dispatch-p1")
    expect(sv!.title).toBe(
      "Gränslös dirigering prio 1 – Antal uppdrag inom och utanför respektive ambulansdistrikt",
    )
    expect(en!.id).toBe("borderless-dispatch-p3")
    expect(en!.title).toBe(
      "Borderless dispatch priority 3 – Number of missions within and outside each ambulance district",
    )
    expect(tableOf(sv!.blocks).id).toBe("borderless-dispatch-p1-table")
  })

  it("shows the result's numbers, marks own-district cells and ends with the region total", () => {
    const [slide] = present(1, "sv")
    const table = tableOf(slide!.blocks)
    const { result } = computeBorderlessDispatch(input, params(1))

    // Columns: Kommun, 4 districts, external, total, share.
    expect(table.columns.map((c) => c.key)).toEqual([
      "municipality",
      "district-1",
      "district-2",
      "district-3",
      "district-4",
      "external",
      "total",
      "own-district-share",
    ])
    const malmoRow = table.rows.find((r) => r.cells[0]!.text === "Malmö")!
    const malmo = row(result, "Malmö")
    expect(malmoRow.cells.slice(1).map((c) => c.value)).toEqual([
      ...cellsOf(malmo),
      malmo.external,
      malmo.total,
      malmo.ownDistrictShare,
    ])
    expect(malmoRow.cells[1]!.emphasis).toEqual(["own-district"])
    expect(malmoRow.cells[2]!.emphasis).toBeUndefined()
    expect(malmoRow.cells[8 - 1]!.text).toBe("50,0\u00a0%")

    // Lund's row (district 2) has its mark in column 2.
    const lundRow = table.rows.find((r) => r.cells[0]!.text === "Lund")!
    expect(lundRow.cells.map((c) => c.emphasis?.includes("own-district") ?? false)).toEqual([
      false,
      false,
      true,
      false,
      false,
      false,
      false,
      false,
    ])

    // Four districts: heading, members, subtotal each; then the total.
    expect(table.rows.filter((r) => r.kind === "group-heading")).toHaveLength(4)
    const subtotals = table.rows.filter((r) => r.kind === "subtotal")
    expect(subtotals).toHaveLength(4)
    expect(subtotals[0]!.cells[1]!.emphasis).toEqual(["own-district", "total"])
    expect(subtotals[0]!.cells[1]!.value).toBe(1)
    const total = table.rows.at(-1)!
    expect(total.kind).toBe("total")
    expect(total.cells[0]!.text).toBe("Hela Test")
    expect(total.cells[0]!.emphasis).toEqual(["total"])
    expect(total.cells[6]!.value).toBe(2)
    expect(table.rows).toHaveLength(4 + 8 + 4 + 1)
  })

  it("lets deck texts replace the explanation and keeps the quality in the notes", () => {
    const run = Effect.runSync(borderlessDispatch.run(input, {}))
    const [slide] = run.present("default", {
      language: "en",
      texts: { "borderless-dispatch-p1": ["Own words."] },
    })
    expect(slide!.blocks[0]).toEqual({ kind: "text", paragraphs: ["Own words."] })
    expect(slide!.notes).toContain("Basis: 2 missions, 2 used, 0 left out.")
  })

  it("rejects a priority outside 1–3 and defaults to 1", () => {
    expect(borderlessDispatchDefinition.params.parse({})).toEqual({ priority: 1 })
    const failed = Effect.runSync(Effect.result(borderlessDispatch.run(input, { priority: 4 })))
    expect(failed._tag).toBe("Failure")
  })
})
