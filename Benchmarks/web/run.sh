#!/usr/bin/env bash
# Load benchmark of the web application (BENCHMARKS.md, "Issue 14"): wrk on 127.0.0.1 against a
# write endpoint (recording an assessment: checked by the conduct rules, appended durably to the
# hash-chained log) and a read page (the dashboard of a trial with 10⁴ events).
# Usage: Benchmarks/web/run.sh [path/to/cartrial]   (default: the release build)
set -euo pipefail
cd "$(dirname "$0")/../.."
bin="${1:-.build/release/cartrial}"
tmp="$(mktemp -d)"
port=8099
trap 'kill "$pid" 2>/dev/null || true; rm -rf "$tmp"' EXIT
"$bin" serve --db "$tmp/t.sqlite" --port "$port" --admin-password bench-admin-password --key "$tmp/key" \
  >"$tmp/serve.log" 2>"$tmp/serve.err" &
pid=$!
for _ in $(seq 100); do grep -q "serving at" "$tmp/serve.log" 2>/dev/null && break; sleep 0.1; done
base="http://127.0.0.1:$port"
trials=16
token="$(python3 Benchmarks/web/setup.py "$base" bench-admin-password "$trials" Examples/patients/P-0001.json | tail -n 1)"
echo "== writes: 16 connections, each recording assessments, spread over $trials trials"
wrk -t2 -c16 -d"${DURATION:-20}s" --latency -s Benchmarks/web/record.lua "$base" -- "$token" "$trials"
echo "== writes: 16 connections on one trial (W-01), also filling it towards 10^4 events"
wrk -t2 -c16 -d"${FILL:-40}s" --latency -s Benchmarks/web/record.lua "$base" -- "$token" 1
events="$(curl -s -H "Authorization: Bearer $token" "$base/api/v1/trials/W-01" | python3 -c 'import json,sys; print(json.load(sys.stdin)["events"])')"
echo "== reads: the dashboard of W-01 ($events events), 16 connections"
wrk -t2 -c16 -d"${DURATION:-20}s" --latency -H "Cookie: cartrial_session=$token" "$base/trials/W-01"
echo "== reads: the trial's state as JSON (GET /api/v1/trials/W-01)"
wrk -t2 -c16 -d"${DURATION:-20}s" --latency -H "Authorization: Bearer $token" "$base/api/v1/trials/W-01"
