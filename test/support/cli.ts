import { spawnSync } from "node:child_process"
import { mkdtempSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { fileURLToPath } from "node:url"

export const REPO = fileURLToPath(new URL("../..", import.meta.url))
export const CLI = join(REPO, "packages/cli/dist/main.js")

/** A fixed production time, so that two runs give byte-identical output. */
export const FIXED_TIME = "2026-01-15T08:00:00Z"

export interface CliResult {
  readonly status: number
  readonly stdout: string
  readonly stderr: string
}

/** Runs the built `ambu` command as a user would, in a child process. */
export const runCli = (
  args: ReadonlyArray<string>,
  options: { cwd?: string; env?: NodeJS.ProcessEnv } = {},
): CliResult => {
  const result = spawnSync(process.execPath, [CLI, ...args], {
    cwd: options.cwd ?? REPO,
    env: { ...process.env, ...options.env },
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
    // A command that does not end (a thread or handle left open) fails its test instead of stalling the run.
    timeout: 180_000,
  })
  if (result.error !== undefined && "code" in result.error && result.error.code === "ETIMEDOUT") {
    throw new Error(`ambu ${args.join(" ")} did not end within 180 s`)
  }
  return { status: result.status ?? -1, stdout: result.stdout, stderr: result.stderr }
}

export const tempDir = (prefix: string): string => mkdtempSync(join(tmpdir(), `ambu-${prefix}-`))
