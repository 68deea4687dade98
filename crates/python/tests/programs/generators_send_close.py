# Generators: yield in loops, send(), close(), delegating by hand, generator expressions.
def averager():
    total = count = 0
    avg = None
    while True:
        x = yield avg
        if x is None:
            break
        total += x
        count += 1
        avg = total / count


g = averager()
print(next(g))
print(g.send(10), g.send(20), g.send(3))
try:
    g.send(None)
except StopIteration as e:
    print("done", e.args)


def ticker():
    for i in range(10):
        yield i


t = ticker()
print(next(t), next(t))
t.close()
print(list(t))


def inner():
    yield 1
    yield 2


def outer():
    it = inner()
    while True:
        try:
            v = next(it)
        except StopIteration:
            print("inner done")
            break
        yield v
    yield 3


print(list(outer()))


def fib():
    a, b = 0, 1
    while True:
        yield a
        a, b = b, a + b


f = fib()
print([next(f) for _ in range(12)])
gen = (x * x for x in range(5))
print(next(gen), sum(gen))
print(list(zip(fib(), "abc")))


def evens(limit):
    n = 0
    while n < limit:
        if n % 2 == 0:
            yield n
        n += 1


print(list(evens(9)), max(evens(7)))
