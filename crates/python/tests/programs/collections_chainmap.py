# collections.ChainMap: lookups through the maps, writes to the first, new_child/parents, the first-mapping KeyErrors, | and |=, the MutableMapping mixins; collections.abc reached as collections.abc.
from collections import ChainMap, OrderedDict
import collections
defaults = {"color": "red", "user": "guest", "size": 1}
env = {"user": "admin"}
cli = {}
cm = ChainMap(cli, env, defaults)
print(cm["user"], cm["color"], len(cm), list(cm), list(cm.items()), "size" in cm, cm.get("zz", 5))
print(cm)
cm["color"] = "blue"
print(cli, cm.maps[0] is cli, bool(ChainMap()), bool(cm))
child = cm.new_child({"x": 1})
print(child, child.parents, child["x"], child.new_child(y=2))
try:
    del cm["user"]
except KeyError as e:
    print("KeyError", e)
try:
    ChainMap({}).popitem()
except KeyError as e:
    print("KeyError", e)
print(cm.pop("color"), cm, ChainMap.fromkeys("ab", 0), cm.copy() == cm, dict(cm))
print(cm | {"z": 9}, {"z": 9} | cm)
cm |= {"w": 1}
print(cm, isinstance(cm, collections.abc.MutableMapping))
try:
    cm["missing"]
except KeyError as e:
    print("KeyError", e)
print(sorted(cm.keys()), list(cm.values()), collections.OrderedDict, collections.deque)
