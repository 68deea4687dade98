# The primitives' methods take their arguments as CPython 3.11's (defined in
# Python, so errors name the class that defines the method).
import asyncio


async def main():
    cases = [
        ("Queue().put()", lambda: asyncio.Queue().put()),
        ("PriorityQueue().put(1, 2)", lambda: asyncio.PriorityQueue().put(1, 2)),
        ("Queue().get(x=1)", lambda: asyncio.Queue().get(x=1)),
        ("Lock().locked(1)", lambda: asyncio.Lock().locked(1)),
        ("Condition().acquire(1)", lambda: asyncio.Condition().acquire(1)),
        ("Condition().notify(m=1)", lambda: asyncio.Condition().notify(m=1)),
        ("BoundedSemaphore().acquire(1)", lambda: asyncio.BoundedSemaphore().acquire(1)),
        ("BoundedSemaphore().release(1)", lambda: asyncio.BoundedSemaphore().release(1)),
        ("Semaphore().release(x=1)", lambda: asyncio.Semaphore().release(x=1)),
        ("Barrier(1).wait(1)", lambda: asyncio.Barrier(1).wait(1)),
        ("Event().set(x=1)", lambda: asyncio.Event().set(x=1)),
        ("Condition().wait_for()", lambda: asyncio.Condition().wait_for()),
        ("LifoQueue().qsize(1)", lambda: asyncio.LifoQueue().qsize(1)),
        ("Queue().put_nowait(item=3)", lambda: asyncio.Queue().put_nowait(item=3)),
        ("Queue().put_nowait(3, item=3)", lambda: asyncio.Queue().put_nowait(3, item=3)),
    ]
    for text, case in cases:
        try:
            print(text, "->", case())
        except TypeError as e:
            print(text, "->", e)
    q = asyncio.Queue()
    await q.put(item=1)
    print("put by name:", q.get_nowait())
    cond = asyncio.Condition()
    async with cond:
        cond.notify(n=2)
    print("notify by name")


asyncio.run(main())
