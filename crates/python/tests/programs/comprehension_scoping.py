# Comprehensions: own scope, nested loops, conditions, dict/set comprehensions, walrus.
x = "outer"
squares = [x * x for x in range(5)]
print(x, squares)
pairs = [(a, b) for a in range(3) for b in range(a) if (a + b) % 2]
print(pairs)
matrix = [[r * 3 + c for c in range(3)] for r in range(3)]
print(matrix)
print([row[i] for i, row in enumerate(matrix)])
print([v for row in matrix for v in row if v % 2 == 0])
words = ["apple", "bob", "kiwi", "banana", "fig"]
print({w: len(w) for w in words})
print(sorted({len(w) for w in words}))
print({k: v for k, v in zip("abc", range(3))})
data = [3, 8, 1, 9, 4]
print([y for v in data if (y := v * 2) > 6])
if (n := len(data)) > 3:
    print('long list', n)
n = 10
print([n + i for i in range(3)])


class K:
    vals = [1, 2, 3]
    doubled = [v * 2 for v in vals]


print(K.doubled)
print(list(map(lambda p: p[0] * p[1], zip(range(4), range(4, 8)))))
print([[1, 2][i % 2] for i in range(5)])
print(any(w.startswith("b") for w in words), all(len(w) > 2 for w in words))
