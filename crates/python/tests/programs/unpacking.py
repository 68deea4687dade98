# Unpacking: starred targets, nested tuples, swaps, unpacking in for loops and literals.
a, b = 1, 2
a, b = b, a
print(a, b)
first, *rest = [1, 2, 3, 4]
print(first, rest)
*init, last = "hello"
print(init, last)
head, *mid, tail = range(6)
print(head, mid, tail)
(x, y), z = (1, 2), 3
print(x, y, z)
for i, (k, v) in enumerate({"a": 1, "b": 2}.items()):
    print(i, k, v)
print([*range(3), *"ab", *{"k": 1}])
print({**{"a": 1, "b": 2}, "b": 3, **{"c": 4}})
print((*[1, 2], 3))
print({*[1, 2], 2, 3} == {1, 2, 3})
a, *b, c = 1, 2
print(a, b, c)
try:
    p, q = [1, 2, 3]
except ValueError as e:
    print("ValueError:", e)
try:
    p, q, r = [1, 2]
except ValueError as e:
    print("ValueError:", e)
try:
    p, *q, r = [1]
except ValueError as e:
    print("ValueError:", e)
m = [[1, 2], [3, 4]]
for (p, q) in m:
    print(p + q)
print(*[1, 2, 3], sep="-", end="!\n")
d = dict(zip("xyz", range(3)))
print(d, [*d.values()])
