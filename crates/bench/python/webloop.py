"""workloads.py's W1-W6 on Pyodide's own event loop, as a Pyodide user runs them.

`crates/bench/web/bench.mjs` (`bench.pyodideWebloop`) calls

    await pyodide.runPythonAsync("json.dumps(await webloop.measure(name, runs, warmup))")

so each workload's coroutine is awaited at top level of `runPythonAsync`: it runs on
`pyodide.webloop.WebLoop`, the loop Pyodide installs, where every `call_soon` is a
`setTimeout(callback, 0)` (a browser task) and every `call_later` a browser timer.
Nothing here creates a loop or calls `asyncio.run` (the `pyodide` column, workloads.py's
`measure`, runs the same coroutines on the oracle's virtual-clock loop instead).

Sizes. W1-W4 and W6 are workloads.py's coroutines unchanged, at the sizes of REDUCED where
a full-size run would take more than ~20 s (its module constants are set for the run and
restored after); the operation count each run reports is the reduced one, so the time per
operation compares with the full-size columns. Chromium clamps a `setTimeout` nested more
than 5 deep to at least 4 ms (the HTML standard's timer nesting rule), and on the WebLoop
every wake-up that follows another is such a timeout: where tasks hand over to each other
one at a time (W6's lock, W3's semaphore, W4's full queue), a handover costs ~4 ms of
waiting, so W6 at full size (100,000 acquisitions) would take ~15 minutes: it runs 100
tasks x 10 acquisitions. W2 (15-25 s at full size) keeps its 1,000 tasks, so that a round
of yields is as long as at full size, with 200 yields each; W4 (20-25 s) runs 50,000 items
through the same Queue(maxsize=100). W5 cannot run on a virtual clock here: its timers are
real browser timers, so W5_TIMERS timers with distinct deadlines of 1 ms, 2 ms, ...,
W5_TIMERS ms (a permutation, as in workloads.py), and a run lasts at least its last
deadline: its time per timer is mostly waiting. W7 (the oracle's scenario catalogue on its
virtual clock) does not apply.

Checks. Each run asserts that the loop running it is the WebLoop and the tasks
PyodideTasks, and the workload's own checked value (workloads.py's asserts, and the
operation count). Once per workload and page, an untimed run at the sizes of COUNTED counts
the `setTimeout` calls the loop makes (`timeouts_per_op` in the result).
"""

import asyncio
import contextlib
import time

import workloads

# {workload: {workloads.py constant: value}}: the sizes run here where they differ from workloads.py's.
REDUCED = {
    "W2": {"N2_TASKS": 1_000, "N2_YIELDS": 200},  # ~4 s (full size: 15-25 s)
    "W4": {"N4_ITEMS": 50_000},  # ~6 s (full size: 20-25 s)
    "W6": {"N6_TASKS": 100, "N6_ROUNDS": 10},  # ~9 s (full size: ~15 min)
}
# The sizes of the untimed run that counts setTimeout calls (about a tenth of the timed run's).
COUNTED = {
    "W1": {"N1": 10_000},
    "W2": {"N2_TASKS": 1_000, "N2_YIELDS": 20},
    "W3": {"N3_TASKS": 1_000},
    "W4": {"N4_ITEMS": 5_000},
    "W5": {"W5_TIMERS": 100},
    "W6": {"N6_TASKS": 10, "N6_ROUNDS": 10},
}
W5_TIMERS = 1_000
W5_STRIDE = 7919  # prime, coprime with W5_TIMERS: i -> (i * 7919) % W5_TIMERS is a permutation
SKIPPED = {"W7": "the catalogue runs on the oracle's virtual clock"}

_timeouts_per_op = {}


def _ops(name, sizes):
    """The operation count a run of `name` at `sizes` must report."""
    n = dict({k: getattr(workloads, k) for k in dir(workloads) if k.isupper()}, **sizes)
    return {
        "W1": n["N1"],
        "W2": n["N2_TASKS"] * n["N2_YIELDS"],
        "W3": n["N3_TASKS"],
        "W4": n["N4_ITEMS"],
        "W5": n.get("W5_TIMERS", W5_TIMERS),
        "W6": n["N6_TASKS"] * n["N6_ROUNDS"],
    }[name]


def sizes(name, full=False):
    """What a run of `name` does here (`full`: in workloads.py), for the report; `None` when the two
    are the same."""
    if name == "W5":
        if full:
            return f"{workloads.N5:,} timers, virtual deadlines 1-{workloads.N5:,} ms"
        return f"{W5_TIMERS:,} timers, real deadlines 1-{W5_TIMERS:,} ms"
    if name not in REDUCED:
        return None
    r = dict({k: getattr(workloads, k) for k in dir(workloads) if k.isupper()}, **({} if full else REDUCED[name]))
    return {
        "W1": lambda: f"{r['N1']:,} tasks",
        "W2": lambda: f"{r['N2_TASKS']:,} tasks x {r['N2_YIELDS']:,} yields",
        "W3": lambda: f"{r['N3_TASKS']:,} tasks",
        "W4": lambda: f"{r['N4_ITEMS']:,} items",
        "W6": lambda: f"{r['N6_TASKS']:,} tasks x {r['N6_ROUNDS']:,} acquisitions",
    }[name]()


@contextlib.contextmanager
def _sized(values):
    """workloads.py's module constants set to `values` meanwhile."""
    saved = {k: getattr(workloads, k) for k in values}
    for k, v in values.items():
        setattr(workloads, k, v)
    try:
        yield
    finally:
        for k, v in saved.items():
            setattr(workloads, k, v)


async def w5(n=W5_TIMERS):
    """workloads.py's W5 on real time: `n` sleepers, distinct deadlines 1..n ms in a permuted order.

    Checks that every sleeper slept at least its delay (by the loop's clock, time.monotonic)."""
    loop = asyncio.get_running_loop()
    late = []

    async def sleeper(delay):
        start = loop.time()
        await asyncio.sleep(delay)
        late.append(loop.time() - start - delay)

    tasks = [asyncio.create_task(sleeper(((i * W5_STRIDE) % n + 1) * 0.001)) for i in range(n)]
    for t in tasks:
        await t
    # A browser timer never fires early; allow the float rounding of the ms conversion.
    assert len(late) == n and min(late) > -1e-3, (len(late), min(late))
    return n


async def _probe():
    return type(asyncio.get_running_loop()).__name__, type(asyncio.current_task()).__name__


async def _check_loop():
    """The loop running us, and a task it creates, are Pyodide's (not a loop of our own)."""
    loop_name = type(asyncio.get_running_loop()).__name__
    inner_loop, task = await asyncio.create_task(_probe())
    assert loop_name == inner_loop == "WebLoop", (loop_name, inner_loop)
    assert task == "PyodideTask", task
    return loop_name


async def _run_workload(name, values):
    if name == "W5":
        return await w5(values.get("W5_TIMERS", W5_TIMERS))
    with _sized(values):
        return await workloads.WORKLOADS[name]()


async def run_once(name, values=None):
    """Run workload `name` once on the running loop; returns (seconds, operations)."""
    values = REDUCED.get(name, {}) if values is None else values
    await _check_loop()
    start = time.perf_counter()
    ops = await _run_workload(name, values)
    seconds = time.perf_counter() - start
    assert ops == _ops(name, values), (name, ops, _ops(name, values))
    return seconds, ops


async def _count_timeouts(name):
    """setTimeout calls per operation of `name` at the sizes of COUNTED (untimed)."""
    import pyodide.webloop as webloop_module  # noqa: PLC0415 (Pyodide only)

    values = COUNTED[name]
    calls = 0
    set_timeout = webloop_module.setTimeout

    def counting(callback, delay):
        nonlocal calls
        calls += 1
        return set_timeout(callback, delay)

    webloop_module.setTimeout = counting
    try:
        _, ops = await run_once(name, values)
    finally:
        webloop_module.setTimeout = set_timeout
    return calls / ops


async def measure(name, runs, warmup=0, min_time=0.1):
    """`warmup` untimed runs, then `runs` timed ones, as workloads.measure: a dict for JSON."""
    if name in SKIPPED:
        return {"workload": name, "skipped": SKIPPED[name]}
    loop_name = await _check_loop()
    if name not in _timeouts_per_op:
        _timeouts_per_op[name] = await _count_timeouts(name)
    for _ in range(warmup):
        await run_once(name)
    times, reps = [], []
    ops = 0
    for _ in range(runs):
        total, n = 0.0, 0
        while True:
            seconds, ops = await run_once(name)
            total += seconds
            n += 1
            if total >= min_time:
                break
        times.append(total / n)
        reps.append(n)
    result = {"workload": name, "ops": ops, "seconds": times, "reps": reps, "loop": loop_name,
              "timeouts_per_op": _timeouts_per_op[name]}
    if sizes(name):
        result["sizes"] = sizes(name)
        result["full_sizes"] = sizes(name, full=True)
    return result
