# Special methods of builtin values as attributes: hasattr(x, '__len__'), [].__hash__ is None,
# l.__getitem__(0), duck-typed proxies forwarding __len__ through __getattr__.
from collections import deque
vals = [[3, 1], (1,), "ab", {"k": 1}, {1, 2}, range(3), 5, 2.5, None, True, frozenset({1})]
for v in vals:
    print(type(v).__name__, [hasattr(v, n) for n in ("__len__", "__iter__", "__contains__", "__getitem__", "__setitem__", "__hash__", "__repr__", "__eq__")])
l = [3, 1, 2]
print(l.__len__(), l.__getitem__(0), l.__contains__(2), list(l.__iter__()), "ab".__len__(), {"a": 1}.__getitem__("a"), (1, 2).__hash__() == hash((1, 2)), l.__repr__(), (5).__str__(), l.__eq__([3, 1, 2]))
l.__setitem__(0, 9); l.__delitem__(1); print(l)
print(getattr([1, 2], "__len__")())
import asyncio


class AsyncProxy:
    def __init__(self, target):
        self._target = target

    def __getattr__(self, name):
        attr = getattr(self._target, name)
        if callable(attr):

            async def wrapped(*a, **kw):
                await asyncio.sleep(0.05)
                return attr(*a, **kw)

            return wrapped
        return attr


async def main():
    p = AsyncProxy([3, 1, 2])
    await p.sort()
    print(await p.index(3), p._target, await p.__len__(), [].__hash__ is None)


asyncio.run(main())
