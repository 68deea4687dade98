# Empty-substring searches past the end, dict views' == and isdisjoint, math.fmod's domain, `in` on a non-container
import asyncio
import math


class Plain:
    pass


async def main():
    s = "abc"
    print(s.find("", 5), s.rfind("", 5), s.count("", 5), s.startswith("", 5), s.endswith("", 5))
    print(s.find("", 4, 2), s.count("", 2, 1), s.rfind("", -10), "".find("", 1), s.find("", 3), s.count("", 3))
    print(s.find("c", -1), s.find("a", -100, 100), s.startswith(("x", ""), 3), s.endswith("c", 0, 10**20))
    try:
        print(s.index("", 5))
    except ValueError as e:
        print("ValueError", e)
    d = {"a": 1, "b": 2}
    v = d.values()
    print(v == v, d.values() == d.values(), d.keys() == {"b": 0, "a": 0}.keys(), d.items() == d.items())
    print(d.keys().isdisjoint({"x"}), d.keys().isdisjoint("a"), d.items().isdisjoint([("a", 1)]))
    for a, b in [(float("inf"), 1), (1, 0), (1, float("inf")), (float("-inf"), 2.5), (float("nan"), 0), (7, 3)]:
        try:
            print(math.fmod(a, b))
        except ValueError as e:
            print("ValueError", e)
    for container in (5, None, Plain(), 3.5, asyncio.Lock()):
        try:
            print(1 in container)
        except TypeError as e:
            print("TypeError", e)


asyncio.run(main())
