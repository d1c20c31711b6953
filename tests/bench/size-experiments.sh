#!/usr/bin/env bash
# Relinks the browser build's objects (from build/wasm, as .ci/build left them) with candidate link
# flags into a scratch folder and prints wasm + glue sizes, raw and gzip -9, one JSON line per variant.
# Nothing in npm/dist or build/wasm is changed. Link-time flags only: compile-time ones (-flto,
# -fno-rtti) need a rebuild of the objects and are not tried here.
# --closure=1 needs Closure Compiler, which Debian's emscripten lacks: install the npm package
# google-closure-compiler@20220104.0.0 somewhere and point EM_CLOSURE_COMPILER at its bin/ entry.
#   bash tests/bench/size-experiments.sh [scratch-dir=build/size-experiments]
set -euo pipefail
cd "$(dirname "$0")/../.."
root=$PWD
objects=build/wasm/src/wasm
scratch=${1:-build/size-experiments}
mkdir -p "$scratch"
base=(-Oz -lembind -sMODULARIZE=1 -sEXPORT_NAME=createKycModule -sFETCH=1 -sFETCH_SUPPORT_INDEXEDDB=0 -sFILESYSTEM=0
      -sALLOW_MEMORY_GROWTH=1 -sDYNAMIC_EXECUTION=0 --pre-js="$root/src/wasm/pre.js"
      --js-library="$root/src/wasm/library_kyc.js" -sENVIRONMENT=web,worker -sEXPORT_ES6=1)

variant() {
  local name=$1
  shift
  (cd "$objects" && NODE_PATH=/usr/share/nodejs em++ "${base[@]}" "$@" CMakeFiles/kyc_browser.dir/*.o ../core/libkyc_core.a \
    -o "$root/$scratch/$name.mjs") 2>"$scratch/$name.log" || { echo "{\"variant\":\"$name\",\"error\":\"link failed, see $scratch/$name.log\"}"; return; }
  local wasm=$scratch/$name.wasm glue=$scratch/$name.mjs
  printf '{"variant":"%s","flags":"%s","wasm":%d,"wasmGzip":%d,"glue":%d,"glueGzip":%d,"totalGzip":%d}\n' "$name" "$*" \
    "$(stat -c%s "$wasm")" "$(gzip -9c "$wasm" | wc -c)" "$(stat -c%s "$glue")" "$(gzip -9c "$glue" | wc -c)" \
    "$(( $(gzip -9c "$wasm" | wc -c) + $(gzip -9c "$glue" | wc -c) ))"
}

variant baseline
variant emmalloc -sMALLOC=emmalloc
variant named --profiling-funcs  # for wasm-breakdown.mjs and profile-wasm.mjs; not a size to ship
if [[ -n ${EM_CLOSURE_COMPILER:-} ]]; then
  # pre.js declares `var XMLHttpRequest` (Node's xhr2 binding), which Closure rejects as a redeclared
  # extern; browsers need no such binding, so the browser build could take a pre.js without it.
  grep -v '^var XMLHttpRequest' src/wasm/pre.js >"$scratch/pre-browser.js"
  base=("${base[@]/--pre-js=*/--pre-js=$root/$scratch/pre-browser.js}")
  variant closure --closure=1
  variant closure-emmalloc --closure=1 -sMALLOC=emmalloc
fi
