# Sourced by .ci/run: a throwaway PostgreSQL cluster on 127.0.0.1 for the store tests.
# pg_start installs PostgreSQL from the Debian packages when it is missing, starts a cluster in a
# temporary folder on a free port, and exports PARLEY_TEST_POSTGRES; pg_stop stops it and removes it.

pg_bin() { ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1; }

pg_start() {
    if [ -z "$(pg_bin)" ]; then
        echo "== installing PostgreSQL from the Debian packages"
        local sudo=""
        [ "$(id -u)" -ne 0 ] && sudo="sudo"
        $sudo apt-get update -qq && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq postgresql >/dev/null \
            || { echo "== PostgreSQL could not be installed: its tests will be skipped"; return 1; }
    fi
    local bin; bin=$(pg_bin)
    PG_DIR=$(mktemp -d /tmp/parley-pg.XXXXXX)
    PG_PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])' 2>/dev/null \
        || echo $((20000 + RANDOM % 20000)))
    # PostgreSQL refuses to run as root: the cluster then belongs to the 'postgres' user.
    PG_AS=()
    if [ "$(id -u)" -eq 0 ]; then
        id postgres >/dev/null 2>&1 || useradd --system --no-create-home postgres
        chown postgres "$PG_DIR"
        PG_AS=(runuser -u postgres --)
    fi
    "${PG_AS[@]}" "$bin/initdb" -D "$PG_DIR/data" -U parley --auth=trust --no-locale -E UTF8 >"$PG_DIR/initdb.log" 2>&1 \
        || { cat "$PG_DIR/initdb.log"; return 1; }
    "${PG_AS[@]}" "$bin/pg_ctl" -D "$PG_DIR/data" -l "$PG_DIR/server.log" -w \
        -o "-c listen_addresses=127.0.0.1 -p $PG_PORT -k $PG_DIR -c fsync=off" start >/dev/null \
        || { cat "$PG_DIR/server.log"; return 1; }
    "${PG_AS[@]}" "$bin/createdb" -h 127.0.0.1 -p "$PG_PORT" -U parley parley_test || return 1
    export PARLEY_TEST_POSTGRES="postgres://parley@127.0.0.1:$PG_PORT/parley_test"
    echo "== PostgreSQL $("$bin/postgres" --version | awk '{print $3}') on 127.0.0.1:$PG_PORT ($PARLEY_TEST_POSTGRES)"
}

pg_stop() {
    [ -n "${PG_DIR:-}" ] || return 0
    "${PG_AS[@]}" "$(pg_bin)/pg_ctl" -D "$PG_DIR/data" -m fast -w stop >/dev/null 2>&1
    rm -rf "$PG_DIR"
}
