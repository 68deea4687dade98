# math.frexp/ldexp/remainder as CPython computes them; dir() uses a class's
# __dir__; staticmethod objects are callable; property(doc=...); functools.wraps
# and update_wrapper with assigned= and updated=.
import functools
def f():
    "doc of f"
f.tag = 1
@functools.wraps(f, updated=())
def g(): pass
print(g.__name__, g.__doc__, hasattr(g, "tag"), g.__wrapped__ is f)
@functools.wraps(f, assigned=("__doc__",))
def h(): pass
print(h.__name__, h.__doc__, h.tag)
def k(): pass
functools.update_wrapper(k, f, ["__name__"], [])
print(k.__name__, k.__doc__, hasattr(k, "tag"))
print(functools.WRAPPER_ASSIGNMENTS, functools.WRAPPER_UPDATES)
def deco(fn):
    @functools.wraps(fn)
    def w(*a): return fn(*a)
    return w
@deco
def add(a, b):
    "adds"
    return a + b
print(add(1, 2), add.__name__, add.__doc__, add.__qualname__)
import math

vals = [0.0, -0.0, 1.0, -3.5, 1e-310, 5e-324, 1e308, 0.1, 123456.789, math.inf, -math.inf, 2.5, -7.25]
print([math.frexp(v) for v in vals])
print([math.ldexp(v, i) for v in vals[:6] + vals[7:9] for i in (0, 3, -3, 100, -1074, -2000)])
print([math.remainder(a, b) for a in vals[:9] for b in (1.0, -2.5, 0.3, math.inf, 7.0)])
print(math.remainder(5, 2), math.remainder(-5, 2), math.remainder(7, 2), math.remainder(6, 4), math.ldexp(1, True))
for bad in (lambda: math.ldexp(1.0, 2000), lambda: math.remainder(1, 0), lambda: math.ldexp(1.0, 1.5)):
    try:
        bad()
    except (OverflowError, ValueError, TypeError) as e:
        print(type(e).__name__, e)


class Shape:
    def __init__(self):
        self.a = 1

    def __dir__(self):
        return ["zeta", "alpha", "a"]

    @staticmethod
    def make():
        return "made"

    def _get(self):
        return 42

    value = property(_get, doc="the value")


print(dir(Shape()), callable(staticmethod(len)), callable(Shape.__dict__["make"]), Shape.value.__doc__)
