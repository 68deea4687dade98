# Generators: return values in StopIteration, close() and garbage generators run finally; async generators closed by asyncio.
import asyncio


def gen():
    try:
        yield 1
        yield 2
    finally:
        print("gen finally")


def g():
    yield 1
    return 5


async def ticker(n):
    try:
        for i in range(n):
            yield i
            await asyncio.sleep(0.05)
    finally:
        print("ticker closed")


async def main():
    agen = ticker(5)
    print(await agen.__anext__(), await anext(agen))
    left = ticker(3)
    print(await anext(left))
    await left.aclose()
    print("after aclose")


for x in gen():
    print(x)
    break
print("after loop")
it = g()
next(it)
try:
    next(it)
except StopIteration as e:
    print("value", e.value)
c = gen()
next(c)
c.close()
print([v * 2 for v in gen()])
print([y for v in [4] if (y := v * 2) > 6], y)
asyncio.run(main())
print("end")
