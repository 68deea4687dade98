#!/usr/bin/env python3
"""Compare the native runner's traces with the CPython oracle's.

    python3 scripts/oracle.py [--runner PATH] [--sweep N] [--seed S] [NAME ...]

For every scenario the runner lists (or the NAMEs given) that the oracle's
`run.py --list` has too (the others are skipped), at its defaults and
over a seeded random sweep of N parameter sets (default 20), `asyncio-play NAME
k=v ...` must print exactly what `python3 ../shared/reference/run.py NAME k=v
...` prints. The sweep draws every parameter within its declared range: the
first set puts every parameter at its minimum, the second at its maximum, and
the rest draw each parameter at a bound a quarter of the time, at random in
between otherwise. Where a bound would make the oracle itself run for more
than a few seconds, CAPS below draws under it, and says why.

A mismatch shows a short unified diff and the command to reproduce it. The
last line is `oracle: N passed, M failed`; the exit status is 1 when anything
failed.
"""
import argparse
import difflib
import json
import os
import random
import shlex
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
REF = os.path.join(os.path.dirname(ROOT), "shared", "reference")
RUN_PY = os.path.join(REF, "run.py")


def run(cmd):
    p = subprocess.run(cmd, capture_output=True, text=True, encoding="utf-8", timeout=600)
    return p.returncode, p.stdout, p.stderr


# Upper limits for the sweep where the declared maximum makes the CPython
# oracle slow: {scenario: {param: cap}}. The runner itself is checked at the
# declared maxima by its own tests.
CAPS = {
    # a million loop iterations per thread take CPython minutes
    "thread_local": {"iterations": 20000, "switch_every": 20000},
    "thread_lock_counter": {"iterations": 20000, "switch_every": 20000},
    "thread_race_counter": {"iterations": 20000, "switch_every": 20000},
}


def draw(name, params, rnd, mode):
    """One parameter set as key=value strings. mode: 'min', 'max' or 'random'."""
    caps = CAPS.get(name, {})
    out = []
    for key, spec in params.items():
        default, lo, hi, choices = spec["default"], spec.get("min"), spec.get("max"), spec.get("choices")
        if key in caps and hi is not None:
            hi = min(hi, caps[key])
        if choices:
            value = rnd.choice(choices)
        elif isinstance(default, str):
            value = ",".join(str(rnd.randint(0, 9)) for _ in range(rnd.randint(0, 5)))
        else:
            is_int = isinstance(default, int)
            if mode == "min" or (mode == "random" and rnd.random() < 0.125):
                value = lo
            elif mode == "max" or (mode == "random" and rnd.random() < 0.143):
                value = hi
            elif is_int:
                # small values are where behaviour changes: favour them
                top = hi if rnd.random() < 0.3 else min(hi, max(lo, 2 * default + 3))
                value = rnd.randint(lo, top)
            else:
                top = hi if rnd.random() < 0.2 else min(hi, max(lo, 3 * default + 1))
                value = rnd.uniform(lo, top)
                value = round(value, rnd.choice([0, 1, 2, 3, 6]))
                value = min(max(value, lo), hi)
        out.append(f"{key}={value}")
    return out


def short_diff(want, got, label):
    lines = list(difflib.unified_diff(want.splitlines(), got.splitlines(),
                                      f"oracle {label}", f"runner {label}", lineterm="", n=2))
    if len(lines) > 40:
        lines = lines[:40] + [f"... ({len(lines) - 40} more diff lines)"]
    return "\n".join(lines)


def check(runner, name, argv):
    """Compare one run; returns (ok, report)."""
    label = " ".join([name] + argv)
    want_code, want, want_err = run([sys.executable, RUN_PY, name] + argv)
    got_code, got, got_err = run([runner, name] + argv)
    if want_code != got_code:
        return False, (f"FAIL {label}: exit {got_code}, oracle exit {want_code}\n"
                       f"  runner: {got_err.strip()}\n  oracle: {want_err.strip()}")
    if want_code != 0:
        return True, f"ok   {label} (both refuse: {want_err.strip()})"
    if got != want:
        return False, (f"FAIL {label}\n  reproduce: {shlex.join([runner, name] + argv)}\n"
                       + short_diff(want, got, name))
    return True, f"ok   {label}"


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--runner", default=os.path.join(ROOT, "target", "debug", "asyncio-play"))
    ap.add_argument("--sweep", type=int, default=20, help="random parameter sets per scenario")
    ap.add_argument("--seed", type=int, default=2026, help="seed of the sweep")
    ap.add_argument("--quiet", action="store_true", help="print failures only")
    ap.add_argument("names", nargs="*")
    args = ap.parse_args()

    code, listing, err = run([args.runner, "--list"])
    if code != 0:
        print(f"oracle: the runner failed to list scenarios: {err.strip()}")
        print("oracle: 0 passed, 1 failed")
        return 1
    names = args.names or [line.split("\t")[0] for line in listing.splitlines() if line]
    oracle_names = {line.split("\t")[0] for line in run([sys.executable, RUN_PY, "--list"])[1].splitlines() if line}
    jobs = []
    for name in names:
        if name not in oracle_names:
            print(f"skip {name} (not an oracle scenario)")
            continue
        jobs.append((name, []))
        params = json.loads(run([sys.executable, RUN_PY, "--params", name])[1] or "{}")
        rnd = random.Random(f"{args.seed}/{name}")
        seen = set()
        for i in range(args.sweep if params else 0):
            mode = "min" if i == 0 else "max" if i == 1 else "random"
            argv = draw(name, params, rnd, mode)
            if tuple(argv) not in seen:
                seen.add(tuple(argv))
                jobs.append((name, argv))
    passed = failed = 0
    with ThreadPoolExecutor(max_workers=os.cpu_count() or 2) as pool:
        for ok, report in pool.map(lambda j: check(args.runner, *j), jobs):
            if ok:
                passed += 1
                if not args.quiet:
                    print(report)
            else:
                failed += 1
                print(report)
    print(f"oracle: {passed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
