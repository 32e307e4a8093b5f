/**
 * Preloaded with `node --import` when GNU time is missing: writes the
 * process's own resource usage (CPU times, peak RSS in kB) to the file named
 * by AMBU_BENCH_RUSAGE when the process exits.
 */
import { writeFileSync } from "node:fs"

const target = process.env.AMBU_BENCH_RUSAGE
if (target !== undefined) {
  process.on("exit", () => {
    writeFileSync(target, JSON.stringify(process.resourceUsage()))
  })
}
