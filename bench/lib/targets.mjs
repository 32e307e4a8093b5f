/**
 * The speed and memory targets of issue 8, judged from the measured runs.
 * A target whose data set was not run is `not run`, never a pass.
 */

const MB = 1024

/** Time per row at 10M may be at most this multiple of the time per row at 1M. */
export const LINEAR_SLACK = 1.3

const verdict = (ok) => (ok ? "PASS" : "MISS")

const cpuOf = (run) => run.userS + run.sysS

/** `runs` maps a data-set size to its measurements; returns `{ target, measured, verdict }[]`. */
export const judgeTargets = (runs) => {
  const small = runs[150_000]
  const million = runs[1_000_000]
  const large = runs[10_000_000]
  const targets = []

  const all = small?.ambu.all
  targets.push({
    target: "150k missions: JSON+HTML+PPTX in < 3 s",
    measured: all ? `${(all.wallMs / 1000).toFixed(2)} s` : "–",
    verdict: all ? verdict(all.exitCode === 0 && all.wallMs < 3000) : "not run",
  })

  if (million) {
    const ratio = million.ambu.json.wallMs / million.duckdb.wallMs
    targets.push({
      target: "1M missions: JSON time ambu/DuckDB ≤ 1.0",
      measured:
        `${ratio.toFixed(2)} (${(million.ambu.json.wallMs / 1000).toFixed(2)} s vs ` +
        `${(million.duckdb.wallMs / 1000).toFixed(2)} s; CPU time ratio ${(cpuOf(million.ambu.json) / cpuOf(million.duckdb)).toFixed(2)})`,
      verdict: verdict(ratio <= 1.0),
    })
    targets.push({
      target: "1M missions: ambu peak memory < DuckDB's",
      measured: `${Math.round(million.ambu.json.maxRssKb / MB)} MB vs ${Math.round(million.duckdb.maxRssKb / MB)} MB`,
      verdict: verdict(million.ambu.json.maxRssKb < million.duckdb.maxRssKb),
    })
  } else {
    targets.push({ target: "1M missions: JSON time ambu/DuckDB ≤ 1.0", measured: "–", verdict: "not run" })
    targets.push({ target: "1M missions: ambu peak memory < DuckDB's", measured: "–", verdict: "not run" })
  }

  if (large) {
    const json = large.ambu.json
    targets.push({
      target: "10M missions: completes with < 1.5 GB peak",
      measured: `exit ${json.exitCode}, ${Math.round(json.maxRssKb / MB)} MB`,
      verdict: verdict(json.exitCode === 0 && json.maxRssKb < 1.5 * MB * MB),
    })
    // CPU time, because wall time on a shared machine mostly measures the other processes.
    const cpuPerRow = (run, rows) => cpuOf(run.ambu.json) / rows
    const growth = million ? cpuPerRow(large, 10_000_000) / cpuPerRow(million, 1_000_000) : null
    const wallGrowth = million ? large.ambu.json.wallMs / 10 / million.ambu.json.wallMs : null
    targets.push({
      target: `10M missions: time roughly linear from 1M (CPU time per row ≤ ${LINEAR_SLACK}× 1M's)`,
      measured:
        growth === null
          ? "1M not run"
          : `${growth.toFixed(2)}× 1M's CPU time per row (wall ${wallGrowth.toFixed(2)}×)`,
      verdict: growth === null ? "not run" : verdict(growth <= LINEAR_SLACK),
    })
  } else {
    targets.push({
      target: "10M missions: completes with < 1.5 GB peak",
      measured: "–",
      verdict: "not run (--large)",
    })
    targets.push({
      target: "10M missions: time roughly linear from 1M",
      measured: "–",
      verdict: "not run (--large)",
    })
  }
  return targets
}
