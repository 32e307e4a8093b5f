/** Writes the benchmark's results as a Markdown page. */

const seconds = (ms) => (ms === null || ms === undefined ? "–" : (ms / 1000).toFixed(2))
const mb = (kb) => (kb === null || kb === undefined ? "–" : String(Math.round(kb / 1024)))
const cpu = (run) =>
  run?.userS === null || run?.userS === undefined ? "–" : (run.userS + run.sysS).toFixed(2)
const thousands = (n) => String(Math.round(n)).replace(/\B(?=(\d{3})+(?!\d))/g, " ")

const runRow = (label, run) =>
  run === undefined
    ? `| ${label} | not run | | | |`
    : `| ${label} | ${seconds(run.wallMs)} | ${cpu(run)} | ${mb(run.maxRssKb)} | ${run.exitCode === 0 ? "ok" : `exit ${run.exitCode}`} |`

const sizeSection = (size, run) => {
  const lines = [
    `### ${thousands(size)} missions`,
    "",
    `Input: ${thousands(run.rowsRead)} mission rows + ${thousands(run.rescueRowsRead)} rescue-case rows` +
      `${run.dataset.generated ? ` (generated now in ${seconds(run.dataset.generateMs)} s)` : " (cached data set)"}.`,
    "",
    "| run | wall s | CPU s | peak RSS MB | status |",
    "|---|---:|---:|---:|---|",
    runRow("ambu report --format json", run.ambu.json),
    runRow("ambu report --format json,html,pptx", run.ambu.all),
    runRow("ambu report --format pdf", run.ambu.pdf),
    runRow("DuckDB: all figures from the CSVs", run.duckdb),
    "",
    `- ambu JSON: ${thousands(run.rowsPerSecond)} input rows/s; ratio ambu/DuckDB (wall) ` +
      `${(run.ambu.json.wallMs / run.duckdb.wallMs).toFixed(2)}, (CPU) ${run.cpuRatio === null ? "–" : run.cpuRatio.toFixed(2)}.`,
    `- DuckDB steps (ms): ${Object.entries(run.duckdbSteps)
      .map(([step, ms]) => `${step} ${ms}`)
      .join(", ")}.`,
    `- Cross-check: ${run.crosscheck === null ? "not run" : `${run.crosscheck.compared} figures compared, ${run.crosscheck.differences.length} differ`}.`,
    "",
  ]
  return lines.join("\n")
}

/** The results page: machine, targets, then one section per data-set size. */
export const resultsMarkdown = ({ machine, targets, runs, profile }) => {
  const lines = [
    "# ambu benchmark",
    "",
    "Written by `pnpm bench` (`bench/run.mjs`); the raw numbers are in `results.json`.",
    "",
    `Machine: ${machine.cpus} × ${machine.cpuModel}, ${machine.memoryGb} GB memory, Node ${machine.node}, ` +
      `DuckDB ${machine.duckdb}; ${machine.date}. Load average before/after: ${machine.loadBefore} / ${machine.loadAfter}` +
      `${machine.busy ? " (**the machine was busy: wall times are inflated; CPU times are the fairer figure**)" : ""}.`,
    `Code measured: ${machine.commit ?? "commit not recorded"} (packages' dist as built then). ` +
      `Peak memory measured by ${machine.measuredBy}. Each figure is the median of ${machine.repeat} run(s).`,
    "",
    "## Targets (issue 8)",
    "",
    "| target | measured | verdict |",
    "|---|---|---|",
    ...targets.map((t) => `| ${t.target} | ${t.measured} | ${t.verdict} |`),
    "",
    "## Runs",
    "",
    ...Object.entries(runs).map(([size, run]) => sizeSection(Number(size), run)),
  ]
  if (profile) {
    lines.push(
      `## Where ambu's time goes (${thousands(profile.size)} missions, JSON, \`node --cpu-prof\`)`,
      "",
      `Sampled ${seconds(profile.totalMs)} s. Self time of the top functions:`,
      "",
      "| function | location | self ms | share |",
      "|---|---|---:|---:|",
      ...profile.top.map(
        (f) => `| ${f.name} | ${f.location} | ${Math.round(f.selfMs)} | ${(f.share * 100).toFixed(1)} % |`,
      ),
      "",
      "By source file (self time):",
      "",
      "| file | self ms | share |",
      "|---|---:|---:|",
      ...profile.files.map(
        (f) => `| ${f.file} | ${Math.round(f.selfMs)} | ${(f.share * 100).toFixed(1)} % |`,
      ),
      "",
    )
  }
  return `${lines.join("\n")}\n`
}
