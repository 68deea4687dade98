# functools.total_ordering from each root; defaultdict.default_factory.
from functools import total_ordering
@total_ordering
class V:
    def __init__(self, n): self.n = n
    def __eq__(self, o): return self.n == o.n
    def __lt__(self, o): return self.n < o.n
    def __repr__(self): return f"V({self.n})"
@total_ordering
class G:
    def __init__(self, n): self.n = n
    def __eq__(self, o): return self.n == o.n
    def __ge__(self, o):
        if not isinstance(o, G): return NotImplemented
        return self.n >= o.n
a, b = V(1), V(2)
print(a <= b, a > b, a >= a, b >= a, sorted([V(3), V(1), V(2)]), max(V(5), V(7)))
print(G(1) < G(2), G(2) <= G(2), G(3) > G(2), G(1) > G(1))
try:
    G(1) < 5
except TypeError as e:
    print(e)
from collections import defaultdict
print(defaultdict(list).default_factory, defaultdict(None).default_factory)
