# asyncio.to_thread runs its function in a copy of the context current at
# the call, also when it waits in the pool's queue; a queued run_in_executor
# job starts in the context of the job end that frees its worker (pyrun.py's
# call_later after the function ran).
import asyncio, contextvars
var = contextvars.ContextVar("var", default="empty")
def job(n):
    print(n, var.get())
    var.set(f"job{n}")
async def main():
    var.set("set")
    loop = asyncio.get_running_loop()
    await asyncio.gather(*(asyncio.to_thread(job, i) for i in range(7)))
    await asyncio.gather(*(loop.run_in_executor(None, job, i) for i in range(10, 17)))
    print(var.get())
asyncio.run(main())
