# collections: deque (maxlen, rotate, appendleft), defaultdict, Counter (most_common, arithmetic), namedtuple.
from collections import deque, defaultdict, Counter, namedtuple, OrderedDict

d = deque([1, 2, 3], maxlen=4)
d.append(4)
d.append(5)
d.appendleft(0)
print(d, len(d), d[0], d[-1])
d.rotate(1)
print(d)
d.rotate(-2)
print(d, d.popleft(), d.pop(), list(d))
d.extend([7, 8])
d.extendleft([9])
print(d, 7 in d, d.count(7), d.maxlen)
groups = defaultdict(list)
for word in "apple avocado banana blueberry cherry".split():
    groups[word[0]].append(word)
print(dict(groups), groups["z"], len(groups))
counts = defaultdict(int)
for ch in "mississippi":
    counts[ch] += 1
print(sorted(counts.items()))
c = Counter("abracadabra")
print(c, c.most_common(2), c["z"], c["a"])
c2 = Counter(a=1, b=5)
print(c + c2, c - c2, sorted(c.elements())[:6], sum(c.values()))
c.update("aaz")
print(c.most_common(1), list(c.keys())[:3])
Pt = namedtuple("Pt", ["x", "y"])
p = Pt(1, y=2)
print(p, p.x + p.y, p._asdict(), p._replace(x=5), tuple(p), Pt._fields)
od = OrderedDict()
od["b"] = 1
od["a"] = 2
od.move_to_end("b")
print(od, list(od))
