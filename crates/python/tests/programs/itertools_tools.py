# itertools: the infinite iterators, the lazy filters and slicers, groupby's shared iterator, tee, combinatorics.
import itertools as it
from itertools import count, cycle, repeat, islice, groupby

print(list(islice(count(5, 3), 4)), list(zip("abc", count(1.5, 0.5))), repr(count(2)), repr(count(0, 2)))
print(list(islice(cycle("xy"), 5)), list(repeat("z", 3)), repr(repeat(1, 2)), list(zip(range(3), repeat(0))))
print(list(it.accumulate([1, 2, 3, 4])), list(it.accumulate([3, 1, 4], max)), list(it.accumulate([1, 2], initial=10)))
print(list(it.chain("ab", [1], ())), list(it.chain.from_iterable([[1, 2], "cd"])))
print(list(it.compress("abcdef", [1, 0, 1, 0, 1])), list(it.dropwhile(lambda x: x < 3, [1, 2, 3, 1, 4])))
print(list(it.takewhile(lambda x: x < 3, [1, 2, 3, 1])), list(it.filterfalse(None, [0, 1, "", "a", None])))
print([(k, list(g)) for k, g in groupby("aaabccdaa")], [(k, len(list(g))) for k, g in groupby([1, 3, 2, 4, 5], key=lambda x: x % 2)])
groups = list(groupby("aabbb"))
print([(k, list(g)) for k, g in groups])
outer = groupby("xxyz")
k1, g1 = next(outer)
print(k1, next(g1), next(outer)[0], list(g1))
print(list(islice("abcdefg", 2)), list(islice("abcdefg", 2, None)), list(islice("abcdefg", 1, 6, 2)), list(islice(range(10), 3, 3)))
print(list(it.pairwise("abcd")), list(it.pairwise([1])), list(it.starmap(pow, [(2, 5), [3, 2]])))
a, b = it.tee(iter([1, 2, 3]))
print(next(a), next(a), list(b), list(a), len(it.tee("ab", 3)), it.tee("ab", 0))
c, d = it.tee(a)
print(c is a, list(d))
print(list(it.zip_longest("ab", [1, 2, 3], fillvalue="-")), list(it.zip_longest()), list(it.zip_longest([1], [])))
print(list(it.product("ab", [0, 1])), list(it.product([1, 2], repeat=2)), list(it.product()), list(it.product("a", [])))
print(list(it.permutations("abc", 2)), list(it.permutations([1, 2])), list(it.permutations("ab", 3)), list(it.permutations([], 0)))
print(list(it.combinations("abcd", 2)), list(it.combinations([1, 2], 0)), list(it.combinations("ab", 3)))
print(list(it.combinations_with_replacement("abc", 2)), list(it.combinations_with_replacement([], 1)))
for bad in [
    lambda: it.count("a"), lambda: it.count(1, start=2), lambda: it.repeat(), lambda: it.repeat(1, "a"),
    lambda: it.cycle(), lambda: it.cycle([], x=1), lambda: it.accumulate([], None, 3), lambda: it.chain(x=1),
    lambda: it.chain.from_iterable(), lambda: it.compress([1]), lambda: it.dropwhile(None), lambda: it.groupby(5),
    lambda: it.islice([]), lambda: it.islice([], -1), lambda: it.islice([], -2), lambda: it.islice([], "a", 5),
    lambda: it.islice([], 1, 2, 0), lambda: it.islice([], x=1), lambda: it.pairwise(5), lambda: list(it.starmap(pow, [1])),
    lambda: it.tee([], -1), lambda: it.tee([], n=2), lambda: it.zip_longest(x=1), lambda: it.product([], repeat=-1),
    lambda: it.product([], x=1), lambda: it.permutations([], "a"), lambda: it.permutations([], -1),
    lambda: it.combinations([]), lambda: it.combinations([], -1), lambda: it.combinations_with_replacement([], "a"),
    lambda: list(it.chain([1], 2)), lambda: it.accumulate(x=1),
]:
    try:
        bad()
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
print(type(count()).__name__, isinstance(it.chain(), it.chain), sum(islice(count(), 1000)))
