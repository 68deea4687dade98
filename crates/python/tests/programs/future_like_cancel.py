# Future-like objects: results, cancellation with a message, asyncio.isfuture.
import asyncio

class DuckFuture:
    _asyncio_future_blocking = False
    def __init__(self, loop):
        self._loop, self._state, self._cbs, self._result = loop, "PENDING", [], None
    def get_loop(self):
        return self._loop
    def done(self):
        return self._state != "PENDING"
    def result(self):
        if self._state == "CANCELLED":
            raise asyncio.CancelledError()
        return self._result
    def cancel(self, msg=None):
        print("duck cancel", msg)
        if self.done():
            return False
        self._state = "CANCELLED"
        self._schedule()
        return True
    def add_done_callback(self, fn, *, context=None):
        self._cbs.append((fn, context))
    def set_result(self, r):
        self._result, self._state = r, "FINISHED"
        self._schedule()
    def _schedule(self):
        for fn, ctx in self._cbs:
            self._loop.call_soon(fn, self, context=ctx)
        self._cbs = []
    def __await__(self):
        if not self.done():
            self._asyncio_future_blocking = True
            yield self
        return self.result()

async def waiter(d, name):
    try:
        print(name, "got", await d)
    except asyncio.CancelledError:
        print(name, "cancelled")
        raise

async def main():
    loop = asyncio.get_running_loop()
    d1, d2 = DuckFuture(loop), DuckFuture(loop)
    t1 = asyncio.create_task(waiter(d1, "t1"))
    t2 = asyncio.create_task(waiter(d2, "t2"))
    await asyncio.sleep(0.1)
    loop.call_later(0.5, d1.set_result, 42)
    t2.cancel("stop")
    await asyncio.sleep(1)
    print(t1.result(), t2.cancelled())
    print(asyncio.isfuture(d1), asyncio.isfuture(object()))

asyncio.run(main())
