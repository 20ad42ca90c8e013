#!/usr/bin/env bash
# The Spark job (deploy/spark/outcry_job.py) in Spark local mode with two workers, over the
# bundled fixtures split into parts: its text and JSON reports and windows CSV must equal, byte
# for byte, what one `outcry` run over the same files writes. Installs a headless Java runtime
# (apt) and PySpark (pip) when missing. Run by .ci/run; takes about a minute.
#
#   deploy/spark/check_local.sh [OUTCRY_BINARY]     (default target/release/outcry)
set -euo pipefail
cd "$(dirname "$0")/../.."
BIN=$(realpath "${1:-target/release/outcry}")

sudo=""
[ "$(id -u)" -eq 0 ] || sudo=sudo
if ! command -v java >/dev/null 2>&1; then
  echo "spark check: installing a headless Java runtime" >&2
  $sudo apt-get update -qq
  jre=$(apt-cache search --names-only '^openjdk-[0-9]+-jre-headless$' | awk '{print $1}' | sort -V | tail -n 1)
  $sudo apt-get install -y -qq "${jre:-default-jre-headless}" >/dev/null
fi
PY=${PYTHON:-python3}
if ! "$PY" -c 'import pyspark' >/dev/null 2>&1; then
  echo "spark check: installing PySpark" >&2
  "$PY" -m pip install --quiet 'pyspark>=3.5,<5'
fi

TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
# Eleven files of two fixtures, as absolute paths (the job hands its tasks absolute paths).
mapfile -t FILES < <(realpath fixtures/gmail-2009-02-24/* fixtures/blogs-2009-02-24/* | sort)
COUNT=(--input-tz Asia/Seoul)
SHOW=(--tz Asia/Seoul)

"$BIN" detect -q --format text "${COUNT[@]}" "${SHOW[@]}" -o "$TMP/report.txt" "${FILES[@]}"
"$BIN" detect -q --format json "${COUNT[@]}" "${SHOW[@]}" -o "$TMP/report.json" "${FILES[@]}"
"$BIN" windows -q "${COUNT[@]}" "${SHOW[@]}" -o "$TMP/windows.csv" "${FILES[@]}"

export PYSPARK_PYTHON=$PY
start=$(date +%s)
"$PY" deploy/spark/outcry_job.py --master 'local[2]' --parts 4 \
  --outcry "$BIN" --out "$TMP/spark" --tz Asia/Seoul --scan-args "${COUNT[*]}" \
  "${FILES[@]}" 2> "$TMP/spark.log" || { cat "$TMP/spark.log" >&2; exit 1; }
echo "spark check: the job ran in $(( $(date +%s) - start )) s" >&2

for f in report.txt report.json windows.csv; do
  if ! cmp -s "$TMP/$f" "$TMP/spark/$f"; then
    echo "spark check: $f from Spark differs from the single-machine run:" >&2
    diff "$TMP/$f" "$TMP/spark/$f" | head -n 40 >&2 || true
    exit 1
  fi
done
"$PY" -c 'import json, sys; sys.exit(0 if json.load(open(sys.argv[1]))["incidents"] else 1)' "$TMP/spark/report.json" || { echo "spark check: no incident in the report" >&2; exit 1; }
echo "spark check: ok (text, JSON and windows CSV identical; 11 files in 4 tasks on local[2])"
