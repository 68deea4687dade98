# Queue, PriorityQueue and LifoQueue: producers, consumers, task_done/join, maxsize, nowait errors.
import asyncio


async def producer(q, name, items):
    for i in items:
        await q.put((i, name))
        print(f"{name} put {i}, size {q.qsize()}")
    print(name, "done producing")


async def consumer(q, name):
    while True:
        item = await q.get()
        print(f"{name} got {item}")
        await asyncio.sleep(0.1)
        q.task_done()


async def main():
    q = asyncio.Queue(maxsize=2)
    cons = [asyncio.create_task(consumer(q, f"c{i}")) for i in range(2)]
    await asyncio.gather(producer(q, "p1", range(3)), producer(q, "p2", range(10, 12)))
    await q.join()
    print("all processed at", asyncio.get_running_loop().time())
    for c in cons:
        c.cancel()
    pq = asyncio.PriorityQueue()
    for item in [(3, "low"), (1, "high"), (2, "mid"), (1, "also high")]:
        pq.put_nowait(item)
    print([pq.get_nowait() for _ in range(pq.qsize())])
    lq = asyncio.LifoQueue()
    for x in "abc":
        await lq.put(x)
    print([await lq.get() for _ in range(3)], lq.empty())
    small = asyncio.Queue(1)
    small.put_nowait(1)
    print(small.full(), small.maxsize)
    try:
        small.put_nowait(2)
    except asyncio.QueueFull:
        print("QueueFull")
    small.get_nowait()
    try:
        small.get_nowait()
    except asyncio.QueueEmpty:
        print("QueueEmpty")
    try:
        await asyncio.wait_for(small.get(), 0.2)
    except asyncio.TimeoutError:
        print("get timed out")


asyncio.run(main())
