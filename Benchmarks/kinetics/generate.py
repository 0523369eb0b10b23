#!/usr/bin/env python3
"""Writes the seeded kinetics CSV of the `kinetics fit` benchmark (BENCHMARKS.md, "Issue 11"):
SUBJECTS subjects (20,000 by default) sampled on days 0, 1, 4, 7, 11, 14, 21, 28, 56, 90, 180, 270
and 365 from the Stein 2019 model with each parameter drawn around the typical values
(log-normal, CV ~30-50%) and 25% log-normal assay noise; a quarter of the subjects stop being
sampled after day 90 (so their persistence phase is not identifiable).

    python3 Benchmarks/kinetics/generate.py [SUBJECTS] > /tmp/kinetics-20000.csv
"""
import math
import random
import sys

subjects = int(sys.argv[1]) if len(sys.argv) > 1 else 20_000
rng = random.Random(20261201)
days = [0, 1, 4, 7, 11, 14, 21, 28, 56, 90, 180, 270, 365]


def level(t, foldx, tmax, cmax, alpha, beta, fb):
    if t < tmax:
        return cmax / foldx * math.exp(math.log(foldx) / tmax * t)
    dt = t - tmax
    return (1 - fb) * cmax * math.exp(-alpha * dt) + fb * cmax * math.exp(-beta * dt)


out = ["subject,time,conc\n"]
for s in range(subjects):
    foldx = 3900 * math.exp(rng.gauss(0, 0.5))
    tmax = 9.3 * math.exp(rng.gauss(0, 0.3))
    cmax = 24000 * math.exp(rng.gauss(0, 0.5))
    alpha = 0.16 * math.exp(rng.gauss(0, 0.3))
    beta = 0.0032 * math.exp(rng.gauss(0, 0.4))
    fb = 0.0079 * math.exp(rng.gauss(0, 0.4))
    last = 90 if rng.random() < 0.25 else 365
    for t in days:
        if t > last:
            break
        c = level(t, foldx, tmax, cmax, alpha, beta, fb) * math.exp(rng.gauss(0, 0.25))
        out.append(f"K{s + 1:05d},{t},{c:.4g}\n")
sys.stdout.write("".join(out))
