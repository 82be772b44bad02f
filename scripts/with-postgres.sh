#!/usr/bin/env bash
# Runs a command beside a throwaway PostgreSQL server, for the database tests and the benchmark.
#
#   scripts/with-postgres.sh swift test --filter Database
#   scripts/with-postgres.sh --if-available swift test    # without PostgreSQL installed: the command alone
#
# Creates a cluster with initdb in a temporary folder, starts it on a free port of 127.0.0.1 with
# password login (scram-sha-256) for the user "cohort", creates the database "cohort", exports
#   PGHOST PGPORT PGUSER PGDATABASE PGPASSWORD   (what psql and cohort read)
#   COHORT_TEST_POSTGRES                         (postgresql://cohort@127.0.0.1:PORT/cohort, no password)
# and puts the server's bin folder first on PATH (psql), runs the command, and whatever happens
# (success, failure, Ctrl-C) stops the server and removes the folder. Its exit status is the command's.
#
# PostgreSQL refuses to run as root: as root the server runs as an unprivileged system user
# (COHORT_PG_USER, default cohort-pg, created when missing) through runuser.
# COHORT_PG_SETTINGS adds server settings, e.g. "-c work_mem=64MB" (the benchmark sets none).
# The binaries are taken from PG_BIN, else the newest /usr/lib/postgresql/*/bin (Debian), else PATH.
set -euo pipefail

if_available=false
if [ "${1:-}" = "--if-available" ]; then
  if_available=true
  shift
fi
[ $# -gt 0 ] || { echo "usage: $0 [--if-available] COMMAND [ARGS...]" >&2; exit 2; }

bin="${PG_BIN:-}"
if [ -z "$bin" ]; then
  bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
fi
if [ -z "$bin" ] && command -v initdb >/dev/null 2>&1; then
  bin=$(dirname "$(command -v initdb)")
fi
if [ -z "$bin" ] || [ ! -x "$bin/initdb" ] || [ ! -x "$bin/pg_ctl" ]; then
  if $if_available; then
    echo "with-postgres: PostgreSQL is not installed; running without a server (the database tests skip)" >&2
    exec "$@"
  fi
  echo "with-postgres: PostgreSQL is not installed (apt-get install postgresql, or set PG_BIN)" >&2
  exit 1
fi

# Commands of the server's user: ourselves, or the unprivileged user when we are root.
as_server=()
server_user=$(id -un)
if [ "$(id -u)" -eq 0 ]; then
  server_user="${COHORT_PG_USER:-cohort-pg}"
  if ! id -u "$server_user" >/dev/null 2>&1; then
    useradd --system --no-create-home --home-dir /nonexistent --shell /usr/sbin/nologin "$server_user"
  fi
  as_server=(runuser -u "$server_user" --)
fi

folder=$(mktemp -d "${TMPDIR:-/tmp}/cohort-postgres.XXXXXX")
chmod 700 "$folder"
[ "$(id -u)" -eq 0 ] && chown "$server_user" "$folder"
started=false
cleanup() {
  status=$?
  trap - EXIT INT TERM
  if $started; then
    "${as_server[@]}" "$bin/pg_ctl" -D "$folder/data" -m immediate -w stop >/dev/null 2>&1 || true
  fi
  rm -rf "$folder"
  exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

password=$(od -An -N12 -tx1 /dev/urandom | tr -d ' \n')
printf '%s\n' "$password" > "$folder/password"
[ "$(id -u)" -eq 0 ] && chown "$server_user" "$folder/password"

port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])' 2>/dev/null \
  || echo $((20000 + RANDOM % 20000)))

"${as_server[@]}" "$bin/initdb" -D "$folder/data" -U cohort --pwfile="$folder/password" --auth=scram-sha-256 \
  -E UTF8 --locale=C --no-sync >"$folder/initdb.log" 2>&1 || { cat "$folder/initdb.log" >&2; exit 1; }
# shellcheck disable=SC2086 # COHORT_PG_SETTINGS is a list of settings
"${as_server[@]}" "$bin/pg_ctl" -D "$folder/data" -l "$folder/server.log" -w -t 60 \
  -o "-c listen_addresses=127.0.0.1 -p $port -k $folder -c fsync=off -c synchronous_commit=off -c full_page_writes=off ${COHORT_PG_SETTINGS:-}" \
  start >/dev/null || { cat "$folder/server.log" >&2; exit 1; }
started=true

export PGHOST=127.0.0.1 PGPORT="$port" PGUSER=cohort PGDATABASE=cohort PGPASSWORD="$password"
export COHORT_TEST_POSTGRES="postgresql://cohort@127.0.0.1:$port/cohort"
export PATH="$bin:$PATH"
"$bin/psql" -X -q -d postgres -c "CREATE DATABASE cohort" >/dev/null
echo "with-postgres: PostgreSQL $("$bin/pg_ctl" --version | awk '{print $3}') on 127.0.0.1:$port" >&2

"$@"
