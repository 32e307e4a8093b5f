import { describe, expect, it } from "vitest"
import { buildTestDataSet } from "../testing/index.js"
import { stationKey } from "./geography.js"

describe("stationKey", () => {
  it("matches names that differ only in case, white space or Unicode composition", () => {
    expect(stationKey("  MALMÖ ")).toBe("malmö")
    expect(stationKey("Malmo\u0308")).toBe("malmö")
    expect(stationKey("Ambulans \t Lund")).toBe("ambulans lund")
  })

  it("makes a decomposed station name a regional resource, not an external one", () => {
    const dataset = buildTestDataSet({
      missions: [
        {
          id: "a",
          case: "a",
          station: "Malmo\u0308",
          priority: 1,
          municipality: "1280",
          dispatchedAt: "2025-03-01 10:00",
        },
      ],
    })
    // Malmö is the first station of the test geography, in district index 0
    expect(dataset.missions.stationRef[0]).toBe(0)
    expect(dataset.missions.resourceDistrict[0]).toBe(0)
  })
})
