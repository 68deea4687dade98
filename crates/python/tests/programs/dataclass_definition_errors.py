# dataclass definition-time errors: frozen inheritance, methods order/frozen/unsafe_hash would overwrite; __dataclass_params__
import asyncio
from dataclasses import dataclass

@dataclass(frozen=True)
class F:
    x: int


@dataclass
class G:
    y: int


async def checks():
    print(F.__dataclass_params__, G.__dataclass_params__.frozen, G.__dataclass_params__.order)
    for make in (frozen_child, thawed_child, order_clash, frozen_clash, hash_clash, hash_with_eq, frozen_plain_base,
                 default_order, order_without_eq):
        try:
            print(make().__name__, "ok")
        except (TypeError, ValueError) as e:
            print(type(e).__name__, e)


def frozen_child():
    @dataclass
    class B(F):
        y: int = 0
    return B


def thawed_child():
    @dataclass(frozen=True)
    class B(G):
        z: int = 0
    return B


def order_clash():
    @dataclass(order=True)
    class A:
        x: int
        def __gt__(s, o):
            return True
    return A


def frozen_clash():
    @dataclass(frozen=True)
    class A:
        x: int
        def __delattr__(s, k):
            pass
    return A


def hash_clash():
    @dataclass(unsafe_hash=True)
    class A:
        x: int
        def __hash__(s):
            return 1
    return A


def hash_with_eq():
    @dataclass(unsafe_hash=True)
    class A:
        x: int
        def __eq__(s, o):
            return True
    return A


def frozen_plain_base():
    class P:
        pass
    @dataclass(frozen=True)
    class A(P):
        x: int
    return A


def default_order():
    @dataclass(frozen=True)
    class A(F):
        y: int
    return A


def order_without_eq():
    @dataclass(order=True, eq=False)
    class A:
        x: int
    return A


asyncio.run(checks())
