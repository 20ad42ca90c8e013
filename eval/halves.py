"""What the split scripts share (split3.py to split30.py): each labelled set is split
into a development and a test half once, before any tuning, by grouping its posts and dealing
each group's posts alternately to the two halves, the turn carrying over from one group to the
next (groups in sorted order), so that the halves differ by at most one post and both get every
group. The halves are written as eval/labelledN-dev.tsv and eval/labelledN-test.tsv.
"""
import random
from collections import defaultdict

HEADER = "lang\tkind\tservice\tclass\ttext\n"


def deal(rows, key, seed=None):
    """The two halves of `rows`, grouped by `key(row)`; each group shuffled with a generator
    seeded with `seed` (one generator for all groups, in sorted order), or in the order given
    when `seed` is None."""
    groups = defaultdict(list)
    for r in rows:
        groups[key(r)].append(r)
    rng = random.Random(seed) if seed is not None else None
    dev, test = [], []
    turn = 0
    for k in sorted(groups):
        group = groups[k]
        if rng is not None:
            rng.shuffle(group)
        for r in group:
            (dev if turn % 2 == 0 else test).append(r)
            turn += 1
    return dev, test


def write(n, dev, test):
    """Writes the halves of set `n` (lines of tab-separated columns, without the header)."""
    for name, half in (("dev", dev), ("test", test)):
        with open(f"eval/labelled{n}-{name}.tsv", "w", encoding="utf-8") as out:
            out.write(HEADER)
            out.writelines(r + "\n" for r in half)
    print(f"dev {len(dev)}, test {len(test)}")


def split_posts(n, seed, classes, lines):
    """Reads set `n`'s hand-written posts (`lang|kind|service|class|text` a line, the text last
    and free to hold `|`), checks each line, groups them by (lang, class, kind), deals them with
    `seed` and writes the halves."""
    rows = [l.rstrip("\n").split("|", 4) for l in lines if l.strip()]
    for r in rows:
        assert len(r) == 5 and "\t" not in r[4], r
        assert r[0] in ("en", "ko") and r[1] in ("report", "recovery", "none"), r
        assert r[3] in classes, r
        assert (r[1] == "none") == (r[2] == ""), r
    dev, test = deal(rows, lambda r: (r[0], r[3], r[1]), seed)
    write(n, ["\t".join(r) for r in dev], ["\t".join(r) for r in test])
