# ExitStack and AsyncExitStack: managers and callbacks unwound in reverse, exceptions
# passed along, suppressed and chained as nested with statements would; closing/aclosing.
import asyncio
from contextlib import (
    AsyncExitStack,
    ExitStack,
    aclosing,
    asynccontextmanager,
    closing,
    contextmanager,
    suppress,
)


@contextmanager
def resource(name, log):
    log.append(f"open {name}")
    try:
        yield name.upper()
    finally:
        log.append(f"close {name}")


@asynccontextmanager
async def connection(name, log):
    await asyncio.sleep(0.1)
    log.append(f"connect {name}")
    try:
        yield f"conn-{name}"
    finally:
        await asyncio.sleep(0.1)
        log.append(f"disconnect {name}")


class Closer:
    def __init__(self, log):
        self.log = log

    def close(self):
        self.log.append("closed")


class Noisy:
    def __enter__(self):
        return self

    def __exit__(self, t, e, tb):
        print("Noisy exit sees", t.__name__ if t else None, e)
        raise KeyError("from exit")


async def ticker():
    for i in range(5):
        yield i


async def main():
    log = []
    with ExitStack() as stack:
        names = [stack.enter_context(resource(n, log)) for n in "abc"]
        stack.callback(log.append, "callback")
        print(names)
    print(log)

    log.clear()
    with ExitStack() as stack:
        stack.enter_context(resource("x", log))
        keep = stack.pop_all()
    print(log)
    keep.close()
    print(log)

    with ExitStack() as stack:
        stack.enter_context(suppress(ZeroDivisionError))
        stack.callback(print, "unwinding")
        1 / 0
    print("suppressed")

    try:
        with ExitStack() as stack:
            stack.push(Noisy())
            stack.callback(print, "first out")
            raise ValueError("body")
    except KeyError as e:
        print("caught", repr(e), "context", repr(e.__context__))

    try:
        with ExitStack() as stack:
            stack.enter_context(42)
    except TypeError as e:
        print("TypeError", e)

    log.clear()
    async with AsyncExitStack() as stack:
        conns = [await stack.enter_async_context(connection(n, log)) for n in ("db", "cache")]
        stack.enter_context(resource("file", log))

        async def goodbye(who):
            await asyncio.sleep(0.2)
            log.append(f"bye {who}")

        stack.push_async_callback(goodbye, "all")
        print(conns, asyncio.get_running_loop().time())
    print(log, asyncio.get_running_loop().time())

    log.clear()
    with closing(Closer(log)) as c:
        print(type(c).__name__)
    async with aclosing(ticker()) as t:
        async for i in t:
            if i == 2:
                break
    print(log, i)
    try:
        with Noisy():
            raise ValueError("plain with")
    except KeyError as e:
        print("plain with: context", repr(e.__context__))


asyncio.run(main())
