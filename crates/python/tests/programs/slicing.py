# Slicing lists, strings, tuples and ranges, including negative steps and slice assignment.
s = "abcdefghij"
print(s[2:5], s[:3], s[-3:], s[::2], s[::-1], s[-2:2:-2], s[8:1:-3], s[100:], s[-100:2])
lst = list(range(10))
print(lst[1::3], lst[::-2], lst[-1:-5:-1], lst[5:2], lst[:-7])
lst[2:5] = ["x", "y"]
print(lst)
lst[::2] = [0] * 5
print(lst)
del lst[1:3]
print(lst)
del lst[::2]
print(lst)
t = (1, 2, 3, 4, 5)
print(t[1:-1], t[::-1], t[3:0:-1])
r = range(0, 20, 3)
print(r[2:5], list(r[::-1]), r[-1], len(r), r.index(9), 12 in r)
print(range(10)[::-3], list(range(5, 0, -1)))
sl = slice(1, 8, 2)
print(s[sl], sl.start, sl.stop, sl.step)
try:
    lst[::2] = [1, 2, 3, 4, 5, 6, 7]
except ValueError as e:
    print("ValueError:", e)
try:
    print(s[20])
except IndexError as e:
    print("IndexError:", e)
a = [1, 2, 3]
b = a[:]
b.append(4)
print(a, b, a[:0], a[3:])
