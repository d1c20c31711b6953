#!/usr/bin/env bash
# The package's node:test suites again under the oldest Node its engines field allows (18), taken from
# the npm registry's prebuilt binaries (node-linux-<arch>), so the claim is tested, not assumed.
#   bash tests/js/on-oldest-node.sh
set -euo pipefail
cd "$(dirname "$0")/../.."
oldest=$(node -p "require('./npm/package.json').engines.node.replace(/^>=\s*/, '')")
prefix=build/node$oldest
package=node-linux-$(node -p process.arch)
if [ ! -x "$prefix/node_modules/$package/bin/node" ]; then
  npm install --prefix "$prefix" --no-save --no-package-lock --no-audit --no-fund --loglevel=error "$package@$oldest"
fi
export PATH=$PWD/$prefix/node_modules/$package/bin:$PATH  # child processes (the CLI, npm) use it too
echo "node $(node --version)"
node --test tests/js/
