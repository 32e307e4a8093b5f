import { mkdtempSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { Effect } from "effect"
import { describe, expect, it } from "vitest"
import type { GeographyError } from "./geography-error.js"
import { loadGeographyFile, parseGeography } from "./parse-geography.js"

const valid = () => ({
  region: "Region Test",
  timeZone: "Europe/Stockholm",
  districts: [
    { id: "1", name: "Syd" },
    { id: "2", name: "Norr" },
  ],
  municipalities: [
    { code: "1280", name: "Malmö", district: "1" },
    { code: "1283", name: "Helsingborg", district: "2", assumed: true },
  ],
  stations: [
    { name: "Malmö", district: "1", municipality: "1280", lat: 55.6, lon: 13 },
    { name: "Helsingborg", district: "2", municipality: "1283" },
  ],
})

const failure = (text: string, fileName = "region.json"): GeographyError =>
  Effect.runSync(Effect.flip(parseGeography(text, fileName)))

const failureOf = (value: unknown): GeographyError => failure(JSON.stringify(value, null, 2))

describe("parseGeography", () => {
  it("accepts a valid file and keeps optional fields only where given", () => {
    const geography = Effect.runSync(parseGeography(JSON.stringify(valid()), "region.json"))
    expect(geography.municipalities[1]).toEqual({
      code: "1283",
      name: "Helsingborg",
      district: "2",
      assumed: true,
    })
    expect(geography.stations[1]).toEqual({ name: "Helsingborg", district: "2", municipality: "1283" })
    expect(geography.boundaries).toBeUndefined()
  })

  it("accepts a byte-order mark before the JSON", () => {
    const geography = Effect.runSync(parseGeography(`\uFEFF${JSON.stringify(valid())}`, "region.json"))
    expect(geography.region).toBe("Region Test")
  })

  it("reports invalid JSON with the file name, line and column", () => {
    // Line 3 is `  "timeZone": "Europe/Stockholm",` followed by a trailing comma before `}` on line 4.
    const error = failure('{\n  "region": "X",\n  "timeZone": "Europe/Stockholm",\n}', "bad.json")
    expect(error._tag).toBe("GeographyError")
    expect(error.fileName).toBe("bad.json")
    expect(error.message).toContain("bad.json")
    expect(error.message).toContain("not valid JSON at line 4, column 1")
  })

  it("reports a file cut short at its last line", () => {
    expect(failure('{\n  "region": "X"').message).toContain("at line 2")
  })

  it("reports every schema violation with its JSON path", () => {
    const input = valid()
    const error = failureOf({
      ...input,
      region: "",
      districts: [{ id: "1" }, input.districts[1]],
      municipalities: [{ ...input.municipalities[0], code: "128" }, input.municipalities[1]],
      stations: [{ ...input.stations[0], lat: "55.6" }, input.stations[1]],
    })
    const paths = error.problems.map((p) => p.path)
    expect(paths).toEqual(
      expect.arrayContaining(["region", "districts[0].name", "municipalities[0].code", "stations[0].lat"]),
    )
    expect(error.message).toContain("at municipalities[0].code: must be a municipality code of 4 digits")
    expect(error.message).toContain(
      "at districts[0].name: Invalid input: expected string, received undefined",
    )
    expect(error.message).toContain("Fix: add the field, a string")
  })

  it("reports a missing list", () => {
    const { stations: _, ...withoutStations } = valid()
    const error = failureOf(withoutStations)
    expect(error.problems).toEqual([
      { path: "stations", problem: "is missing", fix: "list the stations as a JSON array of objects" },
    ])
  })

  it("refuses more stations than the data set's two-byte references hold, and takes exactly that many", () => {
    const stations = (n: number) =>
      Array.from({ length: n }, (_, i) => ({ name: `S${i}`, district: "1", municipality: "1280" }))
    const error = failureOf({ ...valid(), stations: stations(32_768) })
    expect(error.problems).toEqual([
      {
        path: "stations",
        problem: "lists 32768 entries, more than the 32767 the data set can refer to",
        fix: "split the region into several geographies of at most 32767 stations each",
      },
    ])

    const most = Effect.runSync(
      parseGeography(JSON.stringify({ ...valid(), stations: stations(32_767) }), "r.json"),
    )
    expect(most.stations).toHaveLength(32_767)
  })

  it("reports an unknown time zone", () => {
    const error = failureOf({ ...valid(), timeZone: "Europe/Stokholm" })
    expect(error.problems).toHaveLength(1)
    expect(error.problems[0]).toMatchObject({
      path: "timeZone",
      problem: 'the time zone "Europe/Stokholm" is unknown',
    })
  })

  it("reports a municipality in an unknown district", () => {
    const input = valid()
    const error = failureOf({
      ...input,
      municipalities: [input.municipalities[0], { code: "1290", name: "Kristianstad", district: "4" }],
    })
    expect(error.problems[0]?.path).toBe("municipalities[1].district")
    expect(error.message).toContain(
      'municipality 1290 (Kristianstad) names the district "4", which is not among the districts (1, 2)',
    )
  })

  it("reports a municipality code listed twice", () => {
    const input = valid()
    const error = failureOf({
      ...input,
      municipalities: [...input.municipalities, { code: "1280", name: "Malmö igen", district: "1" }],
    })
    expect(error.problems).toEqual([
      {
        path: "municipalities[2].code",
        problem: 'the municipality code "1280" is listed twice, first at municipalities[0]',
        fix: "remove one of the two entries or correct the municipality code",
      },
    ])
  })

  it("reports a district id listed twice", () => {
    const input = valid()
    const error = failureOf({ ...input, districts: [...input.districts, { id: "2", name: "Norr igen" }] })
    expect(error.problems.map((p) => p.path)).toEqual(["districts[2].id"])
    expect(error.message).toContain('the district id "2" is listed twice, first at districts[1]')
  })

  it("reports a station name listed twice, comparing names as the mission file is matched", () => {
    const input = valid()
    const error = failureOf({
      ...input,
      stations: [...input.stations, { name: "  MALMÖ ", district: "1", municipality: "1280" }],
    })
    expect(error.problems.map((p) => p.path)).toEqual(["stations[2].name"])
    expect(error.message).toContain('the station name "malmö" is listed twice, first at stations[0]')
  })

  it("reports a station without a district, suggesting its municipality's district", () => {
    const input = valid()
    const error = failureOf({
      ...input,
      stations: [input.stations[0], { name: "Helsingborg", municipality: "1283" }],
    })
    expect(error.problems).toEqual([
      {
        path: "stations[1].district",
        problem: 'station "Helsingborg" has no district',
        fix: 'add "district": "2", the district of its municipality 1283',
      },
    ])
  })

  it("reports a station in an unknown district", () => {
    const input = valid()
    const error = failureOf({
      ...input,
      stations: [input.stations[0], { ...input.stations[1], district: "9" }],
    })
    expect(error.problems.map((p) => p.path)).toEqual(["stations[1].district"])
    expect(error.message).toContain(
      'station "Helsingborg" names the district "9", which is not among the districts (1, 2)',
    )
  })

  it("reports a station in an unknown municipality", () => {
    const input = valid()
    const error = failureOf({
      ...input,
      stations: [input.stations[0], { ...input.stations[1], municipality: "1380" }],
    })
    expect(error.problems.map((p) => p.path)).toEqual(["stations[1].municipality"])
    expect(error.message).toContain(
      'station "Helsingborg" lies in the municipality "1380", which is not among the municipalities',
    )
  })

  it("collects problems of different kinds in one error instead of stopping at the first", () => {
    const input = valid()
    const error = failureOf({
      ...input,
      timeZone: "Mars/Olympus",
      municipalities: [...input.municipalities, { code: "1280", name: "Malmö", district: "7" }],
      stations: [...input.stations, { name: "Lund", municipality: "1281" }],
    })
    // Time zone; municipality 2 in unknown district 7 and a duplicate code; station 2 without
    // district and in unknown municipality 1281.
    expect(error.problems.map((p) => p.path).sort()).toEqual([
      "municipalities[2].code",
      "municipalities[2].district",
      "stations[2].district",
      "stations[2].municipality",
      "timeZone",
    ])
    expect(error.message.split("\n")[0]).toBe("region.json: the geography has 5 problems:")
  })

  it("does not echo a bad district entry as unknown-district errors of the municipalities", () => {
    const input = valid()
    const error = failureOf({ ...input, districts: [input.districts[0], { id: "2", name: 5 }] })
    expect(error.problems.map((p) => p.path)).toEqual(["districts[1].name"])
  })

  it("checks the boundaries when given", () => {
    const error = failureOf({
      ...valid(),
      boundaries: { type: "FeatureCollection", features: [{ type: "Feature" }] },
    })
    expect(error.problems.map((p) => p.path)).toEqual([
      "boundaries.features[0].properties",
      "boundaries.features[0].geometry",
    ])
  })

  it("reports a root that is not an object", () => {
    expect(failure("[]").problems[0]?.problem).toBe("the file holds no JSON object")
  })
})

describe("loadGeographyFile", () => {
  const folder = mkdtempSync(join(tmpdir(), "ambu-geography-"))

  it("reads and checks a file", async () => {
    const path = join(folder, "ok.json")
    writeFileSync(path, JSON.stringify(valid()))
    const geography = await Effect.runPromise(loadGeographyFile(path))
    expect(geography.region).toBe("Region Test")
    expect(geography.stations.map((s) => s.name)).toEqual(["Malmö", "Helsingborg"])
  })

  it("fails with the path when the file is missing", async () => {
    const path = join(folder, "missing.json")
    const error = await Effect.runPromise(Effect.flip(loadGeographyFile(path)))
    expect(error.fileName).toBe(path)
    expect(error.message).toContain("the file cannot be read")
    expect(error.message).toContain("ENOENT")
  })
})
