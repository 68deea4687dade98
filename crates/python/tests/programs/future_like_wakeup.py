# A future-like object with _asyncio_future_blocking: the task wakes in the turn its done callback runs.
import asyncio

class DuckFuture:
    _asyncio_future_blocking = False
    def __init__(self, loop):
        self._loop, self._done, self._cbs = loop, False, []
    def get_loop(self):
        return self._loop
    def result(self):
        return "duck result"
    def add_done_callback(self, fn, *, context=None):
        self._cbs.append((fn, context))
    def set_done(self):
        self._done = True
        for fn, ctx in self._cbs:
            self._loop.call_soon(fn, self, context=ctx)
    def __await__(self):
        if not self._done:
            self._asyncio_future_blocking = True
            yield self
        return self.result()

async def ticker():
    for i in range(6):
        print("tick", i)
        await asyncio.sleep(0)

async def main():
    loop = asyncio.get_running_loop()
    d = DuckFuture(loop)
    t = asyncio.create_task(ticker())
    loop.call_soon(d.set_done)
    print(await d)
    await t

asyncio.run(main())
