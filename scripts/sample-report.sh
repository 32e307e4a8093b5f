#!/usr/bin/env bash
# Set-up, then the report on the bundled sample data, written to ./out.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
node packages/cli/dist/main.js report --out out "$@"
