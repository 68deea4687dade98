# Math of huge ints (log/log2/log10 through the exponent, OverflowError elsewhere), round() to negative digits correctly rounded, 'got multiple values' naming the function, reversed() by __len__/__getitem__, iter() of a non-iterator, with-statement protocol errors, MRO message, namedtuple fields read-only, slice equality, generator attributes and operator's in-place functions.
import math
for v in [10**400, 2**1024, 2**1024 - 1, 3**700, 10**308, 7, 1, 0.5, float('inf'), float('nan'), 2**2000 + 1]:
    print(math.log(v), math.log2(v), math.log10(v), math.log(v, 10), math.log(v, 2**1500))
for bad in [lambda: math.sqrt(10**400), lambda: math.exp(10**400), lambda: math.log(0), lambda: math.log(-10**400), lambda: math.log(5, 1), lambda: math.fabs(-10**400), lambda: math.log10(-1)]:
    try:
        print(bad())
    except (ValueError, OverflowError, ZeroDivisionError) as e:
        print(type(e).__name__, e)
def f(a): pass
class C:
    def m(self, a): pass
for call in [lambda: f(a=1, **{"a": 2}), lambda: C().m(a=1, **{"a": 2}), lambda: C(**{"x": 1}, **{"x": 2}), lambda: print(**{"sep": 1}, **{"sep": 2})]:
    try:
        call()
    except TypeError as e:
        print(e)
import random
random.seed(7)
print(round(1e300, -300), round(1.23e200, -199), round(7.5e100, -100), round(-0.4, -1), round(25.0, -1), round(35.0, -1), round(1.7e308, -307))
print(round(0.25, 1), round(0.125, 2), round(2.675, 2), round(-2.5), round(5e-324, 323), round(1.5e-310, 312))
out = []
for _ in range(400):
    x = random.uniform(-1, 1) * 10 ** random.randint(-30, 300)
    n = random.randint(-310, 20)
    out.append(round(x, n))
    y = random.randint(-10**6, 10**6) * 0.5
    out.append(round(y, random.randint(-3, 1)))
print(hash(tuple(out)) == hash(tuple(out)), out[:5])
print(sum(1 for v in out if v != v), len(out))
for o in out[::20]:
    print(repr(o))
try:
    print(round(1.7e308, -308))
except OverflowError as e:
    print("OverflowError", e)
class S:
    def __len__(self): return 3
    def __getitem__(self, i):
        print("get", i)
        return i * 2
r = reversed(S())
print("made")
print(list(r), type(reversed(range(3))).__name__, type(reversed("ab")).__name__, type(reversed((1,))).__name__, type(reversed([1])).__name__)
class NoRev:
    __reversed__ = None
    def __len__(self): return 1
    def __getitem__(self, i): return i
for bad in [lambda: reversed(NoRev()), lambda: reversed(5), lambda: reversed({1, 2})]:
    try:
        bad()
    except TypeError as e:
        print(e)
class C:
    def __iter__(self): return 5
class L:
    def __iter__(self): return [1, 2]
class OnlyNext:
    def __init__(self): self.n = 0
    def __next__(self):
        self.n += 1
        if self.n > 2: raise StopIteration
        return self.n
class W:
    def __iter__(self): return OnlyNext()
for bad in [lambda: iter(C()), lambda: iter(L()), lambda: list(W())]:
    try:
        print(bad())
    except TypeError as e:
        print(e)
print(slice(1, 2) == slice(1, 2), slice(1, 2) != slice(1, 3), slice(None) == slice(None, None, None))
class NoExit:
    def __enter__(self): print("entered"); return 1
try:
    with NoExit(): pass
except TypeError as e: print(e)
import asyncio
class NoAExit:
    async def __aenter__(self): return 1
async def m():
    async with NoAExit(): pass
try: asyncio.run(m())
except TypeError as e: print(e)
class A: pass
class B(A): pass
try:
    class D(A, B): pass
except TypeError as e: print(repr(str(e)))
from collections import namedtuple
P = namedtuple('P', 'x y'); p = P(1,2)
for bad in [lambda: setattr(p, 'x', 5), lambda: setattr(p, 'z', 5), lambda: delattr(p, 'x'), lambda: delattr(p, 'z')]:
    try: bad()
    except AttributeError as e: print(e)
import operator
def g():
    print("running inside:", x.gi_running)
    yield 1
x = g()
print(x.__qualname__, x.gi_running, x.gi_suspended)
next(x)
print(x.gi_suspended, (y for y in []).__qualname__)
class C:
    def gen(self):
        yield 1
print(C().gen().__qualname__)
a = [1]
print(operator.iadd(a, [2]), operator.ior({1}, {2}), operator.ixor(6, 3), operator.imod(7, 3), operator.ifloordiv(7, 2), operator.itruediv(7, 2), operator.ipow(2, 5), operator.ilshift(1, 4), operator.irshift(16, 2), operator.iand(6, 3))
print(operator.call(max, 3, 9, key=lambda v: -v))
