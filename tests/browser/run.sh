#!/usr/bin/env bash
# The browser tests, from a bare machine: Debian's Chromium (no browser download is possible here),
# the npm deps of tests/browser and web/, then node:test, then the cold-start measurement (JSON).
#
#   bash tests/browser/run.sh
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/../.." && pwd)"

if [[ ! -x /usr/bin/chromium ]]; then
  echo "Installing Debian's chromium…"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
fi

if [[ ! -f "$repo/npm/dist/kyc-browser.wasm" ]]; then
  echo "npm/dist is missing: building it…"
  bash "$repo/.ci/build"
fi

bash "$repo/.ci/npm-deps" all

cd "$here"
node --test package-in-browser.test.mjs package-in-worker.test.mjs admin-tool.test.mjs
node cold-start.mjs
