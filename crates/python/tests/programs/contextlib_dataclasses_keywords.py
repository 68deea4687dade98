# contextlib and dataclasses bind their parameters by keyword and refuse others, as CPython's do.
import contextlib
import dataclasses


def opening(name):
    print("open", name)
    yield name
    print("close", name)


managed = contextlib.contextmanager(func=opening)
with managed(name="f") as got:
    print("inside", got)
with contextlib.suppress(KeyError):
    {}["x"]
with contextlib.nullcontext(enter_result=5) as five:
    print(five)


@dataclasses.dataclass(frozen=True, order=True)
class Point:
    x: int
    y: int = dataclasses.field(default=0, repr=False, compare=True)


@dataclasses.dataclass(init=False)
class Bare:
    a: int = 1


p = Point(1, y=2)
print(p, Point(1) < p, dataclasses.asdict(obj=p), dataclasses.astuple(p, tuple_factory=tuple))
print(dataclasses.asdict(p, dict_factory=dict), [f.name for f in dataclasses.fields(class_or_instance=Point)])
print(dataclasses.is_dataclass(obj=p), dataclasses.replace(p, x=5), Bare().a)

checks = [
    ("contextmanager typo", lambda: contextlib.contextmanager(fn=opening)),
    ("asynccontextmanager none", lambda: contextlib.asynccontextmanager()),
    ("suppress kw", lambda: contextlib.suppress(KeyError, also=ValueError)),
    ("nullcontext typo", lambda: contextlib.nullcontext(result=1)),
    ("nullcontext two", lambda: contextlib.nullcontext(1, 2)),
    ("dataclass typo", lambda: dataclasses.dataclass(frozn=True)),
    ("dataclass two", lambda: dataclasses.dataclass(Point, True)),
    ("dataclass cls", lambda: dataclasses.dataclass(cls=Point)),
    ("dataclass wrap kw", lambda: dataclasses.dataclass(eq=True)(klass=Point)),
    ("field typo", lambda: dataclasses.field(defalt=1)),
    ("field positional", lambda: dataclasses.field(1)),
    ("asdict typo", lambda: dataclasses.asdict(p, factory=dict)),
    ("astuple none", lambda: dataclasses.astuple()),
    ("fields typo", lambda: dataclasses.fields(cls=Point)),
    ("is_dataclass two", lambda: dataclasses.is_dataclass(p, p)),
    ("replace none", lambda: dataclasses.replace()),
    ("replace by name", lambda: dataclasses.replace(obj=p)),
    ("replace typo", lambda: dataclasses.replace(p, z=1)),
    ("Bare arg", lambda: Bare(2)),
]
for name, call in checks:
    try:
        call()
        print(name, "accepted")
    except (TypeError, ValueError) as e:
        print(name, type(e).__name__ + ":", e)


@dataclasses.dataclass
class Counted:
    n: int
    seen: int = dataclasses.field(default=0, init=False)


try:
    dataclasses.replace(Counted(1), seen=2)
except ValueError as e:
    print("replace init=False ValueError:", e)
print(dataclasses.replace(Counted(1), n=3))
