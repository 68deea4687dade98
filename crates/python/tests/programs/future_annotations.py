# from __future__ import annotations: nothing annotated is evaluated, a class keeps the annotations' text
from __future__ import annotations
import __future__
from dataclasses import dataclass


@dataclass
class P:
    x: int
    y: list[P] | None = None

    def me(self, other: Undefined) -> P:
        return self


print(P(1).me(None), __future__.annotations)
print(P.__annotations__)
