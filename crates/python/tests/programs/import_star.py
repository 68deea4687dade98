# from m import *: every public name, or __all__'s, bound at module level
from json import *
from datetime import *
from asyncio import *
from collections import *

print(dumps({"a": 1}), loads("[1, 2]"), timedelta(hours=1))
from re import *
print(findall(r"\d", "a1b2"), IGNORECASE == 2)
try:
    print(_cache)
except NameError as e:
    print(e)
print(OrderedDict(a=1), deque([1, 2]), Counter("aab").most_common(1))

async def main():
    await sleep(0.5)
    q = Queue()
    await q.put(1)
    print("slept", q.qsize(), isinstance(create_task(sleep(0)), Task))
    await gather(sleep(0.1), wait_for(sleep(0.1), 1))

run(main())
print(Event, Lock, Semaphore)
