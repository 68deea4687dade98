# The match statement: literals, captures, sequences with *rest, mappings with **rest,
# class patterns (dataclass, __match_args__, int(x)), or/as patterns, guards, messages in a queue.
import asyncio
from dataclasses import dataclass
from collections import deque

@dataclass
class Point:
    x: int
    y: int

class Cmd:
    __match_args__ = ("op", "arg")
    def __init__(self, op, arg=None):
        self.op, self.arg = op, arg

def describe(v):
    match v:
        case None:
            return "none"
        case True | False as b:
            return f"bool {b}"
        case 0:
            return "zero"
        case -1 | 1.5:
            return f"special {v}"
        case int(n) if n > 100:
            return f"big {n}"
        case int() | float():
            return f"number {v}"
        case "quit" | "exit":
            return "bye"
        case str(s):
            return f"str {s!r}"
        case []:
            return "empty list"
        case [x]:
            return f"one {x}"
        case [x, y, *rest] if not rest:
            return f"pair {x} {y}"
        case [first, *_, last]:
            return f"many {first}..{last}"
        case {"op": "get", "key": str(k)}:
            return f"get {k}"
        case {"op": op, **others}:
            return f"op {op} {others}"
        case Point(x=0, y=0):
            return "origin"
        case Point(0, y):
            return f"on y axis {y}"
        case Point(x, y) if x == y:
            return f"diagonal {x}"
        case Point():
            return f"point {v}"
        case Cmd("go", arg=(dx, dy)):
            return f"go {dx},{dy}"
        case Cmd(op, arg):
            return f"cmd {op} {arg}"
        case (a, (b, c)):
            return f"nested {a} {b} {c}"
        case _:
            return f"other {type(v).__name__}"

async def worker(q):
    while True:
        msg = await q.get()
        match msg:
            case ("stop",):
                print("stopping")
                return
            case ("sleep", float(t) | int(t)):
                await asyncio.sleep(t)
                print("slept", t, asyncio.get_running_loop().time())
            case _:
                print("unknown", msg)

async def main():
    for v in [None, True, 0, -1, 1.5, 500, 7, 2.5, "quit", "hi", [], [1], [1, 2], [1, 2, 3, 4], (1, 2), deque([5, 6]),
              {"op": "get", "key": "k"}, {"op": "get", "key": 3}, {"op": "set", "v": 1}, Point(0, 0), Point(0, 5),
              Point(3, 3), Point(1, 2), Cmd("go", (1, 2)), Cmd("stop"), (1, (2, 3)), "abc"[0:0], range(2), {1, 2}]:
        print(describe(v))
    q = asyncio.Queue()
    t = asyncio.create_task(worker(q))
    for m in [("sleep", 1), ("sleep", 0.5), ("bogus",), ("stop",)]:
        await q.put(m)
    await t
    match 1, 2:
        case (1, two):
            print("tuple subject", two)
    print(two)
    for bad in [lambda: Point(1, 2), ]:
        pass
    try:
        match Cmd("x"):
            case Cmd(a, b, c):
                pass
    except TypeError as e:
        print(e)
    try:
        match 3:
            case int(1, 2):
                pass
    except TypeError as e:
        print(e)

asyncio.run(main())

from collections import namedtuple
from typing import NamedTuple
P = namedtuple("P", "a b")
class Q(NamedTuple):
    x: int
    y: int = 0
for v in (P(1, 2), Q(3)):
    match v:
        case P(a, b):
            print("P", a, b)
        case Q(x, y=yy):
            print("Q", x, yy)
