#!/usr/bin/env node
/**
 * The benchmark (`pnpm bench`): for each data-set size, ambu's report time and
 * peak memory (JSON; JSON+HTML+PPTX; PDF), then the DuckDB side computing
 * every figure from the same CSVs in its own process, a cross-check of the
 * two, and bench/results.{md,json} with the targets of issue 8.
 *
 *   node bench/run.mjs [--sizes 150000,1000000] [--large] [--seed 1] [--repeat 1]
 *                      [--no-pdf] [--no-crosscheck] [--profile]
 *
 * --large adds 10,000,000 missions, where only the JSON report is timed
 * (the targets at that size are about it) unless --full; --profile records
 * `node --cpu-prof` of the JSON report at 1M (or the largest size run).
 * Exits 1 when a cross-check finds a difference or a run fails.
 */
import { execFileSync } from "node:child_process"
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs"
import { cpus, loadavg, totalmem } from "node:os"
import { join } from "node:path"
import { parseArgs } from "node:util"
import { compareFigures } from "./lib/compare.mjs"
import { summariseProfile } from "./lib/cpu-profile.mjs"
import { CLI, ensureDataset, ROOT } from "./lib/datasets.mjs"
import { measure, measuredBy } from "./lib/measure.mjs"
import { reportFigures } from "./lib/report-figures.mjs"
import { resultsMarkdown } from "./lib/results-md.mjs"
import { judgeTargets } from "./lib/targets.mjs"

const FROM = "2025-01"
const TO = "2025-12"
const GENERATED_AT = "2026-01-15T08:00:00Z"
const BENCH = join(ROOT, "bench")

const log = (message) => console.log(`bench: ${message}`)

const { values } = parseArgs({
  // `pnpm bench -- --large` passes the separator through.
  args: process.argv.slice(2).filter((arg) => arg !== "--"),
  options: {
    sizes: { type: "string", default: "150000,1000000" },
    large: { type: "boolean", default: false },
    seed: { type: "string", default: "1" },
    repeat: { type: "string", default: "1" },
    "no-pdf": { type: "boolean", default: false },
    "no-crosscheck": { type: "boolean", default: false },
    profile: { type: "boolean", default: false },
    full: { type: "boolean", default: false },
  },
})
const sizes = values.sizes.split(",").map(Number)
if (values.large && !sizes.includes(10_000_000)) sizes.push(10_000_000)
const repeat = Math.max(1, Number(values.repeat))

const median = (runs) => {
  const sorted = [...runs].sort((a, b) => a.wallMs - b.wallMs)
  return sorted[Math.floor((sorted.length - 1) / 2)]
}

/** Measures `node args` `repeat` times and keeps the run of median wall time. */
const measureNode = async (label, args) => {
  const runs = []
  for (let i = 0; i < repeat; i++) {
    const run = await measure(process.execPath, args)
    if (run.exitCode !== 0)
      log(`${label} failed (exit ${run.exitCode}): ${run.stderr.trim().split("\n").slice(-3).join(" | ")}`)
    runs.push(run)
  }
  const { stderr: _stderr, stdout: _stdout, ...kept } = median(runs)
  log(
    `${label}: ${(kept.wallMs / 1000).toFixed(2)} s wall, ${Math.round((kept.maxRssKb ?? 0) / 1024)} MB peak`,
  )
  return kept
}

const reportArgs = (data, format, out) => [
  CLI,
  "report",
  "--missions",
  data.missions,
  "--rescue",
  data.rescue,
  "--from",
  FROM,
  "--to",
  TO,
  "--format",
  format,
  "--out",
  out,
  "--generated-at",
  GENERATED_AT,
  "--quiet",
]

const benchSize = async (size) => {
  const data = ensureDataset({ missions: size, seed: Number(values.seed), from: FROM, to: TO, log })
  const out = (name) => join(data.folder, `out-${name}`)
  for (const name of ["json", "all", "pdf"]) rmSync(out(name), { recursive: true, force: true })

  const ambu = {}
  ambu.json = await measureNode(`${size} ambu json`, reportArgs(data, "json", out("json")))
  const jsonOnly = size > 1_000_000 && !values.full
  if (!jsonOnly) {
    ambu.all = await measureNode(
      `${size} ambu json,html,pptx`,
      reportArgs(data, "json,html,pptx", out("all")),
    )
    if (!values["no-pdf"])
      ambu.pdf = await measureNode(`${size} ambu pdf`, reportArgs(data, "pdf", out("pdf")))
  }

  const report = JSON.parse(readFileSync(join(out("json"), "report.json"), "utf8"))
  const figuresPath = join(data.folder, "duckdb-figures.json")
  const previous = report.previousPeriod
    ? ["--previous-from", report.previousPeriod.from, "--previous-to", report.previousPeriod.to]
    : []
  const duckdb = await measureNode(`${size} duckdb`, [
    join(BENCH, "duckdb-side.mjs"),
    ...[
      "--missions",
      data.missions,
      "--rescue",
      data.rescue,
      "--from",
      FROM,
      "--to",
      TO,
      "--out",
      figuresPath,
    ],
    ...previous,
  ])
  const duckSide = JSON.parse(readFileSync(figuresPath, "utf8"))

  const crosscheck = values["no-crosscheck"]
    ? null
    : compareFigures(duckSide.figures, reportFigures(report).figures)
  if (crosscheck !== null) {
    for (const d of crosscheck.differences) log(`DIFF ${d.key}: duckdb ${d.duckdb}, ambu ${d.ambu}`)
    log(`${size} cross-check: ${crosscheck.compared} figures, ${crosscheck.differences.length} differ`)
  }

  const files = report.dataQuality.files
  const rowsRead = files.find((f) => f.kind === "missions")?.read ?? size
  const cpuOf = (run) => (run.userS === null ? null : run.userS + run.sysS)
  return {
    dataset: { generated: data.generated, generateMs: data.generateMs, seed: Number(values.seed) },
    rowsRead,
    rescueRowsRead: files.find((f) => f.kind === "rescue-cases")?.read ?? 0,
    rowsPerSecond: rowsRead / (ambu.json.wallMs / 1000),
    ambu,
    duckdb,
    cpuRatio: cpuOf(duckdb) ? cpuOf(ambu.json) / cpuOf(duckdb) : null,
    duckdbSteps: duckSide.timings,
    crosscheck,
  }
}

const profileSize = (size) => {
  const data = ensureDataset({ missions: size, seed: Number(values.seed), from: FROM, to: TO, log })
  const dir = join(data.folder, "profile")
  rmSync(dir, { recursive: true, force: true })
  mkdirSync(dir, { recursive: true })
  log(`${size} cpu profile of the JSON report`)
  execFileSync(
    process.execPath,
    ["--cpu-prof", "--cpu-prof-dir", dir, ...reportArgs(data, "json", join(dir, "out"))],
    {
      stdio: ["ignore", "ignore", "inherit"],
    },
  )
  const file = readdirSync(dir).find((name) => name.endsWith(".cpuprofile"))
  return { size, ...summariseProfile(join(dir, file), ROOT) }
}

/** The commit the measured code came from, `+dirty` when the work tree differs from it. */
const gitCommit = () => {
  try {
    const head = execFileSync("git", ["rev-parse", "--short", "HEAD"], { cwd: ROOT, encoding: "utf8" }).trim()
    const dirty = execFileSync("git", ["status", "--porcelain", "--", "packages"], {
      cwd: ROOT,
      encoding: "utf8",
    })
    return dirty.trim() === "" ? head : `${head}+dirty`
  } catch {
    return "unknown"
  }
}

const duckdbVersion = () =>
  JSON.parse(readFileSync(join(BENCH, "node_modules/@duckdb/node-api/package.json"), "utf8")).version

const main = async () => {
  const loadBefore = loadavg()[0]
  const commit = gitCommit()
  const runs = {}
  for (const size of sizes) runs[size] = await benchSize(size)

  const profileTarget = sizes.includes(1_000_000) ? 1_000_000 : Math.max(...sizes)
  const profile = values.profile ? profileSize(profileTarget) : null
  const loadAfter = loadavg()[0]

  const machine = {
    cpus: cpus().length,
    cpuModel: cpus()[0]?.model.trim() ?? "unknown",
    memoryGb: Math.round(totalmem() / 1024 ** 3),
    node: process.version,
    duckdb: duckdbVersion(),
    commit,
    date: new Date().toISOString().slice(0, 16).replace("T", " "),
    loadBefore: loadBefore.toFixed(1),
    loadAfter: loadAfter.toFixed(1),
    busy: Math.max(loadBefore, loadAfter) > cpus().length,
    measuredBy: measuredBy(),
    repeat,
  }
  const targets = judgeTargets(runs)
  writeFileSync(
    join(BENCH, "results.json"),
    `${JSON.stringify({ machine, targets, runs, profile }, null, 2)}\n`,
  )
  writeFileSync(join(BENCH, "results.md"), resultsMarkdown({ machine, targets, runs, profile }))
  for (const t of targets) log(`${t.verdict.padEnd(8)} ${t.target}: ${t.measured}`)

  const failedRun = Object.values(runs).some((r) =>
    [r.ambu.json, r.ambu.all, r.ambu.pdf, r.duckdb].some((m) => m !== undefined && m.exitCode !== 0),
  )
  const differing = Object.values(runs).some((r) => (r.crosscheck?.differences.length ?? 0) > 0)
  process.exit(failedRun || differing ? 1 : 0)
}

await main()
