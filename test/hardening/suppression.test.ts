import { readFileSync, writeFileSync } from "node:fs"
import { join } from "node:path"
import { beforeAll, describe, expect, it } from "vitest"
import { FIXED_TIME, runCli, tempDir } from "../support/cli.js"
import {
  type Audit,
  auditReport,
  type ReportJson,
  requiredRange,
  type Unknown,
} from "./support/suppression-checker.js"

/**
 * `ambu report --suppress-below N` end to end: the published report is
 * read back and attacked by an independent checker (support/
 * suppression-checker.ts) that knows what the deck's tables mean and tries
 * to pin every hidden count down from what is shown. Two recoveries an audit
 * found must be gone, and no hidden count may come out narrower than the
 * rule allows (docs/hardening.md).
 */

const MISSIONS_HEADER =
  "mission_id,case_id,resource_id,station,priority,initial_priority,municipality_code,call_answered_at,dispatched_at,en_route_at,arrived_scene_at,left_scene_at,arrived_destination_at,cleared_at"
const RESCUE_HEADER = "case_id,municipality_code,created_at,index_1,index_2,index_3,rescue_resource_confirmed"

interface Run {
  readonly dir: string
  readonly report: ReportJson & Record<string, unknown>
  readonly audit: Audit
}

const report = (
  name: string,
  below: number,
  input: { missions: string; rescue: string } | undefined,
  formats = "json",
): Run => {
  const dir = tempDir(`suppress-${name}`)
  const files =
    input === undefined
      ? []
      : (() => {
          writeFileSync(join(dir, "missions.csv"), input.missions)
          writeFileSync(join(dir, "rescue.csv"), input.rescue)
          return ["--missions", join(dir, "missions.csv"), "--rescue", join(dir, "rescue.csv")]
        })()
  const out = join(dir, "out")
  const result = runCli([
    "report",
    ...files,
    "--format",
    formats,
    "--suppress-below",
    String(below),
    "--generated-at",
    FIXED_TIME,
    "--out",
    out,
    "--quiet",
  ])
  if (result.status !== 0) throw new Error(`report failed: ${result.stderr}`)
  const json = JSON.parse(readFileSync(join(out, "report.json"), "utf8")) as Run["report"]
  return { dir: out, report: json, audit: auditReport(json) }
}

/** Hidden counts whose range, as the checker works it out, is narrower than the rule allows. */
const tooNarrow = (audit: Audit, below: number): string[] =>
  audit.unknowns
    .filter((u) =>
      u.mark === "small"
        ? u.upper - u.lower < requiredRange(below)
        : u.mark === "large" && u.upper === u.lower,
    )
    .map(show)

const show = (u: Unknown): string => `${u.label}: ${u.lower}..${u.upper}`

const tableOf = (run: Run, slide: number) => {
  const block = run.report.slides.find((s) => s.number === slide)!.blocks.find((b) => b.kind === "table")
  if (block === undefined || block.kind !== "table") throw new Error(`slide ${slide} has no table`)
  return block
}

const rowTexts = (run: Run, slide: number, header: string): string[] =>
  tableOf(run, slide)
    .rows.find((r) => r.cells[0]!.text === header)!
    .cells.map((c) => c.text)

/** Priority-1 missions in May 2025: `n` for callers in `municipality` from home `station`. */
const priorityOne = (
  rows: ReadonlyArray<readonly [municipality: string, station: string, n: number]>,
): string =>
  `${[
    MISSIONS_HEADER,
    ...rows.flatMap(([municipality, station, n], r) =>
      Array.from({ length: n }, (_, i) => {
        const day = String((i % 28) + 1).padStart(2, "0")
        return `M${r}-${i},C${r}-${i},R${r},${station},1,1,${municipality},,2025-05-${day} 10:00,,,,,`
      }),
    ),
  ].join("\n")}\n`

describe("suppression on the bundled sample, N = 5", () => {
  let run: Run
  beforeAll(() => {
    run = report("sample", 5, undefined)
  })

  it("leaves every hidden count at least as uncertain as the rule says", () => {
    expect(run.audit.contradictions).toEqual([])
    expect(run.audit.unknowns.filter((u) => u.mark === "small").length).toBeGreaterThan(50)
    expect(tooNarrow(run.audit, 5)).toEqual([])
  })

  it("records the rule in the JSON", () => {
    expect(run.report.parameters.suppression).toMatchObject({ below: 5, minimumRange: 3, unprotected: 0 })
  })
})

describe("suppression of a cross-tab row whose hidden cells add up to their count, N = 5 (the audit's first recovery)", () => {
  // The audit's slide 8 row: callers in Eslöv (1285) got 1 mission from district 1 (Malmö), 164 from
  // district 2 (Eslöv) and 1 from district 3 (Helsingborg), 166 in all. Shown as <5, 164, <5, 0, 0, 166,
  // the two hidden cells add up to 2, so both are 1. Höör (1267) has small cells in the same two
  // columns, so the columns alone do not force more hiding (the old rule stopped there, and the checker
  // finds Eslöv's cells within 0..2); Lund (1281) and Malmö (1280) callers fill the rest.
  const missions = priorityOne([
    ["1285", "Malmö", 1],
    ["1285", "Eslöv", 164],
    ["1285", "Helsingborg", 1],
    ["1267", "Malmö", 2],
    ["1267", "Höör", 40],
    ["1267", "Helsingborg", 3],
    ["1281", "Lund", 120],
    ["1281", "Malmö", 30],
    ["1280", "Malmö", 300],
    ["1280", "Lund", 25],
  ])
  let run: Run
  beforeAll(() => {
    run = report("eslov", 5, { missions, rescue: `${RESCUE_HEADER}\n` })
  })

  it("hides a third cell of the row, so its two small cells can each be anything from 0 to 4", () => {
    // Worked by hand on the published slide 8: Eslöv's row is x + y + z = 166 with x (district 1) and
    // z (district 3) in 0..4 and y (the hidden 164) 5 or more, so the row allows x and z anywhere in
    // 0..4. Column 1: x + Höör's cell + 30 = the district-2 subtotal, hidden and 5 or more, no cap.
    // Column 3: z + Höör's cell = the district-3 total "<5", so z + Höör's cell ≤ 4: still 0..4.
    const row = rowTexts(run, 8, "Eslöv")
    expect(row.slice(1, 4).filter((t) => t === "<5")).toHaveLength(2)
    expect(row.slice(1, 7).filter((t) => t === "..").length).toBeGreaterThanOrEqual(1)
    const small = run.audit.unknowns.filter(
      (u) => u.label.startsWith("slide 8 Eslöv /") && u.mark === "small",
    )
    expect(small).toHaveLength(2)
    for (const cell of small) expect([cell.lower, cell.upper], show(cell)).toEqual([0, 4])
    expect(run.audit.contradictions).toEqual([])
    expect(tooNarrow(run.audit, 5)).toEqual([])
  })
})

describe("suppression on a month of 28 priority-2 missions, N = 5 (the audit's second recovery)", () => {
  // Malmö 10, Lund 4, Ystad 4 and Helsingborg 10 missions, all for callers in Malmö. Before the fix,
  // slides 3-4 showed Lund <5, Ystad <5, Helsingborg 10, Malmö 10 and a total of 28: Lund + Ystad = 8,
  // so both were 4; slide 9 repeated the 8 as the priority-2 missions of ambulance district 2.
  const missions = [
    MISSIONS_HEADER,
    ...[
      ["Malmö", 10],
      ["Lund", 4],
      ["Ystad", 4],
      ["Helsingborg", 10],
    ].flatMap(([station, n]) =>
      Array.from(
        { length: n as number },
        (_, i) =>
          `${station}-${i},C-${station}-${i},R,${station},2,,1280,,2025-05-0${(i % 9) + 1} 10:00,,,,,`,
      ),
    ),
  ].join("\n")
  let run: Run
  beforeAll(() => {
    run = report("sup3", 5, { missions: `${missions}\n`, rescue: `${RESCUE_HEADER}\n` })
  })

  it("leaves Lund and Ystad anywhere from at least four values, even with slide 9's district counts", () => {
    expect(run.audit.contradictions).toEqual([])
    for (const station of ["Lund", "Ystad"]) {
      const cells = run.audit.unknowns.filter((u) => u.label.startsWith(`slide 3 ${station} /`))
      expect(cells.length, station).toBeGreaterThan(0)
      for (const cell of cells) {
        expect(cell.upper - cell.lower, show(cell)).toBeGreaterThanOrEqual(3)
        expect(cell.lower === 4 && cell.upper === 4).toBe(false)
      }
    }
    expect(tooNarrow(run.audit, 5)).toEqual([])
  })

  it("hides a third station with them, and slide 9's district-2 count with its partner", () => {
    expect(rowTexts(run, 3, "Malmö")).toEqual(["Malmö", "..", ".."])
    const hela = rowTexts(run, 9, "Hela Skåne")
    // 1 Sydväst and 2 Mellersta are hidden; 3 Nordväst (10) and the total (28) say only that they sum to 18.
    expect(hela.slice(1, 3)).toEqual(["..", ".."])
  })
})

describe("suppression of a handful of missions, N = 3 (the audit's leaks outside tables)", () => {
  // The audit's 16 missions and 7 rescue cases in May 2025: among others one priority-3 mission (Lund)
  // and two priority-2 missions (Kristianstad, Malmö) for callers in the region.
  const missions = [
    "mission_id;case_id;resource_id;station;priority;initial_priority;municipality_code;call_answered_at;dispatched_at;en_route_at;arrived_scene_at;left_scene_at;arrived_destination_at;cleared_at",
    "M1;C1;A1;Malmö;1;1;1280;2025-05-12 10:00:00;2025-05-12 10:01:30;2025-05-12 10:02:45;2025-05-12 10:21:30;2025-05-12 10:40:00;2025-05-12 10:58:00;2025-05-12 11:20:00",
    "M2;C1;A2;Lund;1;1;1280;2025-05-12 10:00:00;2025-05-12 10:04:00;2025-05-12 10:05:40;2025-05-12 10:19:10;;;2025-05-12 10:45:00",
    "M3;C2;A3;Malmö;1;1;1280;2025-05-13 11:00:00;2025-05-13 11:00:00;2025-05-13 11:01:30;2025-05-13 11:20:00;;;",
    "M4;C3;A4;Lund;1;1;1281;2025-05-13 12:00:00;2025-05-13 12:01:00;2025-05-13 12:03:00;2025-05-13 12:30:00;;;",
    "M5;C3;EXT1;Växjö;1;1;1281;2025-05-13 12:00:00;2025-05-13 12:02:00;2025-05-13 12:02:30;2025-05-13 12:15:00;;;",
    "M6;C4;A6;Helsingborg;1;2;1283;2025-05-14 13:00:00;2025-05-14 13:01:00;2025-05-14 13:01:30;2025-05-14 13:10:00;;;",
    "M7;C5;A7;Kristianstad;2;1;1290;2025-05-14 13:00:00;2025-05-14 13:01:00;2025-05-14 13:01:30;2025-05-14 13:10:00;;;",
    "M8;C6;A8;Malmö;1;1;0180;2025-05-14 14:00:00;2025-05-14 14:00:00;2025-05-14 14:00:45;2025-05-14 14:30:00;;;",
    "M9;C7;A9;Malmö;2;2;1280;2025-05-15 15:00:00;2025-05-15 15:00:00;2025-05-15 15:01:00;2025-05-15 15:10:00;;;",
    "M10;C7;A10;Malmö;1;1;1280;2025-05-15 15:00:00;2025-05-15 15:05:00;2025-05-15 15:06:00;2025-05-15 15:09:00;;;",
    "X10;C8;A11;Lund;1;1;1281;2025-05-16 16:00:00;2025-05-16 16:00:00;;2025-05-16 16:10:00;;;",
    "X9;C8;A12;Lund;3;3;1281;2025-05-16 16:00:00;2025-05-16 16:00:00;2025-05-16 16:01:00;2025-05-16 16:05:00;;;",
    "M13;C9;A13;Malmö;1;1;1280;2025-05-17 17:00:00;2025-05-17 17:01:00;2025-05-17 17:00:30;2025-05-17 17:15:00;;;",
    "M14;C10;A14;Malmö;1;1;1280;2025-05-18 18:00:00;2025-05-18 18:01:00;2025-05-18 18:02:00;;;;",
    "M15;C11;A15;Malmö;1;1;1280;;2025-05-19 19:00:00;2025-05-19 19:01:00;2025-05-19 19:19:59;;;",
    "M16;C12;A16; malmö ;1;1;1280;2025-05-20 19:59:00;2025-05-20 20:00:00;2025-05-20 20:01:31;2025-05-20 20:20:01;;;",
  ].join("\n")
  const rescue = [
    "case_id;municipality_code;created_at;index_1;index_2;index_3;rescue_resource_confirmed",
    "R1;1280;2025-05-12 10:00;Sjukvårdslarm;Första hjälpenlarm;Hjärtstopp;ja",
    "R2;1280;2025-05-12 10:00; sjukvårdslarm ;ivpa;;JA",
    "R3;1280;2025-05-12 10:00;Ambulansassistans;;;1",
    "R4;1280;2025-05-12 10:00;Ambulansassistans;;;nej",
    "R5;0180;2025-05-12 10:00;Ambulansassistans;;;ja",
    "R6;1281;2025-05-12 10:00;Sjukvårdslarm;Första hjälpenlarm;Annat;ja",
    "R7;1290;2025-05-12 10:00;Ambulansassistans;;;yes",
  ].join("\n")
  let run: Run
  beforeAll(() => {
    run = report("f2", 3, { missions: `${missions}\n`, rescue: `${rescue}\n` }, "json,html")
  })

  const notesOf = (slide: number) => run.report.slides.find((s) => s.number === slide)!.notes

  it("writes the notes' data-quality sentence with the marks of the slide (slides 9 and 10)", () => {
    // Before: slide 10's total read <3 while its notes said "Underlag: 1 uppdrag, 1 använda".
    expect(rowTexts(run, 10, "Hela Skåne").at(-2)).toBe("<3")
    expect(notesOf(10)).toContain("Underlag: <3 uppdrag, <3 använda, 0 utelämnade.")
    expect(notesOf(9)).toContain("Underlag: <3 uppdrag, <3 använda, 0 utelämnade.")
    for (const slide of [9, 10]) expect(notesOf(slide)).not.toMatch(/Underlag: [12] uppdrag/)
    const html = readFileSync(join(run.dir, "report.html"), "utf8")
    expect(html).not.toMatch(/Underlag: [12] uppdrag/)
  })

  it("hides the same counts in the data-quality slide's table of metrics", () => {
    const table = run.report.slides
      .find((s) => s.id === "data-quality")!
      .blocks.find((b) => b.kind === "table" && b.id === "data-quality-metrics")
    if (table === undefined || table.kind !== "table") throw new Error("no table of metrics")
    const row = (key: string) =>
      table.rows.find((r) => r.cells[0]!.text.endsWith(`(${key})`))!.cells.map((c) => c.text)
    expect(row("borderless-dispatch-p3").slice(1, 4)).toEqual(["<3", "<3", "0"])
    expect(row("borderless-dispatch-p2").slice(1, 4)).toEqual(["<3", "<3", "0"])
  })

  it("leaves no count from 1 to 2 in the JSON's data-quality accounts, withholding those that hold one", () => {
    const counts: number[] = []
    const collect = (value: unknown): void => {
      if (typeof value === "number") counts.push(value)
      else if (Array.isArray(value)) value.forEach(collect)
      else if (typeof value === "object" && value !== null) Object.values(value).forEach(collect)
    }
    const json = run.report as unknown as {
      metrics: Record<string, { quality: unknown }>
      dataQuality: { files: unknown; metrics: unknown; unmatched: unknown }
    }
    for (const entry of Object.values(json.metrics)) collect(entry.quality)
    collect(json.dataQuality.files)
    collect(json.dataQuality.metrics)
    collect(json.dataQuality.unmatched)
    expect(counts.filter((n) => n > 0 && n < 3)).toEqual([])
    const withheld = (run.report.parameters.suppression as { withheld: { metrics: string[] } }).withheld
    expect(withheld.metrics).toContain("borderless-dispatch-p3")
    expect(Object.keys(json.metrics)).not.toContain("borderless-dispatch-p3")
  })

  it("leaves every hidden count at least two values wide", () => {
    expect(run.audit.contradictions).toEqual([])
    expect(tooNarrow(run.audit, 3)).toEqual([])
  })
})

describe("suppression on generated data, N = 5", () => {
  it("leaves every hidden count at least as uncertain as the rule says (3 000 missions, seed 3)", () => {
    const dir = tempDir("suppress-generated")
    const sample = runCli(["sample", "--missions", "3000", "--seed", "3", "--out", dir])
    if (sample.status !== 0) throw new Error(sample.stderr)
    const files = {
      missions: readFileSync(join(dir, "missions.csv"), "utf8"),
      rescue: readFileSync(join(dir, "rescue_cases.csv"), "utf8"),
    }
    const run = report("generated", 5, files)
    expect(run.audit.contradictions).toEqual([])
    expect(run.audit.unknowns.filter((u) => u.mark === "small").length).toBeGreaterThan(20)
    expect(tooNarrow(run.audit, 5)).toEqual([])
  })
})
