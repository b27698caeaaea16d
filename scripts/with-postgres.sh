#!/usr/bin/env bash
# Runs a command against a throwaway PostgreSQL cluster: Debian's PostgreSQL (installed if missing),
# a fresh cluster in a temporary folder, listening on 127.0.0.1 on a free port, stopped and removed
# at the end whatever happens. The command sees TEST_DATABASE_URL (an admin connection: tests create
# a database of their own on it).
#   scripts/with-postgres.sh npm test
set -euo pipefail

if ! ls /usr/lib/postgresql/*/bin/pg_ctl >/dev/null 2>&1; then
  if [ "$(id -u)" -ne 0 ]; then echo "PostgreSQL is not installed; run as root to install it, or: apt-get install postgresql" >&2; exit 1; fi
  apt-get update
  DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends postgresql
fi
PG_BIN=$(dirname "$(ls /usr/lib/postgresql/*/bin/pg_ctl | sort -V | tail -n 1)")

# PostgreSQL refuses to run as root: the cluster belongs to the postgres user (or to the caller when not root).
if [ "$(id -u)" -eq 0 ]; then RUN_AS=(runuser -u postgres --); else RUN_AS=(); fi

FOLDER=$(mktemp -d /tmp/bwp-postgres.XXXXXX)
chmod 755 "$FOLDER"
[ "$(id -u)" -eq 0 ] && chown postgres:postgres "$FOLDER"
PORT=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')

stop() {
  "${RUN_AS[@]}" "$PG_BIN/pg_ctl" -D "$FOLDER/data" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$FOLDER"
}
trap stop EXIT

"${RUN_AS[@]}" "$PG_BIN/initdb" -D "$FOLDER/data" -U postgres --auth=trust -E UTF8 >/dev/null
"${RUN_AS[@]}" "$PG_BIN/pg_ctl" -D "$FOLDER/data" -l "$FOLDER/postgres.log" -w \
  -o "-c listen_addresses=127.0.0.1 -c port=$PORT -c unix_socket_directories=$FOLDER -c fsync=on -c max_connections=200" start >/dev/null
echo "PostgreSQL $("$PG_BIN/postgres" --version | awk '{print $3}') on 127.0.0.1:$PORT ($FOLDER)"

export TEST_DATABASE_URL="postgres://postgres@127.0.0.1:$PORT/postgres"
"$@"
