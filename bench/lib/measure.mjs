/**
 * Runs a command in a child process and measures its wall time, CPU time and
 * peak resident memory: with GNU time (`/usr/bin/time`) when it is there,
 * else with a preloaded module that records the Node child's own
 * `process.resourceUsage()` at exit (only works for `node` commands).
 */
import { spawn } from "node:child_process"
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { fileURLToPath } from "node:url"

const GNU_TIME = "/usr/bin/time"
const PRELOAD = fileURLToPath(new URL("./rusage-preload.mjs", import.meta.url))

/** Whether peak memory is measured by GNU time (else by the Node preload). */
export const measuredBy = () => (existsSync(GNU_TIME) ? "GNU time" : "node resourceUsage")

const parseGnuTime = (text) => {
  const [user, sys, rss] = text.trim().split(/\s+/).slice(-3).map(Number)
  return { userS: user, sysS: sys, maxRssKb: rss }
}

const parsePreload = (text) => {
  const usage = JSON.parse(text)
  return { userS: usage.userCPUTime / 1e6, sysS: usage.systemCPUTime / 1e6, maxRssKb: usage.maxRSS }
}

/**
 * Runs `command args` and resolves `{ exitCode, wallMs, userS, sysS, maxRssKb, stderr }`
 * (stderr's last 4 kB). Standard output is discarded unless `keepStdout`.
 */
export const measure = (command, args, { env = process.env, keepStdout = false } = {}) => {
  const scratch = mkdtempSync(join(tmpdir(), "ambu-bench-"))
  const usageFile = join(scratch, "usage")
  const gnu = existsSync(GNU_TIME)
  const [file, argv, childEnv] = gnu
    ? [GNU_TIME, ["-o", usageFile, "-f", "%U %S %M", command, ...args], env]
    : [command, ["--import", PRELOAD, ...args], { ...env, AMBU_BENCH_RUSAGE: usageFile }]

  return new Promise((resolve, reject) => {
    const start = performance.now()
    const child = spawn(file, argv, {
      env: childEnv,
      stdio: ["ignore", keepStdout ? "pipe" : "ignore", "pipe"],
    })
    let stderr = ""
    let stdout = ""
    child.stderr.on("data", (chunk) => {
      stderr = (stderr + chunk).slice(-4096)
    })
    child.stdout?.on("data", (chunk) => {
      stdout += chunk
    })
    child.on("error", reject)
    child.on("close", (exitCode) => {
      const wallMs = performance.now() - start
      try {
        const text = existsSync(usageFile) ? readFileSync(usageFile, "utf8") : ""
        const usage =
          text === ""
            ? { userS: null, sysS: null, maxRssKb: null }
            : gnu
              ? parseGnuTime(text)
              : parsePreload(text)
        resolve({ exitCode, wallMs, ...usage, stderr, stdout })
      } catch (error) {
        reject(error)
      } finally {
        rmSync(scratch, { recursive: true, force: true })
      }
    })
  })
}
