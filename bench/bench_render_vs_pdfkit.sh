#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# bench/bench_render_vs_pdfkit.sh [BUILD_DIR] [RECORDS] [PEER_RECORDS]: the render bench and its peer in the same run
# (issue 13: the rate must stay >= 4x pdfkit's). bench_render renders RECORDS (default 2500) demo books on every core;
# then bench/pdfkit/reference.js renders PEER_RECORDS (default 200) books of the same shape with pdfkit, one Node
# process per core, and the ratio of the two rates is printed. Needs node and `npm install` in bench/pdfkit (the npm
# registry); never a CI gate.
set -euo pipefail

src=$(cd "$(dirname "$0")/.." && pwd)
build=$(cd "${1:-$src/build/ci}" && pwd)
records=${2:-2500}
peer=${3:-200}
cores=$(nproc)
[[ -x $build/bench/bench_render ]] || { echo "build bench_render first" >&2; exit 2; }
command -v node >/dev/null || { echo "node is not installed" >&2; exit 2; }
[[ -d $src/bench/pdfkit/node_modules/pdfkit ]] || (cd "$src/bench/pdfkit" && npm install --no-audit --no-fund >&2)

ours=$(QT_QPA_PLATFORM=offscreen "$build/bench/bench_render" "$records" 2>/dev/null)
echo "$ours"
rate=$(sed -n 's/.*-> \([0-9.]*\) records\/s.*/\1/p' <<<"$ours")

cpu=$(sed -n 's/.*CPU: \([0-9.]*\) ms\/record.*/\1/p' <<<"$ours")

peer_log=$(mktemp)
start=$(date +%s.%N)
for ((i = 0; i < cores; ++i)); do
    node "$src/bench/pdfkit/reference.js" $((peer / cores)) >>"$peer_log" &
done
wait
end=$(date +%s.%N)
cat "$peer_log"
peer_rate=$(awk -v n="$peer" -v s="$start" -v e="$end" 'BEGIN { printf "%.1f", n / (e - s) }')
peer_cpu=$(sed -n 's/.*CPU \([0-9.]*\) ms\/record.*/\1/p' "$peer_log" | awk '{ s += $1; n++ } END { printf "%.2f", s / n }')
rm -f "$peer_log"
echo "pdfkit peer: $peer records on $cores processes -> $peer_rate records/s, CPU $peer_cpu ms/record"
# The wall-clock ratio holds only when nothing else runs; the CPU ratio also on a shared machine.
awk -v a="$rate" -v b="$peer_rate" 'BEGIN { printf "ratio (wall clock): %.1fx pdfkit\n", a / b }'
awk -v a="$peer_cpu" -v b="$cpu" 'BEGIN { r = a / b; printf "ratio (CPU per record): %.1fx pdfkit (target >= 4x) -> %s\n", r, (r >= 4 ? "met" : "NOT met") }'
