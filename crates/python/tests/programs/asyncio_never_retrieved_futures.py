# "Future exception was never retrieved": plain futures and gather's (_GatheringFuture), a handler set on the loop, tasks freed at shutdown, a loop of run_until_complete
import asyncio
import logging
import sys

logging.basicConfig(stream=sys.stdout, level=logging.INFO, format="%(levelname)s %(name)s: %(message)s")
keep = []


async def boom(n):
    try:
        raise KeyError(n)
    except KeyError as e:
        raise RuntimeError(f"wrapped {n}") from e


def handler(loop, ctx):
    print("handler:", ctx["message"], repr(ctx["exception"]), ctx["future"])


async def main():
    loop = asyncio.get_running_loop()
    f = loop.create_future()
    f.set_exception(RuntimeError("never raised"))
    print(f)
    f = None
    print("dropped future")
    f = loop.create_future()
    f.set_exception(RuntimeError("asked"))
    print(repr(f.exception()))
    f = None
    g = asyncio.gather(boom(1), boom(2))
    await asyncio.sleep(0)
    print("gather done", g.done())
    g = None
    print("dropped gather")
    await asyncio.sleep(0)
    print("gather freed")
    asyncio.create_task(boom(3))
    await asyncio.sleep(0)
    loop.set_exception_handler(handler)
    asyncio.create_task(boom(4))
    await asyncio.sleep(0)
    loop.set_exception_handler(None)
    keep.append(asyncio.create_task(boom(5)))
    keep.append(asyncio.create_task(boom(6)))
    t = asyncio.create_task(boom(7))
    await asyncio.sleep(0)
    print(t)
    print(t.exception())
    t = None
    print("main ends")


asyncio.run(main())
loop = asyncio.new_event_loop()


async def later():
    asyncio.create_task(boom(8))
    await asyncio.sleep(0)


loop.run_until_complete(later())
loop.close()
print("bye")
