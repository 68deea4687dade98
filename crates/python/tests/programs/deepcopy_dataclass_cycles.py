# deepcopy keeps what it copied alive (a temporary's id is never reused
# for another object); a dataclass inside itself is `...` in its repr, and
# asdict() of a cycle or repr() of a deep chain raises RecursionError.
import copy
from dataclasses import asdict, dataclass, field


class W:
    def __init__(self, v):
        self.v = v


print([w.v for w in copy.deepcopy([W(0), W(1), W(2)])])
print([w.v for w in copy.deepcopy([W([0]), W([1])])], [w.v for w in copy.deepcopy((W(1), W(2)))])
shared = W([1])
pair = copy.deepcopy([shared, shared])
print(pair[0] is pair[1], pair[0].v is pair[1].v, pair[0].v is shared.v)


@dataclass
class Node:
    nxt: object = None


@dataclass
class Tree:
    parent: object = None
    kids: list = field(default_factory=list)


print(Node(Node()))
n = Node()
n.nxt = n
print(n, [n])
t = Tree()
t.kids.append(Tree(parent=t))
print(t)
try:
    asdict(n)
except RecursionError as e:
    print("RecursionError:", e)
x = None
for i in range(2000):
    x = Node(x)
try:
    repr(x)
except RecursionError as e:
    print("RecursionError:", e)


class L:
    def __init__(self, nxt):
        self.nxt = nxt

    def __repr__(self):
        return f"L({self.nxt!r})"


y = None
for i in range(2000):
    y = L(y)
try:
    repr(y)
except RecursionError as e:
    print("RecursionError:", e)
print(repr(L(L(None))))
