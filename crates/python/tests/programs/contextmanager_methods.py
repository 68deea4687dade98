# @contextmanager / @asynccontextmanager on methods get self; their __name__/__wrapped__.
import asyncio
from contextlib import asynccontextmanager, contextmanager

class Pool:
    @asynccontextmanager
    async def connection(self, who):
        yield f"conn for {who}"

    @contextmanager
    def sync_conn(self, who):
        yield f"sync conn for {who}"

async def main():
    p = Pool()
    with p.sync_conn("a") as c:
        print(c)
    async with p.connection("b") as c:
        print(c)

asyncio.run(main())

print(Pool.sync_conn.__name__, Pool.sync_conn.__wrapped__.__name__, Pool.connection.__qualname__)
