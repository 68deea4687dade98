# N requests per minute: each request keeps its Semaphore({{limit}}) slot for {{period}} s
# after its reply. The httpx GET is await asyncio.sleep(delay, <its JSON reply>);
# the seed shows no main, so main gathers {{requests}} calls with seeded random delays.
{{?defaults}}
# Real run time: about 2 minutes.
{{/}}
import asyncio
import random


async def req(delay, sem):
    print(f'请求一个延迟为{delay}秒的接口')
    async with sem:
        # async with httpx.AsyncClient(timeout=20) as client:
        #     resp = await client.get(f'http://127.0.0.1:8000/sleep/{delay}')
        #     result = resp.json()
        result = await asyncio.sleep(delay, {'delay': delay})
        print(result)
        await asyncio.sleep({{period}})


async def main():
    random.seed({{seed}})
    sem = asyncio.Semaphore({{limit}})
    delays = [random.randint(1, {{max_delay}}) for _ in range({{requests}})]
    await asyncio.gather(*(req(delay, sem) for delay in delays))

asyncio.run(main())
