# heapq, bisect, operator, string and copy (modules written in Python): results, heaps and error messages.
import heapq, bisect, operator, string, copy
from collections import deque, defaultdict, Counter, OrderedDict

def attempt(f):
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)

attempt(lambda: heapq.heappop([]))
attempt(lambda: heapq.heappush((), 1))
attempt(lambda: heapq.heapify("ab"))
attempt(lambda: bisect.bisect([1, 2], 1, -1))
attempt(lambda: heapq.heappushpop([], 3))
h = [9, 4, 7, 1, 8, 2, 6, 3, 5, 0]
heapq.heapify(h); print(h)
print(heapq.heapreplace(h, 11), h)
print(heapq.nlargest(3, ["apple", "fig", "banana", "kiwi"], key=len))
print(heapq.nsmallest(0, [1]), heapq.nlargest(10, [3, 1, 2]))
print(list(heapq.merge("ace", "bdf")), list(heapq.merge([3, 1], [4, 2], reverse=True)))
print(bisect.bisect_left([10, 20, 30], 25), bisect.bisect_right([10, 20, 30], 30))
grades = "FDCBA"
print([grades[bisect.bisect([60, 70, 80, 90], s)] for s in [33, 99, 77, 70, 89, 90, 100]])
rs = [{"n": 3}, {"n": 1}]
print(sorted(rs, key=operator.itemgetter("n")), operator.attrgetter("real")(3), operator.methodcaller("upper")("ab"))
print(operator.add(2, 3), operator.mul("a", 3), operator.neg(4), operator.truth([]), operator.contains([1], 1), operator.getitem("abc", 1))
print(operator.itemgetter(2), operator.attrgetter("a", "b.c"), operator.methodcaller("split", ",", maxsplit=1))
print(string.digits, string.hexdigits, len(string.printable), string.capwords(" a  b-c d ", "-"))
dq = deque([1, [2]], maxlen=5)
dd = defaultdict(list, {"a": [1]})
c = Counter("hello")
od = OrderedDict(a=1, b=2)
for x in (dq, dd, c, od, {1, 2}, (1, [2]), [1, [2]], "s", 3, None):
    a, b = copy.copy(x), copy.deepcopy(x)
    print(type(a).__name__, a == x, a is x, b == x, b is x)
class P:
    def __init__(self, xs):
        self.xs = xs
    def __repr__(self):
        return f"P({self.xs})"
class Q(P):
    def __copy__(self):
        return "custom copy"
    def __deepcopy__(self, memo):
        return "custom deepcopy"
p = P([1, 2]); p2 = copy.copy(p); p3 = copy.deepcopy(p)
p.xs.append(3)
print(p2, p3, copy.copy(Q([])), copy.deepcopy(Q([])))
shared = [1]
both = [shared, shared]
d = copy.deepcopy(both)
print(d[0] is d[1], d[0] is shared)
