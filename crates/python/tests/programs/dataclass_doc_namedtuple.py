# asdict/astuple convert dataclasses inside namedtuples; a dataclass's default __doc__ is its signature.
from dataclasses import dataclass, asdict, astuple
from collections import namedtuple

Range = namedtuple("Range", "low high")

@dataclass
class Temp:
    c: float

@dataclass
class Forecast:
    day: str
    span: Range

f = Forecast("mon", Range(Temp(3.0), Temp(11.5)))
print(asdict(f))
print(astuple(f))
print(Temp.__doc__)

from dataclasses import field
from typing import Optional, List
import asyncio
@dataclass
class A:
    x: int
    y: str = "s"
    z: list = field(default_factory=list)
    w: Optional[int] = None
    v: List[int] = field(default_factory=list)
    q: asyncio.Queue = None
    n: "int" = 3
    k: list[int] = None
@dataclass
class B:
    """Own doc."""
    a: int
@dataclass
class C(A):
    extra: float = 1.5
print(A.__doc__)
print(B.__doc__)
print(C.__doc__)
