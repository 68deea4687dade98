# A typing.NamedTuple class body's methods, dunders, properties, static and
# class methods, and the names it may not overwrite.
import asyncio
from typing import NamedTuple


class Point(NamedTuple):
    """A point."""

    x: int
    y: int = 0

    def __str__(self):
        return f"<{self.x}, {self.y}>"

    def __repr__(self):
        return "Point!"

    def __eq__(self, other):
        return isinstance(other, Point) and self.x == other.x

    def __lt__(self, other):
        return self.y < other.y

    @property
    def norm(self):
        return abs(self.x) + abs(self.y)

    @classmethod
    def origin(cls):
        return cls(0)

    @staticmethod
    def unit():
        return "px"


p = Point(1, 5)
print(p, repr(p), [p], p == Point(1, 9), p != Point(1, 9), p == Point(2, 5), p.norm, Point.origin(), p.unit())
print(sorted([Point(1, 3), Point(2, 1), Point(3, 2)], key=lambda q: q), Point(1, 1) < Point(0, 2), Point.__doc__)
print(p.x, p[1], tuple(p), p._asdict(), p._replace(x=7), hash(p) == hash((1, 5)))


class Plain(NamedTuple):
    a: int
    b: str = "b"


class Sized(NamedTuple):
    a: int

    def __len__(self):
        return 99


print(Plain(1), Plain(1) == (1, "b"), Plain(1) != (1, "b"), len(Plain(2)), Plain(1) < Plain(2), len(Sized(1)))
try:

    class Bad(NamedTuple):
        a: int

        def _asdict(self):
            return {}

except AttributeError as e:
    print("AttributeError:", e)


async def main():
    queue: asyncio.Queue[Point] = asyncio.Queue()
    await queue.put(Point(3, 4))
    print(await queue.get())


asyncio.run(main())
