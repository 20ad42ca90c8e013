#!/usr/bin/env python3
"""Splits the third labelled set (issue 14, round two) into halves, once, before any tuning.

Reads the hand-written posts (lang, kind, service, class, text; tab-separated, no header) from
stdin, shuffles each (lang, class, kind) group with a fixed seed and deals its posts alternately
to the dev and test halves, so both halves get every class. Writes eval/labelled3-dev.tsv and
eval/labelled3-test.tsv. Run once; the halves are committed as they came out.
"""
import sys

from halves import deal, write

SEED = 20261202

rows = [l.rstrip("\n") for l in sys.stdin if l.strip()]
for r in rows:
    assert len(r.split("\t")) == 5, r


def key(r):
    f = r.split("\t")
    return (f[0], f[3], f[1])


write(3, *deal(rows, key, SEED))
