#!/usr/bin/env bash
# A throwaway PostgreSQL 15 cluster for tests (ENDPOINT.md §7): nothing outside DIR, no TCP (a Unix socket in DIR),
# a free port other than 5432, fsync off. Never the system cluster.
#   scripts/pg-test-cluster.sh start DIR   prints the conninfo: host=DIR port=N dbname=hocba_test user=postgres
#   scripts/pg-test-cluster.sh stop DIR    stops the server and removes DIR
# As root the server runs as the user postgres (initdb refuses to run as root).
set -euo pipefail

die() { echo "pg-test-cluster: $*" >&2; exit 1; }

[[ $# -eq 2 ]] || die "usage: $0 start|stop DIR"
action=$1
dir=$2

pgbin=${PGBIN:-$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)}
need_pgbin() {
    [[ -n "$pgbin" && -x "$pgbin/initdb" ]] \
        || die "PostgreSQL server programs not found under /usr/lib/postgresql/*/bin (install postgresql-15)"
}

as_owner() {
    if [[ $(id -u) -eq 0 ]]; then
        runuser -u postgres -- "$@"
    else
        "$@"
    fi
}

free_port() {
    # Any port the kernel has no listener on (the server only uses it to name its socket, but keep it unique).
    local port
    for port in $(shuf -i 20000-60000 -n 50); do
        [[ $port -eq 5432 ]] && continue
        if ! ss -Hltn "sport = :$port" 2>/dev/null | grep -q . && [[ ! -e "$dir/.s.PGSQL.$port" ]]; then
            echo "$port"
            return 0
        fi
    done
    return 1
}

case "$action" in
start)
    need_pgbin
    mkdir -p "$dir"
    [[ -z "$(ls -A "$dir")" ]] || die "$dir is not empty; stop the cluster there first or pick another folder"
    if [[ $(id -u) -eq 0 ]]; then
        id postgres >/dev/null 2>&1 || die "there is no user postgres (install postgresql-common)"
        chown postgres: "$dir"
    fi
    chmod 700 "$dir"
    as_owner "$pgbin/initdb" -D "$dir/data" -U postgres -A trust -E UTF8 --locale=C.UTF-8 --no-sync >"$dir/initdb.log" 2>&1 \
        || die "initdb failed: $(tail -5 "$dir/initdb.log")"
    port=$(free_port) || die "no free port found"
    as_owner "$pgbin/pg_ctl" -D "$dir/data" -l "$dir/log" -w -t 60 \
        -o "-c listen_addresses='' -k $dir -p $port -c fsync=off -c max_connections=100" start >/dev/null \
        || die "the server did not start: $(tail -5 "$dir/log" 2>/dev/null)"
    echo "$port" >"$dir/port"
    as_owner "$pgbin/createdb" -h "$dir" -p "$port" -U postgres hocba_test || die "createdb failed"
    echo "host=$dir port=$port dbname=hocba_test user=postgres"
    ;;
stop)
    if [[ -f "$dir/data/postmaster.pid" ]]; then
        need_pgbin
        as_owner "$pgbin/pg_ctl" -D "$dir/data" -m immediate -w stop >/dev/null || die "pg_ctl stop failed"
    fi
    rm -rf "$dir"
    ;;
*)
    die "usage: $0 start|stop DIR"
    ;;
esac
