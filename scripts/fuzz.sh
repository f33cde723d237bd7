#!/usr/bin/env bash
# Builds the libFuzzer targets (fuzz/) with clang 14 in build-fuzz/ and runs
# each for a bounded time. Fails when a target finds a crash, a leak, a hang or
# a sanitizer report; the input that did it is left in build-fuzz/findings/TARGET/.
# A finding, once fixed, goes to tests/fuzz-regressions/TARGET/ with a name that
# says what it was, and CTest replays it in every build from then on.
# Usage: scripts/fuzz.sh [SECONDS per target, default 60]
set -euo pipefail
cd "$(dirname "$0")/.."
SECONDS_EACH=${1:-60}
B=build-fuzz

cmake -S . -B "$B" -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCMAKE_CXX_COMPILER=clang++-14 \
      -DAWARD_FUZZ=ON -DAWARD_BUILD_TESTS=OFF -DAWARD_BUILD_BENCH=OFF >/dev/null
cmake --build "$B" -j"$(nproc)" --target compile_fuzz eval_fuzz format_fuzz

# Seeds come from the repository as it is now; they are not committed twice.
seed() {  # seed TARGET DIR...
  local dir="$B/seeds/$1"
  shift
  rm -rf "$dir"
  mkdir -p "$dir"
  local n=0
  while IFS= read -r -d '' f; do
    n=$((n + 1))
    cp "$f" "$dir/$n-$(basename "$f")"
  done < <(find "$@" -type f -print0 2>/dev/null)
}
seed compile_fuzz policies stdlib tests/golden tests/fuzz-regressions/compile_fuzz
seed format_fuzz policies tests/golden tests/fmt tests/fuzz-regressions/format_fuzz
seed eval_fuzz examples tests/fuzz-regressions/eval_fuzz
# One JSON Lines batch of the examples, so that the line reader is a seed too.
for f in examples/*.json; do tr -d '\n' <"$f"; echo; done >"$B/seeds/eval_fuzz/examples.jsonl"

# run TARGET: fuzzes one target; its lines go to $B/TARGET.out, and
# $B/TARGET.failed exists when it found a problem.
run() {
  local t=$1 corpus="$B/corpus/$1" findings="$B/findings/$1"
  mkdir -p "$corpus" "$findings"
  rm -f "$B/$t.failed"
  {
    echo "fuzz: $t for ${SECONDS_EACH}s"
    # -timeout: an input that takes 10 s is a hang; -rss_limit_mb: memory is bounded.
    if ! "$B/fuzz/$t" "$corpus" "$B/seeds/$t" -max_total_time="$SECONDS_EACH" -timeout=10 -rss_limit_mb=2048 \
         -max_len=65536 -artifact_prefix="$findings/" -print_final_stats=1 >"$B/$t.log" 2>&1; then
      touch "$B/$t.failed"
      echo "fuzz: $t FOUND A PROBLEM; the input is in $findings/, the log in $B/$t.log"
      grep -m1 -E 'ERROR|SUMMARY|runtime error' "$B/$t.log" || true
    fi
    # figures: executions, time, corpus size
    { grep -E '^stat::number_of_executed_units|^stat::average_exec_per_sec|^stat::peak_rss_mb' "$B/$t.log" || true; } |
      sed "s/^/fuzz: $t /"
    echo "fuzz: $t corpus: $(find "$corpus" -type f | wc -l) inputs"
  } >"$B/$t.out"
}

# One target a core at a time: each still runs for SECONDS_EACH, the whole
# takes less when there are cores to spare.
targets=(compile_fuzz eval_fuzz format_fuzz)
cores=$(nproc)
for t in "${targets[@]}"; do
  while (( $(jobs -rp | wc -l) >= cores )); do wait -n || true; done
  run "$t" &
done
wait

failed=0
for t in "${targets[@]}"; do
  cat "$B/$t.out"
  [[ -e "$B/$t.failed" ]] && failed=$((failed + 1))
done
# the closing line counts targets: one that found a problem has failed
echo "fuzz: $((${#targets[@]} - failed)) passed, $failed failed"
(( failed == 0 ))
