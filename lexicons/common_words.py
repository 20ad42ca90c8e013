"""Writes `lexicons/common-words.txt`: the English words of a spelling dictionary that are near
enough to a service name to be read as a typing slip for it (`src/lexicon/misspell.rs` reads no
word of the file as a misspelt name: "titter" is a word, not a slip for Twitter).

    python3 lexicons/common_words.py [DICTIONARY]

DICTIONARY defaults to `/usr/share/dict/american-english-large` (Debian's `wamerican-large`,
SCOWL size 70); the file written carries the package's version and its whole copyright notice
(`/usr/share/doc/wamerican-large/copyright`). Only words within one edit of a name are kept, with runs of a letter read as one
on both sides (a wider net than the typing-slip rule itself), so the file stays small; run it
again after adding Latin names to `services.lex`.
"""

import re
import subprocess
import sys

DICT = sys.argv[1] if len(sys.argv) > 1 else "/usr/share/dict/american-english-large"
OUT = "lexicons/common-words.txt"
# The dictionary's licence notice, copied whole into the file it writes, and its version.
COPYRIGHT = "/usr/share/doc/wamerican-large/copyright"


def package_version():
    """The installed wamerican-large's Debian version, as dpkg tells it."""
    try:
        out = subprocess.run(
            ["dpkg-query", "-W", "-f=${Version}", "wamerican-large"],
            capture_output=True, text=True, check=True,
        ).stdout.strip()
        return f"Debian's wamerican-large {out}"
    except (OSError, subprocess.CalledProcessError):
        return "Debian's wamerican-large (version unknown)"


SOURCE = package_version()


def fold(w):
    """A word with each run of one letter read as one letter."""
    return re.sub(r"(.)\1+", r"\1", w)


def near(a, b):
    """Whether a and b are equal or one edit apart (a letter added, dropped, changed, or two
    neighbours swapped)."""
    if a == b:
        return True
    if abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        diff = [i for i in range(len(a)) if a[i] != b[i]]
        if len(diff) == 1:
            return True
        i = diff[0]
        return len(diff) == 2 and diff[1] == i + 1 and a[i] == b[i + 1] and a[i + 1] == b[i]
    if len(a) > len(b):
        a, b = b, a
    return any(b[:i] + b[i + 1 :] == a for i in range(len(b)))


def names():
    """The Latin names the misspelling rule reads, as typed: one word of lower-case letters,
    not ambiguous (no `?`), five letters or more once runs are folded."""
    out = set()
    section = None
    for line in open("lexicons/services.lex", encoding="utf-8"):
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        if line.startswith("["):
            section = line
            continue
        if section and section.startswith("[service") and not line.startswith("?"):
            w = line.lower()
            if re.fullmatch(r"[a-z]+", w) and len(fold(w)) >= 5:
                out.add(w)
    return out


def main():
    by_head = {}
    names_ = names()
    for n in names_:
        by_head.setdefault(n[0], []).append(fold(n))
    keep = set()
    for line in open(DICT, encoding="utf-8"):
        w = line.strip()
        # The dictionary's plain words: no capitals (names), no apostrophes.
        if not re.fullmatch(r"[a-z]{4,24}", w):
            continue
        f = fold(w)
        # A name, or a name with an "s" (a possessive typed without its apostrophe: "discords
        # down"), is the name.
        if w in names_ or (w.endswith("s") and w[:-1] in names_):
            continue
        # The rule keeps a name's first letter, so only names with the word's first letter.
        if any(near(f, n) for n in by_head.get(f[0], ())):
            keep.add(w)
    with open(OUT, "w", encoding="utf-8") as o:
        o.write(
            "# English words near a service name, never read as a misspelt name: written by\n"
            f"# lexicons/common_words.py from {SOURCE} (SCOWL size 70), see\n"
            "# src/lexicon/misspell.rs. One lower-case word a line, sorted.\n"
            "#\n"
            f"# The word list's copyright and licence, as {COPYRIGHT} gives them:\n"
            "#\n"
        )
        for line in open(COPYRIGHT, encoding="utf-8"):
            o.write(("# " + line.rstrip()).rstrip() + "\n")
        for w in sorted(keep):
            o.write(w + "\n")
    print(f"{len(keep)} words written to {OUT}")


main()
