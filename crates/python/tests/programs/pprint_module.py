# pprint: dicts sorted and laid out one item a line when wide, lists, tuples, sets and long strings split at spaces, indent/width/depth/compact/sort_dicts/underscore_numbers, saferepr/isreadable/isrecursive, pp.
import pprint, random
random.seed(8)
data = {"name": "asyncio playground", "tasks": [{"id": i, "state": random.choice(["pending", "done", "cancelled"]), "waits": list(range(i))} for i in range(6)],
        "config": {"width": 80, "colors": ("red", "green", "blue"), "nested": {"a": [1, 2, {"b": (3, 4)}], "z": set(range(12))}},
        "text": "This is a fairly long string that will have to be wrapped because it is longer than the width " * 2,
        "empty": [], "t1": (1,), "fs": frozenset({3, 1, 2}), 10: None, "lines": "first line\nsecond line that is rather long and goes on and on past the width limit\n"}
pprint.pprint(data)
pprint.pprint(data, width=40, indent=2)
pprint.pprint(data, compact=True, width=60)
pprint.pprint(data, depth=2)
pprint.pp(data, width=50)
print(pprint.pformat(list(range(40))))
print(pprint.pformat([list(range(8)) for _ in range(5)], compact=True))
print(pprint.saferepr({"b": 1, "a": [1, 2]}), pprint.isreadable({"a": 1}), pprint.isreadable(object()))
r = [1, 2]
r.append(r)
print(pprint.isrecursive(r))
pprint.pprint({"k" * 30: "v" * 60, "short": 1})
pprint.pprint(["x" * 90])
pprint.pprint([("a" * 50, "b" * 50)], width=60)
pprint.pprint({}, width=1)
pprint.pprint(12345678901234567890, underscore_numbers=True)
for bad in [lambda: pprint.PrettyPrinter(width=0), lambda: pprint.PrettyPrinter(indent=-1), lambda: pprint.PrettyPrinter(depth=0)]:
    try:
        bad()
    except ValueError as e:
        print(e)
