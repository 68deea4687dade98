# Semaphore({{limit}}) lets only {{limit}} of {{numbers}} fetches run at once; @timer prints each cost.
# The aiohttp GET of httpbin is await asyncio.sleep({{latency}}, <its JSON reply>).
import asyncio
import time
from functools import wraps

NUMBERS = range({{numbers}})
URL = 'http://httpbin.org/get?a={}'
sema = None


def timer(func):
    @wraps(func)
    async def inner(*args, **kw):
        start = time.perf_counter()
        await func(*args, **kw)
        print(f'{func.__name__} cost: {time.perf_counter() - start}')
    return inner


@timer
async def fetch_async(a):
    # async with aiohttp.request('GET', URL.format(a)) as r: data = await r.json()
    data = await asyncio.sleep({{latency}}, {'args': {'a': str(a)}, 'url': URL.format(a)})
    print(data)
    return data['args']['a']


@timer
async def print_result(a):
    async with sema:
        r = await fetch_async(a)
        print('fetch({}) = {}'.format(a, r))


async def main():
    global sema
    sema = asyncio.Semaphore({{limit}})
    await asyncio.wait([asyncio.ensure_future(print_result(num)) for num in NUMBERS])


asyncio.run(main())
