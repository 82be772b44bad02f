#!/bin/sh
# The side-by-side benchmark of cohort, DuckDB and polars in one command; see bench/README.md.
#   bench/run.sh [--rows 1000000,10000000] [--shapes sample,lines,orders] [--runs 3] [--work DIR] [--cohort BINARY]
#                [--before BINARY] [--no-polars] [--no-database] [--memory-rows N] ...   (python3 bench/run.py --help)
# With PostgreSQL installed, the run happens beside a throwaway server (scripts/with-postgres.sh) for the database case.
set -eu
here="$(dirname "$0")"
case " $* " in
  *" --no-database "*) exec python3 "$here/run.py" "$@" ;;
esac
exec "$here/../scripts/with-postgres.sh" --if-available python3 "$here/run.py" "$@"
