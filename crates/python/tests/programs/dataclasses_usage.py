# dataclasses: defaults, field(default_factory), order, repr/eq, asdict, replace, __post_init__.
from dataclasses import dataclass, field, asdict, astuple, replace


@dataclass
class Point:
    x: int
    y: int = 0

    def dist(self):
        return abs(self.x) + abs(self.y)


@dataclass(order=True)
class Job:
    priority: int
    name: str = field(compare=False)
    tags: list = field(default_factory=list)


@dataclass
class Rect:
    w: float
    h: float
    area: float = field(init=False)

    def __post_init__(self):
        self.area = self.w * self.h


p = Point(3, -4)
print(p, p.dist(), Point(1) == Point(1, 0), Point(1) == Point(2))
jobs = [Job(3, "c"), Job(1, "a", ["x"]), Job(2, "b")]
print(sorted(jobs))
print(min(jobs).name, Job(1, "q") == Job(1, "z"))
print(asdict(jobs[1]), astuple(p))
print(replace(p, y=10), Rect(2, 3.5))
j = Job(5, "e")
j.tags.append("new")
print(j.tags, Job(6, "f").tags)
print(Point.__name__, [f for f in Point.__dataclass_fields__])
