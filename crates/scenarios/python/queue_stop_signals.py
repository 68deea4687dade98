# Queue(maxsize={{maxsize}}): a producer blocks on put() when full, then sends one None stop signal per consumer.
import asyncio


async def consumer(n, q):
    print('consumer {}: waiting for item'.format(n))
    while True:
        print('consumer {}: waiting for item'.format(n))
        item = await q.get()
        print('consumer {}: has item {}'.format(n, item))
        if item is None:
            q.task_done()
            break
        else:
            await asyncio.sleep({{item_time}} * item)
            q.task_done()
    print('consumer {}: ending'.format(n))


async def producer(q, num_workers):
    print('producer: starting')
    for i in range(num_workers * 3):
        await q.put(i)
        print('producer: added task {} to the queue'.format(i))
    print('producer: adding stop signals to the queue')
    for i in range(num_workers):
        await q.put(None)
    print('producer: waiting for queue to empty')
    await q.join()
    print('producer: ending')


async def main(loop, num_consumers):
{{?maxsize_is_consumers}}
    q = asyncio.Queue(maxsize=num_consumers)
{{:}}
    q = asyncio.Queue(maxsize={{maxsize}})
{{/}}
    consumers = [
        loop.create_task(consumer(i, q)) for i in range(num_consumers)
    ]
    prod = loop.create_task(producer(q, num_consumers))
    await asyncio.wait(consumers + [prod])


event_loop = asyncio.new_event_loop()
asyncio.set_event_loop(event_loop)
try:
    event_loop.run_until_complete(main(event_loop, {{consumers}}))
finally:
    event_loop.close()
