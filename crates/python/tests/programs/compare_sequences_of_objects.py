# tuples and lists compare their first differing items with the operator itself (__lt__ of user classes, dataclass order, datetimes): sorted, min/max, heapq and asyncio.PriorityQueue, whose failing comparison raises
import asyncio
import heapq
from dataclasses import dataclass
from datetime import datetime


class V:
    def __init__(self, v):
        self.v = v

    def __lt__(self, other):
        print("lt", self.v, other.v)
        return self.v < other.v

    def __repr__(self):
        return f"V({self.v})"


@dataclass(order=True)
class Job:
    name: str


class Plain:
    pass


print((V(1), "a") < (V(2), "b"), [V(3)] > [V(1)], (1, V(1)) <= (1, V(1)))
print(sorted([(1, Job("z")), (1, Job("a")), (0, Job("q"))]))
print(max([(2, Job("b")), (2, Job("c"))]), min([[Job("x")], [Job("w")]]))
print((datetime(2024, 1, 1), "a") < (datetime(2024, 1, 2), "b"))
h = []
for item in [(2, Job("b")), (1, Job("z")), (1, Job("a"))]:
    heapq.heappush(h, item)
print([heapq.heappop(h) for _ in range(3)])
heapq.heappush(h, (1, Plain()))
try:
    heapq.heappush(h, (1, Plain()))
except TypeError as e:
    print("TypeError:", e, len(h))


async def main():
    pq = asyncio.PriorityQueue()
    for item in [(2, Job("b")), (1, Job("z")), (1, Job("a"))]:
        pq.put_nowait(item)
    print([pq.get_nowait() for _ in range(3)])
    pq.put_nowait((1, Plain()))
    try:
        pq.put_nowait((1, Plain()))
        print("no error")
    except TypeError as e:
        print("TypeError:", e, pq.qsize())


asyncio.run(main())
