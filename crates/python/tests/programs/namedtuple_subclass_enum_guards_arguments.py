# Subclasses of namedtuple classes (methods, properties, operators, _replace keeps the subclass), enum members guarded by the metaclass's __setattr__/__delattr__, builtin functions' and constructors' argument errors in CPython's words.
from collections import namedtuple
class Emp(namedtuple("Emp", "name salary")):
    __slots__ = ()
    def __str__(self):
        return f"{self.name}: {self.salary}"
    @property
    def monthly(self):
        return self.salary / 12
    def raise_by(self, pct):
        return self._replace(salary=self.salary * (1 + pct / 100))
Base = namedtuple("Point", "x y", defaults=[0])
class Point(Base):
    "A point."
    def __add__(self, o):
        return Point(self.x + o.x, self.y + o.y)
    def norm(self):
        return (self.x ** 2 + self.y ** 2) ** 0.5
e = Emp("ann", 120)
print(e, repr(e), e.monthly, e.raise_by(10), type(e.raise_by(10)).__name__)
print(isinstance(e, tuple), e[0], len(e), e._fields, Emp._make(["bo", 1]), e._asdict())
p = Point(3, 4) + Point(1)
print(p, p.norm(), isinstance(p, Base), Point.__mro__[1].__name__, Point.__doc__, Point(1) == (1, 0))
x, y = p
print(x, y, sorted([Point(2, 1), Point(1, 5)]), Point._field_defaults)
from enum import Enum, IntEnum, auto
class Color(Enum):
    RED = 1
    GREEN = auto()
    def f(self): return self.name
try: Color.RED = 5
except AttributeError as e: print(e)
try: del Color.RED
except AttributeError as e: print(e)
Color.other = 3; print(Color.other)
del Color.other
print(hasattr(Color, "other"), Color.RED, list(Color), Color(2), Color["RED"].f())
class P(IntEnum):
    A = 1
    B = 2
print(P.A + 1, P(2), sorted(P, reverse=True))
try:
    P.A = 3
except AttributeError as e: print(e)
cases = [
    ('isinstance(1)', lambda: isinstance(1)),
    ('divmod(1)', lambda: divmod(1)),
    ('getattr(1)', lambda: getattr(1)),
    ('setattr(1,2)', lambda: setattr(1,2)),
    ('hasattr(1)', lambda: hasattr(1)),
    ('issubclass(int)', lambda: issubclass(int)),
    ('iter()', lambda: iter()),
    ('next()', lambda: next()),
    ('delattr(1)', lambda: delattr(1)),
    ('len()', lambda: len()),
    ('abs()', lambda: abs()),
    ('repr()', lambda: repr()),
    ('hash()', lambda: hash()),
    ('callable()', lambda: callable()),
    ('chr()', lambda: chr()),
    ('ord()', lambda: ord()),
    ('id()', lambda: id()),
    ('min()', lambda: min()),
    ('format()', lambda: format()),
    ('vars(1,2)', lambda: vars(1,2)),
    ('sorted()', lambda: sorted()),
    ('bin()', lambda: bin()),
    ('any()', lambda: any()),
    ('all()', lambda: all()),
    ('ascii()', lambda: ascii()),
    ('hex()', lambda: hex()),
    ('oct()', lambda: oct()),
    ('dir(1,2)', lambda: dir(1,2)),
    ('aiter()', lambda: aiter()),
    ('anext()', lambda: anext()),
    ('reversed()', lambda: reversed()),
    ('iter(1,2,3)', lambda: iter(1,2,3)),
    ('filter(1)', lambda: filter(1)),
    ('next(1,2,3)', lambda: next(1,2,3)),
    ('format(1,2,3)', lambda: format(1,2,3)),
    ('getattr(1,2,3,4)', lambda: getattr(1,2,3,4)),
]
for text, f in cases:
    try:
        f()
    except TypeError as e:
        print(text, '->', e)
cases = [
    ('int(1,2,3)', lambda: int(1,2,3)),
    ('list(1,2)', lambda: list(1,2)),
    ('bool(1,2)', lambda: bool(1,2)),
    ('float(1,2)', lambda: float(1,2)),
    ('tuple(1,2)', lambda: tuple(1,2)),
    ('str(1,2,3,4)', lambda: str(1,2,3,4)),
    ('set(1,2)', lambda: set(1,2)),
    ('frozenset(1,2)', lambda: frozenset(1,2)),
    ('str(object=5)', lambda: str(object=5)),
    ('int("5", base=10, x=1)', lambda: int("5", base=10, x=1)),
    ('range()', lambda: range()),
    ('range(1,2,3,4)', lambda: range(1,2,3,4)),
    ('dict(1,2)', lambda: dict(1,2)),
    ('int(x=5)', lambda: int(x=5)),
    ('float(x=1)', lambda: float(x=1)),
    ('str(obj=1, foo=2)', lambda: str(obj=1, foo=2)),
    ('list(x=1)', lambda: list(x=1)),
    ('tuple(x=1)', lambda: tuple(x=1)),
    ('set(x=1)', lambda: set(x=1)),
    ('bool(x=1)', lambda: bool(x=1)),
    ('range(x=1)', lambda: range(x=1)),
    ('frozenset(x=1)', lambda: frozenset(x=1)),
    ('int("12", base=8)', lambda: int("12", base=8)),
    ('int("7", 8)', lambda: int("7", 8)),
    ('list((1,2))', lambda: list((1,2))),
    ('bool()', lambda: bool()),
    ('str()', lambda: str()),
]
for text, f in cases:
    try:
        print(text, '=', repr(f()))
    except TypeError as e:
        print(text, '->', e)
