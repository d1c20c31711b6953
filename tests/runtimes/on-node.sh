#!/usr/bin/env bash
# The package's node:test suites under one Node major, taken from the npm registry's prebuilt binaries
# (node-linux-<arch>), so each line the README and engines claim is tested, not assumed.
#   bash tests/runtimes/on-node.sh 22 [test files; default: all of tests/js/]
set -euo pipefail
cd "$(dirname "$0")/../.."
major=${1:?usage: on-node.sh <major> [test files]}
shift
oldest=$(node -p "require('./npm/package.json').engines.node.replace(/^>=\s*/, '')")
if (( major < oldest )); then
  echo "Node $major is older than engines allows (>=$oldest)" >&2
  exit 2
fi
prefix=build/node$major
package=node-linux-$(node -p process.arch)
if [ ! -x "$prefix/node_modules/$package/bin/node" ]; then
  npm install --prefix "$prefix" --no-save --no-package-lock --no-audit --no-fund --loglevel=error "$package@$major"
fi
export PATH=$PWD/$prefix/node_modules/$package/bin:$PATH  # child processes (the CLI, npm) use it too
echo "node $(node --version)"
# Files, not the folder: from Node 21 on, --test takes files and globs only.
[ $# -gt 0 ] || set -- tests/js/*.test.mjs
node --test "$@"
