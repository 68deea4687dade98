# contextlib: generator-based (async) context managers, suppress.
import asyncio
from contextlib import asynccontextmanager, contextmanager, suppress

@contextmanager
def tag(name):
    print(f"<{name}>")
    try:
        yield name.upper()
    finally:
        print(f"</{name}>")

@asynccontextmanager
async def connection(host):
    print("connecting", host)
    await asyncio.sleep(0.1)
    try:
        yield f"conn:{host}"
    except ValueError as e:
        print("conn saw", e)
        raise
    finally:
        await asyncio.sleep(0.1)
        print("closed", host)

async def main():
    with tag("b") as t:
        print("inside", t)
    with suppress(KeyError):
        {}["x"]
    print("suppressed")
    async with connection("db") as c:
        print("using", c)
    try:
        async with connection("api") as c:
            raise ValueError("bad")
    except ValueError as e:
        print("caught", e)
    async with asyncio.timeout(1):
        async with connection("x") as c:
            print(c)

asyncio.run(main())
