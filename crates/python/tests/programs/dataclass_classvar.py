# Dataclasses: ClassVar annotations are not fields; too many positional arguments name
# the range of counts when some fields have defaults.
from dataclasses import dataclass, fields
from typing import ClassVar
import typing

@dataclass
class C:
    x: int
    total: ClassVar[int] = 0
    label: typing.ClassVar = "c"
    y: int = 2

print(C(1), [f.name for f in fields(C)], C.total, C.label)
try:
    C(1, 2, 3)
except TypeError as e:
    print("TypeError:", e)
c = C(5)
C.total += c.x
print(C.total, c == C(5))
@dataclass
class P:
    x: int
    y: int
try:
    P(1,2,3)
except TypeError as e:
    print(e)
