# sorted/list.sort compare as CPython's timsort does on short lists: one < per step (the calls an __lt__ prints), NaNs and partial orders (sets) land where CPython puts them.
import random
class P:
    def __init__(self, v): self.v = v
    def __lt__(self, o):
        print(f"{self.v}<{o.v}", end=" ")
        return self.v < o.v
    def __repr__(self): return f"P{self.v}"
print(sorted([P(3), P(1), P(2)]))
print(sorted([P(5), P(4), P(3), P(1), P(2), P(2)], reverse=True))
nan = float('nan')
random.seed(5)
for _ in range(30):
    xs = [random.choice([nan, 1.0, 2.0, 3.0, 0.5, -1.0, 7.0]) for _ in range(random.randint(0, 40))]
    print(sorted(xs))
sets = [{1, 2}, {1}, {3}, {1, 2, 3}, set(), {2}]
print(sorted(sets))
l = [3, 1, 2]
def k(x):
    print(len(l), end=" ")
    l.append(x)
    return x
try:
    l.sort(key=k)
except ValueError as e:
    print(e, l)
