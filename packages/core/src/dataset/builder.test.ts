import fc from "fast-check"
import { describe, expect, it } from "vitest"
import { resolveGeography } from "../domain/geography.js"
import type { Priority } from "../domain/priority.js"
import { TIME_FIELD_INDEX, TIME_FIELDS } from "../domain/time-fields.js"
import { testGeography } from "../testing/index.js"
import { timeZone } from "../time/zone.js"
import { DataSetBuilder } from "./builder.js"
import { IdLookup } from "./id-lookup.js"
import { PackedStrings } from "./packed-strings.js"

const geography = resolveGeography(testGeography)
const zone = timeZone("Europe/Stockholm")
const D = TIME_FIELD_INDEX.dispatchedAt
const A = TIME_FIELD_INDEX.arrivedSceneAt

interface Row {
  readonly id: string
  readonly case: string
  readonly dispatched: number
  readonly arrived?: number
  readonly station?: string
  readonly municipality?: string
  readonly priority?: Priority
}

const build = (rows: ReadonlyArray<Row>) => {
  const builder = new DataSetBuilder(geography, zone)
  rows.forEach((row, i) => {
    const times = TIME_FIELDS.map(() => Number.NaN)
    times[D] = row.dispatched
    times[A] = row.arrived ?? Number.NaN
    builder.addMission({
      missionId: row.id,
      caseId: row.case,
      resourceId: `AMB ${i}`,
      station: row.station ?? "Lund",
      priority: row.priority ?? 1,
      initialPriority: row.priority ?? 1,
      municipalityCode: row.municipality ?? "1281",
      times,
      ambiguousMask: 0,
      line: i + 2,
    })
  })
  return { builder, dataset: builder.build() }
}

const T = Date.UTC(2025, 5, 2, 8, 0)
const MINUTE = 60_000

describe("DataSetBuilder", () => {
  it("groups missions by case id, adjacent or not, numbering cases by first appearance", () => {
    const { dataset } = build([
      { id: "M1", case: "C2", dispatched: T },
      { id: "M2", case: "C2", dispatched: T + MINUTE },
      { id: "M3", case: "C3", dispatched: T + 2 * MINUTE },
      { id: "M4", case: "C1", dispatched: T + 3 * MINUTE },
      { id: "M5", case: "C2", dispatched: T + 4 * MINUTE },
      { id: "M6", case: "C3", dispatched: T + 5 * MINUTE },
    ])
    // C2 first (case 0), then C3 (1), then C1 (2), though "C1" sorts first.
    expect([...dataset.missions.caseIndex]).toEqual([0, 0, 1, 2, 0, 1])
    expect(dataset.cases.caseId).toEqual(["C2", "C3", "C1"])
    expect([...dataset.cases.missionCount]).toEqual([3, 2, 1])
  })

  it("leads a case by its earliest dispatch, a tie going to the smaller id as strings compare", () => {
    // "M10" < "M9" as strings, so M10 leads the tie although it came later and its number is larger.
    const { dataset } = build([
      { id: "M9", case: "C1", dispatched: T, priority: 2, municipality: "1280" },
      { id: "M10", case: "C1", dispatched: T, priority: 1, municipality: "1283" },
      { id: "M11", case: "C1", dispatched: T - MINUTE + 1, priority: 3, arrived: T + 9 * MINUTE },
    ])
    // M11 is earliest: it leads with priority 3 and its municipality (the default, Lund 1281 = index 3).
    expect(dataset.cases.priority[0]).toBe(3)
    expect(dataset.cases.firstDispatch[0]).toBe(T - MINUTE + 1)
    expect(dataset.cases.firstArrival[0]).toBe(T + 9 * MINUTE)

    // An arrival before its own mission's dispatch is not a first arrival; the case is flagged.
    const implausible = build([
      { id: "P1", case: "C1", dispatched: T, arrived: T + 25 * MINUTE },
      { id: "P2", case: "C1", dispatched: T + 10 * MINUTE, arrived: T + 5 * MINUTE },
      { id: "P3", case: "C2", dispatched: T, arrived: T - MINUTE },
      { id: "P4", case: "C3", dispatched: T, arrived: T },
    ]).dataset
    expect([...implausible.cases.firstArrival]).toEqual([T + 25 * MINUTE, Number.NaN, T])
    expect([...implausible.cases.arrivalBeforeDispatch]).toEqual([1, 1, 0])

    const tie = build([
      { id: "M9", case: "C1", dispatched: T, priority: 2 },
      { id: "M10", case: "C1", dispatched: T, priority: 1 },
    ]).dataset
    expect(tie.cases.priority[0]).toBe(1)
  })

  it("finds an added mission's position and line, and nothing for an unknown id", () => {
    const { builder } = build([
      { id: "U3", case: "A", dispatched: T },
      { id: "U1", case: "B", dispatched: T },
      { id: "U7", case: "C", dispatched: T },
    ])
    expect(builder.missionIndexOf("U1")).toBe(1)
    expect(builder.missionLine(1)).toBe(3)
    expect(builder.missionIndexOf("U7")).toBe(2)
    expect(builder.missionIndexOf("U2")).toBe(-1)
    expect(builder.missionIndexOf("U8")).toBe(-1)
  })

  it("gives the string columns back as written, resolving stations and municipalities", () => {
    const { dataset } = build([
      { id: "Ö-1", case: "Ärende 1", dispatched: T, station: "Malmö", municipality: "1280" },
      { id: "🚑-2", case: "Ärende 1", dispatched: T, station: "Ystad", municipality: "0180" },
      { id: "M3", case: "Ärende 2", dispatched: T, station: "Malmö", municipality: "1280" },
    ])
    const m = dataset.missions
    expect(m.missionId).toEqual(["Ö-1", "🚑-2", "M3"])
    expect(m.stationName).toEqual(["Malmö", "Ystad", "Malmö"])
    expect(m.municipalityCode).toEqual(["1280", "0180", "1280"])
    expect(dataset.cases.caseId).toEqual(["Ärende 1", "Ärende 2"])
    // Malmö is station 0 and municipality 1 of the test geography; Ystad and 0180 are not in it.
    expect([...m.stationRef]).toEqual([0, -1, 0])
    expect([...m.municipalityRef]).toEqual([1, -1, 1])
    expect([...m.resourceDistrict]).toEqual([0, -1, 0])
  })

  it("groups and leads cases as a plain model does, for any order of ids", () => {
    const row = fc.record({
      id: fc.string({ maxLength: 4 }),
      case: fc.constantFrom("C1", "C2", "C10", "Ä", "c1"),
      dispatched: fc.constantFrom(T, T + MINUTE, T + 2 * MINUTE),
    })
    fc.assert(
      fc.property(fc.uniqueArray(row, { selector: (r) => r.id, maxLength: 30 }), (rows) => {
        const { dataset } = build(rows)

        const order: string[] = []
        const lead = new Map<string, (typeof rows)[number]>()
        for (const r of rows) {
          const current = lead.get(r.case)
          if (current === undefined) order.push(r.case)
          if (
            current === undefined ||
            r.dispatched < current.dispatched ||
            (r.dispatched === current.dispatched && r.id < current.id)
          ) {
            lead.set(r.case, r)
          }
        }
        expect(dataset.cases.caseId).toEqual(order)
        expect(dataset.missions.missionId).toEqual(rows.map((r) => r.id))
        expect([...dataset.missions.caseIndex]).toEqual(rows.map((r) => order.indexOf(r.case)))
        const leadRow = order.map((c) => rows.indexOf(lead.get(c)!))
        expect([...dataset.cases.firstDispatch]).toEqual(leadRow.map((i) => rows[i]!.dispatched))
      }),
      { seed: 5, numRuns: 300 },
    )
  })
})

describe("PackedStrings and IdLookup", () => {
  it("give back every string and order them as JavaScript does", () => {
    // Strings that share prefixes (front coding), run past 127 and 255 characters (length bytes, the
    // shared-prefix cap), leave Latin-1, or are empty; sorted or not.
    const similar = fc
      .tuple(
        fc.constantFrom("", "U0000", "a".repeat(300), "Ä"),
        fc.string({ unit: fc.constantFrom("0", "1", "ö", "€"), maxLength: 4 }),
      )
      .map(([prefix, rest]) => prefix + rest)
    const text = fc.oneof(fc.string({ unit: "binary", maxLength: 6 }), similar)
    fc.assert(
      fc.property(
        fc.array(text, { maxLength: 40 }),
        fc.boolean(),
        fc.oneof(fc.string(), similar),
        (drawn, sorted, probe) => {
          const texts = sorted ? [...drawn].sort() : drawn
          const packed = new PackedStrings()
          for (const t of texts) packed.push(t)
          expect(packed.toArray()).toEqual(texts)
          texts.forEach((t, i) => {
            expect(packed.get(i)).toBe(t)
            expect(packed.compare(probe, i)).toBe(probe < t ? -1 : probe === t ? 0 : 1)
          })
        },
      ),
      { seed: 6, numRuns: 300 },
    )
  })

  it("finds the first position of an id, sorted, unsorted or repeated", () => {
    const ids = fc.array(
      fc.oneof(fc.constantFrom("a", "b", "c", "a1", "b10", "b9"), fc.string({ maxLength: 3 })),
      {
        maxLength: 50,
      },
    )
    fc.assert(
      fc.property(ids, fc.boolean(), (drawn, sorted) => {
        const sequence = sorted ? [...drawn].sort() : drawn
        const packed = new PackedStrings()
        const lookup = new IdLookup(packed)
        const first = new Map<string, number>()
        for (const id of sequence) {
          expect(lookup.find(id)).toBe(first.get(id) ?? -1)
          lookup.add(id, packed.length)
          packed.push(id)
          if (!first.has(id)) first.set(id, packed.length - 1)
        }
        for (const probe of ["", "a", "zz", "b5"]) expect(lookup.find(probe)).toBe(first.get(probe) ?? -1)
      }),
      { seed: 7, numRuns: 300 },
    )
  })
})
