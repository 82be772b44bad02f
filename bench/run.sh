#!/bin/sh
# The side-by-side benchmark of cohort, DuckDB and polars in one command; see bench/README.md.
#   bench/run.sh [--rows 1000000,10000000] [--runs 3] [--work DIR] [--cohort BINARY] [--scratch-path DIR] [--no-database]
# With PostgreSQL installed, the run happens beside a throwaway server (scripts/with-postgres.sh) for the database case.
set -eu
here="$(dirname "$0")"
case " $* " in
  *" --no-database "*) exec python3 "$here/run.py" "$@" ;;
esac
exec "$here/../scripts/with-postgres.sh" --if-available python3 "$here/run.py" "$@"
