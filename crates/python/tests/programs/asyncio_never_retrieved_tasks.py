# "Task exception was never retrieved": a failed task nobody asked is reported when it is freed (del, a finished frame, a done callback letting go, shutdown), through logging
import logging, sys
logging.basicConfig(stream=sys.stdout, level=logging.INFO, format="%(levelname)s %(name)s: %(message)s")
import asyncio
async def boom(n, d=0):
    await asyncio.sleep(d)
    raise ValueError(f"boom {n}")
async def ok(n):
    await asyncio.sleep(0.01)
    return n
background = set()
async def main():
    done, pending = await asyncio.wait([asyncio.create_task(boom(1)), asyncio.create_task(ok(2))])
    print("waited", len(done), len(pending))
    done = pending = None
    print("dropped wait sets")
    ts = [asyncio.create_task(boom(3, 0.01)), asyncio.create_task(ok(4)), asyncio.create_task(boom(5, 0.02))]
    done, pending = await asyncio.wait(ts, return_when=asyncio.FIRST_EXCEPTION)
    print("first exc", len(done), len(pending))
    ts = done = pending = None
    print("dropped")
    for i in range(3):
        t = asyncio.create_task(boom(10 + i, 0.01 * i))
        background.add(t)
        t.add_done_callback(background.discard)
    t = None
    await asyncio.sleep(0.1)
    print("background done")
    inner = asyncio.create_task(boom(20, 0.01))
    outer = asyncio.shield(inner)
    outer.cancel()
    inner = outer = None
    await asyncio.sleep(0.05)
    print("shield done")
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(boom(30))
            tg.create_task(boom(31))
    except* ValueError as eg:
        print("group", len(eg.exceptions))
    t = asyncio.create_task(boom(40))
    await asyncio.sleep(0.01)
    try:
        t.result()
    except ValueError as e:
        print("got", e)
    t = None
    t = asyncio.create_task(boom(50, 1))
    await asyncio.sleep(0)
    t.cancel()
    await asyncio.sleep(0)
    t = None
    print("cancelled dropped")
    asyncio.ensure_future(boom(60))
    await asyncio.sleep(0)
    print("end")


async def frames():
    t = asyncio.create_task(boom(70, 0.01))
    await asyncio.sleep(0.05)
    print("before del")
    del t
    print("after del")
    t2 = asyncio.create_task(boom(71, 0.01))
    await asyncio.sleep(0.05)
    print("frame ends")  # t2 goes with the frame


asyncio.run(main())
asyncio.run(frames())
print("after")
