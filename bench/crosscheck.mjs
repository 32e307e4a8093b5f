#!/usr/bin/env node
/**
 * Independent check of ambu's figures: computes every figure with DuckDB SQL
 * from the input files and compares it with ambu's report.json (counts
 * exactly, medians ±0.5 s). Exits 0 when all agree, 1 on any difference,
 * 2 on a usage or run error.
 *
 *   node bench/crosscheck.mjs --missions FILE [--rescue FILE] [--report report.json]
 *        [--from YYYY-MM --to YYYY-MM] [--json OUT.json] [--quiet]
 *
 * Without --report it runs the built CLI (packages/cli/dist/main.js) into a
 * temporary folder first, for the period given (default 2025-01..2025-12).
 * With --report the period defaults to the report's own.
 */
import { execFileSync } from "node:child_process"
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { fileURLToPath } from "node:url"
import { parseArgs } from "node:util"
import { skaneGeography } from "@ambu/core"
import { compareFigures } from "./lib/compare.mjs"
import { computeDuckdbFigures } from "./lib/duckdb-figures.mjs"
import { reportFigures } from "./lib/report-figures.mjs"

const CLI = fileURLToPath(new URL("../packages/cli/dist/main.js", import.meta.url))

const runAmbu = (missions, rescue, from, to) => {
  const out = mkdtempSync(join(tmpdir(), "ambu-crosscheck-"))
  const args = [CLI, "report", "--missions", missions, "--format", "json", "--out", out]
  if (rescue !== null) args.push("--rescue", rescue)
  args.push("--from", from, "--to", to, "--generated-at", "2026-01-15T08:00:00Z", "--quiet")
  execFileSync(process.execPath, args, { stdio: ["ignore", "ignore", "inherit"] })
  return { path: join(out, "report.json"), cleanup: () => rmSync(out, { recursive: true, force: true }) }
}

const show = (value) => (value === null ? "–" : String(value))

/** Runs the check; returns the comparison and the report's period. */
export const crosscheck = async ({ missions, rescue, reportPath, from, to }) => {
  const ran = reportPath === undefined ? runAmbu(missions, rescue, from ?? "2025-01", to ?? "2025-12") : null
  try {
    const report = JSON.parse(readFileSync(ran?.path ?? reportPath, "utf8"))
    const period = { from: from ?? report.period.from, to: to ?? report.period.to }
    const duck = await computeDuckdbFigures({
      missionsPath: missions,
      rescuePath: rescue,
      geography: skaneGeography,
      ...period,
      ...(report.previousPeriod ? { previous: report.previousPeriod } : {}),
    })
    const ambu = reportFigures(report)
    return { period, ...compareFigures(duck.figures, ambu.figures), missingMetrics: ambu.missing }
  } finally {
    ran?.cleanup()
  }
}

const main = async () => {
  const { values } = parseArgs({
    options: {
      missions: { type: "string" },
      rescue: { type: "string" },
      report: { type: "string" },
      from: { type: "string" },
      to: { type: "string" },
      json: { type: "string" },
      quiet: { type: "boolean", default: false },
    },
  })
  if (values.missions === undefined) {
    console.error("usage: node bench/crosscheck.mjs --missions FILE [--rescue FILE] [--report report.json]")
    process.exit(2)
  }

  const result = await crosscheck({
    missions: values.missions,
    rescue: values.rescue ?? null,
    reportPath: values.report,
    from: values.from,
    to: values.to,
  })
  if (values.json !== undefined) writeFileSync(values.json, `${JSON.stringify(result, null, 2)}\n`)

  if (!values.quiet) {
    for (const { key, duckdb, ambu } of result.info)
      console.log(`info  ${key}: duckdb ${show(duckdb)}, ambu ${show(ambu)}`)
  }
  for (const metric of result.missingMetrics) console.log(`MISSING in report.json: metrics.${metric}.result`)
  for (const { key, duckdb, ambu } of result.differences) {
    console.log(`DIFF  ${key}: duckdb ${show(duckdb)}, ambu ${show(ambu)}`)
  }
  const failed = result.differences.length + result.missingMetrics.length
  console.log(
    `crosscheck ${result.period.from}..${result.period.to}: ${result.compared} figures compared, ` +
      `${result.differences.length} differ${result.missingMetrics.length > 0 ? `, ${result.missingMetrics.length} metrics missing` : ""}`,
  )
  process.exit(failed === 0 ? 0 : 1)
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  main().catch((error) => {
    console.error(`crosscheck: ${error instanceof Error ? error.message : String(error)}`)
    process.exit(2)
  })
}
