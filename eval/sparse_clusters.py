"""Chance clusters of stray voices in the scenario suites' quiet stretches (issue 17's fourth
pass: could a live alert be sure of a slow sparse outage one window after its first elevated
window?).

    cargo run -p outcry-sim -- DIR [--fresh]    # the suite's inputs and truths
    python3 eval/sparse_clusters.py DIR [OUTCRY_BINARY]

For each scenario and service, `outcry windows` gives each window's distinct voices and
expectation. A cluster is three consecutive sparse windows (each expecting under one voice)
whose first holds two voices or more and whose three hold four or more, with a Poisson tail
P < 0.001 for the sum: the evidence a slow outage such as `early-2` (2, 1, 1 voices where 0.37
are expected) offers by the close of the window after its first elevated one. Clusters within
30 minutes of a labelled outage are counted as inside it, the others are listed: what a rule
sure of such a start would announce with no outage there. One cluster per hour is counted.
"""
import csv
import math
import subprocess
import sys
from datetime import datetime, timedelta


def tail(c, m):
    """P(X >= c) for a Poisson mean m."""
    return 1.0 - sum(math.exp(-m) * m**k / math.factorial(k) for k in range(c))


def when(s):
    return datetime.fromisoformat(s.replace("Z", "+00:00"))


def main():
    d = sys.argv[1]
    binary = sys.argv[2] if len(sys.argv) > 2 else "outcry"
    inside, outside = 0, []
    for line in open(f"{d}/LIST"):
        name, *files = line.split()
        truth = list(csv.DictReader(open(f"{d}/{name}-truth.csv")))
        out = subprocess.run([binary, "windows", *files], capture_output=True, text=True).stdout
        by_service = {}
        for r in csv.DictReader(out.splitlines()):
            by_service.setdefault(r["service"], []).append(r)
        for svc, rows in by_service.items():
            margin = timedelta(minutes=30)
            events = [(when(t["onset"]) - margin, when(t["recovery"]) + margin)
                      for t in truth if t["service"] == svc and t["recovery"]]
            k = 0
            while k + 2 < len(rows):
                w = rows[k:k + 3]
                c = [int(x["distinct_reports"]) for x in w]
                m = [float(x["expected"]) for x in w]
                if max(m) < 1 and c[0] >= 2 and sum(c) >= 4 and tail(sum(c), sum(m)) < 1e-3:
                    t = when(w[0]["window_start"])
                    if any(a <= t <= b for a, b in events):
                        inside += 1
                    else:
                        outside.append(f"{name} {svc} {w[0]['window_start']} {c} {sum(m):.2f}")
                    k += 12
                    continue
                k += 1
    print(f"inside outages {inside}, outside {len(outside)}")
    print("\n".join(outside))


if __name__ == "__main__":
    main()
