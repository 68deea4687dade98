# Reprs of containers inside themselves (defaultdict, ChainMap, tuple through a list) and OrderedDict's views
import asyncio
from collections import defaultdict, ChainMap, OrderedDict


async def main():
    d = defaultdict(list)
    d["me"].append(d)
    print(d)
    cm = ChainMap({})
    cm["cm"] = cm
    print(cm)
    lst = []
    t = (lst,)
    lst.append(t)
    print(t, lst)
    od = OrderedDict(a=1)
    print(od.keys(), od.values(), od.items(), type(od.keys()).__name__, list(reversed(od.keys())))
    print((), ((),), repr(d.default_factory))


asyncio.run(main())
