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
import { buildReport, deckConflicts, deckSlideId } from "./build-report.js"
import type { DeckEntry } from "./deck-entry.js"

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
      {
        kind: "error",
        message:
          'Måttet "Trasig" (always-fails, från "test") kunde inte beräknas, så här saknas dess siffror. Tekniskt fel: "boom"',
      },
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
        message:
          'The metric "Throws" (throws, from "buggy") could not be computed, so its figures are missing here. Technical detail: "it threw Error: plugin bug"',
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
        'The metric "Count" (raw-throw, from "raw") could not be computed, so its figures are missing here. Technical detail: "it threw Error: thrown before any effect"',
    })
  })
})

/** A metric whose compute and presenter return whatever a test gives them, as a careless plugin might. */
const loose = (id: string, quality: unknown, slides: (key: string) => unknown) =>
  defineMetric({
    id,
    title: { sv: `Lös ${id}`, en: `Loose ${id}` },
    description: { sv: "", en: "" },
    params: z.object({}),
    compute: () => Effect.succeed({ result: {}, quality: quality as never }),
    views: { default: () => slides(id) as never },
  })

const GOOD_QUALITY = {
  unit: "cases",
  considered: 3,
  used: 2,
  leftOut: [{ reason: "x", count: 1 }],
  ambiguousLocalTimes: 0,
}
const textSlide = (id: string) => [
  { id, title: id, blocks: [{ kind: "text", paragraphs: ["p"] }], notes: "" },
]

const buildWith = (
  metrics: ReadonlyArray<ReturnType<typeof defineMetric>>,
  deck: ReadonlyArray<DeckEntry>,
  extra: Partial<Parameters<typeof buildReport>[0]> = {},
) =>
  Effect.runSync(
    Effect.result(
      buildReport({
        dataset,
        files: [],
        registry: Effect.runSync(
          buildRegistry([
            definePlugin({ name: "test", metrics: [missionCount, failing] }),
            definePlugin({ name: "careless", metrics }),
          ]),
        ),
        deck,
        language: "en",
        generatedAt: "2026-01-15T08:00:00Z",
        toolVersion: "0.0.0",
        ...extra,
      }),
    ),
  )

const succeeded = (outcome: ReturnType<typeof buildWith>) => {
  if (outcome._tag !== "Success") throw new Error(`expected a report, got ${outcome.failure.message}`)
  expect(Report.safeParse(outcome.success).success).toBe(true)
  return outcome.success
}

const errorOf = (report: Report, id: string): string => {
  const block = report.slides.find((s) => s.id === id)?.blocks[0]
  if (block?.kind !== "error") throw new Error(`slide ${id} has no error block`)
  return block.message
}

describe("buildReport checks what a metric returns", () => {
  it("refuses a quality account that uses more than it considers, naming plugin and metric", () => {
    const bad = loose("over-used", { ...GOOD_QUALITY, considered: 1, used: 5, leftOut: [] }, textSlide)
    const report = succeeded(buildWith([bad], [{ metric: "over-used" }, { metric: "mission-count" }]))
    expect(errorOf(report, "over-used")).toBe(
      'The metric "Loose over-used" (over-used, from "careless") could not be computed, so its figures are missing here. Technical detail: "its data-quality account does not add up: quality.used (5) is more than quality.considered (1)"',
    )
    // The invalid account stays out of the JSON, so the document keeps to its schema.
    expect(Object.keys(report.metrics)).toEqual(["mission-count"])
  })

  it("refuses an account whose left-out rows do not make up the difference", () => {
    // 3 considered, 2 used, but only 0 left out: one row is unaccounted for.
    const bad = loose("leaky", { ...GOOD_QUALITY, leftOut: [] }, textSlide)
    const report = succeeded(buildWith([bad], [{ metric: "leaky" }]))
    expect(errorOf(report, "leaky")).toContain(
      "quality.considered (3) must equal quality.used (2) + the leftOut counts (0)",
    )
  })

  it("names the missing fields of an account, with their paths", () => {
    const bad = loose("no-unit", { considered: 1, used: 1, leftOut: [] }, textSlide)
    const message = errorOf(succeeded(buildWith([bad], [{ metric: "no-unit" }])), "no-unit")
    expect(message).toContain("its data-quality account is not valid: quality.unit:")
    expect(message).toContain("quality.ambiguousLocalTimes:")
  })

  it("refuses a chart without series and unit, naming the slide and the block's fields", () => {
    const bad = loose("bad-chart", GOOD_QUALITY, (id) => [
      {
        id,
        title: "Broken",
        blocks: [{ kind: "chart", id: "c", chartType: "bar", title: "t" }],
        notes: "",
      },
    ])
    const report = succeeded(buildWith([bad], [{ metric: "bad-chart" }, { metric: "mission-count" }]))
    const message = errorOf(report, "bad-chart")
    expect(message).toContain(
      'could not be shown, so its figures are missing here. Technical detail: "its presenter made a slide that is not valid: slide "bad-chart": blocks[0].',
    )
    expect(message).toMatch(/blocks\[0\]\.(description|unit|series|xLabel|yLabel|categories)/)
    expect(message).toContain("and 3 more") // six fields missing, three named
    // The metric's result is sound, so it stays in the JSON; only its slide failed.
    expect(Object.keys(report.metrics)).toEqual(["bad-chart", "mission-count"])
  })

  it("refuses a presenter that returns no list", () => {
    const bad = loose("no-list", GOOD_QUALITY, () => ({ id: "no-list" }))
    expect(errorOf(succeeded(buildWith([bad], [{ metric: "no-list" }])), "no-list")).toContain(
      "its presenter must return a list of slides",
    )
  })

  it("turns a slide that takes a built-in or another metric's slide id into an error slide naming the plugin", () => {
    const impostor = loose("impostor", GOOD_QUALITY, () => textSlide("mission-count"))
    const titled = loose("titled", GOOD_QUALITY, () => textSlide("title"))
    const report = succeeded(
      buildWith(
        [impostor, titled],
        [{ builtin: "title" }, { metric: "mission-count" }, { metric: "impostor" }, { metric: "titled" }],
      ),
    )
    expect(report.slides.map((s) => s.id)).toEqual(["title", "mission-count", "impostor", "titled"])
    expect(errorOf(report, "impostor")).toContain(
      'its slide id "mission-count" is already taken by metric "mission-count" (plugin "test")',
    )
    expect(errorOf(report, "titled")).toContain(
      'its slide id "title" is already taken by the built-in title slide',
    )
  })
})

describe("buildReport tells of every failed metric", () => {
  const throwing = loose("throws-too", GOOD_QUALITY, () => {
    throw new TypeError("cannot read x of undefined")
  })

  it("calls onMetricFailure once per failed metric, naming plugin, metric and stage", () => {
    const seen: unknown[] = []
    succeeded(
      buildWith(
        [throwing],
        [{ metric: "always-fails" }, { metric: "mission-count" }, { metric: "throws-too" }],
        {
          onMetricFailure: (f) => seen.push(f),
        },
      ),
    )
    expect(seen).toEqual([
      { key: "always-fails", metricId: "always-fails", plugin: "test", stage: "compute", message: "boom" },
      {
        key: "throws-too",
        metricId: "throws-too",
        plugin: "careless",
        stage: "present",
        message: "its presenter threw TypeError: cannot read x of undefined",
      },
    ])
  })

  it("under strict, fails once every metric was tried, listing all failures", () => {
    const outcome = buildWith([throwing], [{ metric: "always-fails" }, { metric: "throws-too" }], {
      strict: true,
    })
    if (outcome._tag !== "Failure") throw new Error("expected a failure")
    expect(outcome.failure._tag).toBe("MetricsFailedError")
    expect(outcome.failure.message).toBe(
      "2 metrics failed:\n" +
        '  ✖ plugin "test", metric "always-fails" could not be computed: boom\n' +
        '  ✖ plugin "careless", metric "throws-too" could not be shown: its presenter threw TypeError: cannot read x of undefined',
    )
  })

  it("writes the error slide in Swedish for a Swedish report, the technical detail quoted as it was", () => {
    const report = succeeded(buildWith([throwing], [{ metric: "throws-too", key: "tt" }], { language: "sv" }))
    expect(errorOf(report, "tt")).toBe(
      'Måttet "Lös throws-too" (tt: throws-too, från "careless") kunde inte visas, så här saknas dess siffror. Tekniskt fel: "its presenter threw TypeError: cannot read x of undefined"',
    )
  })
})

describe("deck entry keys", () => {
  it("shows one metric twice under two keys, with slide ids from the keys", () => {
    const report = succeeded(
      buildWith(
        [],
        [{ metric: "mission-count" }, { metric: "mission-count", key: "mc-10", params: { scale: 10 } }],
      ),
    )
    expect(report.slides.map((s) => s.id)).toEqual(["mission-count", "mc-10"])
    // 13 missions in 2025 (see the data set above), scaled by 10 under the second key.
    expect(report.metrics["mission-count"]!.result).toEqual({ missions: 13 })
    expect(report.metrics["mc-10"]!.result).toEqual({ missions: 130 })
    expect(report.slides.map((s) => s.metricIds)).toEqual([["mission-count"], ["mission-count"]])
  })

  it("puts the key where the metric id was in each slide id", () => {
    expect(deckSlideId("waiting-time", "waiting-time", "wt-30")).toBe("wt-30")
    expect(deckSlideId("missions-per-station-2", "missions-per-station", "mps")).toBe("mps-2")
    expect(deckSlideId("chart", "odd-metric", "k")).toBe("k-chart")
    // The default deck's borderless-dispatch slides already carry their key, and keep it.
    expect(deckSlideId("borderless-dispatch-p1", "borderless-dispatch", "borderless-dispatch-p1")).toBe(
      "borderless-dispatch-p1",
    )
    expect(deckSlideId("waiting-time", "waiting-time", "waiting-time")).toBe("waiting-time")
  })

  it("refuses, before computing, entries that would share a computation or slide ids", () => {
    const conflicts = deckConflicts(
      [
        { metric: "mission-count" },
        { metric: "mission-count", params: { scale: 2 } },
        { metric: "always-fails", key: "shared" },
        { metric: "mission-count", key: "shared" },
        { metric: "always-fails", key: "shared" },
        { metric: "mission-count", key: "always-fails" },
        { metric: "mission-count", key: "title" },
      ],
      registry,
    )
    expect(conflicts).toEqual([
      {
        positions: [0, 1],
        problem:
          'both show metric "mission-count" under the key "mission-count" with different parameters, but one key is one computation; give one of them a key of its own',
      },
      {
        positions: [2, 3],
        problem:
          'both have the key "shared" but show different metrics ("always-fails", "mission-count"); give one of them another key',
      },
      {
        positions: [2, 4],
        problem:
          'both show the "default" view of metric "always-fails" under the key "shared", so their slides would have the same ids; give one of them a key of its own',
      },
      {
        positions: [5],
        problem:
          'the key "always-fails" is the id of another metric, so the report\'s parameters and metrics under "always-fails" would mix the two; choose a key that is no metric\'s id',
      },
      {
        positions: [6],
        problem: 'the key "title" is the id of the built-in title slide; choose another key',
      },
    ])
    const outcome = run({ deck: [{ metric: "mission-count" }, { metric: "mission-count" }] })
    if (outcome._tag !== "Failure") throw new Error("expected a failure")
    expect(outcome.failure.message).toContain('deck entries 1 and 2: both show the "default" view')
  })

  it("lets two views of one metric share its key and its computation", () => {
    expect(
      deckConflicts([{ metric: "mission-count" }, { metric: "mission-count", view: "map" }], registry),
    ).toEqual([])
  })
})
