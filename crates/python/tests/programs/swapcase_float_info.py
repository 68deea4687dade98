# str.swapcase leaves titlecase letters; sys.float_info's fields
import asyncio
import sys


async def main():
    print("ǅ".swapcase(), "ǈ".swapcase(), "ᾈ".swapcase(), "Hello ß World".swapcase(), "ª1".swapcase())
    f = sys.float_info
    print(f.max, f.min, f.epsilon, f.dig, f.mant_dig, f.max_exp, f.min_exp, f.max_10_exp, f.min_10_exp, f.radix, f.rounds)
    print(f[0] == f.max, len(f), 1.0 + f.epsilon > 1.0)


asyncio.run(main())
