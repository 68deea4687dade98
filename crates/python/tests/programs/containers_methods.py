# dict/set/list/tuple methods, ordering, sorted with key/reverse, and the iteration builtins.
inventory = {"apples": 5, "pears": 0, "kiwis": 12}
inventory["figs"] = 3
inventory.update(pears=2, plums=7)
print(inventory, list(inventory.keys())[:2], sum(inventory.values()))
print(inventory.pop("kiwis"), inventory.pop("nope", None), inventory.setdefault("dates", 1), inventory.get("x", -1))
print(sorted(inventory.items(), key=lambda kv: (-kv[1], kv[0])))
print(dict.fromkeys("ab", 0), {**inventory}.popitem(), "figs" in inventory, len(inventory))
del inventory["figs"]
print(inventory)
a, b = {1, 2, 3, 4}, {3, 4, 5}
print(a | b, a & b, a - b, a ^ b, a <= {1, 2, 3, 4, 5}, b.isdisjoint({9}), sorted(a.union([9, 8])))
a.intersection_update({2, 3, 9})
print(a, frozenset({1, 2}) == {1, 2}, {x % 3 for x in range(10)})
nums = [5, 3, 8, 1, 9, 2]
nums.sort(reverse=True)
print(nums, sorted(nums), sorted("Banana", key=str.lower), sorted([(2, "b"), (1, "z"), (2, "a")]))
nums.insert(2, 7)
nums.remove(9)
print(nums, nums.index(7), nums.count(3), nums.pop(), nums.pop(0), nums)
print(list(reversed(nums)), list(enumerate("ab", start=1)), list(zip("abc", [1, 2])))
print(list(map(str.upper, ["x", "y"])), list(filter(None, [0, 1, "", "a", None])), list(map(pow, [2, 3], [3, 2])))
print(min("hello"), max([3, 1, 2], key=lambda x: -x), sum([[1], [2]], []), any([]), all([]))
t = (3, 1, 2)
print(t.index(1), t.count(3), t + (4,), t * 2, sorted(t), tuple(reversed(t)), (1, 2) < (1, 3), [1, 2] == [1, 2])
words = ["pear", "fig", "apple", "date"]
print(sorted(words, key=len, reverse=True), sorted(words)[-1], words[::-1])
matrix = [[1, 2, 3], [4, 5, 6]]
print(list(zip(*matrix)), [sum(col) for col in zip(*matrix)])
print(divmod(7, 2), list(range(10, 0, -3)), sum(range(5), 10), round(sum([0.1, 0.2]), 2))
