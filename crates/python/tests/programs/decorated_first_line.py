# A decorated coroutine function's first line is its first decorator's (co_firstlineno, a pending task's repr)
import asyncio
import functools


def deco(fn):
    return fn


def logged(fn):
    @functools.wraps(fn)
    async def wrapper(*a):
        return await fn(*a)
    return wrapper


@deco
@logged
async def job(n):
    await asyncio.sleep(n)


@deco
async def plain():
    pass


async def main():
    print(plain.__code__.co_firstlineno, job.__code__.co_firstlineno, job.__wrapped__.__code__.co_firstlineno)
    t, u = asyncio.create_task(plain()), asyncio.create_task(job(1))
    print(t)
    print(u)
    await asyncio.sleep(0)
    print(u)
    await u


asyncio.run(main())
