# Coroutines driven by hand: send/throw/close, cr_running/cr_suspended, __await__ generators' yields out of send(), types.coroutine, sleep(0) and asyncio futures yielded out of send(), the Task's bad-yield RuntimeError thrown back in.
import asyncio, types

async def f():
    return 42

c = f()
try:
    c.send(None)
except StopIteration as e:
    print("result", e.value)
try:
    c.send(None)
except RuntimeError as e:
    print("again:", e)

class Awaitable:
    def __await__(self):
        x = yield "first"
        print("got", x)
        y = yield "second"
        print("got", y)
        return x + y

async def g():
    r = await Awaitable()
    print("r", r)
    try:
        await Awaitable()
    except ValueError as e:
        print("caught", e)
        return "done"

c = g()
print(c.cr_running, c.cr_suspended)
print(c.send(None))
print(c.cr_suspended)
print(c.send(1))
print(c.send(2))
try:
    c.throw(ValueError("boom"))
except StopIteration as e:
    print("stop", e.value)
print(c.cr_suspended)

c = g()
try:
    c.send(5)
except TypeError as e:
    print(e)
c.close()

@types.coroutine
def switch():
    v = yield "switch"
    return v

async def h():
    print("h got", await switch())
    await asyncio.sleep(0)
    print("after sleep0")
    return 7

c = h()
print(c.send(None))
print(c.send("hello"))
try:
    print(c.send(None))
except StopIteration as e:
    print("stop", e.value)

async def k():
    try:
        await Awaitable()
    finally:
        print("finally ran")
c = k()
c.send(None)
c.close()
print(c.cr_suspended)

async def bad():
    raise StopIteration(3)
try:
    bad().send(None)
except RuntimeError as e:
    print("RT", e, repr(e.__cause__))

async def thrower():
    await Awaitable()
c = thrower()
try:
    c.throw(KeyError("x"))
except KeyError as e:
    print("thrown before start", e)
try:
    c.send(None)
except RuntimeError as e:
    print(e)

async def main():
    print(await switch2())
    fut = asyncio.get_running_loop().create_future()
    async def waiter():
        return await fut
    w = waiter()
    y = w.send(None)
    print(y is fut, y)
    fut.set_result(9)
    try:
        w.send(None)
    except StopIteration as e:
        print("waiter", e.value)
    class Bad:
        def __await__(self):
            try:
                yield 5
            except RuntimeError as e:
                print("bad yield thrown in:", e)
                return 1
    print(await Bad())

@types.coroutine
def switch2():
    yield
    return "s2"

asyncio.run(main())
print(switch.__code__.co_flags & 0x100, types.coroutine(f) is f)
def plain():
    return switch2()
pc = types.coroutine(plain)
print(pc.__name__)
