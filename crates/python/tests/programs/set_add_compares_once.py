# A set compares a colliding key once when it adds it, as CPython's set does (an __eq__ that prints shows it)
import asyncio


class K:
    def __init__(self, n):
        self.n = n

    def __eq__(self, o):
        print("eq", self.n, o.n)
        return isinstance(o, K) and self.n == o.n

    def __hash__(self):
        return 7

    def __repr__(self):
        return f"K({self.n})"


async def main():
    s = {K("x"), K("y")}
    print(len(s))
    s.add(K("x"))
    print(len(s))
    s |= {K("z")}
    print(len(s), K("y") in s)
    t = set([K("a"), K("b"), K("a")])
    print(len(t))
    s.discard(K("z"))
    print(sorted(k.n for k in s))
    print(len({K(i % 2) for i in range(3)}))


asyncio.run(main())
