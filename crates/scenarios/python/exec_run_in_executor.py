# run_in_executor: a blocking a() in a pool overlaps b()'s asyncio.sleep; a
# time.sleep on the loop thread (c2) blocks everything instead.
import asyncio
import concurrent.futures
import time


def a():
    time.sleep({{a_cost}})
    return 'A'


async def a_blocking():
    time.sleep({{a_cost}})               # blocks the event loop: b() cannot run meanwhile
    return 'A'


async def b():
    await asyncio.sleep({{b_delay}})
    return 'B'


def show_perf(func):
    print('*' * 20)
    start = time.perf_counter()
    asyncio.run(func())
    print(f'{func.__name__} Cost: {time.perf_counter() - start}')


async def c1():
    loop = asyncio.get_running_loop()
    await asyncio.gather(
        loop.run_in_executor(None, a),
        b()
    )


async def c2():
    await asyncio.gather(
        a_blocking(),
        b()
    )


async def c3():
    loop = asyncio.get_running_loop()
    with concurrent.futures.ProcessPoolExecutor() as e:
        print(await asyncio.gather(
            loop.run_in_executor(e, a),
            b()
        ))


if __name__ == '__main__':
    show_perf(c1)
    show_perf(c2)
    show_perf(c3)
