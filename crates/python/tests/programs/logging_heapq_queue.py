# logging at DEBUG to stdout (asyncio logs its selector), heapq, copy of dataclasses, logger.exception.
import asyncio
import heapq, bisect, operator, string, copy
import logging, sys
from dataclasses import dataclass, field

logging.basicConfig(level=logging.DEBUG, format="%(asctime)s %(levelname)-8s %(name)s: %(message)s", stream=sys.stdout)
log = logging.getLogger("app")
sub = logging.getLogger("app.worker")

@dataclass
class Job:
    prio: int
    name: str = field(compare=False)
    tags: list = field(default_factory=list)

async def worker(n, q):
    while True:
        prio, job = await q.get()
        sub.info("worker %d took %s (prio %d)", n, job.name, prio)
        await asyncio.sleep(0.1 * prio)
        q.task_done()

async def main():
    h = []
    for i, p in enumerate([5, 3, 8, 1, 9, 2, 7]):
        heapq.heappush(h, (p, i))
    print(h)
    print([heapq.heappop(h) for _ in range(3)], h)
    print(heapq.nlargest(3, [4, 1, 7, 3, 9]), heapq.nsmallest(2, "hello"))
    print(list(heapq.merge([1, 4, 7], [2, 5, 8], [0, 9])))
    xs = [1, 3, 3, 5]
    print(bisect.bisect_left(xs, 3), bisect.bisect(xs, 3))
    bisect.insort(xs, 4); print(xs)
    rows = [("b", 2), ("a", 3), ("c", 1)]
    print(sorted(rows, key=operator.itemgetter(1)), operator.itemgetter(0, 1)(rows[0]))
    print(string.ascii_uppercase[:5], string.capwords("hello  big world"))
    j = Job(1, "x", ["a"])
    j2 = copy.copy(j); j3 = copy.deepcopy(j)
    j.tags.append("b")
    print(j2, j3, j2.tags is j.tags, j3.tags is j.tags)
    nested = {"a": [1, [2, 3]], "b": (4, [5])}
    d = copy.deepcopy(nested); d["a"][1].append(9)
    print(nested, d)
    q = asyncio.PriorityQueue()
    for p, name in [(3, "c"), (1, "a"), (2, "b")]:
        q.put_nowait((p, Job(p, name)))
    tasks = [asyncio.create_task(worker(i, q)) for i in range(2)]
    await q.join()
    for t in tasks:
        t.cancel()
    log.warning("done with %s", "all")
    # (A raised exception's traceback names the file by the path it was run by.)
    log.error("boom", exc_info=ZeroDivisionError("division by zero"))
    log.debug("debug %r", {"k": 1})
    print(log, logging.getLogger(), sub.parent is log)

asyncio.run(main())
