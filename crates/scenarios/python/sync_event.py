# Event: waiters block on event.wait() until a call_later callback calls event.set().
import asyncio
import functools


def set_event(event):
    print('setting event in callback')
    event.set()


async def test(name, event):
    print('{} waiting for event'.format(name))
    await event.wait()
    print('{} triggered'.format(name))


async def main000(loop):
    event = asyncio.Event()
    print('event start state: {}'.format(event.is_set()))
    loop.call_later(
        {{delay}}, functools.partial(set_event, event)
    )
    await asyncio.wait([asyncio.ensure_future(test('e1', event)),
                        asyncio.ensure_future(test('e2', event))])
    print('event end state: {}'.format(event.is_set()))


async def coro1(event):
    print('coro1 waiting for event')
    await event.wait()
    print('coro1 triggered')


async def coro2(event):
    print('coro2 waiting for event')
    await event.wait()
    print('coro2 triggered')


async def main004(loop):
    event = asyncio.Event()
    print('event start state: {}'.format(event.is_set()))
    loop.call_later(
        {{delay}}, functools.partial(set_event, event)
    )
    await asyncio.wait([asyncio.ensure_future(coro1(event)),
                        asyncio.ensure_future(coro2(event))])
    print('event end state: {}'.format(event.is_set()))


async def main():
    loop = asyncio.get_running_loop()
    await main000(loop)
    await main004(loop)


asyncio.run(main())
