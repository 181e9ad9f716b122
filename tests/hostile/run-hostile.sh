#!/usr/bin/env bash
# Runs one hostile guest and checks that it was contained:
#   run-hostile.sh EXPECTED_EXIT REGEX SECONDS COMMAND [ARGS...]
# Passes when COMMAND finishes within SECONDS, exits with EXPECTED_EXIT, and its combined stdout and
# stderr match the extended regular expression REGEX. A native crash, an abort or an OOM kill shows
# up as a signal exit status (128+N) and fails the test.
set -euo pipefail

if [[ $# -lt 4 ]]; then
  echo "usage: run-hostile.sh EXPECTED_EXIT REGEX SECONDS COMMAND [ARGS...]" >&2
  exit 2
fi
expected_exit=$1
pattern=$2
seconds=$3
shift 3

output_file=$(mktemp)
trap 'rm -f "$output_file"' EXIT

start_ns=$(date +%s%N)
status=0
timeout --kill-after=5 "$seconds" "$@" >"$output_file" 2>&1 || status=$?
elapsed_ms=$((($(date +%s%N) - start_ns) / 1000000))

echo "command: $*"
echo "exit status: $status (expected $expected_exit), ${elapsed_ms} ms"
echo "--- output (first 40 lines) ---"
head -n 40 "$output_file"
echo "---"

if [[ $status -eq 124 || $status -eq 137 ]]; then
  echo "FAIL: not contained within ${seconds}s"
  exit 1
fi
if [[ $status -ne $expected_exit ]]; then
  echo "FAIL: exit status $status, expected $expected_exit"
  exit 1
fi
if ! grep -Eq -- "$pattern" "$output_file"; then
  echo "FAIL: output does not match /$pattern/"
  exit 1
fi
echo "PASS"
