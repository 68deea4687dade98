#!/usr/bin/env python3
"""Run every scenario with every parameter at its maximum (and, for ints, the
cheapest switch points at their minimum where that makes the run longest) and
report how long each takes and how many lines it prints.

    python3 scripts/maxima.py [--runner PATH] [--json]

Used to check that the maxima finish and to note the slowest (issue 5).
With --json it prints one JSON list instead, slowest first:
[{"name", "args": ["key=value", ...], "seconds", "exit", "lines"}], which
crates/bench/web/maxima.mjs reads to time the same runs in the page.
"""
import argparse
import json
import os
import subprocess
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

# Parameters whose minimum, not maximum, makes the run heaviest.
HEAVIEST_AT_MIN = {"switch_every", "start_gap", "write_every", "poll", "gap", "step", "tick", "interval",
                   "item_time", "hold", "read_every", "cost", "latency", "unit", "more_every"}

# Scenarios whose runner exit status is not 0 by design: the crawler bug is a
# runaway (the runner stops it and exits with 3).
EXPECTED_EXIT = {"tasks_crawler_bug": 3}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--runner", default=os.path.join(ROOT, "target", "release", "asyncio-play"))
    ap.add_argument("--json", action="store_true", help="print the runs as JSON, slowest first")
    args = ap.parse_args()
    names = [l.split("\t")[0] for l in subprocess.run([args.runner, "--list"], capture_output=True,
                                                      text=True, check=True).stdout.splitlines()]
    rows = []
    for name in names:
        params = json.loads(subprocess.run([args.runner, "--params", name], capture_output=True,
                                           text=True, check=True).stdout)
        argv = []
        for key, spec in params.items():
            if spec.get("max") is None:
                continue
            value = spec["min"] if key in HEAVIEST_AT_MIN else spec["max"]
            argv.append(f"{key}={value}")
        start = time.perf_counter()
        p = subprocess.run([args.runner, name] + argv, capture_output=True, text=True, timeout=600)
        took = time.perf_counter() - start
        rows.append((took, name, argv, p.returncode, p.stdout.count("\n")))
    rows.sort(reverse=True)
    if args.json:
        json.dump([{"name": name, "args": argv, "seconds": took, "exit": code, "lines": lines}
                   for took, name, argv, code, lines in rows], sys.stdout)
        print()
        return 0
    for took, name, argv, code, lines in rows:
        print(f"{took:8.3f} s  exit {code}  {lines:>8} lines  {name} {' '.join(argv)}")
    print(f"total {sum(r[0] for r in rows):.2f} s over {len(rows)} scenarios")
    return 0 if all(r[3] == EXPECTED_EXIT.get(r[1], 0) for r in rows) else 1


if __name__ == "__main__":
    sys.exit(main())
