# format_map and % look fields up with [] in any mapping (__missing__, __getitem__ only); namedtuples match sequence patterns
import asyncio
import collections
class G:
    def __getitem__(s,k): return k*2
class N: pass
for a in [[1], range(3), collections.deque([1]), {'a':1}, collections.Counter(), collections.defaultdict(str), collections.OrderedDict(), collections.ChainMap({}), 'ab', 5, (1,), G(), N()]:
    try: print(type(a).__name__, repr('x' % a))
    except Exception as e: print(type(a).__name__, type(e).__name__, e)
    try: print(type(a).__name__, repr('%(k)s' % a))
    except Exception as e: print(type(a).__name__, type(e).__name__, e)
    try: print(type(a).__name__, repr('{k}'.format_map(a)))
    except Exception as e: print(type(a).__name__, type(e).__name__, e)
for t in ['{0}', '{}', '{k[0]}', '{k.real}']:
    try: print(t.format_map({'k': [5]}))
    except Exception as e: print(type(e).__name__, e)

from collections import namedtuple
Pt = namedtuple("Pt", "x y")
async def main():
    match Pt(2, 3):
        case (a, b):
            print("seq", a, b)
        case _:
            print("no match")
    match Pt(2, 3):
        case [a, *rest]:
            print("seq star", a, rest)
        case _:
            print("no match")
asyncio.run(main())
