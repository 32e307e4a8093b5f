/**
 * Benchmark data sets made with `ambu sample` into `bench/data/<n>/`, reused
 * while a stamp file records the same generator version and seed.
 */
import { execFileSync } from "node:child_process"
import { createHash } from "node:crypto"
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs"
import { join } from "node:path"
import { fileURLToPath } from "node:url"

export const ROOT = fileURLToPath(new URL("../../", import.meta.url))
export const CLI = join(ROOT, "packages/cli/dist/main.js")
const SAMPLE_SOURCES = join(ROOT, "packages/core/src/sample")

/**
 * The generator's version: the core package's version plus a hash of the
 * sample generator's sources, so that a changed generator invalidates the cache.
 */
export const generatorVersion = () => {
  const { version } = JSON.parse(readFileSync(join(ROOT, "packages/core/package.json"), "utf8"))
  const hash = createHash("sha256")
  for (const name of readdirSync(SAMPLE_SOURCES).sort()) {
    if (name.endsWith(".ts") && !name.endsWith(".test.ts"))
      hash.update(readFileSync(join(SAMPLE_SOURCES, name)))
  }
  return `${version}+${hash.digest("hex").slice(0, 12)}`
}

/**
 * Makes sure `bench/data/<missions>/` holds a sample of that many missions
 * for the seed; returns its paths and whether it was generated now.
 */
export const ensureDataset = ({ missions, seed, from, to, log }) => {
  const folder = join(ROOT, "bench/data", String(missions))
  const stampPath = join(folder, "stamp.json")
  const stamp = { generator: generatorVersion(), seed, missions, from, to }
  const paths = { folder, missions: join(folder, "missions.csv"), rescue: join(folder, "rescue_cases.csv") }

  const cached = existsSync(stampPath) ? readFileSync(stampPath, "utf8") : null
  if (cached === JSON.stringify(stamp) && existsSync(paths.missions) && existsSync(paths.rescue)) {
    return { ...paths, generated: false, generateMs: null }
  }

  log(`generating ${missions} missions (seed ${seed}) into ${folder}`)
  rmSync(folder, { recursive: true, force: true })
  const start = performance.now()
  execFileSync(
    process.execPath,
    [
      CLI,
      "sample",
      "--missions",
      String(missions),
      "--seed",
      String(seed),
      "--from",
      from,
      "--to",
      to,
      "--out",
      folder,
    ],
    { stdio: ["ignore", "ignore", "inherit"] },
  )
  const generateMs = performance.now() - start
  writeFileSync(stampPath, JSON.stringify(stamp))
  return { ...paths, generated: true, generateMs }
}
