# collections' deque, Counter, OrderedDict and namedtuple check their keyword arguments as CPython's do.
import collections

d = collections.deque(iterable=[1, 2, 3], maxlen=3)
d.rotate(1)
print(d, collections.deque([1], maxlen=None), collections.deque(maxlen=2))
c = collections.Counter("abracadabra")
print(c.most_common(n=2), sorted(c.elements())[:3], c.total())
c.update(["z"], q=2)
c.subtract("a", z=1)
print(c["a"], c["z"], c["q"])
o = collections.OrderedDict(a=1, b=2, c=3)
o.move_to_end(key="a")
o.move_to_end("c", last=False)
print(list(o), o.popitem(last=False), o.popitem(False), o)
P = collections.namedtuple(typename="P", field_names="x y", defaults=[0])
p = P._make(iterable=[1, 2])
print(p, P(5), p._asdict(), p._replace(y=7))
Q = collections.namedtuple("Q", ["a", "def", "a", "_b", "1c"], rename=True)
print(Q._fields, collections.namedtuple("M", "x", module="mymod").__module__)
print(collections.Counter(iterable="ab"), collections.Counter({"a": True}), collections.Counter("ab", b=2))

checks = [
    ("deque typo", lambda: collections.deque([], maxlenn=3)),
    ("deque three", lambda: collections.deque([], 1, 2)),
    ("deque twice", lambda: collections.deque([], iterable=[1])),
    ("deque kw three", lambda: collections.deque(iterable=[], maxlen=1, x=2)),
    ("append kw", lambda: d.append(x=1)),
    ("append two", lambda: d.append(1, 2)),
    ("pop arg", lambda: d.pop(0)),
    ("pop kw", lambda: d.pop(i=0)),
    ("clear kw", lambda: d.clear(all=True)),
    ("rotate kw", lambda: d.rotate(n=1)),
    ("rotate two", lambda: d.rotate(1, 2)),
    ("extend kw", lambda: d.extend(iterable=[1])),
    ("count kw", lambda: d.count(x=1)),
    ("most_common typo", lambda: c.most_common(m=1)),
    ("elements kw", lambda: c.elements(x=1)),
    ("total arg", lambda: c.total(1)),
    ("update two", lambda: c.update("a", "b")),
    ("Counter two", lambda: collections.Counter("a", "b")),
    ("OrderedDict two", lambda: collections.OrderedDict([], [])),
    ("move_to_end none", lambda: o.move_to_end()),
    ("move_to_end typo", lambda: o.move_to_end("b", lst=False)),
    ("move_to_end twice", lambda: o.move_to_end("b", key="b")),
    ("popitem typo", lambda: o.popitem(first=True)),
    ("popitem two", lambda: o.popitem(True, last=True)),
    ("namedtuple typo", lambda: collections.namedtuple("R", "x", default=[1])),
    ("namedtuple none", lambda: collections.namedtuple("R")),
    ("namedtuple three", lambda: collections.namedtuple("R", "x", True)),
    ("namedtuple underscore", lambda: collections.namedtuple("R", "_x")),
    ("namedtuple keyword", lambda: collections.namedtuple("R", "x class")),
    ("namedtuple duplicate", lambda: collections.namedtuple("R", "x x")),
    ("namedtuple typename", lambda: collections.namedtuple("1R", "x")),
    ("_make typo", lambda: P._make(items=[1, 2])),
    ("_make none", lambda: P._make()),
    ("_asdict kw", lambda: p._asdict(x=1)),
    ("_replace typo", lambda: p._replace(z=1)),
    ("index kw", lambda: p.index(1, start=0)),
    ("count kw", lambda: p.count(value=1)),
    ("P typo", lambda: P(1, z=2)),
]
for name, call in checks:
    try:
        call()
        print(name, "accepted")
    except (TypeError, ValueError) as e:
        print(name, type(e).__name__ + ":", e)
