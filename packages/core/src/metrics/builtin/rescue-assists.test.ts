import { Effect } from "effect"
import fc from "fast-check"
import { describe, expect, it } from "vitest"
import type { Priority } from "../../domain/priority.js"
import type { TableBlock } from "../../model/report-model.js"
import { buildTestDataSet, type FixtureMission, type FixtureRescueCase } from "../../testing/index.js"
import { monthIndex } from "../../time/month.js"
import type { MetricInput } from "../metric.js"
import {
  computeRescueAssists,
  RESCUE_CATEGORIES,
  type RescueAssistsResult,
  rescueAssists,
  rescueCategory,
} from "./rescue-assists.js"

const year2025 = { from: monthIndex(2025, 1), to: monthIndex(2025, 12) }

const inputOf = (
  missions: ReadonlyArray<FixtureMission>,
  rescueCases: ReadonlyArray<FixtureRescueCase>,
): MetricInput => ({
  dataset: buildTestDataSet({ missions, rescueCases }),
  period: year2025,
  previousPeriod: null,
})

/** A one-mission care case. */
const careCase = (
  id: string,
  municipality: string,
  priority: Priority = 1,
  dispatchedAt = "2025-04-01 12:00",
): FixtureMission => ({ id, case: id, station: "Malmö", priority, municipality, dispatchedAt })

const rescue = (
  id: string,
  municipality: string,
  indices: readonly [string, string?, string?],
  confirmed = true,
  createdAt = "2025-04-01 12:00",
): FixtureRescueCase => {
  const [index1, index2, index3] = indices
  return {
    id,
    municipality,
    createdAt,
    confirmed,
    index1,
    ...(index2 === undefined ? {} : { index2 }),
    ...(index3 === undefined ? {} : { index3 }),
  }
}

const CARDIAC = ["Sjukvårdslarm", "Första hjälpenlarm", "Hjärtstopp"] as const
const IVPA = ["Sjukvårdslarm", "IVPA"] as const
const ASSIST = ["Ambulansassistans"] as const

const row = (result: RescueAssistsResult, name: string) => {
  const found = result.municipalities.find((m) => m.name === name)
  if (found === undefined) throw new Error(`no row ${name}`)
  return found
}

describe("rescueCategory", () => {
  it("matches the index texts ignoring case and surrounding white space", () => {
    expect(rescueCategory(" sjukvårdslarm ", "FÖRSTA HJÄLPENLARM", "hjärtstopp\t")).toBe("cardiac-arrest")
    expect(rescueCategory("Sjukvårdslarm", " ivpa", "")).toBe("ivpa")
    expect(rescueCategory("SJUKVÅRDSLARM", "IVPA", "Hjärtstopp")).toBe("ivpa")
    expect(rescueCategory("ambulansassistans ", "", "")).toBe("ambulance-assistance")
  })

  it("matches decomposed letters (å as a + ring) as the same text", () => {
    expect(rescueCategory("Sjukva\u030Ardslarm", "Fo\u0308rsta hja\u0308lpenlarm", "Hja\u0308rtstopp")).toBe(
      "cardiac-arrest",
    )
  })

  it("gives no category to near misses", () => {
    expect(rescueCategory("Sjukvårdslarm", "Första hjälpenlarm", "Andningsbesvär")).toBeNull()
    expect(rescueCategory("Sjukvårdslarm", "Första hjälpenlarm", "")).toBeNull()
    expect(rescueCategory("Brand", "IVPA", "")).toBeNull()
    // Inner white space is not folded: the spec trims only.
    expect(rescueCategory("Sjukvårdslarm", "Första  hjälpenlarm", "Hjärtstopp")).toBeNull()
  })
})

describe("rescue-assists compute", () => {
  const input = inputOf(
    [
      // Malmö: four prio-1 cases in the period (one with two missions), plus ones that do not count.
      careCase("K1", "1280"),
      careCase("K2", "1280"),
      { ...careCase("K3a", "1280"), case: "K3" },
      { ...careCase("K3b", "1280", 1, "2025-04-01 12:05"), case: "K3" },
      careCase("K4", "1280"),
      careCase("K5", "1280", 2), // priority 2
      careCase("K6", "1280", 1, "2024-12-15 12:00"), // before the period
      careCase("K7", "0780"), // out-of-region caller
      // Vellinge: one prio-1 case.
      careCase("V1", "1233"),
    ],
    [
      rescue("R1", "1280", CARDIAC),
      rescue("R2", "1280", IVPA),
      rescue("R3", "1280", IVPA),
      rescue("R4", "1280", IVPA, false), // no confirmed resource
      rescue("R5", "1280", ["Brand"]), // no category
      rescue("R6", "1281", ASSIST), // Lund has no prio-1 care cases
      rescue("R7", "0780", CARDIAC), // out of region
      rescue("R8", "1280", CARDIAC, true, "2026-01-01 00:30"), // after the period
      rescue("R9", "1233", ASSIST),
      rescue("R10", "1233", ASSIST),
    ],
  )
  const { result, quality } = computeRescueAssists(input)

  it("counts confirmed cases per category and divides by the municipality's prio-1 care cases", () => {
    const malmo = row(result, "Malmö")
    // K1, K2, K3 (one case of two missions) and K4: 4.
    expect(malmo.prio1Cases).toBe(4)
    expect(malmo.byCategory).toEqual({
      "cardiac-arrest": { cases: 1, share: 0.25 },
      ivpa: { cases: 2, share: 0.5 },
      "ambulance-assistance": { cases: 0, share: 0 },
    })
    // Two assists against one prio-1 case: a share above 1 is possible, the populations differ.
    expect(row(result, "Vellinge").byCategory["ambulance-assistance"]).toEqual({ cases: 2, share: 2 })
  })

  it("shows no share where there are no prio-1 care cases", () => {
    const lund = row(result, "Lund")
    expect(lund.prio1Cases).toBe(0)
    expect(lund.byCategory["ambulance-assistance"]).toEqual({ cases: 1, share: null })
    expect(lund.byCategory.ivpa).toEqual({ cases: 0, share: null })
  })

  it("sums districts and the region from their municipalities", () => {
    // District 1 = Vellinge (1 prio-1 case, 2 assists) + Malmö (4, 1 cardiac, 2 IVPA) + Trelleborg (0).
    expect(result.districts[0]).toEqual({
      id: "1",
      name: "Sydväst",
      prio1Cases: 5,
      byCategory: {
        "cardiac-arrest": { cases: 1, share: 0.2 },
        ivpa: { cases: 2, share: 0.4 },
        "ambulance-assistance": { cases: 2, share: 0.4 },
      },
    })
    // Region adds Lund's assist: 3 of 5.
    expect(result.region.prio1Cases).toBe(5)
    expect(result.region.byCategory["ambulance-assistance"]).toEqual({ cases: 3, share: 0.6 })
    expect(result.municipalities).toHaveLength(8)
  })

  it("accounts for every regional rescue case of the period", () => {
    // R1-R6, R9, R10 are regional and in the period: 8; R4 unconfirmed, R5 no category.
    expect(quality).toEqual({
      unit: "rescue-cases",
      considered: 8,
      used: 6,
      leftOut: [
        { reason: "no-category", count: 1 },
        { reason: "rescue-resource-not-confirmed", count: 1 },
      ],
      ambiguousLocalTimes: 0,
    })
  })
})

describe("rescue-assists properties", () => {
  const codes = ["1233", "1280", "1287", "1281", "1285", "1283", "1284", "1290", "0780"]
  const kinds = [CARDIAC, IVPA, ASSIST, ["Brand"] as const, ["Sjukvårdslarm", "Första hjälpenlarm"] as const]

  it("adds up and keeps considered = used + left out", () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ code: fc.constantFrom(...codes), priority: fc.constantFrom<Priority>(1, 2) }), {
          maxLength: 30,
        }),
        fc.array(
          fc.record({
            code: fc.constantFrom(...codes),
            kind: fc.constantFrom(...kinds),
            confirmed: fc.boolean(),
          }),
          { maxLength: 30 },
        ),
        (careRows, rescueRows) => {
          const { result, quality } = computeRescueAssists(
            inputOf(
              careRows.map((c, i) => careCase(`K${i}`, c.code, c.priority)),
              rescueRows.map((r, i) => rescue(`R${i}`, r.code, r.kind, r.confirmed)),
            ),
          )

          for (const group of [...result.municipalities, ...result.districts, result.region]) {
            for (const category of RESCUE_CATEGORIES) {
              const { cases, share } = group.byCategory[category]
              expect(share).toBe(group.prio1Cases === 0 ? null : cases / group.prio1Cases)
            }
          }
          for (const district of result.districts) {
            const members = result.municipalities.filter((m) => m.districtId === district.id)
            expect(members.reduce((s, m) => s + m.prio1Cases, 0)).toBe(district.prio1Cases)
            for (const category of RESCUE_CATEGORIES) {
              expect(members.reduce((s, m) => s + m.byCategory[category].cases, 0)).toBe(
                district.byCategory[category].cases,
              )
            }
          }
          const regionTotal = RESCUE_CATEGORIES.reduce((s, c) => s + result.region.byCategory[c].cases, 0)
          expect(quality.used).toBe(regionTotal)
          expect(quality.considered).toBe(quality.used + quality.leftOut.reduce((s, l) => s + l.count, 0))
          expect(quality.considered).toBe(rescueRows.filter((r) => r.code !== "0780").length)
        },
      ),
      { numRuns: 60 },
    )
  })
})

describe("rescue-assists presenter", () => {
  const input = inputOf(
    [careCase("K1", "1280"), careCase("K2", "1280"), careCase("K3", "1280")],
    [rescue("R1", "1280", CARDIAC), rescue("R2", "1281", IVPA)],
  )

  it("titles the slide in both languages", () => {
    const run = Effect.runSync(rescueAssists.run(input, {}))
    expect(run.present("default", { language: "sv" })[0]!.title).toBe(
      "Hjärtstopp – IVPA – Ambulansassistans från räddningstjänst",
    )
    expect(run.present("default", { language: "en" })[0]!.title).toBe(
      "Cardiac arrest – IVPA – Ambulance assistance from the rescue service",
    )
  })

  it("shows counts and shares per category, a dash where there is no share, and the region total", () => {
    const [slide] = Effect.runSync(rescueAssists.run(input, {})).present("default", { language: "sv" })
    expect(slide!.id).toBe("rescue-assists")
    const table = slide!.blocks.find((b) => b.kind === "table") as TableBlock
    expect(table.id).toBe("rescue-assists-table")
    expect(table.columns.map((c) => c.group ?? "")).toEqual([
      "",
      "Hjärtstopp",
      "Hjärtstopp",
      "IVPA",
      "IVPA",
      "Ambulansassistans",
      "Ambulansassistans",
      "",
    ])

    // Malmö: 1 cardiac of 3 prio-1 cases = 33,3 %.
    const malmo = table.rows.find((r) => r.cells[0]!.text === "Malmö")!
    expect(malmo.cells.slice(1).map((c) => c.value)).toEqual([1, 1 / 3, 0, 0, 0, 0, 3])
    expect(malmo.cells[2]!.text).toBe("33,3\u00a0%")
    // Lund: one IVPA, no prio-1 cases: the share is a dash.
    const lund = table.rows.find((r) => r.cells[0]!.text === "Lund")!
    expect(lund.cells[3]!.value).toBe(1)
    expect(lund.cells[4]).toEqual({ text: "–", value: null, format: "share" })

    const total = table.rows.at(-1)!
    expect(total.kind).toBe("total")
    // Region: 1 cardiac and 1 IVPA over 3 prio-1 cases.
    expect(total.cells.slice(1).map((c) => c.value)).toEqual([1, 1 / 3, 1, 1 / 3, 0, 0, 3])
    expect(slide!.notes).toContain("Underlag: 2 räddningsärenden, 2 använda, 0 utelämnade.")
  })
})
