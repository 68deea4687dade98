# An uncaught custom exception raised from a task ends the run with a Traceback line.
import asyncio


class PaymentError(Exception):
    pass


async def charge(amount):
    await asyncio.sleep(0.5)
    if amount > 100:
        raise PaymentError(f"amount {amount} over limit")
    print("charged", amount)


async def main():
    await charge(50)
    await charge(500)
    print("not reached")


asyncio.run(main())
