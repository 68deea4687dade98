# issubclass of builtin types and classes against collections.abc, as CPython registers them
from collections.abc import (MutableMapping, Mapping, Sequence, MutableSequence, Iterable, Iterator, Hashable, Sized,
    Container, Collection, Callable, Set, MutableSet, Reversible, Awaitable, KeysView, Generator)
import collections
class It:
    def __iter__(self): return self
    def __next__(self): raise StopIteration

class Eq:
    def __eq__(self, o): return True
class Seqish:
    def __getitem__(self, i): return i
    def __len__(self): return 3
abcs = [MutableMapping, Mapping, Sequence, MutableSequence, Iterable, Iterator, Hashable, Sized, Container, Collection, Callable, Set, MutableSet, Reversible, Awaitable, KeysView, Generator]
for t in [dict, list, tuple, str, set, frozenset, int, float, range, type({}.keys()), collections.deque, collections.OrderedDict, collections.Counter, collections.defaultdict, It, Eq, Seqish, object, type(len), type(lambda: 0)]:
    print(t.__name__, [a.__name__ for a in abcs if issubclass(t, a)])
