#!/usr/bin/env bash
# Sets up a Debian 12 machine (as root), builds with warnings as errors, starts a throwaway PostgreSQL server
# (scripts/pg-test-cluster.sh, HOCBA_TEST_PG) so the Department store's tests run on both engines, runs the whole test
# suite, then builds the core with AddressSanitizer + UBSan and runs the core tests under it, then fuzzes the packet
# reader, the signature checker, the PDF verifier and the workbook reader for 30 s each (scripts/fuzz.sh 30). This is
# what CI runs (.ci/run). The ci, asan and fuzz presets keep line tables only (-g1): full debug information made the
# compiler a third slower on CI's 2 cores, and backtraces and sanitizer reports still name file and line with -g1.
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/setup.sh
jobs=$(nproc)

echo "== build (preset ci: warnings are errors)"
cmake --preset ci
cmake --build --preset ci -j "$jobs"

echo "== PostgreSQL for the Department store's tests (a throwaway cluster, ENDPOINT.md §7)"
pg_dir=$(mktemp -d /tmp/hocba-pg.XXXXXX)
trap 'bash scripts/pg-test-cluster.sh stop "$pg_dir" || true' EXIT
if ! HOCBA_TEST_PG=$(bash scripts/pg-test-cluster.sh start "$pg_dir"); then
    echo "The PostgreSQL test cluster did not start (see above); the PostgreSQL variants cannot run, so the run fails." >&2
    exit 1
fi
export HOCBA_TEST_PG

echo "== test: whole suite"
ctest --preset ci -j "$jobs" --timeout 600

echo "== build (preset asan: AddressSanitizer + UBSan, core and CLI)"
cmake --preset asan
cmake --build --preset asan -j "$jobs"

echo "== test: core tests under AddressSanitizer + UBSan"
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=1:strict_string_checks=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
ctest --preset asan -j "$jobs" -L core --timeout 900

echo "== fuzz: each parser of untrusted files for 30 s (libFuzzer, ASan + UBSan)"
bash scripts/fuzz.sh 30
