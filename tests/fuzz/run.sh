#!/usr/bin/env bash
# Builds the libFuzzer targets (clang, ASan + UBSan) and runs each for a bounded time on a scratch copy
# of its committed seed corpus. Exits non-zero when any target crashes; the crashing input is left in
# build/fuzz/artifacts/ (copy it to tests/fuzz/regressions/<target>/ and write a Catch2 test).
#   tests/fuzz/run.sh [seconds-per-target=45] [extra libFuzzer flags...]
#   e.g. tests/fuzz/run.sh 3600 -runs=10000000    (a long local run; -runs ends it first if reached)
# FUZZ_TARGETS="request token" picks targets (default: all nine).
set -euo pipefail
cd "$(dirname "$0")/../.."
seconds=${1:-45}
shift || true
read -r -a targets <<<"${FUZZ_TARGETS:-request options link_response retry_after token client redact records webhook}"
build=${FUZZ_BUILD:-build/fuzz}

cmake -S . -B "$build" -DCMAKE_CXX_COMPILER=clang++ -DCMAKE_BUILD_TYPE=RelWithDebInfo -DKYC_FUZZ=ON >/dev/null
cmake --build "$build" -j"$(nproc)" --target "${targets[@]/#/fuzz_}"

mkdir -p "$build/artifacts"
status=0
for target in "${targets[@]}"; do
  corpus="$build/corpus/$target"  # libFuzzer adds what it finds here; the committed seeds stay as they are
  rm -rf "$corpus" && mkdir -p "$corpus" && cp tests/fuzz/corpus/"$target"/* "$corpus"/
  # Inputs that once crashed are replayed first, so a fixed bug stays fixed.
  if compgen -G "tests/fuzz/regressions/$target/*" >/dev/null; then
    cp tests/fuzz/regressions/"$target"/* "$corpus"/
  fi
  echo "== fuzz_$target: ${seconds}s"
  if ! "$build/fuzz_$target" "$corpus" -max_total_time="$seconds" -max_len=4096 -timeout=10 -rss_limit_mb=2048 \
      -print_final_stats=1 -artifact_prefix="$build/artifacts/${target}-" "$@" 2>"$build/fuzz_$target.log"; then
    status=1
    echo "fuzz_$target FAILED (log: $build/fuzz_$target.log)"
    grep -E "ERROR|invariant failed|SUMMARY|Test unit written" "$build/fuzz_$target.log" | head -20 || true
  fi
  grep -E "stat::number_of_executed_units" "$build/fuzz_$target.log" || true
done
exit "$status"
