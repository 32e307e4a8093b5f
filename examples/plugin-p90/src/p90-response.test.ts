import { buildRegistry, type ChartBlock, monthIndex, type TableBlock, validatePlugin } from "@ambu/core"
import { buildTestDataSet, type FixtureMission } from "@ambu/core/testing"
import { Effect, Result } from "effect"
import { describe, expect, it } from "vitest"
import plugin from "./index.js"
import { computeP90, p90Response } from "./p90-response.js"

const period = { from: monthIndex(2025, 1), to: monthIndex(2025, 12) }

const prio1 = (
  id: string,
  municipality: string,
  dispatchedAt: string,
  arrivedSceneAt?: string,
): FixtureMission => ({
  id,
  case: id,
  station: "Malmö",
  priority: 1,
  municipality,
  dispatchedAt,
  ...(arrivedSceneAt === undefined ? {} : { arrivedSceneAt }),
})

// Malmö (1280): 1, 2, …, 10 minutes. Lund (1281): 2, 4, 6 minutes, one case that never arrived and
// one that arrived before its dispatch. Trelleborg (1287): one case of two missions; the first
// dispatch is 10:00 and the first arrival 10:07 (by the second mission), so 7 minutes.
// Not in the population: a priority 2 case, a case of 2024, a caller from outside the region.
const missions: FixtureMission[] = [
  ...Array.from({ length: 10 }, (_, i) =>
    prio1(`m${i + 1}`, "1280", "2025-03-01 10:00", `2025-03-01 10:${String(i + 1).padStart(2, "0")}`),
  ),
  prio1("l1", "1281", "2025-06-01 08:00", "2025-06-01 08:02"),
  prio1("l2", "1281", "2025-06-01 08:00", "2025-06-01 08:04"),
  prio1("l3", "1281", "2025-06-01 08:00", "2025-06-01 08:06"),
  prio1("l4", "1281", "2025-06-01 08:00"),
  prio1("l5", "1281", "2025-06-01 08:00", "2025-06-01 07:59"),
  { ...prio1("t1a", "1287", "2025-09-01 10:00", "2025-09-01 10:15"), case: "t1" },
  { ...prio1("t1b", "1287", "2025-09-01 10:02", "2025-09-01 10:07"), case: "t1" },
  { ...prio1("x1", "1280", "2025-03-01 10:00", "2025-03-01 11:00"), priority: 2 },
  prio1("x2", "1280", "2024-12-31 10:00", "2024-12-31 11:00"),
  prio1("x3", "0180", "2025-03-01 10:00", "2025-03-01 11:00"),
]
const dataset = buildTestDataSet({ missions })

const byName = (result: ReturnType<typeof computeP90>["result"], name: string) =>
  result.municipalities.find((m) => m.name === name)!

describe("p90-response", () => {
  it("computes the nearest-rank 90th percentile per municipality and for the region", () => {
    const { result } = computeP90({ dataset, period }, { percent: 90 })

    // Malmö: 10 values, rank ⌈9⌉ = 9 → 9 minutes.
    expect(byName(result, "Malmö")).toEqual({ code: "1280", name: "Malmö", cases: 10, seconds: 540 })
    // Lund: 120, 240, 360 s; rank ⌈2.7⌉ = 3 → 360 s.
    expect(byName(result, "Lund")).toEqual({ code: "1281", name: "Lund", cases: 3, seconds: 360 })
    expect(byName(result, "Trelleborg")).toEqual({ code: "1287", name: "Trelleborg", cases: 1, seconds: 420 })
    expect(byName(result, "Vellinge")).toEqual({ code: "1233", name: "Vellinge", cases: 0, seconds: null })
    // Region: 60,120,120,180,240,240,300,360,360,420,420,480,540,600; rank ⌈12.6⌉ = 13 → 540 s.
    expect(result.region).toEqual({ cases: 14, seconds: 540 })
  })

  it("accounts for every case of the population", () => {
    const { quality } = computeP90({ dataset, period }, { percent: 90 })
    expect(quality).toEqual({
      unit: "cases",
      considered: 16,
      used: 14,
      leftOut: [
        { reason: "missing-arrived-scene-at", count: 1 },
        { reason: "negative-interval", count: 1 },
      ],
      ambiguousLocalTimes: 0,
    })
  })

  it("takes another percentile as a parameter", () => {
    // Malmö at 50 %: rank ⌈5⌉ = 5 → 5 minutes.
    const { result } = computeP90({ dataset, period }, { percent: 50 })
    expect(byName(result, "Malmö").seconds).toBe(300)
  })

  it("presents a bar chart and a table with the region as the total row", () => {
    const run = Effect.runSync(p90Response.run({ dataset, period, previousPeriod: null }, {}))
    const [slide] = run.present("default", { language: "sv" })
    expect(slide!.id).toBe("p90-response")
    expect(slide!.title).toBe("Tid larm till framme hämtadress, 90:e percentilen per kommun")

    const chart = slide!.blocks.find((b): b is ChartBlock => b.kind === "chart")!
    expect(chart.categories.slice(0, 4)).toEqual(["Vellinge", "Malmö", "Trelleborg", "Lund"])
    expect(chart.series).toEqual([{ name: "P90", values: [null, 540, 420, 360, null, null, null, null] }])

    const table = slide!.blocks.find((b): b is TableBlock => b.kind === "table")!
    expect(table.rows.at(-1)).toEqual({
      kind: "total",
      cells: [
        { text: "Hela Test", value: "Hela Test", format: "text", emphasis: ["total"] },
        { text: "14", value: 14, format: "count", emphasis: ["total"] },
        { text: "9:00", value: 540, format: "duration", emphasis: ["total"] },
      ],
    })
  })

  it("refuses a percent outside 1–99, naming the metric", () => {
    const result = Effect.runSync(
      Effect.result(p90Response.run({ dataset, period, previousPeriod: null }, { percent: 100 })),
    )
    expect(Result.isFailure(result) && result.failure.message).toContain(
      'invalid parameters for metric "p90-response"',
    )
  })

  it("is a valid plugin that adds its slide to the default deck", () => {
    expect(Effect.runSync(validatePlugin(plugin, "@ambu/plugin-p90"))).toBe(plugin)
    const registry = Effect.runSync(buildRegistry([plugin]))
    expect(registry.pluginSlides).toEqual([{ metric: "p90-response" }])
    expect(registry.metrics.get("p90-response")?.plugin).toBe("@ambu/plugin-p90")
  })
})
