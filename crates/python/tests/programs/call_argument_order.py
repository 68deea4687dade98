# Call arguments: positional and starred ones are evaluated before keywords, as CPython builds the tuple first
import asyncio


def t(x):
    print("eval", x)
    return x


def f(*a, **k):
    return a, k


async def main():
    print(f(t(1), z=t(2), *[t(3)]))
    print(f(*[t(4)], y=t(5), *[t(6)], **{"w": t(7)}))
    print(f(t(8), t(9), k=t(10)))


asyncio.run(main())
