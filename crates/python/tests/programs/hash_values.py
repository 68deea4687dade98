# hash(): CPython's values for ints (mod 2**61-1, -1 is -2), floats, tuples and what a
# __hash__ returns; a frozen dataclass hashes as the tuple of its fields.
from dataclasses import dataclass
print([hash(x) for x in (0, 1, -1, -2, 2**61 - 1, 2**61, -2**63, 2**100, -2**100, True, 1.5, -0.5, 0.1, 1e300, 5e-324, 3.0, float("inf"))])
print(hash((1, 2)), hash(()), hash((1, (2.5, -1))), hash(1) == hash(1.0) == hash(True))
class K:
    def __init__(self, v): self.v = v
    def __hash__(self): return self.v
    def __eq__(self, o): return isinstance(o, K) and o.v == self.v
print(hash(K(-1)), hash(K(2**64)), hash(K(7)))
@dataclass(frozen=True)
class P:
    x: int
    y: int
print(hash(P(1, 2)) == hash((1, 2)))
class Bad:
    def __hash__(self): return "no"
try:
    hash(Bad())
except TypeError as e:
    print("TypeError:", e)
