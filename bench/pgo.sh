#!/usr/bin/env bash
# Whether a profile-guided build (PGO) makes outcry faster on the bench's corpora (README, issue
# 15's fortieth pass): builds outcry instrumented, runs it over training data, builds it again
# with the profile, checks that the two builds write the same report, and times them against
# each other in interleaved rounds (bench/rounds.py) on the corpora bench/run.sh generated (run
# it first, at the same sizes).
#
#   bench/pgo.sh [SIZE [TEXT_SIZE]]    the sizes bench/run.sh was given (default 1G and 300M)
#
# Environment: ROUNDS (default 5), BENCH_DIR (target/bench), CORPORA (default "tweets blog
# trackback forum chat"), TRAIN (default: the bundled data, below).
#
# The training data decides what the profile says. By default it is what the repository holds
# and the bench does not measure: the example chatter in fixtures/ (detect and classify) and the
# texts of the lexicons' labelled sets in eval/ (turned into JSON Lines, one post a minute).
# TRAIN="FILE..." trains on those files instead (`detect --threads 1` over each); trained on
# the bench's own corpora it measures what it was trained on, an upper bound and no more.
#
# Builds go to target/pgo-gen and target/pgo-use (RUSTFLAGS from the environment are kept and
# the profile's flag added). llvm-profdata must match rustc's LLVM: the script takes the one of
# rustup's llvm-tools component and asks rustup for it when it is missing; without it, exit 2.
#
# Reading the output: in each corpus's block the PGO build's lines come first, the shipped
# build's last; "x ref1" is the shipped build's time on two threads over the command's, "x ref2"
# the same on one thread, so the first line's ref1 and the second's ref2 are the gains.
set -euo pipefail
cd "$(dirname "$0")/.."
# SIZE, TEXT_SIZE, DIR, corpus_path and need_files, as bench/run.sh has them
. bench/corpora.sh "$@"
ROUNDS=${ROUNDS:-5}
CORPORA=${CORPORA:-tweets blog trackback forum chat}
for name in $CORPORA; do
  need_files pgo "$(corpus_path "$name")"
done

host=$(rustc -vV | sed -n 's/^host: //p')
PROFDATA=$(rustc --print sysroot)/lib/rustlib/$host/bin/llvm-profdata
if [ ! -x "$PROFDATA" ]; then
  rustup component add llvm-tools >&2 || true
fi
if [ ! -x "$PROFDATA" ]; then
  echo "pgo: $PROFDATA is missing: install it with \`rustup component add llvm-tools\`" >&2
  exit 2
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
build() { # TARGET_DIR FLAG: a release build of outcry with one more code-generation flag
  RUSTFLAGS="${RUSTFLAGS:-} $2" CARGO_TARGET_DIR=$PWD/target/$1 \
    cargo build --release --quiet --bin outcry
}

cargo build --release --quiet --bin outcry
SHIPPED=${CARGO_TARGET_DIR:-target}/release/outcry
build pgo-gen "-Cprofile-generate=$work/raw"
GEN=$PWD/target/pgo-gen/release/outcry

if [ -n "${TRAIN:-}" ]; then
  # shellcheck disable=SC2086 # TRAIN is a list of files
  for f in $TRAIN; do
    "$GEN" detect --quiet --no-progress --threads 1 "$f" > /dev/null
  done
else
  python3 - "$work/eval.jsonl" eval/*.tsv <<'EOF'
import csv, json, sys
csv.field_size_limit(1 << 30)
with open(sys.argv[1], "w", encoding="utf-8") as out:
    n = 0
    for path in sys.argv[2:]:
        with open(path, newline="", encoding="utf-8") as f:
            rows = csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE)
            if "text" not in (rows.fieldnames or []):
                continue
            for row in rows:
                m = n % 1440
                time = f"2024-03-03T{m // 60:02d}:{m % 60:02d}:00Z"
                out.write(json.dumps({"created_at": time, "text": row["text"]},
                                     ensure_ascii=False) + "\n")
                n += 1
EOF
  for args in "--threads 1 $work/eval.jsonl" "--input-tz Asia/Seoul fixtures/gmail-2009-02-24/*" \
    "--input-tz Asia/Seoul fixtures/blogs-2009-02-24/*"; do
    # shellcheck disable=SC2086 # the arguments and the fixtures' glob
    "$GEN" detect --quiet --no-progress $args > /dev/null
    # shellcheck disable=SC2086
    "$GEN" classify $args > /dev/null
  done
fi
"$PROFDATA" merge -o "$work/merged.profdata" "$work/raw"
build pgo-use "-Cprofile-use=$work/merged.profdata"
PGO=$PWD/target/pgo-use/release/outcry

DETECT="detect --quiet --no-progress"
echo "pgo: $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg), $ROUNDS rounds," \
  "trained on ${TRAIN:-the bundled data}, $("$SHIPPED" --version)"
for name in $CORPORA; do
  f=$(corpus_path "$name")
  "$SHIPPED" $DETECT --threads 1 --format json "$f" > "$work/shipped.json"
  "$PGO" $DETECT --threads 1 --format json "$f" > "$work/pgo.json"
  if ! cmp -s "$work/shipped.json" "$work/pgo.json"; then
    echo "pgo: the two builds' reports on $f differ" >&2
    exit 1
  fi
  echo
  echo "== $name ($(stat -L -c %s "$f") bytes; the same report): PGO on two threads and one," \
    "× the shipped build on two threads (ref1) and one (ref2)"
  python3 bench/rounds.py --rounds "$ROUNDS" --refs 2 \
    "$PGO $DETECT $f" "$PGO $DETECT --threads 1 $f" \
    "$SHIPPED $DETECT $f" "$SHIPPED $DETECT --threads 1 $f"
done
