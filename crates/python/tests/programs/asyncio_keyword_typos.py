# asyncio functions refuse a keyword they do not take (a typo is never ignored).
import asyncio


async def work():
    return 1


async def main():
    checks = [
        ("create_task", lambda: asyncio.create_task(work(), nmae="x")),
        ("sleep", lambda: asyncio.sleep(0, reslt=1)),
        ("gather", lambda: asyncio.gather(work(), return_exception=True)),
        ("wait_for", lambda: asyncio.wait_for(work(), timeot=1)),
        ("Queue", lambda: asyncio.Queue(max_size=3)),
        ("Semaphore", lambda: asyncio.Semaphore(vale=3)),
        ("Event", lambda: asyncio.Event(x=1)),
        ("Lock", lambda: asyncio.Lock(x=1)),
        ("ensure_future", lambda: asyncio.ensure_future(work(), lop=None)),
        ("shield", lambda: asyncio.shield(work(), x=1)),
        ("wait", lambda: asyncio.wait([asyncio.ensure_future(work())], timout=1)),
        ("timeout", lambda: asyncio.timeout(1, x=2)),
    ]
    for name, call in checks:
        try:
            r = call()
            if asyncio.iscoroutine(r):
                await r
            print(name, "accepted")
        except TypeError as e:
            print(name, "TypeError:", e)
    await asyncio.sleep(0)


asyncio.run(main())
