# Closures capture variables, nonlocal rebinds them, late binding in loops, global.
def counter(start=0):
    n = start

    def inc(step=1):
        nonlocal n
        n += step
        return n

    return inc


c = counter()
print(c(), c(), c(10))
d = counter(100)
print(d(), c())

funcs = [lambda: i for i in range(3)]
print([f() for f in funcs])
funcs = [lambda i=i: i for i in range(3)]
print([f() for f in funcs])

total = 0


def add(x):
    global total
    total += x
    return total


print(add(5), add(7), total)


def outer():
    x = "outer"

    def middle():
        def inner():
            return x

        return inner()

    x = "changed"
    return middle()


print(outer())


def make_acc():
    items = []

    def acc(x):
        items.append(x)
        return len(items)

    return acc, items


acc, items = make_acc()
acc("a")
acc("b")
print(items, acc.__name__)
print((lambda a, b=2: a * b)(4), (lambda *a: sum(a))(1, 2, 3))
