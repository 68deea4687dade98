# asyncio.gather: result order, return_exceptions=True, and the first exception propagating.
import asyncio


async def job(name, delay, fail=False):
    await asyncio.sleep(delay)
    if fail:
        raise ValueError(f"{name} failed")
    print(f"{name} finished")
    return name.upper()


async def main():
    results = await asyncio.gather(job("a", 0.3), job("b", 0.1), job("c", 0.2))
    print(results)
    mixed = await asyncio.gather(job("d", 0.1), job("e", 0.05, fail=True), job("f", 0.2), return_exceptions=True)
    print(mixed)
    print([type(r).__name__ for r in mixed])
    try:
        await asyncio.gather(job("g", 0.1, fail=True), job("h", 0.3))
    except ValueError as e:
        print("gather raised:", e)
    await asyncio.sleep(0.5)
    print(await asyncio.gather())
    t = asyncio.create_task(job("i", 0.1))
    both = await asyncio.gather(t, job("j", 0))
    print(both, t.done(), t.result())


asyncio.run(main())
