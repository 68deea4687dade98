# dataclasses.InitVar: init-only pseudo-fields passed to __post_init__, not stored, compared or shown
import asyncio
import dataclasses
from dataclasses import dataclass, field, InitVar, fields, asdict


@dataclass
class User:
    name: str
    password: InitVar[str]
    hashed: str = field(init=False)
    salt: InitVar[int] = 7

    def __post_init__(self, password, salt):
        self.hashed = password[::-1] + str(salt)


@dataclass
class Admin(User):
    level: int = 1


@dataclass
class Plain:
    x: int
    scale: InitVar = 2


async def main():
    u = User("ann", "secret")
    print(u, u == User("ann", "secret"), u == User("ann", "secret", 8))
    print([f.name for f in fields(u)], asdict(u), User.__match_args__)
    print(User.salt, hasattr(u, "password"), User.__doc__)
    a = Admin("bob", "pw", 3, level=2)
    print(a, [f.name for f in fields(Admin)])
    print(Plain(1), Plain(1, 5), InitVar[int], InitVar[list[int]], InitVar[int].type)
    print(repr(dataclasses.replace(u, name="cat")) if False else "skip")
    try:
        User("x")
    except TypeError as e:
        print(e)
    match u:
        case User(name, pw):
            print("matched", name, pw)
        case User(name):
            print("one", name)

asyncio.run(main())
