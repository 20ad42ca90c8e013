#!/usr/bin/env bash
# Issue 15's target rows in interleaved rounds (bench/rounds.py), on the corpora bench/run.sh
# generated (run it first, at the same sizes): for each corpus, `outcry detect` on two threads and
# on one against `rg -c -i -F -f phrases` (ref1) and against the same with the first 207 phrases
# (ref2: issue 15's count, see bench/corpora.sh), then `outcry detect` on the `.zst` against the
# same plain file. hyperfine's table (bench/run.sh) times one command after another, so the
# machine's drift over a minute lands in the ratios; here each round times all of them, and the
# lowest and highest round's ratio say how far the machine moved them.
#
#   bench/rows.sh [SIZE [TEXT_SIZE]]    the sizes bench/run.sh was given (default 1G and 300M)
#
# Environment: ROUNDS (default 5), BENCH_DIR (target/bench), CORPORA (default "tweets blog
# trackback forum chat"), OUTCRY (default target/release/outcry, built if missing).
#
# Reading the output: "x ref" is the reference's time over the command's, so for the first
# block ×rg, against either list (targets: ≥ 1.0 on two threads, ≥ 0.6 on one, ≥ 1.5 for the
# tweet archive on two), and for the second the plain file's time over the .zst's (the target,
# within 20%, is ≥ 0.833).
# The sizes matter: rg gets faster the more of the generator's text it has read (README, issue
# 15's thirty-seventh pass), so 100 MB copies flatter outcry.
set -euo pipefail
cd "$(dirname "$0")/.."
# SIZE, TEXT_SIZE, DIR and corpus_path, as bench/run.sh has them
. bench/corpora.sh "$@"
ROUNDS=${ROUNDS:-5}
CORPORA=${CORPORA:-tweets blog trackback forum chat}
OUTCRY=${OUTCRY:-target/release/outcry}
[ -x "$OUTCRY" ] || cargo build --release --quiet --bin outcry
DETECT="$OUTCRY detect --quiet --no-progress"
PHRASES=$DIR/phrases.txt
need_files rows "$PHRASES"
PHRASES207=$(phrases_207)

echo "rows: $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg), $ROUNDS rounds, $("$OUTCRY" --version)"
for name in $CORPORA; do
  f=$(corpus_path "$name")
  need_files rows "$f" "$f.zst"
  echo
  echo "== $name ($(stat -L -c %s "$f") bytes): × rg, the whole list (ref1) and 207 phrases (ref2)"
  python3 bench/rounds.py --rounds "$ROUNDS" --refs 2 "$DETECT $f" "$DETECT --threads 1 $f" \
    "rg -c -i -F -f $PHRASES $f" "rg -c -i -F -f $PHRASES207 $f"
  echo "== $name: the plain file's time over the .zst's"
  python3 bench/rounds.py --rounds "$ROUNDS" "$DETECT $f.zst" "$DETECT $f"
done
