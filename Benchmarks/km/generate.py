#!/usr/bin/env python3
"""Writes the seeded 10^6-subject, two-arm survival CSV of the `km` benchmark (BENCHMARKS.md,
"Issue 11: km at 10^6 rows").

Columns subject,arm,time,status: times in days with 4 decimals (nearly every event time distinct,
the worst case for the output), exponential event times (median 365 d in arm A, 500 d in arm B),
uniform administrative censoring between 180 and 1460 days (about a third censored).

    python3 Benchmarks/km/generate.py [ROWS] > /tmp/km-1e6.csv
"""
import math
import random
import sys

rows = int(sys.argv[1]) if len(sys.argv) > 1 else 1_000_000
rng = random.Random(20261201)
out = sys.stdout
out.write("subject,arm,time,status\n")
lines = []
for i in range(rows):
    arm = "A" if rng.random() < 0.5 else "B"
    median = 365.0 if arm == "A" else 500.0
    event = rng.expovariate(math.log(2) / median)
    censor = rng.uniform(180.0, 1460.0)
    time, status = (event, 1) if event <= censor else (censor, 0)
    lines.append(f"S{i + 1:07d},{arm},{time:.4f},{status}\n")
    if len(lines) == 10_000:
        out.write("".join(lines))
        lines = []
out.write("".join(lines))
