# types.MethodType binds a function to an object, as CPython's method objects do
import asyncio
import types


class A:
    def __init__(self, n):
        self.n = n


def extra(self, k=1):
    return f"extra on {type(self).__name__} {self.n * k}"


async def work(self):
    await asyncio.sleep(0.1)
    return self.n


async def main():
    a = A(3)
    a.extra = types.MethodType(extra, a)
    print(a.extra(), a.extra(k=2), a.extra.__self__ is a, a.extra.__func__ is extra)
    a.work = types.MethodType(work, a)
    print(await a.work(), type(a.extra) is types.MethodType)
    for args in [(extra,), (1, a), (extra, None)]:
        try:
            types.MethodType(*args)
        except TypeError as e:
            print("TypeError", e)


asyncio.run(main())
