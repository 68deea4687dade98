# An ExceptionGroup subclass's own derive() makes the parts of split, subgroup and except*, with the group's notes
import asyncio


class MyEG(ExceptionGroup):
    def derive(self, excs):
        return MyEG(self.message + "*", excs)


class Plain(ExceptionGroup):
    pass


class Bad(ExceptionGroup):
    def derive(self, excs):
        return 42


async def main():
    eg = MyEG("mine", [KeyError(1), ValueError(2), MyEG("inner", [KeyError(3), TypeError(4)])])
    eg.add_note("note")
    k, rest = eg.split(KeyError)
    print(repr(k), repr(rest), k.__notes__, type(k.exceptions[1]).__name__)
    print(repr(eg.subgroup(lambda e: isinstance(e, TypeError))))
    print(repr(Plain("p", [KeyError(1), ValueError(2)]).split(KeyError)))
    try:
        try:
            raise eg
        except* KeyError as g:
            print("caught", repr(g))
    except MyEG as left:
        print("left", repr(left))
    try:
        Bad("b", [KeyError(1), ValueError(2)]).split(KeyError)
    except TypeError as e:
        print("TypeError", e)


asyncio.run(main())
