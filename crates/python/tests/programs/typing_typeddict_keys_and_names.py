# typing: TypedDict's required and optional keys, IO names, ForwardRef, TypeVarTuple, overload registry, is_typeddict
import asyncio
from typing import (TypedDict, NotRequired, Required, TextIO, IO, BinaryIO, ForwardRef, TypeVarTuple, overload,
                    get_overloads, clear_overloads, is_typeddict, dataclass_transform)
import sys


class Job(TypedDict):
    id: int
    tags: NotRequired[list[str]]


class Partial(TypedDict, total=False):
    name: str
    must: Required[int]


class Child(Job, total=False):
    extra: str


@overload
def parse(x: int) -> int: ...
@overload
def parse(x: str) -> str: ...
def parse(x):
    return x


def log_to(stream: TextIO = sys.stdout) -> None:
    print("ok", file=stream)


async def main():
    print(sorted(Job.__required_keys__), sorted(Job.__optional_keys__), Job.__total__)
    print(sorted(Partial.__required_keys__), sorted(Partial.__optional_keys__), Partial.__total__)
    print(sorted(Child.__required_keys__), sorted(Child.__optional_keys__))
    print(Job(id=1), is_typeddict(Job), is_typeddict(dict), is_typeddict(TypedDict))
    log_to()
    print(ForwardRef("Node"), ForwardRef("Node") == ForwardRef("Node"), TypeVarTuple("Ts"))
    print(len(get_overloads(parse)), parse(3))
    clear_overloads()
    print(get_overloads(parse))

    @dataclass_transform()
    def model(cls):
        return cls

    print(model.__dataclass_transform__["eq_default"])


asyncio.run(main())
