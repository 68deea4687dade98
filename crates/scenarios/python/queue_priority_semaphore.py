{{?!many_consumers}}
# PriorityQueue: a producer queues {{count}} random numbers, a consumer fetches them smallest first.
{{:}}
# PriorityQueue: a producer queues {{count}} random numbers, {{consumers}} consumers fetch them smallest first.
{{/}}
# The aiohttp GET is await asyncio.sleep({{latency}}, <the echoed argument>).
import asyncio
import random

random.seed({{seed}})
NUMBERS = random.sample(range(100), {{count}})
sema = None


async def fetch_async(a):
    # async with aiohttp.request('GET', URL.format(a)) as r: data = await r.json()
    data = await asyncio.sleep({{latency}}, {'args': {'a': str(a)}})
    return data['args']['a']


async def collect_result(a):
    async with sema:
        return await fetch_async(a)


async def produce(queue):
    for num in NUMBERS:
        print('producing {}'.format(num))
        item = (num, num)
        await queue.put(item)


async def consume(queue):
    while 1:
        item = await queue.get()
        num = item[0]
        rs = await collect_result(num)
        print('consuming {}...'.format(rs))
        queue.task_done()


async def run():
    global sema
    sema = asyncio.Semaphore({{limit}})
    queue = asyncio.PriorityQueue()
{{?!many_consumers}}
    consumer = asyncio.ensure_future(consume(queue))
{{:}}
    consumers = [asyncio.ensure_future(consume(queue)) for _ in range({{consumers}})]
{{/}}
    await produce(queue)
    await queue.join()
{{?!many_consumers}}
    consumer.cancel()
{{:}}
    for consumer in consumers:
        consumer.cancel()
{{/}}


asyncio.run(run())
