# Reprs as asyncio makes them: a task cancelled before it waits is 'cancelling', a future's result shortened by reprlib (strings, ints, lists, dicts, sets, tuples, deques, nesting, other objects), Handle/TimerHandle reprs before and after cancel() and timer handles ordered by time.
import asyncio

async def main_X():
    t = asyncio.create_task(asyncio.sleep(1))
    t.cancel()
    print(repr(t).split(" coro=")[0])
    await asyncio.sleep(0)
    print(repr(t).split(" coro=")[0])

asyncio.run(main_X())

import asyncio
from collections import deque, OrderedDict, Counter
class Foo:
    def __repr__(self): return "Foo(" + "x" * 40 + ")"
async def job(v):
    return v
async def main_X():
    loop = asyncio.get_running_loop()
    vals = ["y" * 40, "short", "a'b" * 20, list(range(20)), [1, [2, [3, [4, [5, [6, [7, [8]]]]]]]], {i: i for i in range(10)}, {"b": 1, "a": [1, 2, 3, 4, 5, 6, 7]},
            (1,) * 8, (1,), (), 2 ** 200, -(2 ** 150), {1, 2, 3, 4, 5, 6, 7, 8}, set(), frozenset({3, 1}), frozenset(), deque(range(9)), Foo(), 3.14, True, None,
            OrderedDict(a=1), Counter("aab"), {1: {2: {3: {4: {5: {6: {7: 1}}}}}}}, [{1, "a"}], b"" if False else 1.5e300]
    for v in vals:
        f = loop.create_future()
        f.set_result(v)
        print(repr(f))
    t = asyncio.create_task(job(list(range(10))))
    await t
    print(repr(t).split("> ")[-1])
    loop.call_soon(print, "z" * 50, list(range(10)))
    await asyncio.sleep(0)
asyncio.run(main_X())

import asyncio
import functools
def f(a, b=0):
    print("f", a, b)
class C:
    def m(self, x):
        print("m", x)
async def main_h():
    loop = asyncio.get_running_loop()
    h = loop.call_soon(f, 1)
    print(repr(h))
    t1 = loop.call_later(1, f, 2)
    t2 = loop.call_later(2, f, "x" * 40)
    t3 = loop.call_at(loop.time() + 5, functools.partial(f, 9, b=3))
    t4 = loop.call_soon(C().m, [1, 2, 3, 4, 5, 6, 7, 8])
    t5 = loop.call_soon(print, "hi")
    print(t1 < t2, t1 <= t2, t2 > t1, t2 >= t1)
    print(repr(t1)); print(repr(t2)); print(repr(t3)); print(repr(t4)); print(repr(t5))
    t3.cancel(); h2 = loop.call_soon(f, 5); h2.cancel()
    print(repr(t3), repr(h2), t3.cancelled())
    await asyncio.sleep(3)
    print(repr(t1))
asyncio.run(main_h())
