# __index__ in hex/oct/bin and sequence repetition; __bool__ and __len__
# results checked; pow's three-argument __pow__; an abstract property; the
# attributes of descriptors, classes and slices; Python's whitespace.
from abc import ABC, abstractmethod


class I:
    def __index__(self):
        return 10


print(hex(I()), oct(I()), bin(I()), "ab" * I(), I() * [0], (1,) * I())
for bad in (lambda: hex(3.0), lambda: bin("1")):
    try:
        bad()
    except TypeError as e:
        print("TypeError:", e)


class B:
    def __bool__(self):
        return 1


class L:
    def __init__(self, n):
        self.n = n

    def __len__(self):
        return self.n


for probe in (lambda: bool(B()), lambda: bool(L(-1)), lambda: len(L(-2)), lambda: len(L("3")), lambda: len(L(True)),
              lambda: bool(L(0)), lambda: len(L(2**70))):
    try:
        print(probe())
    except (TypeError, ValueError, OverflowError) as e:
        print(type(e).__name__, e)


class V:
    def __pow__(self, n, mod=None):
        return ("pow", n, mod)


print(pow(V(), 2, 5), pow(V(), 3), V() ** 2, pow(3, 4, 5))


class Shape(ABC):
    @property
    @abstractmethod
    def area(self):
        """The area."""

    @staticmethod
    def unit():
        return "m"


class Square(Shape):
    @property
    def area(self):
        return 4


try:
    Shape()
except TypeError as e:
    print(e)
print(Square().area, Shape.__dict__["area"].__isabstractmethod__, Shape.area.__doc__)
print(Shape.__dict__["unit"].__func__(), Square.__base__, Shape.__base__, object.__base__, Shape.__subclasses__())
print(slice(None, None, -1).indices(5), slice(1, 100, 2).indices(10), slice(-3, None).indices(4))
print("x\x1cy\x1fz w".split(), " \x1fa\x1e".strip(), "a\x1db c".rsplit(None, 1), "\x1c a b".lstrip())
