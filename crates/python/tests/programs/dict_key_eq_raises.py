# An exception a key's __eq__ raises in a dict or set operation comes out of it (the key is not inserted).
class User:
    def __init__(self, uid):
        self.uid = uid
    def __hash__(self):
        return hash(self.uid)
    def __eq__(self, other):
        return self.uid == other.uid
d = {User("ann"): "admin"}
for op in ["get", "set", "del", "pop", "setdefault", "in"]:
    try:
        if op == "get": d.get("ann")
        elif op == "set": d["ann"] = 1
        elif op == "del": del d["ann"]
        elif op == "pop": d.pop("ann", None)
        elif op == "setdefault": d.setdefault("ann", 2)
        else: print("ann" in d)
        print(op, "ok", len(d))
    except AttributeError as e:
        print(op, "AttributeError", len(d))
s = {User("bob")}
for op in ["add", "discard", "in", "remove"]:
    try:
        if op == "add": s.add("bob")
        elif op == "discard": s.discard("bob")
        elif op == "remove": s.remove("bob")
        else: print("bob" in s)
        print(op, "ok", len(s))
    except AttributeError as e:
        print(op, "AttributeError", len(s))
d2 = {1: "x", "y": 2}
print(d2[1], d2.get("y"), 1 in {1, 2}, {1, "a"} == {"a", 1})
