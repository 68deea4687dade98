# asyncio's primitives and queues check their constructor arguments as CPython does.
import asyncio


async def main():
    checks = [
        ("Queue", lambda: asyncio.Queue(max_size=3)),
        ("Queue 2", lambda: asyncio.Queue(1, 2)),
        ("Semaphore", lambda: asyncio.Semaphore(vale=3)),
        ("Event", lambda: asyncio.Event(x=1)),
        ("Lock", lambda: asyncio.Lock(1)),
        ("Barrier", lambda: asyncio.Barrier()),
        ("Barrier 2", lambda: asyncio.Barrier(1, 2)),
        ("Condition", lambda: asyncio.Condition(None, 2)),
        ("PriorityQueue", lambda: asyncio.PriorityQueue(maxsize=2, x=1)),
    ]
    for name, call in checks:
        try:
            call()
            print(name, "accepted")
        except TypeError as e:
            print(name, "TypeError:", e)
    q = asyncio.Queue(maxsize=2)
    s = asyncio.Semaphore(value=2)
    b = asyncio.Barrier(parties=1)
    c = asyncio.Condition(lock=asyncio.Lock())
    print(q.maxsize, s.locked(), b.parties, c.locked())


asyncio.run(main())
