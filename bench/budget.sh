#!/usr/bin/env bash
# What issue 15's targets leave for the classification (README, the thirty-ninth pass): on the
# corpora bench/run.sh generated (run it first, at the same sizes), interleaved rounds of
# `outcry detect` on two threads and on one, each three ways, against `rg -c -i -F -f` with the
# whole phrase list (ref1) and with its first 207 lines (ref2):
#
#   as shipped;
#   long posts skipped: texts over SKIP_OVER bytes (default 1024) get no verdict, as if
#     classifying them cost nothing;
#   nothing classified: every text gets no verdict, which leaves the run's floor (reading,
#     records, times, windows, detection).
#
# The last two are a scratch build: bench/budget.patch applied to a worktree of HEAD, built
# into target/budget (the shipped library has no such switch). Its verdicts are wrong by design;
# only its times are read. The shipped binary is built from the working tree: commit first, or
# the two are not the same code.
#
#   bench/budget.sh [SIZE [TEXT_SIZE]]    the sizes bench/run.sh was given (default 1G and 300M)
#
# Environment: ROUNDS (default 5), BENCH_DIR (target/bench), CORPORA (default "blog trackback
# forum"), SKIP_OVER (default 1024).
#
# Reading the output: "x ref" is the reference's time over the command's (×rg). The budget of
# the long posts is the target's time (ref2's / 0.6 on one thread, ref2's on two) less the
# run with them skipped; their cost is the shipped run less that run.
set -euo pipefail
cd "$(dirname "$0")/.."
# SIZE, TEXT_SIZE, DIR and corpus_path, as bench/run.sh has them
. bench/corpora.sh "$@"
ROUNDS=${ROUNDS:-5}
CORPORA=${CORPORA:-blog trackback forum}
SKIP_OVER=${SKIP_OVER:-1024}
PHRASES=$DIR/phrases.txt
need_files budget "$PHRASES"
for name in $CORPORA; do
  need_files budget "$(corpus_path "$name")"
done
PHRASES207=$(phrases_207)

cargo build --release --quiet --bin outcry
SHIPPED=${CARGO_TARGET_DIR:-target}/release/outcry
work=$(mktemp -d)
cleanup() {
  git worktree remove --force "$work/tree" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT
git worktree add --quiet --detach "$work/tree" HEAD
if ! git -C "$work/tree" apply "$PWD/bench/budget.patch"; then
  echo "budget: bench/budget.patch no longer applies to HEAD: mend it by hand" >&2
  exit 2
fi
CARGO_TARGET_DIR=$PWD/target/budget cargo build --release --quiet --bin outcry \
  --manifest-path "$work/tree/Cargo.toml"
SCRATCH=$PWD/target/budget/release/outcry

DETECT="detect --quiet --no-progress"
echo "budget: $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg), $ROUNDS rounds, $("$SHIPPED" --version)"
for name in $CORPORA; do
  f=$(corpus_path "$name")
  echo
  echo "== $name ($(stat -L -c %s "$f") bytes): shipped, long posts (> $SKIP_OVER B) skipped," \
    "nothing classified; two threads, then one; × rg, the whole list (ref1) and 207 phrases (ref2)"
  python3 bench/rounds.py --rounds "$ROUNDS" --refs 2 \
    "$SHIPPED $DETECT $f" "$SHIPPED $DETECT --threads 1 $f" \
    "OUTCRY_BUDGET_SKIP_OVER=$SKIP_OVER $SCRATCH $DETECT $f" \
    "OUTCRY_BUDGET_SKIP_OVER=$SKIP_OVER $SCRATCH $DETECT --threads 1 $f" \
    "OUTCRY_BUDGET_SKIP_OVER=0 $SCRATCH $DETECT $f" \
    "OUTCRY_BUDGET_SKIP_OVER=0 $SCRATCH $DETECT --threads 1 $f" \
    "rg -c -i -F -f $PHRASES $f" "rg -c -i -F -f $PHRASES207 $f"
done
