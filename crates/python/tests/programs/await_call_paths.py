# `await callee(args)` as a statement, an assignment's value, an augmented
# assignment's right side and a return value, for every kind of callee: a
# native method, a module function, a coroutine function, a bound async
# method, a plain function returning an awaitable, and the errors on the way.
import asyncio


class Box:
    def __init__(self):
        self.q = asyncio.Queue()
        self.log = []

    async def put_twice(self, v):
        await self.q.put(v)
        await self.q.put(v * 10)
        return v

    def later(self, v):
        fut = asyncio.get_running_loop().create_future()
        asyncio.get_running_loop().call_soon(fut.set_result, v + 1)
        return fut

    @property
    def counted(self):
        self.log.append("counted")
        return self.q


async def double(x):
    await asyncio.sleep(0)
    return 2 * x


async def first(box):
    return await box.q.get()


def plain(x):
    return x


async def main():
    box = Box()
    await box.put_twice(3)
    got = await box.q.get()
    total = 0
    total += await box.q.get()
    print("got", got, "total", total)
    print("double", await double(4), "later", await box.later(1))
    x = await double(got)
    print("x", x)
    await box.counted.put(5)
    print("first", await first(box), box.log)
    await asyncio.sleep(0)
    for args in [(), (1, 2)]:
        try:
            await double(*args)
        except TypeError as e:
            print("TypeError", e)
    try:
        await plain(3)
    except TypeError as e:
        print("TypeError", e)
    try:
        await box.missing(1)
    except AttributeError as e:
        print("AttributeError", e)
    try:
        await box.q.put(undefined_name)
    except NameError as e:
        print("NameError", e)
    try:
        await box.q.put()
    except TypeError as e:
        print("TypeError", e)
    try:
        await box.q.get_nowait()
    except asyncio.QueueEmpty:
        print("QueueEmpty before the await")
    await box.q.put(7)
    try:
        await box.q.get_nowait()
    except TypeError as e:
        print("TypeError", e)
    lock = asyncio.Lock()
    print("acquired", await lock.acquire(), lock.locked())
    lock.release()
    return await double(21)


print("main returned", asyncio.run(main()))
