#!/usr/bin/env bash
# Same verdicts, byte for byte: runs two outcry binaries over the same inputs and compares
# (`cmp`) what they write: `detect --format json` (two threads and one), `detect` as text, and
# `classify` (every record's verdict, in input order). A speed-up of the per-line path must not
# change a single byte of either.
#
#   bench/verdicts.sh OLD_BINARY NEW_BINARY FILE...
#
# Typical use: keep a binary built from the commit you started at, then
#   bench/verdicts.sh target/base/outcry target/release/outcry target/bench/*-300M.* \
#       fixtures/gmail-2009-02-24/*
# Exit status 0 when every output is identical, 1 when one differs (the first differing byte is
# shown), 2 on a usage error.
set -uo pipefail

if [ $# -lt 3 ]; then
  echo "usage: bench/verdicts.sh OLD_BINARY NEW_BINARY FILE..." >&2
  exit 2
fi
OLD=$1
NEW=$2
shift 2
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT

status=0
for f in "$@"; do
  for mode in "detect --format json" "detect --format json --threads 1" "detect" "classify"; do
    # shellcheck disable=SC2086 # `mode` is several words on purpose
    "$OLD" $mode --quiet --no-progress --input-tz Asia/Seoul "$f" > "$TMP/old" 2> "$TMP/old.err"
    old_rc=$?
    # shellcheck disable=SC2086
    "$NEW" $mode --quiet --no-progress --input-tz Asia/Seoul "$f" > "$TMP/new" 2> "$TMP/new.err"
    new_rc=$?
    if [ "$old_rc" != "$new_rc" ]; then
      echo "DIFFERS  $f: $mode: exit $old_rc before, $new_rc after"
      status=1
    elif cmp "$TMP/old" "$TMP/new"; then
      echo "same     $f: $mode ($(wc -c < "$TMP/new") bytes, exit $new_rc)"
    else
      echo "DIFFERS  $f: $mode"
      status=1
    fi
  done
done
exit $status
