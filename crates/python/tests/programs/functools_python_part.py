# functools: cached_property, cmp_to_key, singledispatch (written in Python), beside an asyncio program.
import asyncio
from functools import cached_property, cmp_to_key, singledispatch, wraps, partial


class Report:
    def __init__(self, rows):
        self.rows = rows
        self.computed = 0

    @cached_property
    def total(self):
        self.computed += 1
        return sum(self.rows)


def by_length_then_reverse(a, b):
    if len(a) != len(b):
        return len(a) - len(b)
    return (a < b) - (a > b)


@singledispatch
def describe(x):
    return f"object {x!r}"


@describe.register(int)
def _(x: int):
    return f"int {x}"


@describe.register(list)
def _(x):
    return f"list of {len(x)}"


@describe.register(str)
def describe_str(x):
    return f"str {x.upper()}"


async def fetch(i):
    await asyncio.sleep(0.1 * i)
    return describe(i if i % 2 else [i] * i)


async def main():
    r = Report([1, 2, 3])
    print(r.total, r.total, r.computed, "total" in r.__dict__)
    r.rows.append(4)
    del r.total
    print(r.total, r.computed, Report.total.__class__.__name__)
    words = ["pear", "fig", "banana", "kiwi", "apple", "date"]
    print(sorted(words, key=cmp_to_key(by_length_then_reverse)))
    print(describe(3), describe("hi"), describe([1, 2]), describe(2.5), describe(True))
    print(describe.dispatch(bool).__name__, describe.dispatch(float).__name__, describe.__name__)
    print(await asyncio.gather(*(fetch(i) for i in range(4))))
    try:
        describe()
    except TypeError as e:
        print("TypeError", e)
    print(sorted(describe.registry, key=lambda c: c.__name__) == sorted([object, int, list, str], key=lambda c: c.__name__))


asyncio.run(main())
