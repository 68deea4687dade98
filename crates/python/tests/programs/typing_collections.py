# typing's NamedTuple (class form), TypeVar, Generic, Protocol, Literal; the
# collections' dicts are dicts; OrderedDict equality minds order; Counter
# equality counts a missing element as zero.
from typing import NamedTuple, TypeVar, Generic, Protocol, Literal, Optional
T = TypeVar("T")
class Order(NamedTuple):
    id: int
    item: str
    qty: int = 1
    def total(self, price: float) -> float:
        return self.qty * price
class Box(Generic[T]):
    def __init__(self, v: T):
        self.v = v
class Greeter(Protocol):
    def greet(self) -> str: ...
class En(Greeter):
    def greet(self): return "hi"
o = Order(1, "pen")
print(o, o.total(2.5), o._replace(qty=3), isinstance(o, tuple), Order._fields, T)
print(Box(3).v, En().greet(), Box[int](4).v)
mode: Literal["a", "b"] = "a"
print(mode)
from collections import OrderedDict, defaultdict, Counter
od = OrderedDict(a=1, b=2)
print(isinstance(od, dict), isinstance(defaultdict(int), dict), isinstance(Counter(), dict))
print(od == OrderedDict(b=2, a=1), od == {'b': 2, 'a': 1}, OrderedDict(a=1) == OrderedDict(a=1))
print(Counter(a=1) == Counter(a=1, b=0), Counter('abc') == Counter('cba'), Counter(a=2) == Counter(a=1))
