#!/usr/bin/env bash
# The side-by-side of BENCHMARKS.md, "Issue 11: km at 10^6 rows" (and the kinetics fit figures):
# generates the seeded files, builds cartrial in release and times each run with /usr/bin/time
# (wall, CPU, peak memory). R and survival (Debian: r-base-core, r-cran-survival) are needed for
# the R side only; CI never runs this.
set -euo pipefail
cd "$(dirname "$0")/../.."
data=${TMPDIR:-/tmp}
python3 Benchmarks/km/generate.py > "$data/km-1e6.csv"
python3 Benchmarks/kinetics/generate.py 20000 > "$data/kinetics-20000.csv"
swift build -c release --product cartrial
bin=.build/release/cartrial
timed() { /usr/bin/time -f "$1: %e s wall, %U s user, %S s sys, %M KB peak" "${@:2}"; }
uptime
if command -v Rscript > /dev/null; then
  timed "R survival" Rscript Benchmarks/km/km_survival.R "$data/km-1e6.csv" | tail -1
fi
for format in text json; do
  timed "cartrial km ($format)" "$bin" km --input "$data/km-1e6.csv" --time time --event status --group arm \
    --format "$format" > /dev/null
done
timed "cartrial km (--at)" "$bin" km --input "$data/km-1e6.csv" --time time --event status --group arm \
  --at 180,365,730 > /dev/null
timed "cartrial kinetics fit (20,000 subjects)" "$bin" kinetics fit --input "$data/kinetics-20000.csv" > /dev/null
uptime
