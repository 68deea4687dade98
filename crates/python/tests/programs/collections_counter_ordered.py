# Counter's rich comparisons (missing counts as zero) and unary + and -, Counter.fromkeys refused; OrderedDict | dict and OrderedDict.fromkeys
from collections import Counter, OrderedDict

a, b = Counter("aab"), Counter("aabb")
print(a <= b, a < b, b >= a, b > a, a < a, a <= a, a >= b, Counter(a=2) > Counter(a=1))
print(+Counter(a=2, b=-1, c=0), -Counter(a=2, b=-1), +Counter(), Counter(a=1, b=0) == Counter(a=1))
try:
    Counter() <= {}
except TypeError as e:
    print(e)
try:
    Counter.fromkeys("ab")
except NotImplementedError as e:
    print("NotImplementedError:", e)
print(OrderedDict(a=1) | {"b": 2}, {"z": 0} | OrderedDict(a=1), {1: 2} | {3: 4})
print(OrderedDict.fromkeys("ab", 0), OrderedDict.fromkeys([3, 1]))
