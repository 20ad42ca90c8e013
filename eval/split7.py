#!/usr/bin/env python3
"""Splits the seventh labelled set (issue 14, round six) into halves, once, before any tuning.

Reads the hand-written posts from stdin, one a line as `lang|kind|service|class|text` (the text
is the last field and may hold `|`), checks each line, groups the posts by (lang, class, kind),
shuffles each group with a fixed seed and deals its posts alternately to the dev and the test
half (the turn carries over from group to group; see halves.py), so the halves differ by at
most one post and both get every class. The same input gives the same halves. Writes
eval/labelled7-dev.tsv and eval/labelled7-test.tsv. Run once; the halves are committed as they
came out.
"""
import sys

from halves import deal, write

SEED = 7_2026_1202
CLASSES = {"market", "rating", "physical", "stretch", "errcode", "recovery", "provider",
           "ambiguous", "trap", "plain", "mixed"}

rows = [l.rstrip("\n").split("|", 4) for l in sys.stdin if l.strip()]
for r in rows:
    assert len(r) == 5 and "\t" not in r[4], r
    assert r[0] in ("en", "ko") and r[1] in ("report", "recovery", "none"), r
    assert r[3] in CLASSES, r
    assert (r[1] == "none") == (r[2] == ""), r
dev, test = deal(rows, lambda r: (r[0], r[3], r[1]), SEED)
write(7, ["\t".join(r) for r in dev], ["\t".join(r) for r in test])
