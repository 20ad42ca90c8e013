#!/usr/bin/env bash
# Throughput benchmark: outcry against the tools a user would otherwise reach for, side by side on
# the same machine in one run, on a corpus from our own deterministic generator.
#
#   bench/run.sh [SIZE]        SIZE: corpus size, e.g. 1G (default), 200M for a quick run
#
# It installs what is missing (hyperfine, ripgrep, jq, GNU time, zstd, gzip) with apt-get, builds
# outcry and the generator (bench/gencorpus.rs) in release mode, writes the corpus (tweet-like
# JSON Lines, about half Korean, ~2% outage chatter) and the shipped lexicons' outage phrases (one
# per line, for `rg -F -f`) under target/bench/, and times with hyperfine:
#
#   outcry detect (default threads) | outcry detect --threads 1 | rg -c -i -F -f phrases
#   jq (on a slice: it is slow)     | zstd -dc | wc -l  vs  outcry on .zst
#   gzip -dc | wc -l  vs  outcry on .gz
#   floors (bench/floor.rs), on one thread: serde_json only validating each line, outcry's own
#   validating scan alone, and only the UTF-8 check: parts of outcry's per-line work, to set
#   against the decompressors' speed
#
# and outcry on a copy with the same posts written as Twitter's stream archives have them (every
# non-ASCII character a \uXXXX escape), and the same posts as a WordPress export (WXR: an item
# every ten posts with nine comments, bodies in CDATA) against rg on that file, and prints a
# markdown table: MB/s (of the uncompressed,
# unescaped corpus: the same posts per second in every row), throughput relative to rg, and peak
# RSS (GNU time, one extra run each), then outcry's peak RSS with the corpus read once, four and
# eight times over through stdin (memory must level off, not grow with the bytes). Environment: RUNS (default 3),
# BENCH_DIR (target/bench).
set -euo pipefail
cd "$(dirname "$0")/.."

SIZE=${1:-1G}
RUNS=${RUNS:-3}
DIR=${BENCH_DIR:-target/bench}
mkdir -p "$DIR"

missing=()
command -v hyperfine >/dev/null || missing+=(hyperfine)
command -v rg >/dev/null || missing+=(ripgrep)
command -v jq >/dev/null || missing+=(jq)
command -v zstd >/dev/null || missing+=(zstd)
command -v gzip >/dev/null || missing+=(gzip)
[ -x /usr/bin/time ] || missing+=(time)
if [ ${#missing[@]} -gt 0 ]; then
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo=sudo
  echo "bench: installing ${missing[*]}" >&2
  $sudo apt-get update -qq
  $sudo apt-get install -y -qq "${missing[@]}" >/dev/null
fi

cargo build --release --quiet --bin outcry --example gencorpus --example floor
OUTCRY=$PWD/target/release/outcry
FLOOR=$PWD/target/release/examples/floor
CORPUS=$DIR/corpus-$SIZE.jsonl
PHRASES=$DIR/phrases.txt
if [ ! -s "$CORPUS" ]; then
  target/release/examples/gencorpus "$SIZE" "$CORPUS" "$PHRASES"
else
  target/release/examples/gencorpus 1K /dev/null "$PHRASES" 2>/dev/null
fi
ASCII=$DIR/corpus-$SIZE-ascii.jsonl
[ -s "$ASCII" ] || target/release/examples/gencorpus --ascii "$SIZE" "$ASCII"
WXR=$DIR/corpus-$SIZE.wxr.xml
[ -s "$WXR" ] || target/release/examples/gencorpus --wxr "$SIZE" "$WXR"
WXR_BYTES=$(stat -c %s "$WXR")
[ -s "$CORPUS.zst" ] || zstd -q -T0 -3 -f "$CORPUS" -o "$CORPUS.zst"
[ -s "$CORPUS.gz" ] || gzip -c "$CORPUS" > "$CORPUS.gz"
SLICE=$DIR/slice-$SIZE.jsonl
[ -s "$SLICE" ] || head -c 50000000 "$CORPUS" | head -n -1 > "$SLICE"
BYTES=$(stat -c %s "$CORPUS")
SLICE_BYTES=$(stat -c %s "$SLICE")

# name @@ bytes the throughput is counted on @@ command
CMDS=(
  "outcry detect@@$BYTES@@$OUTCRY detect --quiet --no-progress $CORPUS"
  "outcry detect --threads 1@@$BYTES@@$OUTCRY detect --quiet --no-progress --threads 1 $CORPUS"
  "rg -c -i -F -f phrases@@$BYTES@@rg -c -i -F -f $PHRASES $CORPUS"
  "outcry detect (same posts, \\uXXXX-escaped)@@$BYTES@@$OUTCRY detect --quiet --no-progress $ASCII"
  "jq -r '.created_at, .text' (50 MB slice)@@$SLICE_BYTES@@jq -r '.created_at, .text' $SLICE"
  "zstd -dc | wc -l@@$BYTES@@zstd -dc $CORPUS.zst | wc -l"
  "outcry detect (.zst)@@$BYTES@@$OUTCRY detect --quiet --no-progress $CORPUS.zst"
  "gzip -dc | wc -l@@$BYTES@@gzip -dc $CORPUS.gz | wc -l"
  "outcry detect (.gz)@@$BYTES@@$OUTCRY detect --quiet --no-progress $CORPUS.gz"
  "floor: serde_json validating each line, 1 thread@@$BYTES@@$FLOOR json $CORPUS"
  "floor: outcry's own validating JSON scan alone, 1 thread@@$BYTES@@$FLOOR scan $CORPUS"
  "floor: UTF-8 check of each line, 1 thread@@$BYTES@@$FLOOR utf8 $CORPUS"
  "outcry detect (WXR of the same posts)@@$WXR_BYTES@@$OUTCRY detect --quiet --no-progress $WXR"
  "outcry detect --threads 1 (WXR)@@$WXR_BYTES@@$OUTCRY detect --quiet --no-progress --threads 1 $WXR"
  "rg -c -i -F -f phrases (WXR)@@$WXR_BYTES@@rg -c -i -F -f $PHRASES $WXR"
)
# The WXR rows are compared with rg on the WXR file (the last row), not on the JSON Lines.
WXR_RG=$((${#CMDS[@]} - 1))

args=()
for c in "${CMDS[@]}"; do args+=("${c##*@@}"); done
echo "bench: $(nproc) cores, corpus $CORPUS ($BYTES bytes), $RUNS runs each" >&2
hyperfine --style basic --warmup 1 --runs "$RUNS" --export-json "$DIR/hyperfine.json" "${args[@]}" >&2

mean() { jq -r ".results[$1].mean" "$DIR/hyperfine.json"; }
rg_mbs=$(awk -v b="$BYTES" -v t="$(mean 2)" 'BEGIN { printf "%.6f", b / t / 1e6 }')
echo
echo "Corpus: $SIZE ($BYTES bytes of JSON Lines; .zst and .gz of it), $(nproc) cores, mean of $RUNS runs."
echo
echo "(The WXR rows: MB/s of the WXR file, × rg on that file.)"
echo
echo "| command | MB/s | × rg | peak RSS |"
echo "| --- | ---: | ---: | ---: |"
i=0
for c in "${CMDS[@]}"; do
  name=${c%%@@*}
  rest=${c#*@@}
  bytes=${rest%%@@*}
  cmd=${rest#*@@}
  mbs=$(awk -v b="$bytes" -v t="$(mean $i)" 'BEGIN { printf "%.0f", b / t / 1e6 }')
  ref=$rg_mbs
  if [ "$i" -ge $((WXR_RG - 2)) ]; then
    ref=$(awk -v b="$WXR_BYTES" -v t="$(mean $WXR_RG)" 'BEGIN { printf "%.6f", b / t / 1e6 }')
  fi
  ratio=$(awk -v m="$mbs" -v r="$ref" 'BEGIN { printf "%.2f", m / r }')
  /usr/bin/time -f "%M" -o "$DIR/rss.txt" bash -c "$cmd" >/dev/null 2>&1
  rss=$(tail -n 1 "$DIR/rss.txt")
  rss_mib=$(awk -v k="$rss" 'BEGIN { printf "%.0f MiB", k / 1024 }')
  cell=${name//|/\\|}
  echo "| \`$cell\` | $mbs | $ratio | $rss_mib |"
  i=$((i + 1))
done

# Memory does not grow with the bytes read: the same corpus once, four and eight times over
# through stdin (more bytes, the same posts, days and windows). Each worker keeps its own window
# counts until the end, so RSS rises until every worker has seen the whole span (up to the
# per-window state times the workers), then stays flat.
rss_of() { /usr/bin/time -f "%M" -o "$DIR/rss.txt" bash -c "$1" >/dev/null 2>&1; awk '{ printf "%.0f", $1 / 1024 }' "$DIR/rss.txt"; }
times() { for _ in $(seq "$1"); do printf '%s ' "$CORPUS"; done; }
echo
echo "Peak RSS of \`outcry detect\` through stdin, the corpus repeated:"
echo
echo "| input | bytes | peak RSS |"
echo "| --- | ---: | ---: |"
for k in 1 4 8; do
  echo "| corpus × $k | $((k * BYTES / 1000000)) MB | $(rss_of "cat $(times $k) | $OUTCRY detect --quiet --no-progress") MiB |"
done
