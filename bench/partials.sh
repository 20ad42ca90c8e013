#!/usr/bin/env bash
# What partial results cost: the benchmark corpus (bench/gencorpus.rs, as bench/run.sh) split
# into 8 parts by lines, read by one plain `outcry detect` over the 8 files against the same
# files read into 8 partials (`outcry scan --partial`, one after another on this machine), merged
# (`outcry merge`) and detected from (`outcry detect --partials`); with each step alone, the
# partials' sizes, and a check that both ways write the same report.
#
#   bench/partials.sh [SIZE]      SIZE: corpus size, e.g. 1G (default), 200M for a quick run
#
# Environment: RUNS (default 3), BENCH_DIR (target/bench), NO_BUILD. Needs hyperfine and jq (bench/run.sh
# installs them).
set -euo pipefail
cd "$(dirname "$0")/.."

SIZE=${1:-1G}
RUNS=${RUNS:-3}
DIR=${BENCH_DIR:-target/bench}
mkdir -p "$DIR"
for t in hyperfine jq; do
  command -v $t >/dev/null || { echo "bench: $t is needed (bench/run.sh installs it)" >&2; exit 1; }
done

# NO_BUILD=1: use the binaries already built.
[ -n "${NO_BUILD:-}" ] || cargo build --release --quiet --bin outcry --example gencorpus
TARGET=$(realpath "${CARGO_TARGET_DIR:-target}")
OUTCRY=$TARGET/release/outcry
GEN=$TARGET/release/examples/gencorpus
CORPUS=$DIR/corpus-$SIZE.jsonl
[ -s "$CORPUS" ] || "$GEN" "$SIZE" "$CORPUS" "$DIR/phrases.txt"
BYTES=$(stat -c %s "$CORPUS")
PARTS=$DIR/parts-$SIZE
if [ ! -s "$PARTS/part-07.jsonl" ]; then
  mkdir -p "$PARTS"
  split -n l/8 -d --additional-suffix=.jsonl "$CORPUS" "$PARTS/part-"
fi
P=$DIR/partials-$SIZE
mkdir -p "$P"
FILES=$(ls "$PARTS"/part-0?.jsonl | tr '\n' ' ')

SCAN="for f in $FILES; do $OUTCRY scan -q --no-progress --partial $P/\$(basename \$f .jsonl).partial \$f; done"
MERGE="$OUTCRY merge -o $P/all.partial $P/part-0?.partial"
DETECT="$OUTCRY detect -q --partials $P/all.partial"
hyperfine --style basic --warmup 1 --runs "$RUNS" --export-json "$DIR/partials.json" \
  -n "plain" "$OUTCRY detect -q --no-progress $FILES" \
  -n "partial+merge" "$SCAN; $MERGE; $DETECT" \
  -n "scan" "$SCAN" -n "merge" "$MERGE" -n "detect" "$DETECT" >&2

"$OUTCRY" detect -q --no-progress --format json $FILES > "$DIR/plain.json"
"$OUTCRY" detect -q --partials "$P/all.partial" --format json > "$DIR/merged.json"
cmp -s "$DIR/plain.json" "$DIR/merged.json" && same=yes || same=NO

mean() { jq -r ".results[$1].mean" "$DIR/partials.json"; }
sd() { jq -r ".results[$1].stddev" "$DIR/partials.json"; }
cpu() { jq -r ".results[$1] | .user + .system" "$DIR/partials.json"; }
plain=$(mean 0)
echo
echo "Corpus $SIZE ($BYTES bytes of JSON Lines) in 8 parts, $(nproc) cores, mean of $RUNS runs;"
echo "partials: $(du -cb "$P"/part-0?.partial | tail -n 1 | cut -f1) bytes for the 8, $(stat -c %s "$P/all.partial") merged; same report: $same."
echo
echo "| run | wall s | × plain | CPU s (user+sys) | × plain |"
echo "| --- | ---: | ---: | ---: | ---: |"
i=0
for name in "plain detect over the 8 files" "scan 8 partials + merge + detect --partials" "  the 8 scans" "  merge" "  detect --partials"; do
  printf '| %s | %.2f ± %.2f | %.2f | %.2f | %.2f |\n' "$name" "$(mean $i)" "$(sd $i)" \
    "$(awk -v a="$(mean $i)" -v b="$plain" 'BEGIN { print a / b }')" "$(cpu $i)" \
    "$(awk -v a="$(cpu $i)" -v b="$(cpu 0)" 'BEGIN { print a / b }')"
  i=$((i + 1))
done
