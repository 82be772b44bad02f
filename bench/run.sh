#!/bin/sh
# The side-by-side benchmark of cohort, DuckDB and polars in one command; see bench/README.md.
#   bench/run.sh [--rows 1000000,10000000] [--runs 3] [--work DIR] [--cohort BINARY] [--scratch-path DIR]
set -eu
exec python3 "$(dirname "$0")/run.py" "$@"
