#!/usr/bin/env python3
"""Run benchmark workloads on native CPython and print one JSON object per line.

    python3 bench_cpython.py [--runs N] [--warmup N] [--min-time S] [--reference DIR] [--plain] W1 [W2 ...]

Each object: {"system": "cpython", "workload", "ops", "seconds": [...], "reps": [...],
"base_rss_kb", "peak_rss_kb"}; a run repeats the workload until --min-time
seconds have passed (default 0.1) and counts the mean of its repetitions. `base_rss_kb` is the peak resident set before
the first workload ran (interpreter and imports), `peak_rss_kb` after the last
one (getrusage's ru_maxrss): run one workload per process to get its own peak.
The workloads are in workloads.py; W7 loads the oracle's scenarios from
--reference (default: ../shared/reference beside the repository).
With --plain (system "cpython-plain"), the workloads are the plain programs our
interpreter runs (plain.py: interp/w1.py ... w6.py, W7 = the oracle's plain/*.py),
run by the oracle's pyrun.py in this process.
"""

import argparse
import json
import os
import resource
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.abspath(os.path.join(HERE, "..", "..", ".."))
sys.path.insert(0, HERE)
sys.dont_write_bytecode = True

import plain  # noqa: E402
import workloads  # noqa: E402


def maxrss_kb():
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss  # KiB on Linux


def main(argv):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--warmup", type=int, default=1)
    parser.add_argument("--min-time", type=float, default=0.1)
    parser.add_argument("--reference", default=os.path.join(REPO, "..", "shared", "reference"))
    parser.add_argument("--plain", action="store_true", help="the plain programs, through pyrun.py")
    parser.add_argument("workloads", nargs="+", choices=sorted(workloads.WORKLOADS))
    args = parser.parse_args(argv)
    workloads.set_reference(os.path.abspath(args.reference))
    if args.plain:
        plain.setup(os.path.abspath(args.reference))
    base = maxrss_kb()
    for name in args.workloads:
        bench = plain if args.plain else workloads
        result = bench.measure(name, args.runs, args.warmup, args.min_time)
        result.update(system="cpython-plain" if args.plain else "cpython", base_rss_kb=base, peak_rss_kb=maxrss_kb(), version=sys.version.split()[0])
        print(json.dumps(result), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
