# __await__ generators, gather of one awaitable twice, __init_subclass__ with
# class keywords, namedtuple defaults, exception group classes, OSError's
# errno subclasses, throw into a finished generator, native class reprs.
import asyncio
from collections import namedtuple


class Ticks:
    def __init__(self, n):
        self.n = n

    def __await__(self):
        for i in range(self.n):
            print('tick', i)
            yield
        return self.n


class Wrap:
    def __init__(self, c):
        self.c = c

    def __await__(self):
        return self.c.__await__()


class Bad:
    def __await__(self):
        yield 5


async def other():
    for i in range(3):
        print('other', i)
        await asyncio.sleep(0)


async def seven():
    await asyncio.sleep(0.5)
    return 7


async def main():
    t = asyncio.create_task(other())
    print(await Ticks(3))
    await t
    print(await Wrap(seven()), await Wrap(asyncio.ensure_future(seven())))
    c = seven()
    print(await asyncio.gather(c, c, seven()))
    try:
        await Bad()
    except RuntimeError as e:
        print(e)
    print(asyncio.Lock, type(asyncio.Queue()), asyncio.Future, asyncio.CancelledError)


asyncio.run(main())


class Plugin:
    registry = {}

    def __init_subclass__(cls, name=None, **kw):
        super().__init_subclass__(**kw)
        Plugin.registry[name or cls.__name__] = cls


class Csv(Plugin, name='csv'):
    pass


class Json(Plugin):
    pass


print(sorted(Plugin.registry))
try:
    class Odd(Json, colour='red'):
        pass
except TypeError as e:
    print(e)

P = namedtuple('P', 'x y z', defaults=[0])
print(P._field_defaults, P(1, 2))
for args in [(1,), (1, 2, 3, 4)]:
    try:
        P(*args)
    except TypeError as e:
        print(e)

g = BaseExceptionGroup('m', [ValueError(1)])
print(type(g).__name__, repr(g), type(BaseExceptionGroup('b', [KeyboardInterrupt()])).__name__)
for bad in ([KeyboardInterrupt()], [ValueError(), 3]):
    try:
        ExceptionGroup('m', bad)
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)


def gen():
    yield 1


it = gen()
next(it)
it.close()
try:
    it.throw(ValueError('x'))
except ValueError as e:
    print('raised', e)

e = OSError(2, 'No such file', 'a.txt')
print(e, e.args, e.filename, type(e).__name__, OSError('x').errno, OSError(99, 'odd'))
print(ConnectionResetError(104, 'reset by peer'), TimeoutError(110, 't').errno, type(OSError(13, 'no')).__name__)
try:
    raise OSError(111, 'refused')
except ConnectionError as err:
    print(type(err).__name__, err.errno, err.strerror, err)
