#!/usr/bin/env bash
# The whole check, as CI runs it: set-up, format and lint, type check,
# build, and every test of every package (unit, end to end, renderers).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh

echo "test: format and lint (biome)"
pnpm exec biome check .

echo "test: type check"
pnpm --silent typecheck

echo "test: vitest"
export TZ=UTC
pnpm exec vitest run --reporter=default --reporter=json --outputFile=.vitest-results.json
node scripts/summarise-tests.mjs .vitest-results.json
