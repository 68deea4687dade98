# The iteration order of sets of numbers and tuples is CPython's: it follows
# the hash table's slots (probing, dummies, resizes, pop's finger) and the
# way each operation builds its result.
s = set()
for x in (-1, 8, 16, 0, 33, 7):
    s.add(x)
print(s, {3, 1, 2}, {10, 5, 100, 1}, {-2, -1, 5}, {(1, 2), (3, 4), (0.5, -1)})
print({1.5, 2.25, -0.0, 3}, {True, 2, 0}, {2**70, -2**65, 1, 2**61 - 1})

s = {0, 8, 16}
s.discard(0)
s.discard(16)
s.add(24)
print(s)

a = set(range(20))
a -= {3, 4}
a.add(100)
print(a)
b = {v * 7919 for v in range(30) if v % 3}
print(b)
print(a | b, a & b, b - a, a ^ b)
print(a.union([5, 99, -3], b), a.intersection(range(0, 50, 3)), a.difference([1, 2], {5: 0}))
print(b.symmetric_difference(range(10)), set(dict.fromkeys([9, -9, 18, 27])))
c = {*a, 77, *[-5, -6]}
print(c)
c &= set(range(0, 200, 2))
print(c)
c ^= {1, 3, 5, 6}
print(c)
c |= b
print(c)
popped = [c.pop() for _ in range(5)]
print(popped, c)
c.clear()
c.update([5, 4, 3])
print(c, frozenset(a) - {1}, type(frozenset(a) | b).__name__)
print(hash(frozenset()), hash(frozenset({1, 2, -1})), hash(frozenset(a)) == hash(frozenset(sorted(a))))
