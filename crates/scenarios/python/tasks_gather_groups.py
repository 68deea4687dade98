# Nested gather: three gather() groups gathered together; the result is a list
{{?unit_is_1}}
# of lists. (The seed does not show func; here it sleeps i seconds.)
{{:}}
# of lists. (The seed does not show func; here it sleeps i * {{unit}} seconds.)
{{/}}
import asyncio


async def func(name, i):
{{?unit_is_1}}
    await asyncio.sleep(i)
{{:}}
    await asyncio.sleep(i * {{unit}})
{{/}}
    print(name, i)
    return i


async def main():
    group1 = asyncio.gather(*[func("A", i) for i in range(1, {{n1|plus1}})])
    group2 = asyncio.gather(*[func("B", i) for i in range(1, {{n2|plus1}})])
    group3 = asyncio.gather(*[func("B", i) for i in range(1, {{n3|plus1}})])
    print(await asyncio.gather(group1, group2, group3))

asyncio.run(main())
