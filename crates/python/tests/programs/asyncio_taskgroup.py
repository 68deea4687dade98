# TaskGroup: results after the block, a failing task cancels its siblings, ExceptionGroup out.
import asyncio


async def step(name, d, fail=False):
    try:
        await asyncio.sleep(d)
    except asyncio.CancelledError:
        print(name, "cancelled")
        raise
    if fail:
        raise KeyError(name)
    print(name, "ok")
    return name


async def main():
    async with asyncio.TaskGroup() as tg:
        t1 = tg.create_task(step("one", 0.2))
        t2 = tg.create_task(step("two", 0.1))
    print("results:", t1.result(), t2.result())
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(step("slow", 1))
            tg.create_task(step("bad", 0.3, fail=True))
    except* KeyError as eg:
        print("KeyErrors:", [repr(e) for e in eg.exceptions])
    print("time", asyncio.get_running_loop().time())
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(step("x", 0.1, fail=True))
            tg.create_task(step("y", 0.1, fail=True))
    except ExceptionGroup as eg:
        print(eg.message, len(eg.exceptions), sorted(str(e) for e in eg.exceptions))


asyncio.run(main())
