import { Effect } from "effect"
import { describe, expect, it } from "vitest"
import { stationKey } from "../domain/geography.js"
import { assumedValues, hasAssumptions } from "./assumptions.js"
import { haversineKm } from "./distance.js"
import { parseGeography } from "./parse-geography.js"
import { skaneGeography } from "./skane.js"
import { SKANE_MUNICIPALITIES } from "./skane-reference.js"

const municipality = (code: string) => skaneGeography.municipalities.find((m) => m.code === code)
const station = (name: string) => skaneGeography.stations.find((s) => s.name === name)

describe("skaneGeography", () => {
  it("is Region Skåne in Stockholm time with 4 districts, 33 municipalities and 28 stations", () => {
    expect(skaneGeography.region).toBe("Region Skåne")
    expect(skaneGeography.timeZone).toBe("Europe/Stockholm")
    expect(skaneGeography.districts.map((d) => d.id)).toEqual(["1", "2", "3", "4"])
    expect(skaneGeography.municipalities).toHaveLength(33)
    expect(skaneGeography.stations).toHaveLength(28)
  })

  it("names the districts as districts.csv does", () => {
    expect(skaneGeography.districts.map((d) => d.name)).toEqual([
      "Sydväst (Malmö)",
      "Mellersta (Lund-Landskrona)",
      "Nordväst (Helsingborg)",
      "Nordost/Öst (Kristianstad)",
    ])
  })

  it("puts every municipality in a known district and every station in a known municipality of the same district", () => {
    const districtIds = new Set(skaneGeography.districts.map((d) => d.id))
    for (const m of skaneGeography.municipalities) expect(districtIds).toContain(m.district)
    for (const s of skaneGeography.stations) {
      expect(municipality(s.municipality)?.district).toBe(s.district)
    }
  })

  it("has unique codes and station names", () => {
    expect(new Set(skaneGeography.municipalities.map((m) => m.code)).size).toBe(33)
    expect(new Set(skaneGeography.stations.map((s) => stationKey(s.name))).size).toBe(28)
  })

  it("has the codes, names and districts checked by hand against the reference files", () => {
    expect(municipality("1280")).toEqual({ code: "1280", name: "Malmö", district: "1" })
    expect(municipality("1256")).toEqual({ code: "1256", name: "Östra Göinge", district: "4" })
    expect(municipality("1214")).toMatchObject({ name: "Svalöv", district: "2" })
    expect(municipality("1292")).toMatchObject({ name: "Ängelholm", district: "3" })
    expect(municipality("1286")).toMatchObject({ name: "Ystad", district: "2" })
  })

  it("marks district membership as assumed exactly where districts.csv says so", () => {
    // districts.csv: "assumed" in 3 rows of district 1, 8 of district 3, 4 of district 4.
    expect(municipality("1233")?.assumed).toBe(true) // Vellinge
    expect(municipality("1293")?.assumed).toBe(true) // Hässleholm
    expect(municipality("1260")?.assumed).toBe(true) // Bjuv
    expect(municipality("1287")?.assumed).toBeUndefined() // Trelleborg: at-foto
    expect(municipality("1273")?.assumed).toBeUndefined() // Osby: Sveriges Radio 2004
    expect(assumedValues(skaneGeography).municipalities).toHaveLength(3 + 8 + 4)
  })

  it("places the evidenced stations at their town centres and marks the uncertain and unverified ones", () => {
    expect(station("Malmö")).toEqual({
      name: "Malmö",
      district: "1",
      municipality: "1280",
      lat: 55.60529,
      lon: 13.00016,
    })
    expect(station("Vinslöv")).toMatchObject({ municipality: "1293", district: "4", assumed: true })
    expect(station("Tomelilla")).toMatchObject({ municipality: "1270", district: "4", assumed: true })
    expect(station("Broby")).toMatchObject({
      municipality: "1256",
      lat: 56.2733,
      lon: 14.1443,
      assumed: true,
    })
    // 11 evidenced or uncertain, of which 2 uncertain; 17 unverified localities.
    expect(assumedValues(skaneGeography).stations).toHaveLength(17 + 2)
    expect(skaneGeography.stations.filter((s) => s.assumed !== true)).toHaveLength(9)
    expect(hasAssumptions(skaneGeography)).toBe(true)
  })

  it("puts every station within 20 km of its municipality's centroid", () => {
    // SOURCES.md: seats lie 1–12 km from the centroids, assumed stations sit on them, and
    // Vinslöv, a locality of Hässleholm rather than its seat, is about 16 km away.
    for (const s of skaneGeography.stations) {
      const centroid = SKANE_MUNICIPALITIES.find((m) => m.code === s.municipality)!
      expect(haversineKm(s.lat!, s.lon!, centroid.lat, centroid.lon)).toBeLessThan(20)
    }
  })

  it("has 33 boundary features whose codes are the municipality codes", () => {
    const features = skaneGeography.boundaries!.features
    expect(features).toHaveLength(33)
    expect(features.map((f) => f.properties.code).sort()).toEqual(
      skaneGeography.municipalities.map((m) => m.code).sort(),
    )
    expect(features.find((f) => f.properties.code === "1280")?.properties.name).toBe("Malmö")
  })

  it("passes its own file check when written out as a geography file", () => {
    const text = JSON.stringify({ ...skaneGeography, boundaries: skaneGeography.boundaries })
    const parsed = Effect.runSync(parseGeography(text, "skane.json"))
    expect(parsed.municipalities).toEqual(skaneGeography.municipalities)
    expect(parsed.stations).toEqual(skaneGeography.stations)
    expect(parsed.boundaries?.features).toHaveLength(33)
  })
})
