# CPython's timsort comparison for comparison on long lists (runs, galloping merges, powersort order): the sequence of < calls a logging __lt__ sees, and where NaNs end up.
import random
random.seed(12345)
log = []
class K:
    __slots__ = ("v",)
    def __init__(self, v): self.v = v
    def __lt__(self, o):
        log.append((self.v, o.v))
        return self.v < o.v
def gen(n, kind):
    if kind == 0: return [random.random() for _ in range(n)]
    if kind == 1: return [random.randint(0, 10) for _ in range(n)]
    if kind == 2:
        xs = sorted(random.random() for _ in range(n))
        for _ in range(n // 20 + 1):
            i, j = random.randrange(n), random.randrange(n)
            xs[i], xs[j] = xs[j], xs[i]
        return xs
    if kind == 3:
        xs = []
        while len(xs) < n:
            run = sorted(random.random() for _ in range(random.randint(1, 50)))
            if random.random() < 0.5: run.reverse()
            xs += run
        return xs[:n]
    if kind == 4: return list(range(n, 0, -1)) + list(range(n))
    if kind == 5: return [random.choice([1.0, 2.0, float('nan'), 0.5]) for _ in range(n)]
    return [random.randint(0, n) for _ in range(n)]
total = 0
for trial in range(60):
    n = random.choice([2, 5, 63, 64, 65, 100, 127, 128, 200, 257, 500, 1000, 1500])
    kind = trial % 7
    xs = gen(n, kind)
    log.clear()
    ks = [K(x) for x in xs]
    out = sorted(ks)
    res = [k.v for k in out]
    code = lambda v: 99.0 if v != v else v
    digest = sum((i % 1000 + 1) * (code(a) * 7 + code(b)) for i, (a, b) in enumerate(log))
    print(trial, n, kind, len(log), round(digest, 6), [code(r) for r in res[:12]], round(sum(code(r) * (i + 1) for i, r in enumerate(res)), 6))
    total += len(log)
print(total)
