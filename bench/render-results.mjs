#!/usr/bin/env node
/**
 * Re-renders bench/results.md (and the targets) from bench/results.json
 * without running anything, e.g. after changing how the page is written.
 */
import { readFileSync, writeFileSync } from "node:fs"
import { resultsMarkdown } from "./lib/results-md.mjs"
import { judgeTargets } from "./lib/targets.mjs"

const path = (name) => new URL(name, import.meta.url)
const results = JSON.parse(readFileSync(path("results.json"), "utf8"))
results.targets = judgeTargets(results.runs)
writeFileSync(path("results.json"), `${JSON.stringify(results, null, 2)}\n`)
writeFileSync(path("results.md"), resultsMarkdown(results))
