"""The workloads as plain programs on CPython, run by the oracle's pyrun.py in this process.

Our interpreter runs plain asyncio programs, not workloads.py's harness: W1-W6 are
`interp/w1.py` ... `w6.py` (workloads.py's operation counts; each prints one line
`WN COUNT UNIT`, checked here), W7 every program of the oracle's `plain/` folder one after
the other. CPython (bench_cpython.py --plain) and Pyodide (web/bench.mjs) run the same
files through `pyrun.run_program`: the virtual clock for every loop, output captured.
Under Pyodide the loop's self-pipe is stubbed out as in workloads.py (socketpair fails
under Emscripten), so is the C module _multiprocessing (removed from Pyodide; pyrun.py only
imports concurrent.futures.process) and time.tzset (missing; Pyodide's clock is UTC), and the run steps out of Pyodide's own running loop.
"""

import contextlib
import io
import os
import sys
import time

import workloads

HERE = os.path.dirname(os.path.abspath(__file__))
# name -> (operations, unit), as crates/bench/src/interp.rs checks them.
EXPECTED = {
    "W1": (workloads.N1, "tasks"),
    "W2": (workloads.N2_TASKS * workloads.N2_YIELDS, "yields"),
    "W3": (workloads.N3_TASKS, "tasks"),
    "W4": (workloads.N4_ITEMS, "items"),
    "W5": (workloads.N5, "timers"),
    "W6": (workloads.N6_TASKS * workloads.N6_ROUNDS, "acquisitions"),
}
_pyrun = None
_interp_dir = os.path.join(HERE, "interp")
_catalogue = []


def setup(reference, interp_dir=None):
    """Import pyrun.py from the oracle's folder and list its plain programs (W7)."""
    global _pyrun, _interp_dir, _catalogue
    workloads.set_reference(reference)
    if interp_dir:
        _interp_dir = interp_dir
    if workloads.EMSCRIPTEN:
        import types  # noqa: PLC0415
        import vclock  # noqa: PLC0415 (found through set_reference)

        # pyrun imports concurrent.futures.process, whose multiprocessing imports the C module
        # _multiprocessing, which Pyodide removes; these programs never start a process.
        if "_multiprocessing" not in sys.modules:
            stub = types.ModuleType("_multiprocessing")
            stub.flags = {}
            sys.modules["_multiprocessing"] = stub
        # pyrun sets TZ=UTC and calls time.tzset(), which Emscripten's time module lacks (its
        # clock is UTC already).
        if not hasattr(time, "tzset"):
            time.tzset = lambda: None

        for name in ("_make_self_pipe", "_close_self_pipe", "_write_to_self"):
            setattr(vclock.VirtualClockLoop, name, lambda self: None)
    import pyrun  # noqa: PLC0415

    _pyrun = pyrun
    folder = os.path.join(reference, "plain")
    _catalogue = [os.path.join(folder, f) for f in sorted(os.listdir(folder)) if f.endswith(".py")]


def _run(path):
    """pyrun.py's run of one program, output captured; returns its trace."""
    out = io.StringIO()
    with contextlib.redirect_stdout(out), workloads._outside_webloop():
        status = _pyrun.run_program(path)
    if status:
        raise RuntimeError(f"{path}: exit status {status}")
    return out.getvalue()


def run_once(name):
    """Run workload `name` once; returns (seconds, operations)."""
    if name == "W7":
        start = time.perf_counter()
        for path in _catalogue:
            if not _run(path):
                raise RuntimeError(f"{path}: printed nothing")
        return time.perf_counter() - start, len(_catalogue)
    ops, unit = EXPECTED[name]
    path = os.path.join(_interp_dir, f"{name.lower()}.py")
    start = time.perf_counter()
    trace = _run(path)
    seconds = time.perf_counter() - start
    lines = trace.splitlines()
    if len(lines) != 1 or not lines[0].endswith(f"] {name} {ops} {unit}"):
        raise RuntimeError(f"{path}: expected one line `{name} {ops} {unit}`, got {lines!r}")
    return seconds, ops


def measure(name, runs, warmup=1, min_time=0.1):
    """As workloads.measure, on the plain programs."""
    for _ in range(warmup):
        run_once(name)
    times, reps = [], []
    ops = 0
    for _ in range(runs):
        total, n = 0.0, 0
        while True:
            seconds, ops = run_once(name)
            total += seconds
            n += 1
            if total >= min_time:
                break
        times.append(total / n)
        reps.append(n)
    return {"workload": name, "ops": ops, "seconds": times, "reps": reps}
