# functools.singledispatchmethod: dispatch on the first argument after self (or cls)
import asyncio
from functools import singledispatchmethod


class Formatter:
    def __init__(self, prefix):
        self.prefix = prefix

    @singledispatchmethod
    def show(self, arg):
        return f"{self.prefix} object {arg!r}"

    @show.register
    def _(self, arg: int):
        return f"{self.prefix} int {arg}"

    @show.register(list)
    def _(self, arg):
        return f"{self.prefix} list of {len(arg)}"

    @singledispatchmethod
    @classmethod
    def kind(cls, arg):
        return f"{cls.__name__}: other"

    @kind.register
    @classmethod
    def _(cls, arg: str):
        return f"{cls.__name__}: str {arg}"


async def main():
    f = Formatter(">")
    print(f.show(1), f.show([1, 2]), f.show("s"), f.show(True))
    print(Formatter.kind("x"), Formatter.kind(2), f.show.__name__)


asyncio.run(main())
