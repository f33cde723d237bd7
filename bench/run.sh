#!/bin/sh
# The benchmarks of issue 7 from one command; see bench/run.py and bench/README.md.
#   bench/run.sh [--size N]... [--runs R] [--build DIR] [--dir DIR] [--check]
exec python3 "$(dirname "$0")/run.py" "$@"
