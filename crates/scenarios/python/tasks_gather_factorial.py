# gather runs three factorial coroutines concurrently, one step per second each.
import asyncio


async def factorial(name, number):
    f = 1
    for i in range(2, number + 1):
        print(f"Task {name}: Compute factorial({i})...")
        await asyncio.sleep({{step}})
        f *= i
    print(f"Task {name}: factorial({number}) = {f}")


async def main():
    # Schedule three calls *concurrently*:
    await asyncio.gather(
        factorial("A", {{a}}),
        factorial("B", {{b}}),
        factorial("C", {{c}}),
    )

asyncio.run(main())
