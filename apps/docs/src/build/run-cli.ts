import { spawnSync } from "node:child_process"
import { CLI_MAIN, REPO_DIR } from "../site/paths.js"

/** Output of one `ambu` run; a non-zero exit fails the docs build with the CLI's own message. */
export const runCli = (args: ReadonlyArray<string>): string => {
  const run = spawnSync(process.execPath, [CLI_MAIN, ...args], {
    cwd: REPO_DIR,
    encoding: "utf8",
    // Help text is wrapped to the terminal; a fixed width keeps the docs the same on every machine.
    env: { ...process.env, COLUMNS: "120", NO_COLOR: "1", FORCE_COLOR: "0" },
    maxBuffer: 64 * 1024 * 1024,
  })

  if (run.error !== undefined) throw run.error
  if (run.status !== 0) {
    throw new Error(`ambu ${args.join(" ")} exited with ${run.status}:\n${run.stderr}${run.stdout}`)
  }
  return run.stdout
}
