"""The benchmark workloads W1-W7 as asyncio programs.

CPython (natively, `bench_cpython.py`) and Pyodide (in Chromium,
`crates/bench/web/`) run these same coroutines; `crates/bench/src/workloads.rs`
is the same program on our engine, and `crates/bench/src/bin/bench-native.rs`
on tokio and smol. Each workload returns its number of operations, and checks
its own result so that nothing is optimised away or silently wrong.

    W1  spawn and finish 100k trivial tasks (create_task, then await each)
    W2  1M `await asyncio.sleep(0)` yields: 1,000 tasks x 1,000 yields
    W3  10k tasks through Semaphore(10): `async with sem: await sleep(0)`
    W4  200k items through Queue(maxsize=100): one producer, one consumer
    W5  100k timers with distinct deadlines: 100k tasks, each `await
        asyncio.sleep(d)` with d a distinct multiple of 1 ms (a permutation, so
        the timer heap is not filled in order), on a virtual clock
    W6  1,000 tasks x 100 lock acquisitions: `async with lock: await sleep(0)`
    W7  every scenario of the oracle's catalogue at its defaults, one after the
        other in this process, output captured (not printed)

Loops. `stock` is `asyncio.new_event_loop()` (what `asyncio.run` uses);
`virtual` is the oracle's `vclock.VirtualClockLoop`. W5 and W7 always run on
the virtual loop. Under Pyodide the stock loop does not exist
(`socket.socketpair()` fails in Emscripten), so every workload runs on the
virtual loop with its self-pipe (used only for wake-ups from other threads and
signals, which these programs never do) stubbed out; its scheduling is
CPython's `_run_once` unchanged.
"""

import asyncio
import contextlib
import importlib.util
import io
import os
import sys
import time

N1 = 100_000
N2_TASKS, N2_YIELDS = 1_000, 1_000
N3_TASKS, N3_PERMITS = 10_000, 10
N4_ITEMS, N4_MAXSIZE = 200_000, 100
N5 = 100_000
N5_STRIDE = 7919  # prime, coprime with N5: i -> (i * 7919) % N5 is a permutation
N6_TASKS, N6_ROUNDS = 1_000, 100

EMSCRIPTEN = sys.platform == "emscripten"
_reference = None


def set_reference(path):
    """Where the oracle lives (`vclock.py`, `vpool.py`, `scenarios/`)."""
    global _reference
    _reference = path
    if path not in sys.path:
        sys.path.insert(0, path)


def _vclock():
    import vclock  # noqa: PLC0415 (found through set_reference)

    return vclock


def virtual_loop():
    vclock = _vclock()
    if not EMSCRIPTEN:
        return vclock.VirtualClockLoop()

    class NoSelfPipeLoop(vclock.VirtualClockLoop):
        def _make_self_pipe(self):
            pass

        def _close_self_pipe(self):
            pass

        def _write_to_self(self):
            pass

    return NoSelfPipeLoop()


@contextlib.contextmanager
def _outside_webloop():
    """Pyodide's own loop (WebLoop) counts as always running, and a loop
    refuses to run inside a running one: step out of it meanwhile."""
    webloop = asyncio.events._get_running_loop()
    asyncio.events._set_running_loop(None)
    try:
        yield
    finally:
        asyncio.events._set_running_loop(webloop)


def _run(main, loop_kind):
    """asyncio.run(main) on a fresh loop of `loop_kind`."""
    if loop_kind == "stock" and not EMSCRIPTEN:
        return asyncio.run(main)
    loop = virtual_loop()
    vclock = _vclock()
    vclock._loop = loop
    asyncio.set_event_loop(loop)
    try:
        with _outside_webloop():
            return loop.run_until_complete(main)
    finally:
        asyncio.set_event_loop(None)
        loop.close()


async def _trivial():
    return None


async def w1():
    tasks = [asyncio.create_task(_trivial()) for _ in range(N1)]
    for t in tasks:
        await t
    return N1


async def _yielder(n):
    for _ in range(n):
        await asyncio.sleep(0)
    return n


async def w2():
    tasks = [asyncio.create_task(_yielder(N2_YIELDS)) for _ in range(N2_TASKS)]
    total = 0
    for t in tasks:
        total += await t
    assert total == N2_TASKS * N2_YIELDS
    return total


async def w3():
    sem = asyncio.Semaphore(N3_PERMITS)
    inside = 0
    most = 0

    async def worker():
        nonlocal inside, most
        async with sem:
            inside += 1
            most = max(most, inside)
            await asyncio.sleep(0)
            inside -= 1

    tasks = [asyncio.create_task(worker()) for _ in range(N3_TASKS)]
    for t in tasks:
        await t
    assert most == N3_PERMITS
    return N3_TASKS


async def w4():
    q = asyncio.Queue(maxsize=N4_MAXSIZE)

    async def producer():
        for i in range(N4_ITEMS):
            await q.put(i)

    async def consumer():
        total = 0
        for _ in range(N4_ITEMS):
            total += await q.get()
        return total

    p = asyncio.create_task(producer())
    c = asyncio.create_task(consumer())
    await p
    total = await c
    assert total == N4_ITEMS * (N4_ITEMS - 1) // 2
    return N4_ITEMS


async def w5():
    loop = asyncio.get_running_loop()

    async def sleeper(delay):
        await asyncio.sleep(delay)

    tasks = [asyncio.create_task(sleeper(((i * N5_STRIDE) % N5 + 1) * 0.001)) for i in range(N5)]
    for t in tasks:
        await t
    assert abs(loop.time() - N5 * 0.001) < 1e-6, loop.time()
    return N5


async def w6():
    lock = asyncio.Lock()
    count = 0

    async def worker():
        nonlocal count
        for _ in range(N6_ROUNDS):
            async with lock:
                count += 1
                await asyncio.sleep(0)

    tasks = [asyncio.create_task(worker()) for _ in range(N6_TASKS)]
    for t in tasks:
        await t
    assert count == N6_TASKS * N6_ROUNDS
    return count


# ----- W7: the scenario catalogue -----

_scenarios = None


def _load_scenarios():
    """Every scenario module of the oracle, loaded once (imports are not timed)."""
    global _scenarios
    if _scenarios is None:
        folder = os.path.join(_reference, "scenarios")
        mods = []
        for name in sorted(f[:-3] for f in os.listdir(folder) if f.endswith(".py") and not f.startswith("_")):
            spec = importlib.util.spec_from_file_location(f"scenario_{name}", os.path.join(folder, name + ".py"))
            mod = importlib.util.module_from_spec(spec)
            spec.loader.exec_module(mod)
            mods.append((name, mod))
        _scenarios = mods
    return _scenarios


def w7():
    """Run every scenario at its defaults as run.py does, output captured.

    Returns the number of scenarios run (the operation count of W7)."""
    vclock = _vclock()
    mods = _load_scenarios()
    lines = 0
    for _name, mod in mods:
        params = {k: s["default"] for k, s in mod.PARAMS.items()}
        out = io.StringIO()
        with contextlib.redirect_stdout(out), _outside_webloop():
            if EMSCRIPTEN:
                _run_scenario_emscripten(vclock, mod, params)
            else:
                try:
                    vclock.run(mod.main(params))
                except vclock.Deadlock as e:
                    vclock.log(str(e))
                except BaseException as e:  # noqa: BLE001 (run.py's report)
                    if isinstance(e, (KeyboardInterrupt, SystemExit)):
                        raise
                    vclock.log(f"Traceback: {type(e).__name__}")
        lines += out.getvalue().count("\n")
    assert lines > len(mods)
    return len(mods)


def _run_scenario_emscripten(vclock, mod, params):
    """vclock.run on the loop without a self-pipe (see the module docstring)."""
    loop = virtual_loop()
    vclock._loop = loop
    asyncio.set_event_loop(loop)
    try:
        try:
            loop.run_until_complete(mod.main(params))
        finally:
            tasks = [t for t in asyncio.all_tasks(loop) if not t.done()]
            for t in tasks:
                t.cancel()
            if tasks:
                loop.run_until_complete(asyncio.gather(*tasks, return_exceptions=True))
    except vclock.Deadlock as e:
        vclock.log(str(e))
    except BaseException as e:  # noqa: BLE001 (run.py's report)
        vclock.log(f"Traceback: {type(e).__name__}")
    finally:
        asyncio.set_event_loop(None)
        loop.close()


WORKLOADS = {"W1": w1, "W2": w2, "W3": w3, "W4": w4, "W5": w5, "W6": w6, "W7": w7}
# The loop each workload runs on natively (Pyodide: always the virtual loop).
LOOP = {"W1": "stock", "W2": "stock", "W3": "stock", "W4": "stock", "W5": "virtual", "W6": "stock"}


def run_once(name):
    """Run workload `name` once; returns (seconds, operations)."""
    if name == "W7":
        _load_scenarios()
        start = time.perf_counter()
        ops = w7()
        return time.perf_counter() - start, ops
    start = time.perf_counter()
    ops = _run(WORKLOADS[name](), LOOP[name])
    return time.perf_counter() - start, ops


def measure(name, runs, warmup=1, min_time=0.1):
    """`warmup` untimed runs, then `runs` timed ones: a dict for JSON.

    A timed run repeats the workload until `min_time` seconds have passed
    and counts the mean of its repetitions (as bench-native does)."""
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
