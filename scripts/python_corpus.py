#!/usr/bin/env python3
"""Run every program of the oracle's userprog/ and plain/ corpora through the
interpreter (`asyncio-play --file`) and require pyrun.py's trace byte for byte.

    python3 scripts/python_corpus.py [--bin PATH] [--quiet] [NAME ...]

Prints one line per mismatch (with a diff under --verbose) and ends with
`python corpus: N passed, M failed, K skipped` (K: the known divergences,
run and reported with their reason); exit status 1 if any failed.
"""

import argparse
import difflib
import os
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
REF = os.path.normpath(os.path.join(ROOT, "..", "shared", "reference"))
CORPORA = [
    (os.path.join(REF, "userprog"), os.path.join(REF, "userprog", "expected")),
    (os.path.join(REF, "plain"), os.path.join(REF, "expected")),
]
TIMEOUT = 60

# Programs whose CPython trace depends on something the playground cannot
# reproduce. They still run and are compared; a mismatch is reported as a
# known divergence (with the reason), and a match makes the run fail until
# the entry is removed, so the list can only shrink.
KNOWN_DIVERGENCES = {
    "taskgroup_failure_siblings": "TaskGroup cancels its tasks in the iteration order of a set of "
    "Task objects, which CPython orders by object address (id); the playground cancels in "
    "creation order",
}


def programs(names):
    for src_dir, exp_dir in CORPORA:
        for f in sorted(os.listdir(src_dir)):
            if not f.endswith(".py"):
                continue
            name = f[:-3]
            if names and name not in names:
                continue
            yield name, os.path.join(src_dir, f), os.path.join(exp_dir, name + ".txt")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--bin", default=os.path.join(ROOT, "target", "release", "asyncio-play"))
    ap.add_argument("--quiet", action="store_true")
    ap.add_argument("--verbose", action="store_true")
    ap.add_argument("names", nargs="*")
    args = ap.parse_args()
    passed = failed = known = 0
    for name, src, exp in programs(set(args.names)):
        with open(exp, encoding="utf-8") as f:
            expected = f.read()
        try:
            r = subprocess.run([args.bin, "--file", src], capture_output=True, timeout=TIMEOUT,
                               env=dict(os.environ, PYTHONHASHSEED="0"))
            got = r.stdout.decode("utf-8", "replace")
            status = r.returncode
        except subprocess.TimeoutExpired:
            got, status = "", "timeout"
        same = got == expected and status == 0
        if name in KNOWN_DIVERGENCES:
            if same:
                failed += 1
                print(f"FAIL {name}: listed as a known divergence but now matches; remove it from the list")
            else:
                known += 1
                print(f"known divergence {name}: {KNOWN_DIVERGENCES[name]}")
            continue
        if same:
            passed += 1
            if not args.quiet:
                print(f"ok   {name}")
            continue
        failed += 1
        print(f"FAIL {name} (exit {status})")
        if args.verbose:
            sys.stdout.writelines(difflib.unified_diff(
                expected.splitlines(True), got.splitlines(True), "expected", "interpreter", n=1))
            if status != 0:
                print(r.stderr.decode("utf-8", "replace")[-2000:])
    print(f"python corpus: {passed} passed, {failed} failed, {known} skipped")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
