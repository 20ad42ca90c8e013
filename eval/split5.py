#!/usr/bin/env python3
"""Splits the fifth labelled set (issue 14, round four) into halves, once, before any tuning.

Reads the hand-written posts from stdin, one a line as `lang|kind|service|class|text` (the text
is the last field and may hold `|`), groups them by (lang, class, kind), shuffles each group with
a fixed seed and deals its posts alternately to the dev and the test half; the turn carries over
from one group to the next, so the halves differ by at most one post and both get every class.
The same input gives the same halves. Writes eval/labelled5-dev.tsv and eval/labelled5-test.tsv
(the columns of the second to fourth sets). Run once; the halves are committed as they came out.
"""
import random
import sys
from collections import defaultdict

HEADER = "lang\tkind\tservice\tclass\ttext\n"
SEED = 20261202

rows = [l.rstrip("\n").split("|", 4) for l in sys.stdin if l.strip()]
groups = defaultdict(list)
for r in rows:
    assert len(r) == 5 and "\t" not in r[4], r
    assert r[0] in ("en", "ko") and r[1] in ("report", "recovery", "none"), r
    assert r[1] == "none" or r[2], r
    groups[(r[0], r[3], r[1])].append(r)
rng = random.Random(SEED)
dev, test = [], []
turn = 0
for key in sorted(groups):
    group = groups[key]
    rng.shuffle(group)
    for r in group:
        (dev if turn % 2 == 0 else test).append("\t".join(r))
        turn += 1
for name, half in (("dev", dev), ("test", test)):
    with open(f"eval/labelled5-{name}.tsv", "w", encoding="utf-8") as out:
        out.write(HEADER)
        out.writelines(r + "\n" for r in half)
print(f"dev {len(dev)}, test {len(test)}")
