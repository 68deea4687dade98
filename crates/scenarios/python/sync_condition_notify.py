# Condition: a producer wakes consumers one notify(n) at a time, then producer2 uses notify_all().
import asyncio


async def consumer(cond, name, second):
    await asyncio.sleep(second)
    async with cond:
        await cond.wait()
        print('{}: Resource is available to consumer'.format(name))


async def producer(cond):
    await asyncio.sleep({{producer_delay}})
    for n in range(1, 3):
        async with cond:
            print('notifying consumer {}'.format(n))
            cond.notify(n=n)
            # 使用 notify 方法挨个通知单个消费者
        await asyncio.sleep({{gap}})


async def producer2(cond):
    await asyncio.sleep({{producer_delay}})
    async with cond:
        print('Making resource available')
        cond.notify_all()
        # 使用 notify_all 方法一次性的通知全部消费者


async def main():
    loop = asyncio.get_running_loop()
    condition = asyncio.Condition()

    task = loop.create_task(producer(condition))
    consumers = [consumer(condition, name, index)
                 for index, name in enumerate({{names}})]
    await asyncio.wait([asyncio.ensure_future(c) for c in consumers])
    task.cancel()

    task = loop.create_task(producer2(condition))
    consumers = [consumer(condition, name, index)
                 for index, name in enumerate({{names}})]
    await asyncio.wait([asyncio.ensure_future(c) for c in consumers])
    task.cancel()


asyncio.run(main())
