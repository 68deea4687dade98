# object's own methods through super() and on object itself, __slots__,
# set operations on dict views, async generators' asend/athrow, anext's
# default, exception notes and str.splitlines.
import asyncio


class Single:
    _inst = None

    def __new__(cls, *a):
        if cls._inst is None:
            cls._inst = super().__new__(cls)
        return cls._inst

    def __init__(self, x):
        self.x = x


print(Single(1) is Single(2), Single(3).x)


class N:
    def __new__(cls):
        return 42

    def __init__(self):
        print("never")


print(N())
try:
    class T:
        def __new__(cls, a):
            return super().__new__(cls, a)
    T(1)
except TypeError as e:
    print(e)


class E(Exception):
    def __new__(cls, *args):
        self = super().__new__(cls, *args)
        self.extra = 1
        return self


e = E('a', 2)
print(e.args, e.extra, repr(e))


class S:
    def __setattr__(self, k, v):
        print('set', k)
        super().__setattr__(k, v.upper() if isinstance(v, str) else v)

    def __repr__(self):
        return 'S+' + super().__repr__()[:10]

    def __eq__(self, o):
        return super().__eq__(o)


s = S()
s.a = 'x'
print(s.a, s, s == s, s == 1, s != 1)
object.__setattr__(s, 'b', 2)
print(s.b, str(object.__str__(s))[:5])


class P:
    __slots__ = ('x', 'y')

    def __init__(self, x, y):
        self.x, self.y = x, y


class Q(P):
    pass


class R(P):
    __slots__ = 'w'


p = P(1, 2)
print(p.x, p.y)
for target, name in ((p, 'z'), (R(1, 2), 'z'), (P(1, 2), '__dict__')):
    try:
        setattr(target, name, 3) if name != '__dict__' else target.__dict__
    except AttributeError as e:
        print('AttributeError', e)
q = Q(1, 2)
q.z = 3
print(q.z, q.__dict__, P.__slots__, R.__slots__)

d = {'a': 1, 'b': 2, 'c': 3}
print(d.keys() & {'a', 'z'}, d.keys() - {'a'} == {'b', 'c'}, sorted(d.keys() | {'q'}))
print({1: 0, 2: 0}.keys() ^ {2, 3}, [1, 5] - {1: 0}.keys(), d.items() & {('a', 1), ('b', 0)})


async def echo():
    got = None
    try:
        while True:
            try:
                got = yield f'got {got}'
            except KeyError as e:
                print('caught', repr(e))
                got = 'after-throw'
    finally:
        print('echo closing')


async def main():
    g = echo()
    print(await g.asend(None))
    print(await g.asend(1))
    print(await g.athrow(KeyError('k')))
    try:
        await g.athrow(ValueError('v'))
    except ValueError as e:
        print('propagated', e)
    try:
        await g.asend(3)
    except StopAsyncIteration:
        print('stopped')
    h = echo()
    try:
        await h.asend(5)
    except TypeError as e:
        print(e)

    async def count():
        for i in range(2):
            yield i
    it = count()
    print([await anext(it, 'end') for _ in range(4)])
    try:
        anext(5, 1)
    except TypeError as e:
        print(e)


asyncio.run(main())
e = ValueError('v')
e.add_note('note 1')
e.add_note('note 2')
print(e.__notes__)
try:
    e.add_note(3)
except TypeError as err:
    print(err)
print('a\nb\r\nc'.splitlines(keepends=True), 'a\x0bb\x85c\u2028d\r\n\ne\r'.splitlines())
