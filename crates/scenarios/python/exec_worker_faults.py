# Jobs that fail in a process pool: a crash, an exception, a job that hangs past
# a {{deadline}} s deadline. The playground's pool fails only that job's future and
# replaces the worker; CPython's ProcessPoolExecutor has no deadline (wait_for
# gives up waiting but the process keeps running), and a process that dies
# (os._exit) breaks the whole pool with BrokenProcessPool.
import asyncio
import os
import time
from concurrent.futures import ProcessPoolExecutor


def count_primes(n):
    return sum(1 for i in range(2, n) if all(i % d for d in range(2, int(i ** 0.5) + 1)))


def crash(message):
    os._exit(1)                      # the playground: a panic in the worker


def throw(message):
    raise RuntimeError(message)


def busy_wait(ms):
    time.sleep(ms / 1000)


def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)


async def main():
    loop = asyncio.get_running_loop()
    with ProcessPoolExecutor(max_workers={{workers}}) as pool:
        jobs = [
            (count_primes, ({{n}},), None),
            (crash, ('boom',), None),
            (throw, ('bad input',), None),
            (busy_wait, ({{hang_ms}},), {{deadline}}),
            (fib, (20,), None),
        ]
        results = failures = 0
        for func, args, deadline in jobs:
            call = f"{func.__name__}({', '.join(map(repr, args))})"
            print(f"submit {call}" + (f" with a {deadline} s deadline" if deadline else ""))
            try:
                result = await asyncio.wait_for(loop.run_in_executor(pool, func, *args), deadline)
                results += 1
                print(f"{call} -> {result}")
            except Exception as e:
                failures += 1
                print(f"{call} raised {type(e).__name__}: {e}")
        print(f"{results} results, {failures} exceptions")  # CPython: 1 result, 4 exceptions


if __name__ == '__main__':
    asyncio.run(main())
