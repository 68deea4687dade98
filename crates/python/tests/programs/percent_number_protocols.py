# %-formatting asks an object for its number by the conversion's protocol (__float__ for %f, __int__ for %d, __index__ for %x); asyncio's functions are functions (await asyncio.sleep without calling it).
from fractions import Fraction

class Celsius:
    def __init__(self, v): self.v = v
    def __float__(self): return float(self.v)
    def __int__(self): return int(self.v)
    def __index__(self): return int(self.v)

print("%.2f" % Fraction(1, 3))
print("%d" % Fraction(7, 2))
print("%.1f %d %x" % (Celsius(21.5), Celsius(21.5), Celsius(255)))

class N:
    def __index__(self): return 7
print("%d %x %c %.1f %5d" % (N(), N(), N(), N(), N()))
class F:
    def __float__(self): return 2.5
for f in ["%d", "%x", "%f"]:
    try:
        print(f % F())
    except TypeError as e:
        print(e)

import asyncio, time, functools, dataclasses
print(type(asyncio.sleep).__name__, type(len).__name__, type(functools.wraps).__name__, type(time.time).__name__, type(dataclasses.asdict).__name__)
async def main():
    await asyncio.sleep
try:
    asyncio.run(main())
except TypeError as e:
    print(e)
