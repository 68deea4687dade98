# Subclasses of asyncio's queues and locks: overridden hooks run where CPython runs them
import asyncio
import heapq


class DedupQueue(asyncio.Queue):
    def _init(self, maxsize):
        super()._init(maxsize)
        self.seen = set()

    def _put(self, item):
        if item not in self.seen:
            self.seen.add(item)
            super()._put(item)


class TracingQueue(asyncio.Queue):
    async def put(self, item):
        print("put", item, "full" if self.full() else "room")
        await super().put(item)

    def get_nowait(self):
        item = super().get_nowait()
        print("got", item, "left", self.qsize())
        return item


class Stack(asyncio.LifoQueue):
    def peek(self):
        return self._queue[-1]


class Jobs(asyncio.PriorityQueue):
    def _put(self, item):
        print("push", item)
        super()._put(item)


class CountingLock(asyncio.Lock):
    def __init__(self):
        super().__init__()
        self.count = 0

    async def acquire(self):
        got = await super().acquire()
        self.count += 1
        return got


class NoisyEvent(asyncio.Event):
    def set(self):
        print("setting, waiters:", len(self._waiters))
        super().set()


class Limiter(asyncio.BoundedSemaphore):
    async def __aenter__(self):
        print("enter, value", self._value, "locked", self.locked())
        return await super().__aenter__()


class Cond(asyncio.Condition):
    def notify(self, n=1):
        print("notify", n, "of", len(self._waiters))
        super().notify(n)


async def producer(q, items):
    for i in items:
        await q.put(i)
        await asyncio.sleep(0.1)


async def consumer(name, q, n):
    for _ in range(n):
        item = await q.get()
        print(name, "took", item)
        q.task_done()


async def main():
    q = DedupQueue()
    for x in "abacbd":
        await q.put(x)
    print(q.qsize(), q.empty(), q.full(), q.maxsize, isinstance(q, asyncio.Queue))
    print([c.__name__ for c in type(q).__mro__])
    print(str(q))
    t = TracingQueue(maxsize=2)
    await asyncio.gather(producer(t, range(5)), consumer("c1", t, 3), consumer("c2", t, 2))
    await t.join()
    print("joined", t)
    s = Stack()
    for i in range(3):
        s.put_nowait(i)
    print(s.peek(), s.get_nowait(), s.get_nowait(), isinstance(s, asyncio.LifoQueue), isinstance(s, asyncio.Queue))
    j = Jobs()
    for p in [5, 1, 3]:
        j.put_nowait((p, f"job{p}"))
    print([j.get_nowait() for _ in range(3)], isinstance(j, asyncio.PriorityQueue))
    try:
        j.get_nowait()
    except asyncio.QueueEmpty:
        print("empty")
    small = TracingQueue(1)
    small.put_nowait(1)
    try:
        small.put_nowait(2)
    except asyncio.QueueFull as e:
        print("full", repr(e))

    lock = CountingLock()

    async def worker(i):
        async with lock:
            print("worker", i, "in", lock.locked())
            await asyncio.sleep(0.1)

    await asyncio.gather(*(worker(i) for i in range(3)))
    print("count", lock.count, isinstance(lock, asyncio.Lock), issubclass(CountingLock, asyncio.Lock))
    print([c.__name__ for c in CountingLock.__mro__], CountingLock.__bases__)
    try:
        lock.release()
    except RuntimeError as e:
        print("release:", e)

    ev = NoisyEvent()

    async def waiter(i):
        await ev.wait()
        print("waiter", i, "woke")

    ws = [asyncio.create_task(waiter(i)) for i in range(2)]
    await asyncio.sleep(0)
    ev.set()
    await asyncio.gather(*ws)
    print(ev.is_set(), isinstance(ev, asyncio.Event))

    lim = Limiter(2)

    async def limited(i):
        async with lim:
            await asyncio.sleep(0.1 * i)
            print("limited", i)

    await asyncio.gather(*(limited(i) for i in range(4)))
    try:
        lim.release()
    except ValueError as e:
        print(e)

    cond = Cond()
    ready = []

    async def cwait(i):
        async with cond:
            await cond.wait_for(lambda: ready)
            print("cond", i, ready)

    cs = [asyncio.create_task(cwait(i)) for i in range(3)]
    await asyncio.sleep(0)
    async with cond:
        ready.append(1)
        cond.notify(2)
    await asyncio.sleep(0)
    async with cond:
        cond.notify_all()
    await asyncio.gather(*cs)


asyncio.run(main())
