# Frozen dataclasses are hashable and read-only; asdict/astuple recurse; fields() and inheritance.
from dataclasses import dataclass, field, fields, asdict, astuple, FrozenInstanceError, is_dataclass


@dataclass(frozen=True)
class Coord:
    lat: float
    lon: float


@dataclass
class Base:
    id: int
    label: str = "base"


@dataclass
class Place(Base):
    where: Coord = Coord(0.0, 0.0)
    visits: list = field(default_factory=list)


c = Coord(1.5, 2.5)
print(c, hash(c) == hash(Coord(1.5, 2.5)), {c: "here"}[Coord(1.5, 2.5)])
try:
    c.lat = 9
except FrozenInstanceError as e:
    print("FrozenInstanceError:", e)
try:
    c.lat = 9
except AttributeError as e:
    print("is an AttributeError:", type(e).__name__)
p = Place(7, where=c, visits=[Coord(0, 1)])
print(p)
print(asdict(p))
print(astuple(p))
print([f.name for f in fields(Place)], is_dataclass(p), is_dataclass(3))
print(len({Coord(1, 2), Coord(1, 2), Coord(2, 1)}))
try:
    hash(Base(1))
except TypeError as e:
    print("TypeError:", e)
try:
    Base()
except TypeError as e:
    print("TypeError:", e)
