# A StopIteration raised in a @contextmanager's block (StopAsyncIteration in an
# @asynccontextmanager's) leaves the block as itself, not as the generator's
# RuntimeError.
import asyncio
from contextlib import asynccontextmanager, contextmanager


@contextmanager
def cm():
    print("enter")
    try:
        yield
    finally:
        print("exit")


try:
    with cm():
        raise StopIteration("stop")
except StopIteration as e:
    print("StopIteration", e)


@asynccontextmanager
async def acm():
    print("aenter")
    yield
    print("never")


async def main():
    for exc in (StopAsyncIteration("astop"), StopIteration("sync stop")):
        try:
            async with acm():
                raise exc
        except (StopAsyncIteration, StopIteration, RuntimeError) as e:
            print(type(e).__name__, e)


asyncio.run(main())
