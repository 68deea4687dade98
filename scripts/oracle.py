#!/usr/bin/env python3
"""Compare the native runner's traces with the CPython oracle's.

    python3 scripts/oracle.py [--runner PATH] [NAME ...]

For every scenario the runner lists (or the NAMEs given), at its defaults,
`asyncio-play NAME` must print exactly what `python3 ../shared/reference/run.py
NAME` prints. A mismatch shows a short unified diff. The last line is
`oracle: N passed, M failed`; the exit status is 1 when anything failed.
"""
import argparse
import difflib
import os
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
REF = os.path.join(os.path.dirname(ROOT), "shared", "reference")
RUN_PY = os.path.join(REF, "run.py")


def run(cmd):
    p = subprocess.run(cmd, capture_output=True, text=True, encoding="utf-8", timeout=600)
    return p.returncode, p.stdout, p.stderr


def short_diff(want, got, label):
    lines = list(difflib.unified_diff(want.splitlines(), got.splitlines(),
                                      f"oracle {label}", f"runner {label}", lineterm="", n=2))
    if len(lines) > 40:
        lines = lines[:40] + [f"... ({len(lines) - 40} more diff lines)"]
    return "\n".join(lines)


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--runner", default=os.path.join(ROOT, "target", "debug", "asyncio-play"))
    ap.add_argument("names", nargs="*")
    args = ap.parse_args()

    code, listing, err = run([args.runner, "--list"])
    if code != 0:
        print(f"oracle: the runner failed to list scenarios: {err.strip()}")
        print("0 passed, 1 failed")
        return 1
    names = args.names or [line.split("\t")[0] for line in listing.splitlines() if line]
    passed = failed = 0
    for name in names:
        label = name
        want_code, want, want_err = run([sys.executable, RUN_PY, name])
        got_code, got, got_err = run([args.runner, name])
        if want_code != 0:
            print(f"FAIL {label}: the oracle itself failed: {want_err.strip()}")
            failed += 1
        elif got_code != 0 or got != want:
            print(f"FAIL {label} (exit {got_code}) {got_err.strip()}")
            print(short_diff(want, got, label))
            failed += 1
        else:
            print(f"ok   {label}")
            passed += 1
    print(f"oracle: {passed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
