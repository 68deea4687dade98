# itertools' constructors bind their parameters by keyword and refuse others, as CPython's do.
import itertools

print(list(itertools.islice(itertools.count(start=5, step=2), 3)), list(itertools.repeat(object="x", times=2)))
print(list(itertools.accumulate(iterable=[1, 2, 3], initial=10)), list(itertools.accumulate([1, 2], func=max)))
print([(k, list(g)) for k, g in itertools.groupby(iterable="aab", key=str.upper)])
print(list(itertools.permutations(iterable="abc", r=2))[:2], list(itertools.combinations(r=2, iterable="abc")))
print(list(itertools.combinations_with_replacement("ab", r=2)), list(itertools.product("ab", repeat=2))[:3])
print(list(itertools.compress(data="abc", selectors=[1, 0, 1])), list(itertools.zip_longest("ab", "c", fillvalue="-")))

checks = [
    ("count typo", lambda: itertools.count(strat=1)),
    ("count three", lambda: itertools.count(1, 2, 3)),
    ("count twice", lambda: itertools.count(1, start=2)),
    ("cycle kw", lambda: itertools.cycle(iterable=[1])),
    ("repeat typo", lambda: itertools.repeat(1, time=2)),
    ("accumulate typo", lambda: itertools.accumulate([1], init=0)),
    ("chain kw", lambda: itertools.chain([1], x=1)),
    ("from_iterable kw", lambda: itertools.chain.from_iterable(iterable=[[1]])),
    ("from_iterable two", lambda: itertools.chain.from_iterable([[1]], 2)),
    ("islice kw", lambda: itertools.islice([1], stop=1)),
    ("islice one", lambda: itertools.islice([1])),
    ("tee kw", lambda: itertools.tee([1], n=2)),
    ("tee three", lambda: itertools.tee([1], 2, 3)),
    ("starmap kw", lambda: itertools.starmap(pow, iterable=[])),
    ("dropwhile one", lambda: itertools.dropwhile(bool)),
    ("zip_longest typo", lambda: itertools.zip_longest("a", fill=0)),
    ("product typo", lambda: itertools.product("a", repeats=2)),
    ("permutations typo", lambda: itertools.permutations("ab", k=1)),
    ("combinations missing", lambda: itertools.combinations("ab")),
    ("pairwise kw", lambda: itertools.pairwise(iterable="ab")),
    ("tee copy kw", lambda: itertools.tee("ab")[0].__copy__(x=1)),
    ("tee copy arg", lambda: itertools.tee("ab")[0].__copy__(1)),
]
for name, call in checks:
    try:
        call()
        print(name, "accepted")
    except TypeError as e:
        print(name, "TypeError:", e)
