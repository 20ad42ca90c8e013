#!/usr/bin/env python3
"""Splits the hand-written facet posts (eval/facets-all.tsv, kept only until the split) into a
development half and a test half, once, before any tuning on them: a seeded shuffle within each
language, alternating between the halves. Columns: lang, fails, works, places, text (the three
middle ones comma-separated facet names, empty when none)."""
import csv, random

rows = []
with open("eval/facets-all.tsv", encoding="utf-8") as f:
    for k, line in enumerate(f):
        if k == 0 or not line.strip():
            continue
        parts = line.rstrip("\n").split("\t")
        lang, text = parts[0].strip(), parts[-1].strip()
        mid = [p.strip() for p in parts[1:-1]] + ["", "", ""]
        rows.append((lang, mid[0], mid[1], mid[2], text))

rng = random.Random(20)
dev, test = [], []
for lang in ("en", "ko"):
    group = [r for r in rows if r[0] == lang]
    rng.shuffle(group)
    for i, r in enumerate(group):
        (dev if i % 2 == 0 else test).append(r)

for name, half in (("facets-dev.tsv", dev), ("facets-test.tsv", test)):
    with open(f"eval/{name}", "w", encoding="utf-8") as f:
        f.write("lang\tfails\tworks\tplaces\ttext\n")
        for r in half:
            f.write("\t".join(r) + "\n")
print(len(dev), len(test))
