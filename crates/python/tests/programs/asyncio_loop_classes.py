# asyncio's loop and handle classes, as annotations and isinstance use them.
import asyncio


def tick(label: str, loop: asyncio.AbstractEventLoop) -> None:
    print(label, isinstance(loop, asyncio.AbstractEventLoop), isinstance(loop, asyncio.BaseEventLoop))


async def main():
    loop = asyncio.get_running_loop()
    tick("loop", loop)
    h = loop.call_later(1, tick, "later", loop)
    s = loop.call_soon(tick, "soon", loop)
    print(isinstance(h, asyncio.Handle), isinstance(h, asyncio.TimerHandle), type(h).__mro__)
    print(isinstance(s, asyncio.TimerHandle), type(s), asyncio.AbstractEventLoop, asyncio.BaseEventLoop)
    await asyncio.sleep(2)


asyncio.run(main())
