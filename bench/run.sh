#!/usr/bin/env bash
# Throughput benchmark: outcry against the tools a user would otherwise reach for, side by side on
# the same machine in one run, on corpora from our own deterministic generator.
#
#   bench/run.sh [SIZE [TEXT_SIZE]]   SIZE: the tweet archive, e.g. 1G (default), 200M for a quick
#                                     run; TEXT_SIZE: each text-heavy corpus (default 300M)
#
# It installs what is missing (hyperfine, ripgrep, jq, GNU time, zstd, gzip) with apt-get, builds
# outcry and the generator (bench/gencorpus.rs) in release mode, and writes under target/bench/:
#
#   tweets     tweet-like JSON Lines (long metadata, short text), about half Korean, ~2% outage
#              chatter, and the same as .zst and .gz
#   blog       blog threads: posts of 1-5 KB with HTML and their comment threads, in
#              {"id","created_at","user","lang","text"} lines (~360 bytes a line)
#   trackback  a blog export as {"kind","date","author","content"} (HTML content, stripped)
#   forum      a forum export, CSV (date,author,title,text)
#   chat       short chat posts, 90% Korean
#   wxr        the tweet archive's posts as a WordPress export (WXR: an item every ten posts with
#              nine comments, bodies in CDATA), SIZE of it
#
# (the text-heavy ones about half Korean, under 1% outage posts; bench/prose.rs says how they are
# built), each also as .zst, and the shipped lexicons' outage phrases one per line, for
# `rg -F -f`, and the first 207 of them (issue 15's count, see bench/corpora.sh). Then it times
# with hyperfine, for every corpus:
#
#   outcry detect (default threads) | outcry detect --threads 1 | rg -c -i -F -f phrases
#   | rg -c -i -F -f phrases-207 | outcry detect on the .zst
#
# and for the tweet archive also: outcry on a copy with the same posts written as Twitter's
# stream archives have them (every non-ASCII character a \uXXXX escape), jq (on a slice: it is
# slow), zstd -dc | wc -l, gzip -dc | wc -l and outcry on .gz, and the floors (bench/floor.rs, one
# thread: serde_json only validating each line, outcry's own validating scan alone, only the
# UTF-8 check). It prints one markdown table: MB/s (of the uncompressed corpus; for the escaped
# copy, of the unescaped one: the same posts per second), throughput relative to rg on the same
# corpus (with the whole list, then with 207 phrases), the same by CPU time (user + system,
# against the whole list), and peak RSS (GNU time, one extra run each);
# then outcry's peak RSS with the tweet archive read once, four and eight times over through
# stdin (memory must level off, not grow with the bytes). Environment: RUNS (default 3), BENCH_DIR (target/bench), CORPORA (default
# "tweets blog trackback forum chat wxr": any of them, in that order).
set -euo pipefail
cd "$(dirname "$0")/.."
# SIZE, TEXT_SIZE, DIR and corpus_path
. bench/corpora.sh "$@"
RUNS=${RUNS:-3}
CORPORA=${CORPORA:-tweets blog trackback forum chat wxr}
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
GEN=target/release/examples/gencorpus
PHRASES=$DIR/phrases.txt
$GEN 1K /dev/null "$PHRASES" 2>/dev/null
PHRASES207=$(phrases_207)
DETECT="$OUTCRY detect --quiet --no-progress"

# The file of a corpus (generated when missing, with its .zst).
corpus_file() {
  local name=$1 f
  f=$(corpus_path "$name")
  if [ ! -s "$f" ]; then
    if [ "$name" = tweets ]; then
      $GEN "$SIZE" "$f" >&2
    elif [ "$name" = wxr ]; then
      $GEN --wxr "$SIZE" "$f" >&2
    else
      $GEN --kind "$name" "$TEXT_SIZE" "$f" >&2
    fi
  fi
  [ -s "$f.zst" ] || zstd -q -T0 -3 -f "$f" -o "$f.zst"
  echo "$f"
}

# Rows of one corpus: "name @@ bytes the throughput is counted on @@ command"; the third is rg.
corpus_rows() {
  local name=$1 f=$2 bytes
  bytes=$(stat -L -c %s "$f")
  ROWS=(
    "outcry detect@@$bytes@@$DETECT $f"
    "outcry detect --threads 1@@$bytes@@$DETECT --threads 1 $f"
    "rg -c -i -F -f phrases@@$bytes@@rg -c -i -F -f $PHRASES $f"
    "rg -c -i -F -f phrases-207@@$bytes@@rg -c -i -F -f $PHRASES207 $f"
    "outcry detect (.zst)@@$bytes@@$DETECT $f.zst"
  )
  if [ "$name" = tweets ]; then
    local ascii=$DIR/corpus-$SIZE-ascii.jsonl slice=$DIR/slice-$SIZE.jsonl slice_bytes
    [ -s "$ascii" ] || $GEN --ascii "$SIZE" "$ascii" >&2
    [ -s "$f.gz" ] || gzip -c "$f" > "$f.gz"
    [ -s "$slice" ] || head -c 50000000 "$f" | head -n -1 > "$slice"
    slice_bytes=$(stat -L -c %s "$slice")
    ROWS+=(
      "outcry detect (same posts, \\uXXXX-escaped)@@$bytes@@$DETECT $ascii"
      "jq -r '.created_at, .text' (50 MB slice)@@$slice_bytes@@jq -r '.created_at, .text' $slice"
      "zstd -dc | wc -l@@$bytes@@zstd -dc $f.zst | wc -l"
      "gzip -dc | wc -l@@$bytes@@gzip -dc $f.gz | wc -l"
      "outcry detect (.gz)@@$bytes@@$DETECT $f.gz"
      "floor: serde_json validating each line, 1 thread@@$bytes@@$FLOOR json $f"
      "floor: outcry's own validating JSON scan alone, 1 thread@@$bytes@@$FLOOR scan $f"
      "floor: UTF-8 check of each line, 1 thread@@$bytes@@$FLOOR utf8 $f"
    )
  fi
}

echo "bench: $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg), $RUNS runs each" >&2
TABLE=()
SHAPES=()
for name in $CORPORA; do
  f=$(corpus_file "$name")
  corpus_rows "$name" "$f"
  args=()
  for c in "${ROWS[@]}"; do args+=("${c##*@@}"); done
  echo "bench: $name ($f, $(stat -L -c %s "$f") bytes)" >&2
  hyperfine --style basic --warmup 1 --runs "$RUNS" --export-json "$DIR/hyperfine-$name.json" \
    "${args[@]}" >&2
  mean() { jq -r ".results[$1].mean" "$DIR/hyperfine-$name.json"; }
  cpu() { jq -r ".results[$1] | .user + .system" "$DIR/hyperfine-$name.json"; }
  # MB/s of rows 2 and 3, rg with the whole list and with 207 phrases
  rg_mbs_of() { awk -v b="$(stat -L -c %s "$f")" -v t="$(mean "$1")" 'BEGIN { printf "%.6f", b / t / 1e6 }'; }
  rg_mbs=$(rg_mbs_of 2)
  rg207_mbs=$(rg_mbs_of 3)
  rg_cpu=$(cpu 2)
  i=0
  for c in "${ROWS[@]}"; do
    label=${c%%@@*}
    rest=${c#*@@}
    bytes=${rest%%@@*}
    cmd=${rest#*@@}
    mbs=$(awk -v b="$bytes" -v t="$(mean $i)" 'BEGIN { printf "%.0f", b / t / 1e6 }')
    ratio=$(awk -v m="$mbs" -v r="$rg_mbs" 'BEGIN { printf "%.2f", m / r }')
    ratio207=$(awk -v m="$mbs" -v r="$rg207_mbs" 'BEGIN { printf "%.2f", m / r }')
    # rg's CPU time (user + system) over this row's, per byte: steadier than wall time on a
    # loaded machine, blind to what a second thread buys.
    cpu_ratio=$(awk -v c="$(cpu $i)" -v r="$rg_cpu" -v b="$bytes" -v rb="$(stat -L -c %s "$f")" \
      'BEGIN { printf "%.2f", (r / rb) / (c / b) }')
    /usr/bin/time -f "%M" -o "$DIR/rss.txt" bash -c "$cmd" >/dev/null 2>&1
    # (the last line: GNU time writes a line of its own first when the exit status is not 0)
    rss_mib=$(tail -n 1 "$DIR/rss.txt" | awk '{ printf "%.0f MiB", $1 / 1024 }')
    cell=${label//|/\\|}
    TABLE+=("| $name | \`$cell\` | $mbs | $ratio | $ratio207 | $cpu_ratio | $rss_mib |")
    i=$((i + 1))
  done
  SHAPES+=("$name: $(stat -L -c %s "$f") bytes, $(wc -l < "$f") lines")
done

echo
echo "$(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg) at the end, mean of $RUNS runs;"
echo "corpora: ${SHAPES[*]}."
echo
echo "| corpus | command | MB/s | × rg | × rg (207 phrases) | × rg (CPU) | peak RSS |"
echo "| --- | --- | ---: | ---: | ---: | ---: | ---: |"
printf '%s\n' "${TABLE[@]}"

# Memory does not grow with the bytes read: the tweet archive once, four and eight times over
# through stdin (more bytes, the same posts, days and windows). The workers hand their window
# counts on to one shared set every two chunks (stream/parallel.rs), so the span's cells are
# held once and RSS stays flat.
case " $CORPORA " in
  *" tweets "*)
    CORPUS=$DIR/corpus-$SIZE.jsonl
    BYTES=$(stat -L -c %s "$CORPUS")
    rss_of() { /usr/bin/time -f "%M" -o "$DIR/rss.txt" bash -c "$1" >/dev/null 2>&1; awk '{ printf "%.0f", $1 / 1024 }' "$DIR/rss.txt"; }
    times() { for _ in $(seq "$1"); do printf '%s ' "$CORPUS"; done; }
    echo
    echo "Peak RSS of \`outcry detect\` through stdin, the tweet archive repeated:"
    echo
    echo "| input | bytes | peak RSS |"
    echo "| --- | ---: | ---: |"
    for k in 1 4 8; do
      echo "| corpus × $k | $((k * BYTES / 1000000)) MB | $(rss_of "cat $(times $k) | $DETECT") MiB |"
    done
    ;;
esac
