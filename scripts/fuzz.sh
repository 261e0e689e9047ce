#!/usr/bin/env bash
# Builds the libFuzzer targets (preset fuzz: Clang, ASan + UBSan) and runs each for SECONDS (default 60) on a scratch
# copy of the seed corpus in tests/fuzz/corpus plus the signed seeds fuzz_seeds makes with a throw-away test CA.
# Prints executions and exec/s per target; exits 1 on a crash, timeout, out-of-memory or a broken property, naming
# the input that caused it. Usage: scripts/fuzz.sh [SECONDS] [TARGET...]   (FUZZ_WORK=DIR keeps the scratch folder)
set -euo pipefail
cd "$(dirname "$0")/.."

seconds=${1:-60}
shift || true
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(fuzz_packet_reader fuzz_xml_verifier fuzz_pdf_verifier fuzz_xlsx_reader)

echo "== build (preset fuzz)"
cmake --preset fuzz >/dev/null
cmake --build --preset fuzz -j "$(nproc)"

work=${FUZZ_WORK:-$(mktemp -d "${TMPDIR:-/tmp}/hocba-fuzz.XXXXXX")}
mkdir -p "$work"
echo "== seeds in $work"
bin=build/fuzz/tests/fuzz
"$bin/fuzz_seeds" tests/fuzz/corpus "$work/generated"
export HOCBA_FUZZ_ANCHOR=$work/generated/anchor.der
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=1:strict_string_checks=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
# Stack traces with file and line (the sanitizers do not always find the symbolizer on their own).
if [ -z "${ASAN_SYMBOLIZER_PATH:-}" ]; then
  for s in llvm-symbolizer-22 llvm-symbolizer; do
    if command -v "$s" >/dev/null; then export ASAN_SYMBOLIZER_PATH=$(command -v "$s"); break; fi
  done
fi

# Which committed and generated seed folders each target starts from.
seeds_for() {
  case $1 in
    fuzz_packet_reader) echo "tests/fuzz/corpus/packet tests/fuzz/corpus/xml $work/generated/xml" ;;
    fuzz_xml_verifier) echo "tests/fuzz/corpus/xml tests/fuzz/corpus/packet $work/generated/xml" ;;
    fuzz_pdf_verifier) echo "tests/fuzz/corpus/pdf $work/generated/pdf" ;;
    fuzz_xlsx_reader) echo "$work/generated/xlsx" ;;
    *) echo "fuzz.sh: unknown target $1" >&2; exit 2 ;;
  esac
}

failed=0
summary=()
for t in "${targets[@]}"; do
  corpus=$work/corpus/$t
  mkdir -p "$corpus" "$work/artifacts/$t"
  for d in $(seeds_for "$t"); do cp -r "$d"/. "$corpus"/; done
  log=$work/$t.log
  echo "== $t: ${seconds}s on $(find "$corpus" -type f | wc -l) seeds (log $log)"
  rc=0
  "$bin/$t" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 \
    -artifact_prefix="$work/artifacts/$t/" "$corpus" >"$log" 2>&1 || rc=$?
  runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
  speed=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log" | tail -1)
  line="$t: ${runs:-?} executions, ${speed:-?} exec/s"
  if [ "$rc" -ne 0 ]; then
    failed=1
    artifact=$(sed -n 's/.*Test unit written to \(.*\)$/\1/p' "$log" | tail -1)
    grep -m1 -E 'ERROR: (libFuzzer|AddressSanitizer|LeakSanitizer|UndefinedBehaviorSanitizer)|runtime error|property violated' "$log" || true
    line="$line, FAILED (exit $rc), input: ${artifact:-see $log}"
    tail -40 "$log"
  fi
  echo "$line"
  summary+=("$line")
done

echo "== fuzz summary (${seconds}s each)"
printf '%s\n' "${summary[@]}"
bad=$(printf '%s\n' "${summary[@]}" | grep -c FAILED || true)
echo "fuzz: $(( ${#summary[@]} - bad )) passed, $bad failed"
exit $failed
