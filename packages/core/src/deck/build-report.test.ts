import { Effect } from "effect"
import { describe, expect, it } from "vitest"
import { z } from "zod"
import { defineMetric } from "../metrics/metric.js"
import { MetricError } from "../metrics/metric-error.js"
import { numberCell } from "../model/format.js"
import { Report } from "../model/report-model.js"
import { definePlugin } from "../plugin/plugin.js"
import { buildRegistry } from "../plugin/registry.js"
import { buildTestDataSet } from "../testing/index.js"
import { monthIndex } from "../time/month.js"
import { buildReport } from "./build-report.js"

// A metric simple enough to check by hand: missions in the period.
const missionCount = defineMetric({
  id: "mission-count",
  title: { sv: "Antal", en: "Count" },
  description: { sv: "Uppdrag i perioden.", en: "Missions in the period." },
  params: z.object({ scale: z.number().default(1) }),
  compute: (input, params) =>
    Effect.sync(() => {
      let n = 0
      for (let i = 0; i < input.dataset.missions.count; i++) {
        const month = input.dataset.missions.month[i]!
        if (month >= input.period.from && month <= input.period.to) n++
      }
      return {
        result: { missions: n * params.scale },
        quality: { unit: "missions" as const, considered: n, used: n, leftOut: [], ambiguousLocalTimes: 0 },
      }
    }),
  views: {
    default: (output, context) => [
      {
        id: "mission-count",
        title: "Antal",
        blocks: [
          {
            kind: "key-figures",
            items: [{ label: "n", value: numberCell(output.result.missions, "count", context.language) }],
          },
        ],
        notes: "",
      },
    ],
  },
})

const failing = defineMetric({
  id: "always-fails",
  title: { sv: "Trasig", en: "Broken" },
  description: { sv: "", en: "" },
  params: z.object({}),
  compute: () => Effect.fail(new MetricError({ metricId: "always-fails", message: "boom" })),
  views: { default: () => [] },
})

const mission = (id: string, dispatchedAt: string) =>
  ({ id, case: id, station: "Malmö", priority: 1, municipality: "1280", dispatchedAt }) as const

// One mission on the 10th of every month of 2024 and 2025, so both years are
// complete; 2025 is the default period and 2024 the previous one. Two more at
// the turn of the year: 23:59 on 31 December is still 2025 locally, 00:00 on
// 1 January is 2026. So 2025 holds 12 + 1 = 13 missions.
const monthly = Array.from({ length: 24 }, (_, i) => {
  const year = 2024 + Math.floor(i / 12)
  const month = String((i % 12) + 1).padStart(2, "0")
  return mission(`m${i}`, `${year}-${month}-10 10:00`)
})
const dataset = buildTestDataSet({
  missions: [...monthly, mission("c", "2025-12-31 23:59"), mission("d", "2026-01-01 00:00")],
})

const registry = Effect.runSync(
  buildRegistry([definePlugin({ name: "test", metrics: [missionCount, failing] })]),
)

const run = (options: Partial<Parameters<typeof buildReport>[0]>) =>
  Effect.runSync(
    Effect.result(
      buildReport({
        dataset,
        files: [],
        registry,
        deck: [{ builtin: "title" }, { metric: "mission-count" }, { builtin: "data-quality" }],
        language: "sv",
        generatedAt: "2026-01-15T08:00:00Z",
        toolVersion: "0.0.0",
        ...options,
      }),
    ),
  )

describe("buildReport", () => {
  it("defaults to the last complete year and compares with the year before when the data covers it", () => {
    const outcome = run({})
    if (outcome._tag !== "Success") throw new Error("expected a report")
    const report = outcome.success
    expect(report.period).toEqual({ from: "2025-01", to: "2025-12" })
    expect(report.previousPeriod).toEqual({ from: "2024-01", to: "2024-12" })
    expect(report.metrics["mission-count"]!.result).toEqual({ missions: 13 })
    expect(report.slides.map((s) => [s.number, s.id])).toEqual([
      [1, "title"],
      [2, "mission-count"],
      [3, "data-quality"],
    ])
    expect(report.slides[0]!.blocks[0]).toEqual({
      kind: "title",
      title: "Ambulansuppföljning",
      subtitle: "Region Test för 2025-01 till 2025-12",
      produced: "Framtagen 2026-01",
    })
    expect(Report.safeParse(report).success).toBe(true)
  })

  it("keeps the report when a metric fails, with a slide that says what failed", () => {
    const outcome = run({ deck: [{ metric: "always-fails" }, { metric: "mission-count" }] })
    if (outcome._tag !== "Success") throw new Error("expected a report")
    expect(outcome.success.slides[0]!.blocks).toEqual([
      { kind: "error", message: 'Måttet "always-fails" kunde inte beräknas: boom' },
    ])
    expect(outcome.success.slides[1]!.id).toBe("mission-count")
  })

  it("fails in strict mode when a metric fails", () => {
    const outcome = run({ deck: [{ metric: "always-fails" }], strict: true })
    expect(outcome._tag).toBe("Failure")
  })

  it("names the known metrics when the deck asks for an unknown one", () => {
    const outcome = run({ deck: [{ metric: "nope" }] })
    if (outcome._tag !== "Failure") throw new Error("expected a failure")
    expect(outcome.failure.message).toContain('"nope"')
    expect(outcome.failure.message).toContain("mission-count")
  })

  it("refuses a period that ends before it starts", () => {
    const outcome = run({ period: { from: monthIndex(2025, 5), to: monthIndex(2025, 4) } })
    expect(outcome._tag).toBe("Failure")
  })

  it("passes parameters to the metric and records them in the report", () => {
    const outcome = run({ deck: [{ metric: "mission-count", params: { scale: 10 } }] })
    if (outcome._tag !== "Success") throw new Error("expected a report")
    expect(outcome.success.metrics["mission-count"]!.result).toEqual({ missions: 130 })
    expect(outcome.success.parameters["mission-count"]).toEqual({ scale: 10 })
  })

  it("refuses invalid parameters with the metric's name", () => {
    const outcome = run({ deck: [{ metric: "mission-count", params: { scale: "big" } }], strict: true })
    if (outcome._tag !== "Failure") throw new Error("expected a failure")
    expect(outcome.failure.message).toContain('metric "mission-count"')
  })
})

describe("buildRegistry", () => {
  it("refuses two plugins that claim one metric id, naming both", () => {
    const outcome = Effect.runSync(
      Effect.result(
        buildRegistry([
          definePlugin({ name: "first", metrics: [missionCount] }),
          definePlugin({ name: "second", metrics: [missionCount] }),
        ]),
      ),
    )
    if (outcome._tag !== "Failure") throw new Error("expected a failure")
    expect(outcome.failure.message).toBe(
      'metric id "mission-count" is claimed by both "first" and "second"; rename one of them',
    )
  })
})

describe("buildReport with a metric that throws", () => {
  const throwing = defineMetric({
    id: "throws",
    title: { sv: "Kastar", en: "Throws" },
    description: { sv: "", en: "" },
    params: z.object({}),
    compute: () =>
      Effect.sync(() => {
        throw new Error("plugin bug")
      }),
    views: { default: () => [] },
  })
  const registryWithThrowing = Effect.runSync(
    buildRegistry([definePlugin({ name: "buggy", metrics: [throwing, missionCount] })]),
  )
  const build = (strict: boolean) =>
    Effect.runSync(
      Effect.result(
        buildReport({
          dataset,
          files: [],
          registry: registryWithThrowing,
          deck: [{ metric: "throws" }, { metric: "mission-count" }],
          language: "en",
          generatedAt: "2026-01-15T08:00:00Z",
          toolVersion: "0.0.0",
          strict,
        }),
      ),
    )

  it("contains the throw in an error slide and keeps the rest of the report", () => {
    const outcome = build(false)
    if (outcome._tag !== "Success") throw new Error("expected a report")
    expect(outcome.success.slides[0]!.blocks).toEqual([
      {
        kind: "error",
        message: 'The metric "throws" could not be computed: metric "throws" threw: plugin bug',
      },
    ])
    expect(outcome.success.metrics["mission-count"]!.result).toEqual({ missions: 13 })
  })

  it("fails the run in strict mode", () => {
    expect(build(true)._tag).toBe("Failure")
  })
})

describe("buildReport with a hand-made metric entry whose run throws at once", () => {
  it("contains the throw too", () => {
    const registryWithRaw = Effect.runSync(
      buildRegistry([
        definePlugin({
          name: "raw",
          metrics: [
            {
              ...missionCount,
              id: "raw-throw",
              run: () => {
                throw new Error("thrown before any effect")
              },
            },
          ],
        }),
      ]),
    )
    const outcome = Effect.runSync(
      Effect.result(
        buildReport({
          dataset,
          files: [],
          registry: registryWithRaw,
          deck: [{ metric: "raw-throw" }],
          language: "en",
          generatedAt: "2026-01-15T08:00:00Z",
          toolVersion: "0.0.0",
        }),
      ),
    )
    if (outcome._tag !== "Success") throw new Error("expected a report")
    expect(outcome.success.slides[0]!.blocks[0]).toEqual({
      kind: "error",
      message:
        'The metric "raw-throw" could not be computed: metric "raw-throw" threw: thrown before any effect',
    })
  })
})
