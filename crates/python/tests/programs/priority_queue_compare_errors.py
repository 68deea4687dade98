# A priority queue's failing comparison raises at the await of put()/get() that made it.
import asyncio
class Opaque:
    pass

async def main():
    q = asyncio.PriorityQueue()
    await q.put((1, Opaque()))
    try:
        await q.put((1, Opaque()))
        print("put returned normally")
    except TypeError as e:
        print("put raised:", e)
    print("qsize:", q.qsize())

asyncio.run(main())

class Opaque:
    pass
async def main():
    q = asyncio.PriorityQueue(maxsize=1)
    await q.put((1, Opaque()))
    async def putter():
        try:
            await q.put((1, Opaque()))
            print("put ok")
        except TypeError as e:
            print("putter raised:", e)
    t = asyncio.create_task(putter())
    await asyncio.sleep(0)
    print((await q.get())[0])
    await asyncio.sleep(0)
    print("qsize:", q.qsize())
    try:
        print((await q.get())[0])
    except TypeError as e:
        print("get raised", e)
    await t
asyncio.run(main())
print(repr(object()).startswith("<object object at"))
