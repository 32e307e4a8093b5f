#!/usr/bin/env node
/**
 * The DuckDB side of the benchmark, run in its own process so that its time
 * and memory are its own: computes every figure from the input files and
 * writes them (with the time of each SQL step) as JSON.
 *
 *   node bench/duckdb-side.mjs --missions FILE [--rescue FILE] --from YYYY-MM --to YYYY-MM
 *        [--previous-from YYYY-MM --previous-to YYYY-MM] --out FIGURES.json
 */
import { writeFileSync } from "node:fs"
import { parseArgs } from "node:util"
import { skaneGeography } from "@ambu/core"
import { computeDuckdbFigures } from "./lib/duckdb-figures.mjs"

const { values } = parseArgs({
  options: {
    missions: { type: "string" },
    rescue: { type: "string" },
    from: { type: "string", default: "2025-01" },
    to: { type: "string", default: "2025-12" },
    "previous-from": { type: "string" },
    "previous-to": { type: "string" },
    out: { type: "string" },
  },
})
if (values.missions === undefined || values.out === undefined) {
  console.error("usage: node bench/duckdb-side.mjs --missions FILE [--rescue FILE] --out FIGURES.json")
  process.exit(2)
}

const start = performance.now()
const previous =
  values["previous-from"] !== undefined && values["previous-to"] !== undefined
    ? { previous: { from: values["previous-from"], to: values["previous-to"] } }
    : {}
const { figures, timings } = await computeDuckdbFigures({
  missionsPath: values.missions,
  rescuePath: values.rescue ?? null,
  geography: skaneGeography,
  from: values.from,
  to: values.to,
  ...previous,
})
writeFileSync(
  values.out,
  `${JSON.stringify({ sqlMs: Math.round(performance.now() - start), timings, figures })}\n`,
)
