# __aenter__/__aexit__ (and __enter__/__exit__) of asyncio's objects called by hand, as a wrapper that delegates does
import asyncio


class Guarded:
    def __init__(self, inner):
        self.inner = inner

    async def __aenter__(self):
        print("enter", type(self.inner).__name__)
        return await self.inner.__aenter__()

    async def __aexit__(self, *exc):
        print("exit", exc[0].__name__ if exc[0] else None)
        return await self.inner.__aexit__(*exc)


async def main():
    lock = asyncio.Lock()
    await lock.__aenter__()
    print(lock.locked())
    await lock.__aexit__(None, None, None)
    print(lock.locked())
    sem = asyncio.Semaphore(2)
    async with Guarded(sem):
        print("value", sem._value)
    cond = asyncio.Condition()
    async with Guarded(cond):
        print("cond locked", cond.locked())
    try:
        async with Guarded(asyncio.timeout(0.1)) as t:
            await asyncio.sleep(1)
    except TimeoutError:
        print("timed out")
    async with Guarded(asyncio.TaskGroup()) as tg:
        tg.create_task(asyncio.sleep(0.1))
    print(hasattr(lock, "__aenter__"), hasattr(asyncio.Event(), "__aenter__"), hasattr(lock, "__enter__"))


asyncio.run(main())
