#!/usr/bin/env python3
"""Splits the third labelled set (issue 14, round two) into halves, once, before any tuning.

Reads the hand-written posts (lang, kind, service, class, text; tab-separated, no header) from
stdin, shuffles each (lang, class, kind) group with a fixed seed and deals its posts alternately
to the dev and test halves, so both halves get every class. Writes eval/labelled3-dev.tsv and
eval/labelled3-test.tsv. Run once; the halves are committed as they came out.
"""
import random
import sys
from collections import defaultdict

SEED = 20261202
HEADER = "lang\tkind\tservice\tclass\ttext\n"

rows = [l.rstrip("\n") for l in sys.stdin if l.strip()]
groups = defaultdict(list)
for r in rows:
    f = r.split("\t")
    assert len(f) == 5, r
    groups[(f[0], f[3], f[1])].append(r)
rng = random.Random(SEED)
dev, test = [], []
turn = 0
for key in sorted(groups):
    g = groups[key]
    rng.shuffle(g)
    for r in g:
        (dev if turn % 2 == 0 else test).append(r)
        turn += 1
for name, half in (("dev", dev), ("test", test)):
    with open(f"eval/labelled3-{name}.tsv", "w", encoding="utf-8") as out:
        out.write(HEADER)
        out.writelines(r + "\n" for r in half)
print(f"dev {len(dev)}, test {len(test)}")
