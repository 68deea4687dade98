#!/usr/bin/env python3
"""Check each scenario's Python program: run, it prints what the scenario prints.

    python3 scripts/plain_check.py [--runner PATH] [--sets N] [--seed S] [--quiet] [NAME ...]

For every asyncio scenario (those with a plain program in
../shared/reference/plain/), at its defaults and at N seeded random parameter
sets (default 3), `asyncio-play --python NAME k=v ...` gives the program a
learner sees; `python3 ../shared/reference/pyrun.py PROGRAM.py` (with
`--cpus N` when the scenario has a `cpus` parameter) must print exactly what
the oracle, `python3 ../shared/reference/run.py NAME k=v ...`, prints, and
what the runner prints when it knows the scenario. Each random set draws every
parameter within its declared range: at a bound now and then, at random
otherwise. (No range needs capping: every program runs in under a second even
with every parameter at its maximum.)

The thread and process scenarios' programs are the seed's threading code,
which pyrun refuses; each must compile, at the defaults and at the same kind
of random sets.

Each Python lesson, crates/scenarios/src/pylessons/NAME.py, run by
`python3 ../shared/reference/pyrun.py`, must print exactly
crates/scenarios/src/pylessons/expected/NAME.txt (the interpreter's side
is `cargo test -p asyncio-scenarios`).

One `ok` or `FAIL` line per check (a failure with a short diff and the
command to reproduce it), then `plain: N passed, M failed`; exit status 1 when
anything failed.
"""
import argparse
import difflib
import json
import os
import random
import shlex
import subprocess
import sys
import tempfile
from concurrent.futures import ThreadPoolExecutor

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
REF = os.path.join(os.path.dirname(ROOT), "shared", "reference")
RUN_PY = os.path.join(REF, "run.py")
PYRUN = os.path.join(REF, "pyrun.py")
PLAIN = os.path.join(REF, "plain")
PYLESSONS = os.path.join(ROOT, "crates", "scenarios", "src", "pylessons")
TIMEOUT = 300

def run(cmd, cwd=None):
    try:
        p = subprocess.run(cmd, capture_output=True, text=True, encoding="utf-8",
                           timeout=TIMEOUT, cwd=cwd)
    except subprocess.TimeoutExpired:
        return -1, "", f"timed out after {TIMEOUT} s"
    return p.returncode, p.stdout, p.stderr


def draw(name, params, rnd):
    """One random parameter set as key=value strings."""
    out = []
    for key, spec in params.items():
        default, lo, hi, choices = spec["default"], spec.get("min"), spec.get("max"), spec.get("choices")
        if choices:
            value = rnd.choice(choices)
        elif isinstance(default, str):
            value = ",".join(str(rnd.randint(0, 9)) for _ in range(rnd.randint(0, 5)))
        else:
            r = rnd.random()
            if r < 0.125:
                value = lo
            elif r < 0.25:
                value = hi
            elif isinstance(default, int):
                # small values are where behaviour changes: favour them
                top = hi if rnd.random() < 0.3 else min(hi, max(lo, 2 * default + 3))
                value = rnd.randint(lo, top)
            else:
                top = hi if rnd.random() < 0.2 else min(hi, max(lo, 3 * default + 1))
                value = round(rnd.uniform(lo, top), rnd.choice([0, 1, 2, 3, 6]))
                value = min(max(value, lo), hi)
        out.append(f"{key}={value}")
    return out


def short_diff(want, got, want_label, got_label):
    lines = list(difflib.unified_diff(want.splitlines(), got.splitlines(),
                                      want_label, got_label, lineterm="", n=2))
    if len(lines) > 40:
        lines = lines[:40] + [f"... ({len(lines) - 40} more diff lines)"]
    return "\n".join("  " + line for line in lines)


def program(runner, name, argv):
    """(program text, error)"""
    code, text, err = run([runner, "--python", name] + argv)
    if code != 0:
        return None, f"asyncio-play --python exit {code}: {err.strip()}"
    return text, None


def check_asyncio(runner, known, tmp, name, params, argv):
    """Run the program with pyrun; compare with the oracle and the runner."""
    label = " ".join([name] + argv)
    text, err = program(runner, name, argv)
    if err:
        return False, f"FAIL {label}: {err}"
    safe = "".join(c if c.isalnum() else "_" for c in label)[:150]
    path = os.path.join(tmp, f"{safe}_{abs(hash(label))}.py")
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)
    cpus = []
    if "cpus" in params:
        values = dict(a.split("=", 1) for a in argv)
        cpus = ["--cpus", str(values.get("cpus", params["cpus"]["default"]))]
    want_code, want, want_err = run([sys.executable, RUN_PY, name] + argv)
    got_code, got, got_err = run([sys.executable, PYRUN, path] + cpus)
    reproduce = (f"  reproduce: {shlex.join([runner, '--python', name] + argv)} > /tmp/p.py && "
                 f"{shlex.join(['python3', PYRUN, '/tmp/p.py'] + cpus)}")
    if want_code != 0:
        return False, f"FAIL {label}: oracle exit {want_code}: {want_err.strip()}"
    if got_code != 0:
        return False, f"FAIL {label}: pyrun exit {got_code}: {got_err.strip()[-600:]}\n{reproduce}"
    if got != want:
        return False, (f"FAIL {label}: the program prints differently from the oracle\n{reproduce}\n"
                       + short_diff(want, got, "oracle", "program"))
    if name in known:
        run_code, ours, run_err = run([runner, name] + argv)
        if run_code != 0 or ours != want:
            return False, (f"FAIL {label}: the runner prints differently (exit {run_code}) "
                           f"{run_err.strip()}\n" + short_diff(want, ours, "oracle", "runner"))
        return True, f"ok   {label}"
    return True, f"ok   {label} (runner: not ported yet)"


def check_modelled(runner, name, argv):
    """A thread or process program must compile."""
    label = " ".join([name] + argv)
    text, err = program(runner, name, argv)
    if err:
        return False, f"FAIL {label}: {err}"
    try:
        compile(text, f"<{name}>", "exec")
    except SyntaxError as e:
        return False, f"FAIL {label}: the threading program does not compile: {e}"
    return True, f"ok   {label} (modelled: compiles)"


def check_pylesson(name):
    """A Python lesson: pyrun prints its expected file."""
    path = os.path.join(PYLESSONS, f"{name}.py")
    expected = os.path.join(PYLESSONS, "expected", f"{name}.txt")
    label = f"{name} (python lesson)"
    try:
        with open(expected, encoding="utf-8") as f:
            want = f.read()
    except OSError as e:
        return False, f"FAIL {label}: {e}"
    code, got, err = run([sys.executable, PYRUN, path])
    if code != 0:
        return False, f"FAIL {label}: pyrun exit {code}: {err.strip()[-600:]}"
    if got != want:
        return False, (f"FAIL {label}: pyrun prints differently from {os.path.relpath(expected, ROOT)}\n"
                       f"  reproduce: python3 {PYRUN} {path}\n"
                       + short_diff(want, got, "expected", "pyrun"))
    return True, f"ok   {label}"


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--runner", default=os.path.join(ROOT, "target", "debug", "asyncio-play"))
    ap.add_argument("--sets", type=int, default=3, help="random parameter sets per scenario")
    ap.add_argument("--seed", type=int, default=2026, help="seed of the random sets")
    ap.add_argument("--quiet", action="store_true", help="print failures only")
    ap.add_argument("names", nargs="*")
    args = ap.parse_args()

    code, listing, err = run([sys.executable, RUN_PY, "--list"])
    all_names = [line.split("\t")[0] for line in listing.splitlines() if line]
    code, listing, err = run([args.runner, "--list"])
    if code != 0:
        print(f"plain: the runner failed to list scenarios: {err.strip()}")
        print("plain: 0 passed, 1 failed")
        return 1
    known = {line.split("\t")[0] for line in listing.splitlines() if line}
    plain = {f[:-3] for f in os.listdir(PLAIN) if f.endswith(".py")}
    pylessons = sorted(f[:-3] for f in os.listdir(PYLESSONS) if f.endswith(".py"))
    names = args.names or all_names + pylessons

    with tempfile.TemporaryDirectory(prefix="plain_check_") as tmp:
        jobs = []
        for name in names:
            if name in pylessons:
                jobs.append(lambda n=name: check_pylesson(n))
                continue
            if name not in all_names:
                print(f"skip {name} (not an oracle scenario)", flush=True)
                continue
            params = json.loads(run([sys.executable, RUN_PY, "--params", name])[1] or "{}")
            rnd = random.Random(f"{args.seed}/{name}")
            sets, seen = [[]], {()}
            for _ in range(args.sets if params else 0):
                argv = draw(name, params, rnd)
                if tuple(argv) not in seen:
                    seen.add(tuple(argv))
                    sets.append(argv)
            for argv in sets:
                if name in plain:
                    jobs.append(lambda n=name, p=params, a=argv: check_asyncio(args.runner, known, tmp, n, p, a))
                else:
                    jobs.append(lambda n=name, a=argv: check_modelled(args.runner, n, a))
        passed = failed = 0
        with ThreadPoolExecutor(max_workers=os.cpu_count() or 2) as pool:
            for ok, report in pool.map(lambda job: job(), jobs):
                if ok:
                    passed += 1
                    if not args.quiet:
                        print(report, flush=True)
                else:
                    failed += 1
                    print(report, flush=True)
    print(f"plain: {passed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
