# math.cbrt, exp2, asinh/acosh/atanh (domain errors), nextafter and ulp, as CPython 3.11
import asyncio
import math


async def main():
    print(math.cbrt(27), math.cbrt(-8), math.cbrt(2), math.exp2(10), math.exp2(0.5), math.exp2(-1074))
    print(math.asinh(1), math.acosh(2), math.atanh(0.5))
    for f, x in [(math.acosh, 0.5), (math.atanh, 1.0), (math.atanh, -2.0), (math.exp2, 5000.0)]:
        try:
            print(f(x))
        except (ValueError, OverflowError) as e:
            print(f.__name__, type(e).__name__, e)
    print(math.nextafter(1.0, 2.0), math.nextafter(1.0, 0.0), math.nextafter(0.0, -1.0), math.nextafter(3.0, 3.0))
    print(math.ulp(1.0), math.ulp(0.0), math.ulp(-1e300), math.ulp(1.7976931348623157e308), math.ulp(float("inf")))


asyncio.run(main())
