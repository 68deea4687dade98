# iter(callable, sentinel), property deleters, sys.version_info, __index__ in
# subscripts and slices, deque insert/index/reverse.
nums = [3, 1, 2]
print(list(iter(nums.pop, 1)))
class Box:
    def __init__(self): self._v = 1
    @property
    def v(self): return self._v
    @v.deleter
    def v(self):
        print("deleting")
        del self._v
b = Box()
del b.v
print(hasattr(b, "_v"))
import sys
print(sys.version_info >= (3, 11), sys.version_info[:2], sys.version_info.major)
class N:
    def __index__(self): return 2
print([1,2,3,4][N()], [1,2,3,4][:N()], "abcd"[N()], (5,6,7)[N()])
from collections import deque
d = deque([1, 2, 3])
d.insert(1, 9)
print(d, d.index(9), d.index(3, 1, 4))
d.reverse()
print(d)
d.insert(-10, 0); d.insert(99, 7)
print(d)
m = deque([1], maxlen=1)
try:
    m.insert(0, 5)
except IndexError as e:
    print(e)
try:
    d.index(42)
except ValueError as e:
    print(e)
