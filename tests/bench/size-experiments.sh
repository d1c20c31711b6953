#!/usr/bin/env bash
# Relinks the browser build's objects (build/wasm, as .ci/build left them) with the build's own link
# command plus candidate flags, into a scratch folder, and prints wasm + glue sizes, raw and gzip -9,
# one JSON line per variant. npm/dist and build/wasm are not changed. Link-time flags only.
# --closure=1 needs Closure Compiler, which Debian's emscripten lacks: install the npm package
# google-closure-compiler@20220104.0.0 somewhere and point EM_CLOSURE_COMPILER at its bin/ entry.
#   bash tests/bench/size-experiments.sh [scratch-dir=build/size-experiments]
set -euo pipefail
cd "$(dirname "$0")/../.."
root=$PWD
objects=$root/build/wasm/src/wasm
scratch=$root/${1:-build/size-experiments}
mkdir -p "$scratch"

# The build's link line for kyc_browser, minus cmake's env wrapper and the output name.
read -r -a link <<<"$(sed -e 's|^.* /usr/bin/em++ |em++ |' -e 's| -o kyc-browser.mjs | |' \
  "$objects/CMakeFiles/kyc_browser.dir/link.txt")"

variant() {
  local name=$1
  shift
  local out=$scratch/$name
  if ! (cd "$objects" && NODE_PATH=/usr/share/nodejs "${link[@]}" "$@" -o "$out.mjs") 2>"$out.log"; then
    echo "{\"variant\":\"$name\",\"error\":\"link failed, see $out.log\"}"
    return
  fi
  local wasmGzip glueGzip
  wasmGzip=$(gzip -9c "$out.wasm" | wc -c)
  glueGzip=$(gzip -9c "$out.mjs" | wc -c)
  printf '{"variant":"%s","flags":"%s","wasm":%d,"wasmGzip":%d,"glue":%d,"glueGzip":%d,"totalGzip":%d}\n' "$name" "$*" \
    "$(stat -c%s "$out.wasm")" "$wasmGzip" "$(stat -c%s "$out.mjs")" "$glueGzip" "$((wasmGzip + glueGzip))"
}

variant baseline
variant named --profiling-funcs  # for wasm-breakdown.mjs and profile-wasm.mjs; not a size to ship
if [[ -n ${EM_CLOSURE_COMPILER:-} ]]; then
  # pre.js declares `var XMLHttpRequest` (Node's xhr2 binding), which Closure rejects as a redeclared
  # extern; browsers need no such binding, so the browser build could take a pre.js without it.
  grep -v '^var XMLHttpRequest' src/wasm/pre.js >"$scratch/pre-browser.js"
  link=("${link[@]/--pre-js=*/--pre-js=$scratch/pre-browser.js}")
  variant closure --closure=1
fi
