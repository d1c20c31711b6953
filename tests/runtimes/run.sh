#!/usr/bin/env bash
# The runtime matrix, one group per call, each with its real runtime from the npm registry:
#   bash tests/runtimes/run.sh node 20 22 24 26   # the node:test suites under each Node major
#   bash tests/runtimes/run.sh bun-deno           # Bun and Deno run scenario.mjs as a script
#   bash tests/runtimes/run.sh workerd            # Cloudflare Workers: workerd through miniflare
#   bash tests/runtimes/run.sh edge               # Vercel's Edge runtime (edge-runtime)
# The Web Worker in Chromium is tests/browser/package-in-worker.test.mjs (tests/browser/run.sh).
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
group=${1:?usage: run.sh node <major>... | bun-deno | workerd | edge}
shift

if [[ ! -f "$here/../../npm/dist/kyc-browser.wasm" ]]; then
  echo "npm/dist is missing: run bash .ci/build first" >&2
  exit 2
fi

if [[ $group == node ]]; then
  for major in "${@:?which Node majors?}"; do
    bash "$here/on-node.sh" "$major"
  done
  exit 0
fi

bash "$here/../../.ci/npm-deps" all
cd "$here"
node --test "$group.test.mjs"
