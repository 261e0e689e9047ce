#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# bench/bench_dept.sh [BUILD_DIR] [RECORDS]: the Department server's figures (issue 12; docs/scaling.md), never a CI
# gate. Signs RECORDS (default 600) demo records (bench_sign), then for SQLite and for PostgreSQL (a throwaway cluster,
# scripts/pg-test-cluster.sh) runs the real `hocba-dept serve` on loopback and drives it with wrk:
#   uploads  POST /api/v1/records cycling over the records' bodies with the school's credential, -c1 and -c16, 5 s each,
#            each on a new empty Department: the first pass stores (201); after it every answer is a 200 duplicate,
#            still fully verified (the PDF's signatures and the packet's it carries, the packet sent beside it by
#            digest) but without an insert;
#   lookups  GET /api/v1/lookup/{code} of random stored codes, -c1 and -c16, 5 s each.
# Beside them: the in-process verification bound of the same records in the same run (signing::verifyDocument of the
# PDF with its packet, one thread). The server's per-school and per-address rates are lifted (--unlimited-rates):
# one school and one address stand for a province's many. Needs wrk, SoftHSM2 (bench_sign) and PostgreSQL 15's
# server programs (else the PostgreSQL rows are left out).
set -euo pipefail

src=$(cd "$(dirname "$0")/.." && pwd)
build=$(cd "${1:-$src/build/ci}" && pwd)
records=${2:-600}
secs=5
dept=$build/app/hocba-dept
for tool in "$dept" "$build/bench/bench_sign" "$build/bench/bench_dept_prep"; do
    [[ -x $tool ]] || { echo "bench_dept: build $tool first (cmake --build --preset ci --target hocba-dept bench_sign bench_dept_prep)" >&2; exit 2; }
done
command -v wrk >/dev/null || { echo "bench_dept: wrk is not installed (Debian package wrk)" >&2; exit 2; }

work=$(mktemp -d /tmp/bench-dept.XXXXXX)
pg_dir=$(mktemp -d /tmp/bench-dept-pg.XXXXXX) # beside $work: as root the cluster runs as postgres, who cannot enter $work
server_pid=
pg_conninfo=
cleanup() {
    [[ -n $server_pid ]] && kill "$server_pid" 2>/dev/null && wait "$server_pid" 2>/dev/null
    [[ -n $pg_conninfo ]] && bash "$src/scripts/pg-test-cluster.sh" stop "$pg_dir" >/dev/null 2>&1
    rm -rf "$work" "$pg_dir"
}
trap cleanup EXIT

load=$(cut -d' ' -f1-3 /proc/loadavg)
echo "signing $records demo records (bench_sign)…" >&2
QT_QPA_PLATFORM=offscreen "$build/bench/bench_sign" "$records" "$work/sign" >/dev/null 2>&1
prep=$("$build/bench/bench_dept_prep" "$work/sign" "$records")
read -r bound bound_ms < <(awk '/^bound/ {print $2, $3}' <<<"$prep")
read -r school year <"$work/sign/school.txt"

# Both scripts count the answers: `first` (201 stored / 200 found), `second` (200 again) and any other status.
cat >"$work/common.lua" <<'LUA'
local threads = {}
function setup(thread) table.insert(threads, thread) end
function read_lines(path)
    local t = {}
    for line in io.lines(path) do t[#t + 1] = line end
    return t
end
function response(status)
    if status == first then n1 = n1 + 1 elseif status == second then n2 = n2 + 1 else n3 = n3 + 1 end
end
function done()
    local a, b, c = 0, 0, 0
    for _, t in ipairs(threads) do a = a + t:get("n1"); b = b + t:get("n2"); c = c + t:get("n3") end
    io.write(string.format("STATUS %d %d %d\n", a, b, c))
end
LUA
{ cat "$work/common.lua"; cat <<'LUA'; } >"$work/upload.lua"
function init(args)
    bodies, auth = read_lines(args[1]), "Bearer " .. args[2]
    first, second, n1, n2, n3, next_body = 201, 200, 0, 0, 0, 0
end
function request()
    next_body = next_body % #bodies + 1
    return wrk.format("POST", "/api/v1/records",
                      {["Content-Type"] = "application/json", ["Authorization"] = auth}, bodies[next_body])
end
LUA
{ cat "$work/common.lua"; cat <<'LUA'; } >"$work/lookup.lua"
function init(args)
    codes = read_lines(args[1])
    math.randomseed(os.time())
    first, second, n1, n2, n3 = 200, -1, 0, 0, 0
end
function request() return wrk.format("GET", "/api/v1/lookup/" .. codes[math.random(#codes)]) end
LUA

# A new empty Department (data folder, database) with the school, the test CA and an open window; its server.
fresh_department() { # engine name
    local engine=$1 name=$2
    data=$work/$name
    db=()
    if [[ $engine == postgresql ]]; then
        psql -q "$pg_conninfo" -c "CREATE DATABASE bench_$name" >/dev/null
        db=(--database "$pg_conninfo dbname=bench_$name")
    fi
    "$dept" init --data "$data" --name "Sở GDĐT Đo đạc" "${db[@]}" >/dev/null
    "$dept" school add --data "$data" --code "$school" --name "Trường đo" --credential-out "$data/credential" "${db[@]}" >/dev/null
    "$dept" trust add --data "$data" --cert "$work/sign/ca.pem" "${db[@]}" >/dev/null
    "$dept" window add --data "$data" --id "$year-06" --year "$year" --deadline "$(date -d '+30 days' +%F)" "${db[@]}" >/dev/null
    "$dept" serve --data "$data" --listen 127.0.0.1:0 --unlimited-rates "${db[@]}" >"$data/serve.out" 2>"$data/serve.log" &
    server_pid=$!
    for _ in $(seq 100); do
        port=$(grep -o '127.0.0.1:[0-9]*' "$data/serve.out" 2>/dev/null | cut -d: -f2 || true)
        [[ -n $port ]] && return 0
        sleep 0.1
    done
    echo "bench_dept: the server did not start: $(tail -3 "$data/serve.log")" >&2
    exit 1
}

stop_server() {
    kill "$server_pid" && wait "$server_pid" || true
    server_pid=
}

# The server's CPU time so far (user + system, in clock ticks).
server_ticks() { awk '{print $14 + $15}' "/proc/$server_pid/stat"; }
# PostgreSQL's: its postmaster and the backends it started (0 with SQLite).
database_ticks() {
    [[ ${#db[@]} -gt 0 ]] || { echo 0; return; }
    local postmaster
    postmaster=$(head -1 "$pg_dir/data/postmaster.pid")
    for p in "$postmaster" $(pgrep -P "$postmaster"); do cat "/proc/$p/stat" 2>/dev/null || true; done |
        awk '{sum += $14 + $15} END {print sum + 0}'
}

# wrk with a script; prints: req/s p50 p99 ok duplicates other server-CPU-ms-per-request
run_wrk() { # connections script args…
    local c=$1 script=$2
    shift 2
    local out before after db_before db_after
    before=$(server_ticks)
    db_before=$(database_ticks)
    out=$(wrk -t1 -c"$c" -d"${secs}s" --timeout 30s --latency -s "$script" "http://127.0.0.1:$port" -- "$@")
    after=$(server_ticks)
    db_after=$(database_ticks)
    awk -v ticks=$((after - before)) -v db_ticks=$((db_after - db_before)) -v hz="$(getconf CLK_TCK)" \
        '/Requests\/sec/ {rps=$2} /^ +50%/ {p50=$2} /^ +99%/ {p99=$2} /^STATUS/ {ok=$2; dup=$3; other=$4}
         END {n = ok + dup + other; printf "%.1f %s %s %d %d %d %.2f %.2f\n", rps, p50, p99, ok, dup, other,
              n ? ticks * 1000 / hz / n : 0, n ? db_ticks * 1000 / hz / n : 0}' <<<"$out"
}

rows=()
bench_engine() { # engine
    local engine=$1 c line
    for c in 1 16; do
        fresh_department "$engine" "${engine}_up$c"
        line=$(run_wrk "$c" "$work/upload.lua" "$work/sign/bodies.txt" "$(cat "$data/credential")")
        rows+=("$engine upload $c $line")
        if [[ $c -eq 16 ]]; then
            # Lookups of stored records: the rest of the records are stored first (cycling bodies until all are in).
            local stored
            stored=$("$dept" status --data "$data" --json "${db[@]}" | python3 -c 'import json,sys; print(json.load(sys.stdin)["windows"][0]["submitted"])')
            while [[ $stored -lt $records ]]; do
                run_wrk 16 "$work/upload.lua" "$work/sign/bodies.txt" "$(cat "$data/credential")" >/dev/null
                stored=$("$dept" status --data "$data" --json "${db[@]}" | python3 -c 'import json,sys; print(json.load(sys.stdin)["windows"][0]["submitted"])')
            done
            for lc in 1 16; do
                rows+=("$engine lookup $lc $(run_wrk "$lc" "$work/lookup.lua" "$work/sign/codes.txt")")
            done
        fi
        stop_server
    done
}

bench_engine sqlite
if pg_conninfo=$(bash "$src/scripts/pg-test-cluster.sh" start "$pg_dir" 2>"$work/pg.err"); then
    bench_engine postgresql
else
    pg_conninfo=
    echo "bench_dept: no PostgreSQL cluster could be started, its rows are left out: $(cat "$work/pg.err")" >&2
fi

echo
echo "hocba-dept on loopback (4 workers), wrk -t1 ${secs}s per row, $records distinct signed records (~$(( $(stat -c %s "$work/sign/bodies.txt") / records / 1024 )) KiB a body)"
echo "$(nproc) cores, load average before the run: $load (wrk, the server and PostgreSQL share them)"
echo "in-process verification bound (verifyDocument of the PDF with its packet, 1 thread): $bound records/s ($bound_ms ms each)"
printf '%-11s %-7s %5s %9s %9s %9s %9s %8s %6s %12s %12s\n' engine route conns "req/s" p50 p99 new/found "dup 200" \
    other "server CPU" "db CPU"
for r in "${rows[@]}"; do
    read -r engine route c rps p50 p99 ok dup other cpu db_cpu <<<"$r"
    printf '%-11s %-7s %5s %9s %9s %9s %9s %8s %6s %9s ms %9s ms\n' "$engine" "$route" "$c" "$rps" "$p50" "$p99" "$ok" \
        "$dup" "$other" "$cpu" "$db_cpu"
done
echo "uploads: new = records stored (201); dup 200 = the same record again after the first pass of $records:"
echo "         fully verified like a new one (the PDF and the packet it carries; the packet sent beside it by digest), no insert."
echo "server CPU = the hocba-dept process's user + system time per request during the row; db CPU = PostgreSQL's"
echo "             (its postmaster and backends), per request (SQLite works inside the server's process)."
echo "lookups: found = 200 with the record; every code asked was stored. other = any other answer (none expected)."
