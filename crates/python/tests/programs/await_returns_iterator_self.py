# An __await__ returning self, an iterator: driven as one (it used to recurse without end).
import asyncio

class Ready:                      # an iterator that is its own awaitable
    def __await__(self):
        return self
    def __iter__(self):
        return self
    def __next__(self):
        raise StopIteration("value")

async def main():
    print("start")
    print(await Ready())

asyncio.run(main())
