#!/usr/bin/env bash
# Runs every fuzz target (tests/fuzz.rs) for SECONDS of CPU time each (default 1800), from a
# fresh seed, on one thread. A failing input is saved under target/fuzz-crashes/ and the run
# stops with the command to replay it; copy the input into tests/fixtures/fuzz/<target>/ to
# keep it as a regression test.
#
# Usage: scripts/fuzz.sh [SECONDS] [TARGET,TARGET...]
#   FUZZ_PROFILE=dev to use the debug build (what .ci/run does); release otherwise.
#   PHISCAN_FUZZ_SEED=N to repeat a run.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-1800}"
targets="${2:-}"
seed="${PHISCAN_FUZZ_SEED:-$(date +%s)}"
profile="${FUZZ_PROFILE:-release}"
echo "fuzz: ${seconds}s of CPU time per target, seed $seed, $profile build" >&2
RAYON_NUM_THREADS=1 PHISCAN_FUZZ_SECONDS="$seconds" PHISCAN_FUZZ_SEED="$seed" \
    PHISCAN_FUZZ_TARGETS="$targets" \
    cargo test --profile "$profile" --test tests fuzz::fuzz_targets -- --nocapture --test-threads 1
