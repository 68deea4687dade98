# The results of __format__, __int__, __index__, __float__, __str__ and __repr__ are type-checked as CPython checks them
import asyncio


class F:
    def __format__(self, spec):
        return 1

    def __int__(self):
        return "x"

    def __float__(self):
        return 1

    def __repr__(self):
        return 42


class I:
    def __index__(self):
        return 2.5


class Good:
    def __format__(self, spec):
        return f"<{spec}>"

    def __int__(self):
        return True

    def __float__(self):
        return 1.5

    def __repr__(self):
        return "Good()"


async def main():
    for t in (lambda: f"{F()}", lambda: int(F()), lambda: float(F()), lambda: str(F()), lambda: repr(F()),
              lambda: int(I()), lambda: f"{Good():x>3}", lambda: int(Good()), lambda: float(Good()), lambda: str(Good())):
        try:
            print(repr(t()))
        except TypeError as e:
            print("TypeError", e)


asyncio.run(main())
