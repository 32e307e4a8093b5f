import { describe, expect, it } from "vitest"
import { haversineKm } from "./distance.js"

// One degree of a great circle is 2πR/360 = 2π × 6371.0088 / 360 ≈ 111.195 km.
const KM_PER_DEGREE = (2 * Math.PI * 6371.0088) / 360

describe("haversineKm", () => {
  it("is zero between a point and itself", () => {
    expect(haversineKm(55.6, 13, 55.6, 13)).toBe(0)
  })

  it("measures one degree along the equator and along a meridian as 2πR/360", () => {
    expect(haversineKm(0, 0, 0, 1)).toBeCloseTo(KM_PER_DEGREE, 6)
    expect(haversineKm(55, 13, 56, 13)).toBeCloseTo(KM_PER_DEGREE, 6)
  })

  it("shrinks a degree of longitude by cos(latitude) for short east-west hops", () => {
    // At 60° north cos = 0.5, so 0.01° of longitude is about half of 0.01° at the equator.
    expect(haversineKm(60, 13, 60, 13.01)).toBeCloseTo(0.5 * 0.01 * KM_PER_DEGREE, 3)
  })

  it("is symmetric", () => {
    expect(haversineKm(55.6053, 13.0002, 56.0294, 14.1567)).toBe(
      haversineKm(56.0294, 14.1567, 55.6053, 13.0002),
    )
  })
})
