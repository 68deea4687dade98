# generator.throw(typ, val, tb) as CPython normalises it (StopIteration thrown in, bad arguments), finally blocks see the exception in flight (sys.exc_info, __context__), comparison dunders return their value as is, and the reflected operator is not tried on the same type.
def g():
    while True:
        try:
            yield
        except Exception as e:
            print(type(e).__name__, e.args)
x = g(); next(x)
x.throw(ValueError, "msg")
x.throw(ValueError, ("a", "b"))
x.throw(KeyError, KeyError("kk"))
x.throw(ValueError, None)
x.throw(StopIteration("s"))
for bad in [lambda: x.throw(ValueError("a"), "b"), lambda: x.throw(5), lambda: x.throw(int), lambda: x.throw(), lambda: x.throw(ValueError, 1, 2)]:
    try:
        bad()
    except TypeError as e:
        print("TypeError", e)
def h():
    yield 1
y = h(); next(y)
try:
    y.throw(StopIteration("z"))
except RuntimeError as e:
    print("RuntimeError", e, repr(e.__cause__))
def fin():
    try:
        yield 1
    finally:
        import sys
        print("in finally", repr(sys.exc_info()[1]))
        raise ValueError("from finally")
z = fin(); next(z)
try:
    z.close()
except ValueError as e:
    print(repr(e), repr(e.__context__))
try:
    try:
        raise KeyError(2)
    finally:
        raise ValueError("v")
except ValueError as e:
    print(repr(e.__context__))
def reraiser():
    try:
        raise KeyError("k")
    finally:
        print("finally sees", repr(__import__ if False else None))
try:
    reraiser()
except KeyError as e:
    print("kept", repr(e), e.__context__)
class NE:
    def __eq__(self, o): return "truthy"
    def __lt__(self, o): return [1]
    def __ne__(self, o): return 0
print(NE() == 1, NE() < 1, NE() != 1, 1 == NE(), 1 > NE())
class D:
    def __eq__(self, o): return None
print(D() == 1, D() != 1, 0 < 1 < 2)
class Only:
    def __eq__(self, o): return "yes"
print(Only() != 2, Only() == Only())
class Vec:
    def __init__(self, x): self.x = x
    def __lt__(self, o): return Vec(self.x < o.x)
    def __bool__(self): return bool(self.x)
    def __repr__(self): return f"Vec({self.x})"
print(Vec(1) < Vec(2), Vec(1) < Vec(2) < Vec(3), Vec(3) < Vec(2) < Vec(5))
class M:
    def __add__(self, o): return NotImplemented
    def __radd__(self, o): print("radd called"); return 1
try:
    M() + M()
except TypeError as e:
    print(e)
print(1 + M())
class N(M):
    def __radd__(self, o): print("N.radd"); return NotImplemented
try:
    M() + N()
except TypeError as e:
    print(e)
try:
    NE() > NE()
except TypeError as e:
    print(e)
x = object()
print(x == x, x != x)
