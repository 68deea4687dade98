# concurrent.futures' executors, futures, wait and as_completed bind keywords and refuse others.
import concurrent.futures as cf
import time


def job(n, pause=0.5):
    time.sleep(pause)
    print("job", n)
    return n * 10


with cf.ThreadPoolExecutor(max_workers=2, thread_name_prefix="w") as ex:
    f = ex.submit(job, 1, pause=1)
    g = ex.submit(job, 2)
    print(f.result(timeout=5), g.exception(timeout=5), f.done())
    done, pending = cf.wait(fs=[f, g], return_when=cf.FIRST_COMPLETED)
    print(len(done), len(pending))
    print([x.result() for x in cf.as_completed(fs=[f], timeout=1)])
    print(list(ex.map(job, [3, 4], timeout=5)))
    slow = ex.submit(job, 5, pause=3)
    try:
        slow.result(timeout=1)
    except TimeoutError:
        print("result timed out at", time.monotonic())
    try:
        slow.exception(timeout=0.5)
    except TimeoutError:
        print("exception timed out at", time.monotonic())
    results = ex.map(job, [6, 7, 8, 9], [2, 2, 0.1, 0.1], timeout=1)
    try:
        print(list(results))
    except TimeoutError:
        print("map timed out at", time.monotonic())

with cf.ProcessPoolExecutor(max_workers=2) as pex:
    print(list(pex.map(job, range(4), [0.5] * 4, chunksize=2)), time.monotonic())

ex = cf.ThreadPoolExecutor(1)
checks = [
    ("executor typo", lambda: cf.ThreadPoolExecutor(max_worker=2)),
    ("executor five", lambda: cf.ThreadPoolExecutor(1, "p", None, (), 5)),
    ("process typo", lambda: cf.ProcessPoolExecutor(workers=2)),
    ("submit by name", lambda: ex.submit(fn=job)),
    ("map typo", lambda: ex.map(job, [1], timout=1)),
    ("map none", lambda: ex.map()),
    ("process map chunksize", lambda: cf.ProcessPoolExecutor(1).map(job, [1], chunksize=0)),
    ("shutdown typo", lambda: ex.shutdown(wiat=True)),
    ("shutdown two", lambda: ex.shutdown(True, False)),
    ("result typo", lambda: f.result(timout=1)),
    ("exception two", lambda: f.exception(1, 2)),
    ("done kw", lambda: f.done(now=True)),
    ("cancel arg", lambda: f.cancel(1)),
    ("add_done_callback typo", lambda: f.add_done_callback(callback=print)),
    ("wait typo", lambda: cf.wait([f], timeot=1)),
    ("wait none", lambda: cf.wait()),
    ("as_completed typo", lambda: cf.as_completed([f], time=1)),
]
for name, call in checks:
    try:
        call()
        print(name, "accepted")
    except (TypeError, ValueError) as e:
        print(name, type(e).__name__ + ":", e)
ex.shutdown(wait=True, cancel_futures=False)
