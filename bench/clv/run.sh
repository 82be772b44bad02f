#!/usr/bin/env bash
# Fits and scores simulated customers with PredictiveCLV.fit in a release build and prints the time.
#   bench/clv/run.sh [customers=1000000] [runs=5] [seed=2026]
# Builds CohortCore in release (swift build -c release --target CohortCore), then compiles this
# folder's main.swift with the test suite's simulator (Tests/CohortCoreTests/Predictive/PredictiveSimulation.swift)
# against it, into a temporary folder. Nothing is written to the repository but .build.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$root"
swift build -c release --target CohortCore >/dev/null
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
# The objects of today's sources only (a file removed since leaves its .o behind).
objects=()
while IFS= read -r source; do objects+=(".build/release/CohortCore.build/$(basename "$source").o"); done \
    < <(find Sources/CohortCore -name '*.swift')
swiftc -O -I .build/release/Modules \
    bench/clv/main.swift Tests/CohortCoreTests/Predictive/PredictiveSimulation.swift \
    "${objects[@]}" -o "$work/clv-bench"
echo "machine: $(nproc) cores, $(uname -m), $(swift --version 2>/dev/null | head -1)"
"$work/clv-bench" "$@"
