# Subclassed queues under cancellation and timeouts, and the waiters' hand-over
import asyncio


class Q(asyncio.Queue):
    def _get(self):
        item = super()._get()
        return item * 10


class Sem(asyncio.Semaphore):
    pass


async def main():
    q = Q(maxsize=1)
    try:
        await asyncio.wait_for(q.get(), 0.5)
    except asyncio.TimeoutError:
        print("timed out", q._getters)
    getters = [asyncio.create_task(q.get()) for _ in range(3)]
    await asyncio.sleep(0)
    getters[0].cancel()
    q.put_nowait(1)
    await asyncio.sleep(0)
    print([g.done() and not g.cancelled() and g.result() for g in getters])
    q.put_nowait(2)
    putter = asyncio.create_task(q.put(3))
    await asyncio.sleep(0)
    print(q.qsize(), putter.done(), len(q._putters))
    print(await asyncio.gather(*getters[1:], return_exceptions=True))
    await putter
    print(q.get_nowait(), q.qsize())
    sem = Sem(1)
    await sem.acquire()
    waiters = [asyncio.create_task(sem.acquire()) for _ in range(2)]
    await asyncio.sleep(0)
    print(sem.locked(), sem._value)
    sem.release()
    waiters[0].cancel()
    await asyncio.sleep(0)
    print([w.cancelled() for w in waiters], sem._value, sem.locked())
    try:
        Sem(-1)
    except ValueError as e:
        print(e)
    print(isinstance(sem, asyncio.Semaphore), isinstance(sem, asyncio.BoundedSemaphore), isinstance(q, asyncio.Lock))


asyncio.run(main())
