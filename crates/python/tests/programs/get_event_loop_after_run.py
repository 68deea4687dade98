# get_event_loop() makes a loop only while nothing has set one: after
# asyncio.run (which sets None at its end) it is CPython's RuntimeError.
import asyncio
print(asyncio.get_event_loop() is not None)
async def m(): pass
asyncio.run(m())
try:
    asyncio.get_event_loop()
except RuntimeError as e:
    print(e)
asyncio.set_event_loop(asyncio.new_event_loop())
print(asyncio.get_event_loop().is_closed())
