# random's functions bind their parameters by keyword and refuse others, as CPython's Random methods do.
import random

random.seed(a=7)
print(random.randint(a=1, b=6), random.randint(1, b=6), random.randrange(start=0, stop=10, step=2))
print(random.randrange(10), random.randrange(2, stop=9), round(random.uniform(a=1, b=2), 6))
print(random.choice(seq="abc"), random.choices(population="abc", weights=[1, 0, 5], k=3))
print(random.choices("xyz", cum_weights=[1, 2, 3], k=2), random.sample(population=range(10), k=3))
print(random.sample(["a", "b"], k=4, counts=[3, 1]), sorted(random.sample("ab", 3, counts=[2, 2])))
print(round(random.gauss(sigma=2), 6), round(random.normalvariate(mu=5), 6), round(random.expovariate(lambd=2), 6))
print(round(random.triangular(mode=0.9), 6), round(random.triangular(high=3), 6), random.getrandbits(8))
items = [1, 2, 3, 4]
random.shuffle(x=items)
print(items)
state = random.getstate()
first = random.random()
random.setstate(state=state)
print(first == random.random())
r = random.Random(x=3)
print(r.randint(b=10, a=5), random.Random(3).randint(5, 10))
random.seed(5, version=2)
print(random.random())

checks = [
    ("randint typo", lambda: random.randint(1, 2, foo=3)),
    ("randint missing", lambda: random.randint(b=2)),
    ("randint one", lambda: random.randint(1)),
    ("randint three", lambda: random.randint(1, 2, 3)),
    ("randint twice", lambda: random.randint(1, a=2)),
    ("randrange step", lambda: random.randrange(10, step=3)),
    ("randrange none", lambda: random.randrange()),
    ("choices typo", lambda: random.choices("ab", wieghts=[1, 2])),
    ("sample typo", lambda: random.sample("ab", 1, count=[1, 1])),
    ("sample counts", lambda: random.sample("ab", 1, counts=[1])),
    ("seed typo", lambda: random.seed(seed=1)),
    ("gauss typo", lambda: random.gauss(mean=1)),
    ("expovariate none", lambda: random.expovariate()),
    ("shuffle typo", lambda: random.shuffle([1], random=None)),
    ("random kw", lambda: random.random(x=1)),
    ("random arg", lambda: random.random(1)),
    ("getrandbits kw", lambda: random.getrandbits(k=3)),
    ("getrandbits none", lambda: random.getrandbits()),
    ("getstate arg", lambda: random.getstate(1)),
    ("Random typo", lambda: random.Random(seed=1)),
    ("Random two", lambda: random.Random(1, 2)),
    ("method typo", lambda: r.uniform(1, 2, c=3)),
]
for name, call in checks:
    try:
        call()
        print(name, "accepted")
    except (TypeError, ValueError) as e:
        print(name, type(e).__name__ + ":", e)
