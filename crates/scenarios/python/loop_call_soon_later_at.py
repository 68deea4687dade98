# call_soon, call_later and call_at schedule plain functions on the loop beside
# running tasks: three programs in a row on one loop. (The seed's
# asyncio.get_event_loop() is new_event_loop() + set_event_loop() here: newer
# Pythons deprecate get_event_loop() without a current loop.)
import asyncio


def hello(name):
    print('[hello] Hello, {}'.format(name))


# loop.call_soon
async def work_soon(t, name):
    print('[work ] start', name)
    await asyncio.sleep(t)
    print('[work ] {} after {}s stop'.format(name, t))


loop = asyncio.new_event_loop()
asyncio.set_event_loop(loop)

asyncio.ensure_future(work_soon({{a}}, 'A'))
loop.call_soon(hello, 'Tom')
loop.create_task(work_soon({{b}}, 'B'))
loop.run_until_complete(work_soon({{c}}, 'C'))


# loop.call_later
async def work(t, name):
    print('[work{}] start'.format(name))
    await asyncio.sleep(t)
    print('[work{}] stop'.format(name))


asyncio.ensure_future(work({{a}}, 'A'))
loop.call_later({{tom}}, hello, 'Tom')
loop.call_soon(hello, 'Kitty')
task4 = loop.create_task(work({{b}}, 'B'))
loop.call_later({{jerry}}, hello, 'Jerry')
loop.run_until_complete(task4)

# loop.call_at & loop.time
start = loop.time()
asyncio.ensure_future(work({{a}}, 'A'))
loop.call_at(start + {{tom}}, hello, 'Tom')
loop.call_soon(hello, 'Kitty')
task4 = loop.create_task(work({{b}}, 'B'))
loop.call_at(start + {{jerry}}, hello, 'Jerry')
loop.run_until_complete(task4)

loop.close()
