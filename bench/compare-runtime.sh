#!/usr/bin/env bash
# The HTTP dispatch benchmark of this tree against an older commit (default: 844d9cc, the last one before Orleans),
# built side by side in a git worktree and run alternately on the same machine, so that the two can be compared as a
# ratio despite a noisy machine. Each run prints its own gateway/bare ratio (bare Kestrel is measured in every run).
#   bench/compare-runtime.sh [COMMIT] [-- ARGS for both `Acteon.Bench http` [-- ARGS for this tree only]]
# e.g. bench/compare-runtime.sh 844d9cc -- --dedup off -- --dashboard off
set -euo pipefail
cd "$(dirname "$0")/.."
commit=844d9cc
if [ $# -gt 0 ] && [ "$1" != "--" ]; then commit=$1; shift; fi
[ "${1:-}" = "--" ] && shift
both=(); mine=()
while [ $# -gt 0 ] && [ "$1" != "--" ]; do both+=("$1"); shift; done
[ "${1:-}" = "--" ] && shift
mine=("$@")
old=$(mktemp -d)/old
git worktree add --detach "$old" "$commit" > /dev/null
trap 'git worktree remove --force "$old"' EXIT
dotnet build "$old/bench/Acteon.Bench" -c Release -v q -nologo > /dev/null
dotnet build bench/Acteon.Bench -c Release -v q -nologo > /dev/null
run() { local tree=$1; shift; dotnet "$tree/bench/Acteon.Bench/bin/Release/net10.0/Acteon.Bench.dll" http "$@" 2>&1 | grep -E "^gateway/bare throughput \(median\)|^gateway \(closed\)|^cpu µs/req"; }
for round in 1 2; do
  echo "== $commit (round $round)"; run "$old" "${both[@]}" || true
  echo "== this tree (round $round) ${mine[*]}"; run "$PWD" "${both[@]}" "${mine[@]}" || true
done
