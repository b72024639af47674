#!/usr/bin/env bash
# A throwaway PostgreSQL cluster on loopback for the PostgreSQL store tests and benchmarks.
#
#   source scripts/pg.sh start   # installs PostgreSQL from Debian if missing, starts a cluster in a
#                                # temp dir, exports SITROOM_TEST_PG_URL and SITROOM_PG_DIR
#   scripts/pg.sh stop           # stops the cluster named by SITROOM_PG_DIR (or $2) and removes it
#
# Sourced, it never exits the calling shell: failures print a line and return non-zero.
# PostgreSQL refuses to run as root, so as root the cluster belongs to the `postgres` system user
# (created by the Debian package) and every server command runs through `su postgres`.

_sitroom_pg_bindir() {
    local found
    found=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
    if [ -z "$found" ] && command -v pg_ctl >/dev/null 2>&1; then
        found=$(dirname "$(command -v pg_ctl)")
    fi
    echo "$found"
}

_sitroom_pg_install() {
    if [ -n "$(_sitroom_pg_bindir)" ]; then
        return 0
    fi
    if [ "$(id -u)" != 0 ]; then
        echo "pg.sh: PostgreSQL is not installed and installing it needs root (apt-get install postgresql)" >&2
        return 1
    fi
    echo "pg.sh: installing PostgreSQL from Debian's packages" >&2
    DEBIAN_FRONTEND=noninteractive apt-get update -qq >&2 &&
        DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >&2
}

# Run a server command as the cluster's owner: ourselves, or `postgres` when we are root.
_sitroom_pg_as_owner() {
    if [ "$(id -u)" = 0 ]; then
        su postgres -s /bin/sh -c "$*"
    else
        sh -c "$*"
    fi
}

_sitroom_pg_free_port() {
    python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

_sitroom_pg_start() {
    _sitroom_pg_install || return 1
    local bin dir port user
    bin=$(_sitroom_pg_bindir)
    dir=$(mktemp -d "${TMPDIR:-/tmp}/sitroom-pg.XXXXXX") || return 1
    user=$(id -un)
    if [ "$(id -u)" = 0 ]; then
        id postgres >/dev/null 2>&1 || { echo "pg.sh: no postgres system user" >&2; return 1; }
        chown postgres "$dir"
        user=postgres
    fi
    port=$(_sitroom_pg_free_port) || return 1
    # C locale and UTF-8: byte-order comparisons, like SQLite; trust auth is fine on loopback for a
    # cluster that lives only as long as a test run.
    _sitroom_pg_as_owner "'$bin/initdb' -D '$dir/data' -U '$user' --auth=trust --encoding=UTF8 --locale=C" \
        >"$dir/initdb.log" 2>&1 || { echo "pg.sh: initdb failed, see $dir/initdb.log" >&2; return 1; }
    _sitroom_pg_as_owner "'$bin/pg_ctl' -D '$dir/data' -l '$dir/server.log' -w -t 60 start \
        -o \"-c listen_addresses=127.0.0.1 -p $port -k '$dir' -c fsync=off -c synchronous_commit=off\"" \
        >/dev/null || { echo "pg.sh: the server did not start, see $dir/server.log" >&2; return 1; }
    _sitroom_pg_as_owner "'$bin/createdb' -h 127.0.0.1 -p $port -U '$user' sitroom_test" ||
        { echo "pg.sh: createdb failed" >&2; return 1; }
    export SITROOM_PG_DIR="$dir"
    export SITROOM_TEST_PG_URL="postgresql://$user@127.0.0.1:$port/sitroom_test"
    echo "pg.sh: PostgreSQL on 127.0.0.1:$port ($dir); SITROOM_TEST_PG_URL=$SITROOM_TEST_PG_URL" >&2
}

_sitroom_pg_stop() {
    local dir=${1:-${SITROOM_PG_DIR:-}}
    if [ -z "$dir" ] || [ ! -d "$dir" ]; then
        echo "pg.sh: no cluster to stop (SITROOM_PG_DIR is not set or gone)" >&2
        return 0
    fi
    local bin
    bin=$(_sitroom_pg_bindir)
    if [ -f "$dir/data/postmaster.pid" ]; then
        _sitroom_pg_as_owner "'$bin/pg_ctl' -D '$dir/data' -m fast -w stop" >/dev/null ||
            echo "pg.sh: pg_ctl stop failed, removing $dir anyway" >&2
    fi
    rm -rf "$dir"
    echo "pg.sh: stopped and removed $dir" >&2
}

case "${1:-}" in
    start) _sitroom_pg_start ;;
    stop) _sitroom_pg_stop "${2:-}" ;;
    *) echo "usage: source scripts/pg.sh start | scripts/pg.sh stop [DIR]" >&2; false ;;
esac
