# PEP 479: StopIteration raised in a coroutine, a task, an async generator or a generator becomes RuntimeError raised from it
import asyncio


async def f():
    next(iter([]))


async def agen():
    yield 1
    raise StopIteration("inside")


def gen():
    yield 1
    raise StopIteration("sync")


async def main():
    try:
        await f()
    except Exception as e:
        print(type(e).__name__, e, repr(e.__cause__), e.__suppress_context__)
    print(await asyncio.gather(f(), return_exceptions=True))
    try:
        async for x in agen():
            print("got", x)
    except RuntimeError as e:
        print(e, "from", repr(e.__cause__))
    try:
        print(list(gen()))
    except RuntimeError as e:
        print(e, "from", type(e.__cause__).__name__, e.__context__ is e.__cause__)


asyncio.run(main())
