# Star and double-star arguments and displays that are no iterable or mapping: CPython's messages
import asyncio
def f(*a, **k):
    return a, k
class K:
    def keys(self):
        raise AttributeError('inner')
class C:
    def m(self, *a, **k): pass
async def main():
    tests = [lambda: f(**[1]), lambda: f(*5), lambda: print(*None), lambda: dict(**[("a", 1)]), lambda: f(**K()),
             lambda: [*5], lambda: {**5}, lambda: (*5,), lambda: {*None}, lambda: C().m(*3), lambda: C().m(**3),
             lambda: f(**{1: 2}), lambda: f(a=1, **{"a": 2})]
    for t in tests:
        try:
            print(t())
        except Exception as e:
            print(type(e).__name__, e)
asyncio.run(main())
