# Changing a container while iterating it: dict keys/values/items/reversed (size changes), OrderedDict (any key added or removed), deque (mutated), list.sort (modified during sort); same-size changes go on.
from collections import OrderedDict, deque


def attempt(label, body):
    try:
        body()
        print(label, "ok")
    except RuntimeError as e:
        print(label, "RuntimeError:", e)


def del_in_items():
    d = {"a": 1, "b": 2, "c": 3}
    for k, v in d.items():
        if v == 2:
            del d[k]


def add_in_values():
    d = {"a": 1}
    for v in d.values():
        d["x"] = v


def add_in_reversed():
    d = {"a": 1, "b": 2}
    for k in reversed(d):
        d["c"] = 3


def delete_last():
    d = {"a": 1, "b": 2, "c": 3}
    for k in d:
        if k == "c":
            del d[k]


def readd_same_size():
    d = {"a": 1, "b": 2, "c": 3}
    for k, v in d.items():
        del d[k]
        d[k] = v
    print(d)


def update_values():
    d = {"a": 1, "b": 2}
    for k in d:
        d[k] += 10
    print(d)


def ordered_readd():
    d = OrderedDict(a=1, b=2)
    for k in d:
        d.move_to_end(k) if False else None
        del d["b"]
        d["b"] = 5


def deque_append():
    d = deque([1, 2, 3])
    for x in d:
        if x == 1:
            d.append(9)


def deque_setitem():
    d = deque([1, 2, 3])
    for i, x in enumerate(d):
        d[i] = x * 10
    print(d)


for label, body in [("del in items", del_in_items), ("add in values", add_in_values),
                    ("add in reversed", add_in_reversed), ("delete last", delete_last),
                    ("re-add same size", readd_same_size), ("update values", update_values),
                    ("OrderedDict re-add", ordered_readd), ("deque append", deque_append),
                    ("deque setitem", deque_setitem)]:
    attempt(label, body)
print(type(reversed({})).__name__, type(iter({}.items())).__name__)

l = [3, 1, 2]


def key(x):
    print("len during sort:", len(l))
    l.append(x)
    return x


try:
    l.sort(key=key)
except ValueError as e:
    print("ValueError:", e, l)
