# __await__ returning a plain iterator or an iterator class.
import asyncio

class ListAwait:
    def __await__(self):
        return iter([None, None])

async def main():
    print("awaited ->", await ListAwait())

asyncio.run(main())
