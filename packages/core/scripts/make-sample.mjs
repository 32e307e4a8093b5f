#!/usr/bin/env node
/**
 * Rebuilds the sample committed in data/sample/ from the built package:
 *
 *   cd packages/core && npx tsc -p tsconfig.build.json && node scripts/make-sample.mjs
 *
 * The generator is seeded and gzip writes no timestamp, so the same build
 * of zlib reproduces the files byte for byte.
 */
import { fileURLToPath } from "node:url"
import { Effect } from "effect"
import { BUNDLED_SAMPLE_OPTIONS, writeSampleFiles } from "../dist/index.js"

const outDir = fileURLToPath(new URL("../data/sample/", import.meta.url))
const written = await Effect.runPromise(writeSampleFiles({ ...BUNDLED_SAMPLE_OPTIONS, outDir, gzip: true }))
const { stats } = written

process.stdout.write(
  [
    `wrote ${written.missionsPath} (${stats.missionRows} missions, ${stats.cases} cases)`,
    `wrote ${written.rescueCasesPath} (${stats.rescueCaseRows} rescue cases)`,
    `rows the reader must reject: ${stats.rejectedLines.map((r) => `${r.line} ${r.reason}`).join(", ")}`,
    "",
  ].join("\n"),
)
