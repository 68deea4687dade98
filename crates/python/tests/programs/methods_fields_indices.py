# lru_cache and cache bind self on methods; builtin functions stored in a
# class are no methods; a dataclass field declared again in a subclass keeps
# its place; str's index error has its own wording.
import math
from dataclasses import dataclass, fields
from functools import cache, lru_cache


class Calc:
    def __init__(self, k):
        self.k = k

    @lru_cache(maxsize=None)
    def sq(self, n):
        print("computing", self.k, n)
        return n * n * self.k

    @cache
    def fib(self, n):
        return n if n < 2 else self.fib(n - 1) + self.fib(n - 2)

    def __hash__(self):
        return hash(self.k)

    def __eq__(self, o):
        return self.k == o.k


c = Calc(2)
print(c.sq(3), c.sq(3), Calc(2).sq(3), Calc(3).sq(3))
print(c.fib(30), Calc.sq.cache_info(), Calc.sq(c, 4), type(c.sq).__name__)
c.sq.cache_clear()
print(Calc.sq.cache_info())


class Geo:
    sqrt = math.sqrt
    size = len


print(Geo().sqrt(16.0), Geo().size("abc"), Geo.sqrt(9.0))


@dataclass
class A:
    x: int = 0
    y: int = 0


@dataclass
class B(A):
    z: int = 9
    x: int = 5


print(B(1, 2), B(), [f.name for f in fields(B)])
s, items = "abc", [1]
for bad in (lambda: s[1.5], lambda: s["a"], lambda: s[None], lambda: items[1.5]):
    try:
        bad()
    except TypeError as e:
        print("TypeError:", e)
