# Writes through obj.__dict__ (update, item assignment, pop) are the instance's
# attributes, with __slots__ kept out.
class C:
    def __init__(self, **kw):
        self.__dict__.update(kw)
    def __setattr__(self, k, v):
        self.__dict__[k] = v * 2
c = C(a=1, b=2)
c.x = 5
print(c.a, c.x, vars(c), hasattr(c, 'b'))
del c.a
print(vars(c), sorted(dir(c))[-2:])
d = c.__dict__
d.pop('b')
print(hasattr(c, 'b'), c.__dict__ is d)
class P:
    __slots__ = ('x', '__dict__')
p = P(); p.x = 1; p.y = 2
print(vars(p), p.x)
