# @contextmanager and @asynccontextmanager managers used as decorators (ContextDecorator): a fresh manager per call
import asyncio
from contextlib import asynccontextmanager, contextmanager


@asynccontextmanager
async def span(name):
    print("start", name)
    try:
        yield name
    finally:
        print("end", name)


@contextmanager
def section(title):
    print("<", title)
    yield
    print(">", title)


@span("job")
async def job(n):
    await asyncio.sleep(0.1 * n)
    return n * 2


@section("sync")
def compute(x, *, y=1):
    return x + y


async def main():
    print(await job(1), job.__name__)
    print(await asyncio.gather(job(2), job(3)))
    print(compute(1, y=5), compute.__name__, compute.__wrapped__.__name__)
    try:
        span("x")(1, 2)
    except TypeError as e:
        print("TypeError", e)


asyncio.run(main())
