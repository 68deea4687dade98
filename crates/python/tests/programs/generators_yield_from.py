# yield from: delegation of send/throw/close, return values, iterables and class iterators, tracebacks through it, and __await__ generators that yield from coroutines and futures.
import asyncio

def sub():
    yield 1
    raise ValueError("in sub")

def mid():
    yield from sub()

def top():
    x = yield from mid()
    return x

def ret_early():
    return 42
    yield

def uses():
    v = yield from ret_early()
    print("got", v)
    v = yield from (i * i for i in range(3))
    print("genexp gave", v)

print(list(uses()))

def echo():
    received = []
    while True:
        x = yield len(received)
        if x is None:
            return received
        received.append(x)

def wrapper():
    r = yield from echo()
    print("echo returned", r)
    yield "after"

w = wrapper()
print(next(w))
print(w.send("a"))
print(w.send("b"))
print(w.send(None))

def stopper():
    yield 1
    raise StopIteration(5)

def outer():
    yield from stopper()

try:
    print(list(outer()))
except RuntimeError as e:
    print("RuntimeError", e, type(e.__cause__).__name__)

def ignore_exit():
    try:
        yield 1
    except GeneratorExit:
        print("sub got exit")
        raise

def closer():
    try:
        yield from ignore_exit()
    except GeneratorExit:
        print("outer got exit")
        raise

c = closer()
next(c)
c.close()
print("closed")

class Thrower:
    def __iter__(self):
        return self
    def __next__(self):
        return "t"
    def throw(self, e):
        print("Thrower.throw", repr(e))
        raise StopIteration("thrown-out")

def t():
    r = yield from Thrower()
    print("r =", r)
    yield "end"

tg = t()
print(next(tg))
print(tg.throw(IndexError("ix")))
import asyncio

def inner(n):
    total = 0
    for i in range(n):
        x = yield i
        print("inner got", x)
        if x:
            total += x
    return total

def outer():
    r = yield from inner(3)
    print("inner returned", r)
    r2 = yield from [10, 20]
    print("list returned", r2)
    yield from "ab"
    return "done"

def chain(*its):
    for it in its:
        yield from it

def flatten(xs):
    for x in xs:
        if isinstance(x, list):
            yield from flatten(x)
        else:
            yield x

class Counter:
    def __init__(self, n):
        self.n = n
    def __iter__(self):
        return self
    def __next__(self):
        if self.n == 0:
            raise StopIteration("counter-done")
        self.n -= 1
        return self.n

def use_counter():
    r = yield from Counter(3)
    print("counter returned", r)

def thrower():
    try:
        yield 1
        yield 2
    except ValueError as e:
        print("inner caught", e)
        yield 99
    finally:
        print("inner finally")

def delegating():
    try:
        yield from thrower()
    finally:
        print("outer finally")

async def main_a():
    g = outer()
    print(next(g))
    print(g.send(5))
    print(g.send(None))
    try:
        while True:
            print(g.send(None))
    except StopIteration as e:
        print("stop", e.value)
    print(list(chain([1, 2], (3,), range(4, 6))))
    print(list(flatten([1, [2, [3, [4]], 5]])))
    print(list(use_counter()))
    d = delegating()
    print(next(d))
    print(d.throw(ValueError("boom")))
    d.close()
    d2 = delegating()
    next(d2)
    del d2
    print("after del")
    g3 = delegating()
    next(g3)
    try:
        g3.throw(KeyError("k"))
    except KeyError as e:
        print("propagated", repr(e))
    def bad():
        yield from 5
    try:
        list(bad())
    except TypeError as e:
        print("TypeError", e)
    def sends():
        yield from [1, 2]
    s = sends()
    next(s)
    try:
        s.send(3)
    except AttributeError as e:
        print("AttributeError", e)
    await asyncio.sleep(0.1)
    print("end")

asyncio.run(main_a())

class Waiter:
    def __init__(self, d):
        self.d = d
    def __await__(self):
        print("waiting", self.d)
        r = yield from asyncio.sleep(self.d, result=self.d * 2).__await__()
        print("slept", r)
        return r + 1

class FutWaiter:
    def __init__(self, fut):
        self.fut = fut
    def __await__(self):
        v = yield from self.fut
        return ("fut", v)

async def setter(fut):
    await asyncio.sleep(0.2)
    fut.set_result("ok")

async def main_c():
    print(await Waiter(0.5))
    loop = asyncio.get_running_loop()
    fut = loop.create_future()
    asyncio.create_task(setter(fut))
    print(await FutWaiter(fut))
    r = await asyncio.gather(Waiter(0.1), Waiter(0.3))
    print(r)

asyncio.run(main_c())
g = top()
next(g)
next(g)
