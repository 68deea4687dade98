# Containers free their items in CPython's order (a tuple's and a list's
# last to first, a dict's first to last), and chains hundreds of thousands
# deep (tuples, lists, objects, closures) are freed without recursing.
class R:
    def __init__(self, n):
        self.n = n

    def __del__(self):
        print("del", self.n)


t = (R(1), R(2), R(3))
del t
items = [R(4), R(5)]
del items
d = {"a": R(6), "b": R(7)}
del d


class Holder:
    def __init__(self):
        self.first = R(8)
        self.second = (R(9), [R(10)])


h = Holder()
del h
print("built")
cons = None
for i in range(300_000):
    cons = (i, cons)
print(cons[0], cons[1][0])
del cons
nested = []
for i in range(300_000):
    nested = [nested]
del nested


class Node:
    def __init__(self, nxt):
        self.nxt = nxt


chain = None
for i in range(300_000):
    chain = Node(chain)
del chain
f = lambda: 0
for i in range(300_000):
    f = (lambda g: lambda: g)(f)
del f
print("freed")
