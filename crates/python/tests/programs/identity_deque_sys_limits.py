# Equal string constants are one object ('is'), zero-argument builtin methods refuse arguments, type.mro(), deque operators (+, *, +=, *=, <, del d[i]) and C-type names in messages, sys.setrecursionlimit and the int-to-str digit limit.
x = "hello"
y = "hello"
def f():
    return "hello"
def g():
    return "hello world"
s1 = "hello world"
s2 = "hello world"
print(x is y, x is not y, f() is x, s1 is s2, g() is s1, g() is g())
print("a".upper(*[]) , len("ab"))
class A: pass
class B(A): pass
print(B.mro(), A.mro())
for bad in [lambda: (1).bit_length(2), lambda: "a".upper(1), lambda: [].copy(1), lambda: {}.keys(1), lambda: set().pop(1), lambda: (1.5).is_integer(1), lambda: B.mro(1)]:
    try:
        bad()
    except TypeError as e:
        print(e)
from collections import deque
d = deque([1,2], maxlen=3)
cases = [('d + [3]', lambda: d + [3]), ('d + deque([3,4])', lambda: d + deque([3,4])), ('[0] + d', lambda: [0] + d), ('d * 2', lambda: d * 2), ('2 * d', lambda: 2 * d), ('d < deque([1,3])', lambda: d < deque([1,3])), ('d < [1]', lambda: d < [1]), ('d - d', lambda: d - d), ('d * -1', lambda: d * -1), ('deque([1]) >= deque([1])', lambda: deque([1]) >= deque([1]))]
for text, f in cases:
    try:
        print(text, '=', repr(f()))
    except TypeError as x:
        print(text, '->', x)
d2 = deque([1,2]); d2 += [5]; print(d2); d2 *= 2; print(d2); del d2[0]; print(d2); del d2[-1]; print(d2)
try:
    del d2[10]
except IndexError as x: print(x)
q = deque()
q += range(3)
for x in q:
    pass
print(q, len(q))
import sys
print(sys.getrecursionlimit(), sys.get_int_max_str_digits())
sys.setrecursionlimit(1000)
print(sys.getrecursionlimit())
for bad in [lambda: sys.setrecursionlimit(0), lambda: sys.setrecursionlimit("x"), lambda: sys.set_int_max_str_digits(10)]:
    try:
        bad()
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
n = 10 ** 5000
try:
    str(n)
except ValueError as e:
    print("ValueError", e)
sys.set_int_max_str_digits(6000)
print(len(str(n)), sys.get_int_max_str_digits())
try:
    int("1" * 7000)
except ValueError as e:
    print("ValueError", e)
sys.set_int_max_str_digits(0)
print(len(str(10 ** 7000)))
