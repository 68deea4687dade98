# zip(strict=True): unequal lengths are CPython's ValueError naming the argument.
print(list(zip([1, 2], "ab", strict=True)), list(zip(strict=False)), list(zip([1], [2], [3], strict=True)))
for args in (([1, 2, 3], "ab"), ([1], "ab"), ([1, 2], [1, 2], [1]), ([1, 2], [1, 2], [1, 2, 3]), ([1, 2], [1], [1, 2])):
    try:
        print(list(zip(*args, strict=True)))
    except ValueError as e:
        print("ValueError:", e)
print(list(zip([1, 2, 3], "ab")))
