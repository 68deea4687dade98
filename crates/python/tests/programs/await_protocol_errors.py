# __await__ results CPython refuses: a coroutine, an awaitable that is not an iterator, a non-iterator; await of a coroutine_wrapper; yield from a coroutine in a plain generator.
import asyncio

class AsyncDunder:
    async def __await__(self):
        return 1

async def main():
    try:
        print("awaited ->", await AsyncDunder())
    except TypeError as e:
        print("TypeError:", e)

asyncio.run(main())

import asyncio

class Inner:
    def __await__(self):
        yield
        return "inner"

class Outer:
    def __await__(self):
        return Inner()          # an awaitable, not an iterator

async def main():
    try:
        print("awaited ->", await Outer())
    except TypeError as e:
        print("TypeError:", e)
    try:
        print("awaited ->", await Outer().__await__().__await__())
    except (TypeError, AttributeError) as e:
        print(type(e).__name__ + ":", e)

asyncio.run(main())

import asyncio

class NotIter:
    def __await__(self):
        return 42

async def main():
    try:
        await NotIter()
    except TypeError as e:
        print("TypeError:", e)

asyncio.run(main())

import asyncio

async def co():
    return "co"

async def main():
    c = co()
    try:
        print("awaited ->", await c.__await__())
    except TypeError as e:
        print("TypeError:", e)
    c.close()

asyncio.run(main())

import asyncio

class SelfAwait:
    def __await__(self):
        return self

async def main():
    try:
        await SelfAwait()
    except TypeError as e:
        print("TypeError:", e)

asyncio.run(main())

async def co():
    return "co"

def plain():
    r = yield from co()
    return r

g = plain()
try:
    next(g)
except TypeError as e:
    print("TypeError:", e)
except StopIteration as e:
    print("StopIteration:", e.value)
