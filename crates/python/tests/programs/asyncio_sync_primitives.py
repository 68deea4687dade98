# Lock, Event, Condition, Semaphore and Barrier coordinating tasks.
import asyncio

lock = asyncio.Lock()
balance = 100


async def withdraw(name, amount):
    global balance
    async with lock:
        current = balance
        await asyncio.sleep(0.1)
        balance = current - amount
        print(f"{name} withdrew {amount}, balance {balance}, locked={lock.locked()}")


async def waiter(ev, name):
    print(name, "waiting")
    await ev.wait()
    print(name, "released")


async def limited(sem, i):
    async with sem:
        print("enter", i, asyncio.get_running_loop().time())
        await asyncio.sleep(0.5)


async def cond_consumer(cond, items, name):
    async with cond:
        await cond.wait_for(lambda: items)
        print(name, "took", items.pop(0))


async def phase(barrier, name, d):
    await asyncio.sleep(d)
    print(name, "at barrier")
    idx = await barrier.wait()
    print(name, "passed, index", idx)


async def main():
    await asyncio.gather(withdraw("a", 10), withdraw("b", 20), withdraw("c", 5))
    ev = asyncio.Event()
    ws = [asyncio.create_task(waiter(ev, f"w{i}")) for i in range(3)]
    await asyncio.sleep(0.2)
    print("is_set:", ev.is_set())
    ev.set()
    await asyncio.gather(*ws)
    sem = asyncio.Semaphore(2)
    await asyncio.gather(*(limited(sem, i) for i in range(5)))
    cond = asyncio.Condition()
    items = []
    cs = [asyncio.create_task(cond_consumer(cond, items, f"k{i}")) for i in range(2)]
    await asyncio.sleep(0.1)
    async with cond:
        items.extend(["x", "y"])
        cond.notify_all()
    await asyncio.gather(*cs)
    barrier = asyncio.Barrier(3)
    await asyncio.gather(*(phase(barrier, n, d) for n, d in [("p", 0.3), ("q", 0.1), ("r", 0.2)]))
    print("barrier parties", barrier.parties, "broken", barrier.broken)
    bs = asyncio.BoundedSemaphore(1)
    await bs.acquire()
    bs.release()
    try:
        bs.release()
    except ValueError as e:
        print("ValueError:", e)


asyncio.run(main())
