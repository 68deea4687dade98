# collections.abc: isinstance over builtin values and user classes, mixin methods of
# Sequence and MutableMapping, and the classes as annotations in asyncio code.
import asyncio
import collections.abc
from collections import deque, defaultdict
from collections.abc import AsyncIterator, Awaitable, Callable, Iterable, Iterator, Mapping, MutableMapping, Sequence, Sized, Hashable, Generator, Coroutine, MutableSequence, Set
print(collections.abc.Sequence, collections.abc.Iterator)
vals = [1, "s", [1], (1,), {1: 2}, {1}, range(3), iter([]), (x for x in []), deque(), defaultdict(int), len, None, 3.5, frozenset()]
for cls in (Iterable, Iterator, Sequence, MutableSequence, Mapping, MutableMapping, Sized, Hashable, Callable, Generator, Set):
    print(cls.__name__, [isinstance(v, cls) for v in vals])
class Deck(Sequence):
    def __init__(self): self.cards = ["A", "K", "Q"]
    def __getitem__(self, i): return self.cards[i]
    def __len__(self): return len(self.cards)
d = Deck()
print(list(d), "K" in d, d.index("Q"), d.count("A"), list(reversed(d)), isinstance(d, Sequence), isinstance(d, Iterable), issubclass(Deck, Sized))
class Store(MutableMapping):
    def __init__(self): self.d = {}
    def __getitem__(self, k): return self.d[k]
    def __setitem__(self, k, v): self.d[k] = v
    def __delitem__(self, k): del self.d[k]
    def __iter__(self): return iter(self.d)
    def __len__(self): return len(self.d)
s = Store()
s.update(a=1, b=2)
s.setdefault("c", 3)
print(s.get("a"), s.get("z", 0), "b" in s, s.pop("b"), len(s), dict(s.items()), isinstance(s, Mapping))
class Counter:
    def __init__(self): self.i = 0
    def __aiter__(self): return self
    async def __anext__(self):
        self.i += 1
        if self.i > 2: raise StopAsyncIteration
        return self.i
async def go(src: AsyncIterator[int]) -> list[int]:
    coro = asyncio.sleep(0)
    print(isinstance(coro, Awaitable), isinstance(coro, Coroutine))
    await coro
    return [x async for x in src]
print(isinstance(Counter(), AsyncIterator), asyncio.run(go(Counter())))
def f(cb: Callable[[int], str]) -> Sequence[str]: return [cb(1)]
print(f(str), isinstance(f, Callable))
print(hash(deque()) if False else "deque", end=" ")
try:
    {deque(): 1}
except TypeError as e:
    print(e)
