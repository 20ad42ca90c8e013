#!/usr/bin/env bash
# The pool of spent labelled halves, scored as one: `outcry-train --score` over both halves of
# sets 2 to LAST (default 16), the counts summed, rules alone (first line) and with the vetter.
#
#   eval/pool.sh OUTCRY_TRAIN_BINARY [LAST]     (run from the repository's root)
#
# e.g. cargo build --release -p outcry-train && eval/pool.sh target/release/outcry-train
set -euo pipefail
bin=${1:?usage: eval/pool.sh OUTCRY_TRAIN_BINARY [LAST]}
last=${2:-16}
files=""
for n in $(seq 2 "$last"); do files="$files labelled$n-dev.tsv labelled$n-test.tsv"; done
for f in $files; do "$bin" --score "$f" 2>&1 | grep -E "precision .* recall"; done | python3 -c '
import sys,re
rows=[re.findall(r"tp (\d+), fp (\d+), fn (\d+)\), figurative as report (\d+)", l) for l in sys.stdin]
rows=[r[0] for r in rows if r]
for k,name in ((0,"rules"),(1,"vetter")):
    t=[sum(int(r[i]) for r in rows[k::2]) for i in range(4)]
    p=t[0]/(t[0]+t[1]); rc=t[0]/(t[0]+t[2])
    print(f"{name}: files {len(rows[k::2])} tp {t[0]} fp {t[1]} fn {t[2]} fig {t[3]}  P {p:.3f} R {rc:.3f}")
'
