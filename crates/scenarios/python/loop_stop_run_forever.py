# loop.run_forever() keeps going until a task calls loop.stop(). (The seed's
# asyncio.get_event_loop() is new_event_loop() + set_event_loop() here.)
import asyncio


async def work(loop, t):
    print('start')
    await asyncio.sleep(t)
    print('after {}s stop'.format(t))
    loop.stop()


loop = asyncio.new_event_loop()
asyncio.set_event_loop(loop)
task = asyncio.ensure_future(work(loop, {{t}}))
{{?t2}}
# not in the seed: a second worker, which loop.stop() leaves unfinished
task2 = asyncio.ensure_future(work(loop, {{t2}}))
{{/}}
loop.run_forever()
loop.close()
