#!/usr/bin/env bash
# Installs everything ambu needs on a fresh Debian machine with Node 20 and
# root: pnpm, Debian's Chromium (for PDF/PNG), poppler (to read PDFs back in
# tests), LibreOffice Impress (to open the PPTX in tests), the workspace's
# packages, and a build. Safe to run again: each step is skipped when done.
set -euo pipefail
cd "$(dirname "$0")/.."

export TURBO_TELEMETRY_DISABLED=1
PNPM_VERSION=10.34.9

if ! command -v pnpm >/dev/null 2>&1 || [ "$(pnpm --version)" != "$PNPM_VERSION" ]; then
  echo "setup: installing pnpm $PNPM_VERSION"
  npm install --global --no-audit --no-fund "pnpm@$PNPM_VERSION" >/dev/null
fi

missing=()
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
command -v pdftoppm >/dev/null 2>&1 || missing+=(poppler-utils)
[ -d /usr/share/fonts/truetype/dejavu ] || missing+=(fonts-dejavu-core)
if [ "${AMBU_SKIP_LIBREOFFICE:-0}" != "1" ]; then
  command -v soffice >/dev/null 2>&1 || missing+=(libreoffice-impress)
fi
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" != "0" ]; then
    echo "setup: please install with root rights: apt-get install --no-install-recommends ${missing[*]}" >&2
    exit 1
  fi
  echo "setup: installing Debian packages: ${missing[*]}"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

echo "setup: installing workspace packages"
pnpm install --frozen-lockfile --reporter=silent
echo "setup: building"
build_log=$(mktemp)
if ! pnpm build >"$build_log" 2>&1; then
  cat "$build_log" >&2
  echo "setup: the build failed (output above)" >&2
  exit 1
fi
rm -f "$build_log"
echo "setup: done"
