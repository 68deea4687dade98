# Async generators left suspended when asyncio.run ends: dropped with main's frame (closed in the finalizer's task, cancelled before it starts), held in a global (closed by shutdown_asyncgens' own task: Task-3), or deleted.
import asyncio

async def ticker_r02_agen_local_at_end():
    try:
        yield 1
        yield 2
    finally:
        print("finally", asyncio.current_task().get_name())

async def main_r02_agen_local_at_end():
    t_r02_agen_local_at_end = ticker_r02_agen_local_at_end()
    await anext(t_r02_agen_local_at_end)
    print("main end")

asyncio.run(main_r02_agen_local_at_end())
print("end")
import asyncio

async def ticker_r02b():
    try:
        yield 1
        yield 2
    finally:
        print("finally", asyncio.current_task().get_name())

t_r02b = None
async def main_r02b():
    global t_r02b
    t_r02b = ticker_r02b()
    await anext(t_r02b)
    print("main end")

asyncio.run(main_r02b())
print("end")
import asyncio

async def ticker_r02c():
    try:
        yield 1
        yield 2
    finally:
        print("finally", asyncio.current_task().get_name())

async def main_r02c():
    t_r02c = ticker_r02c()
    await anext(t_r02c)
    del t_r02c
    print("main end")

asyncio.run(main_r02c())
print("end")
