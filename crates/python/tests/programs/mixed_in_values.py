# int.__repr__ of an IntEnum member (json.dumps writes it as its value);
# iscoroutinefunction through functools.partial; SystemExit's code.
import asyncio
import functools
import json
from enum import Enum, IntEnum, StrEnum


class Code(IntEnum):
    OK = 200


class Half(float, Enum):
    HALF = 0.5


class Colour(StrEnum):
    RED = "red"


print(int.__repr__(Code.OK), float.__repr__(Half.HALF), str.__str__(Colour.RED), int.__str__(7), list.__repr__([1]))
print(json.dumps(Code.OK), json.dumps({Code.OK: 1}), json.dumps([Half.HALF]), json.dumps({Colour.RED: Code.OK}))


async def handler(event, n=1):
    return event * n


def sync_handler(event):
    return event


class Bus:
    async def on(self, e):
        return e


for h in (handler, functools.partial(handler, n=2), functools.partial(functools.partial(handler), 3), sync_handler,
          functools.partial(sync_handler), Bus().on, functools.partial(Bus().on), print):
    print(asyncio.iscoroutinefunction(h))

for args in ((), (7,), ("bye",), (1, 2)):
    try:
        raise SystemExit(*args)
    except SystemExit as e:
        print(repr(e.code), e.args)
