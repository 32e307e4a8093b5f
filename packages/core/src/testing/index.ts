/**
 * Helpers for tests of metrics and renderers: a small geography and a data
 * set built from readable rows, without going through the file reader.
 * Exported as `@ambu/core/testing`; not part of the stable API.
 */
import { DataSetBuilder } from "../dataset/builder.js"
import type { DataSet } from "../dataset/data-set.js"
import type { Geography } from "../domain/geography.js"
import { resolveGeography } from "../domain/geography.js"
import type { Priority } from "../domain/priority.js"
import { TIME_FIELDS, type TimeField } from "../domain/time-fields.js"
import { daysFromCivil, MS_PER_DAY } from "../time/civil.js"
import { timeZone } from "../time/zone.js"

/** Four districts, eight municipalities, six stations: enough to exercise every grouping. */
export const testGeography: Geography = {
  region: "Region Test",
  timeZone: "Europe/Stockholm",
  districts: [
    { id: "1", name: "Sydväst" },
    { id: "2", name: "Mellersta" },
    { id: "3", name: "Nordväst" },
    { id: "4", name: "Nordost" },
  ],
  municipalities: [
    { code: "1233", name: "Vellinge", district: "1" },
    { code: "1280", name: "Malmö", district: "1" },
    { code: "1287", name: "Trelleborg", district: "1" },
    { code: "1281", name: "Lund", district: "2" },
    { code: "1285", name: "Eslöv", district: "2" },
    { code: "1283", name: "Helsingborg", district: "3" },
    { code: "1284", name: "Höganäs", district: "3" },
    { code: "1290", name: "Kristianstad", district: "4" },
  ],
  stations: [
    { name: "Malmö", district: "1", municipality: "1280" },
    { name: "Trelleborg", district: "1", municipality: "1287" },
    { name: "Lund", district: "2", municipality: "1281" },
    { name: "Eslöv", district: "2", municipality: "1285" },
    { name: "Helsingborg", district: "3", municipality: "1283" },
    { name: "Kristianstad", district: "4", municipality: "1290" },
  ],
}

/** A mission for a fixture. Times are local `YYYY-MM-DD HH:MM[:SS]` or ISO 8601 with an offset. */
export interface FixtureMission {
  readonly id: string
  readonly case: string
  readonly station: string
  readonly priority: Priority
  readonly initialPriority?: Priority
  readonly municipality: string
  readonly resource?: string
  readonly callAnsweredAt?: string
  readonly dispatchedAt: string
  readonly enRouteAt?: string
  readonly arrivedSceneAt?: string
  readonly leftSceneAt?: string
  readonly arrivedDestinationAt?: string
  readonly clearedAt?: string
}

export interface FixtureRescueCase {
  readonly id: string
  readonly municipality: string
  readonly createdAt: string
  readonly index1: string
  readonly index2?: string
  readonly index3?: string
  readonly confirmed: boolean
}

const LOCAL = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2})(?::(\d{2}))?$/

/**
 * An instant from a fixture's time text. Local times that are ambiguous
 * take the first occurrence; fixtures that test the contract's other rules
 * go through the real reader instead.
 */
export const fixtureInstant = (text: string, zoneName = "Europe/Stockholm"): number => {
  const local = LOCAL.exec(text)
  if (local === null) {
    const instant = Date.parse(text)
    if (Number.isNaN(instant)) throw new Error(`fixture time "${text}" is neither local nor ISO 8601`)
    return instant
  }
  const [, y, mo, d, h, mi, s] = local
  const wall =
    daysFromCivil(Number(y), Number(mo), Number(d)) * MS_PER_DAY +
    Number(h) * 3_600_000 +
    Number(mi) * 60_000 +
    Number(s ?? 0) * 1000
  const resolution = timeZone(zoneName).resolveLocal(wall)
  if (resolution.kind === "gap") throw new Error(`fixture time "${text}" does not exist in ${zoneName}`)
  return resolution.kind === "ok" ? resolution.instant : resolution.first
}

/** Builds a data set from fixture rows, in the given geography (the test geography by default). */
export const buildTestDataSet = (input: {
  readonly missions?: ReadonlyArray<FixtureMission>
  readonly rescueCases?: ReadonlyArray<FixtureRescueCase>
  readonly geography?: Geography
}): DataSet => {
  const geography = input.geography ?? testGeography
  const zone = timeZone(geography.timeZone)
  const builder = new DataSetBuilder(resolveGeography(geography), zone)

  input.missions?.forEach((m, i) => {
    const times = TIME_FIELDS.map((field: TimeField) => {
      const text = m[field]
      return text === undefined ? Number.NaN : fixtureInstant(text, geography.timeZone)
    })
    builder.addMission({
      missionId: m.id,
      caseId: m.case,
      resourceId: m.resource ?? `AMB ${i + 1}`,
      station: m.station,
      priority: m.priority,
      initialPriority: m.initialPriority ?? m.priority,
      municipalityCode: m.municipality,
      times,
      ambiguousMask: 0,
      line: i + 2,
    })
  })

  input.rescueCases?.forEach((r, i) => {
    builder.addRescueCase({
      caseId: r.id,
      municipalityCode: r.municipality,
      createdAt: fixtureInstant(r.createdAt, geography.timeZone),
      index1: r.index1,
      index2: r.index2 ?? "",
      index3: r.index3 ?? "",
      rescueResourceConfirmed: r.confirmed,
      line: i + 2,
    })
  })

  return builder.build()
}

export { HOSTILE_NAME, reportFixture } from "./report-fixture.js"
export { SAMPLE_GENERATED_AT, sampleReport } from "./sample-report.js"
