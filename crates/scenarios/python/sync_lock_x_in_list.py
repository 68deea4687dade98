{{?use_lock}}
# asyncio.Lock keeps a check-then-append atomic across an await: only one
# coroutine appends 'x'. main prints l at the end (the seed does not).
import asyncio
{{:}}
# Without the lock (not in the seed), check-then-append is not atomic across an
# await: both coroutines pass the check before either appends, so 'x' is
# appended twice. main prints l at the end (the seed does not).
import asyncio
import contextlib
{{/}}

l = []
lock = None


async def work(name):
    print(r'\\\\\\\\\\\\', name)
    async with lock:
        print('{} start'.format(name))
        if 'x' in l:
            return name
        print('++++++++++', name)
        await asyncio.sleep(0)
        print('----------', name)
        l.append('x')
        print('{} end'.format(name))
        return name


async def one():
    name = await work('one')
    print('{} ok'.format(name))


async def two():
    print('///////////')
    name = await work('two')
    print('{} ok'.format(name))


async def main():
    global lock
{{?use_lock}}
    lock = asyncio.Lock()
{{:}}
    lock = contextlib.nullcontext()   # no lock: async with does nothing
{{/}}
    tasks = asyncio.wait([asyncio.ensure_future(one()), asyncio.ensure_future(two())])
    await tasks
    print(l)

asyncio.run(main())
