# Condition with {{consumers|word}} consumers: notify(1), then notify(2), then notify_all() for the rest.
import asyncio


async def consumer(condition, n):
    print('----')
    async with condition:
        print('consumer {} is waiting'.format(n))
        await condition.wait()
        print('consumer {} triggered'.format(n))
    print('ending consumer {}'.format(n))


async def manipulate_condition(condition):
    print('starting manipulate_condition')
    await asyncio.sleep({{step}})
    for i in range(1, 3):
        async with condition:
            print('notifying {} consumers'.format(i))
            condition.notify(n=i)
        await asyncio.sleep({{step}})
    async with condition:
        print('notifying remaining consumers')
        condition.notify_all()
    print('ending manipulate_condition')


async def main():
    loop = asyncio.get_running_loop()
    condition = asyncio.Condition()
    consumers = [
        consumer(condition, i) for i in range({{consumers}})
    ]
    loop.create_task(manipulate_condition(condition))
    await asyncio.wait([asyncio.ensure_future(c) for c in consumers])


asyncio.run(main())
