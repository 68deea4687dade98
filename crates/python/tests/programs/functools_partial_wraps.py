# functools.partial and wraps: decorators that keep names, with and without arguments, on coroutines.
import asyncio
import functools


def logged(func):
    @functools.wraps(func)
    def wrapper(*args, **kwargs):
        print(f"calling {func.__name__}{args}")
        return func(*args, **kwargs)

    return wrapper


def retry(times):
    def deco(func):
        @functools.wraps(func)
        async def wrapper(*args):
            for attempt in range(1, times + 1):
                try:
                    return await func(*args)
                except ConnectionError as e:
                    print(f"attempt {attempt} failed: {e}")
                    await asyncio.sleep(0.1 * attempt)
            raise RuntimeError("gave up")

        return wrapper

    return deco


@logged
def add(a, b=10):
    """Adds."""
    return a + b


calls = 0


@retry(3)
async def flaky():
    global calls
    calls += 1
    if calls < 3:
        raise ConnectionError(f"call {calls}")
    return "connected"


print(add(1), add(2, b=3), add.__name__, add.__doc__)
base2 = functools.partial(int, base=2)
print(base2("1011"), base2.func is int, base2.keywords)
greet = functools.partial(print, "hello", sep="-")
greet("world", "again")
pow3 = functools.partial(pow, exp=3)
print(pow3(2), [functools.partial(add, b=0)(x) for x in range(2)])
print(asyncio.run(flaky()), flaky.__name__)
