# Counter's del of a missing key; defaultdict's | keeps its factory; a deque's index must be an int.
from collections import deque, defaultdict, Counter
c = Counter(a=1)
try:
    del c["missing"]; print(c)
except KeyError as e:
    print("KeyError", e)
print(defaultdict(list) | {"a": 1})
try:
    deque([1, 2])[0:1]
except TypeError as e:
    print("TypeError:", repr(str(e)))
print({"b": 2} | defaultdict(int, a=1), Counter(a=1) | Counter(b=2))
