#!/usr/bin/env python3
"""Interleaved rounds: each command once a round, the order reversed every other round, and each
command's time set against the last command's in the same round.

    bench/rounds.py [--rounds N] [--refs K] CMD... REFERENCE...

Why beside hyperfine: on a shared machine the speed moves by 10-30% within minutes, and
hyperfine runs each command's runs one after another, so two commands measured a minute apart
can differ by the machine's drift alone. Here both see the same minute: the figure to read is the
median over the rounds of each round's ratio (REFERENCE's time over the command's, so above 1
means faster than the reference), with the lowest and highest round beside it to show how far
the machine moved them. Wall time is measured around the process (output to /dev/null); CPU time
(user + system) from the children's resource usage.

Prints one line per command: median wall time, its lowest, median CPU time, and the ratio's
median [lowest, highest]. With `--refs K` the last K commands are references, each ratio shown
against each of them in turn (`x ref1`, `x ref2`, …, named in a first line): two yardsticks
timed in the same rounds. Exit status 0, or 1 when a command failed in some round (its times
are then not worth reading).
"""

import argparse
import resource
import statistics
import subprocess
import sys
import time


def run(cmd):
    """Wall and CPU seconds of one run of `cmd` (a shell command), and its exit status."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    status = subprocess.run(cmd, shell=True, stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL).returncode
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu, status


def main():
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--rounds", type=int, default=10, help="rounds (default 10)")
    p.add_argument("--refs", type=int, default=1,
                   help="how many of the last commands are references (default 1)")
    p.add_argument("commands", nargs="+", help="shell commands; the last --refs are references")
    a = p.parse_args()
    if a.refs < 1 or len(a.commands) <= a.refs or a.rounds < 1:
        p.error("give a command besides the references (the last --refs, at least one) "
                "and one round")
    times = {c: [] for c in a.commands}
    failed = set()
    for r in range(a.rounds):
        order = a.commands if r % 2 == 0 else a.commands[::-1]
        for c in order:
            wall, cpu, status = run(c)
            times[c].append((wall, cpu))
            if status != 0:
                failed.add(c)
    refs = a.commands[-a.refs:]
    if a.refs > 1:
        print("  ".join(f"ref{j + 1}: {r}" for j, r in enumerate(refs)))
    for c in a.commands:
        walls = [w for w, _ in times[c]]
        cpus = [u for _, u in times[c]]
        cells = []
        for j, r in enumerate(refs):
            ratios = [times[r][i][0] / times[c][i][0] for i in range(a.rounds)]
            name = "ref" if a.refs == 1 else f"ref{j + 1}"
            cells.append(f"x {name} {statistics.median(ratios):.3f} "
                         f"[{min(ratios):.3f}, {max(ratios):.3f}]")
        note = "  (FAILED in some round)" if c in failed else ""
        print(f"wall {statistics.median(walls):.3f} s (lowest {min(walls):.3f})  "
              f"cpu {statistics.median(cpus):.3f} s  "
              f"{'  '.join(cells)}  {c}{note}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
