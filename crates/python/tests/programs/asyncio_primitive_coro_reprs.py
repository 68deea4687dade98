# Tasks running the primitives' own coroutines (Lock.acquire, Event.wait,
# Condition.wait/wait_for, Semaphore.acquire, Barrier.wait/reset/abort) name
# them and their lines in asyncio's source, pending and done.
import asyncio


async def main():
    lock, ev, sem = asyncio.Lock(), asyncio.Event(), asyncio.BoundedSemaphore(1)
    cond, barrier = asyncio.Condition(), asyncio.Barrier(3)
    await lock.acquire()
    await sem.acquire()
    tasks = [
        asyncio.create_task(lock.acquire()),
        asyncio.create_task(ev.wait()),
        asyncio.create_task(sem.acquire()),
        asyncio.create_task(cond.acquire()),
        asyncio.create_task(barrier.wait()),
    ]
    print(tasks[0])
    await asyncio.sleep(0)
    for t in tasks:
        print(t)

    async def waiter(pred):
        async with cond:
            if pred:
                return await cond.wait_for(lambda: ev.is_set())
            return await cond.wait()

    w1 = asyncio.create_task(cond.wait_for(lambda: True))
    w2 = asyncio.create_task(waiter(True))
    await asyncio.sleep(0)
    print(w1)
    print(w2.get_coro().__qualname__, cond.wait.__qualname__, lock.acquire.__qualname__)
    lock.release()
    sem.release()
    ev.set()
    await asyncio.sleep(0)
    for t in tasks[:4]:
        print(t)
    cond.release()
    print(w1.exception())
    r = asyncio.create_task(barrier.reset())
    await asyncio.sleep(0)
    print(r)
    print(tasks[4].get_coro().__qualname__)
    a = barrier.abort()
    print(type(a).__name__, a.__name__, a.__qualname__)
    await a
    print(barrier.broken, await asyncio.gather(tasks[4], return_exceptions=True))
    async with cond:
        cond.notify_all()
    await w2
    print(w2)


asyncio.run(main())
