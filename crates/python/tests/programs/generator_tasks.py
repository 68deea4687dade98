# Generators as tasks (3.11's asyncio.iscoroutine takes any generator): gather, ensure_future, create_task, bad yields, await of a plain generator.
import asyncio
def g():
    print("g start")
    yield
    print("g after")
    return 5
def bad():
    yield 3
async def main():
    print(asyncio.iscoroutine((x for x in [])), asyncio.iscoroutine(g()))
    print(await asyncio.gather(g()))
    t = asyncio.ensure_future(g())
    print(await t)
    t = asyncio.create_task(g())
    print(await t)
    try:
        await asyncio.gather(bad())
    except RuntimeError as e:
        print("E", e)
    try:
        await g()
    except TypeError as e:
        print("E", e)
asyncio.run(main())
