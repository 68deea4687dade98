# asyncio.wait with FIRST_COMPLETED, FIRST_EXCEPTION, ALL_COMPLETED and timeout.
import asyncio


async def work(n, fail=False):
    await asyncio.sleep(n / 10)
    if fail:
        raise RuntimeError(f"work {n} broke")
    return n * n


async def main():
    tasks = [asyncio.create_task(work(n), name=f"w{n}") for n in (3, 1, 2)]
    done, pending = await asyncio.wait(tasks, return_when=asyncio.FIRST_COMPLETED)
    print(sorted(t.get_name() for t in done), sorted(t.get_name() for t in pending))
    done, pending = await asyncio.wait(pending)
    print(sorted(t.result() for t in done), len(pending))
    tasks = [asyncio.create_task(work(n, fail=(n == 2))) for n in (4, 2, 5)]
    done, pending = await asyncio.wait(tasks, return_when=asyncio.FIRST_EXCEPTION)
    for t in done:
        print("done:", t.exception())
    print("still pending:", len(pending))
    for t in pending:
        t.cancel()
    tasks = [asyncio.create_task(work(n)) for n in (1, 6, 9)]
    done, pending = await asyncio.wait(tasks, timeout=0.65)
    print(len(done), len(pending), sorted(t.result() for t in done))
    await asyncio.wait(pending)
    print(loop_time(), [t.result() for t in tasks])


def loop_time():
    return round(asyncio.get_running_loop().time(), 3)


asyncio.run(main())
