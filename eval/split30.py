#!/usr/bin/env python3
"""Splits the thirtieth labelled set (issue 14, round twenty-nine) into halves, once, before any tuning.

Reads the hand-written posts from stdin, one a line as `lang|kind|service|class|text` (the text
is the last field and may hold `|`), checks each line, groups the posts by (lang, class, kind),
shuffles each group with a fixed seed and deals its posts alternately to the dev and the test
half (the turn carries over from group to group; see halves.py), so the halves differ by at
most one post and both get every class. The same input gives the same halves. Writes
eval/labelled30-dev.tsv and eval/labelled30-test.tsv. Run once; the halves are committed as they
came out.
"""
import sys

from halves import split_posts

SEED = 30_2026_1206
CLASSES = {"market", "rating", "physical", "stretch", "errcode", "recovery", "provider",
           "ambiguous", "trap", "plain", "mixed"}

split_posts(30, SEED, CLASSES, sys.stdin)
