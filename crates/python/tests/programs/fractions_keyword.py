# fractions (construction from ints, strings, floats and Fractions, arithmetic with ints and floats, comparisons, hash equal to equal numbers', rounding, limit_denominator, errors) and keyword
import math
import operator
from fractions import Fraction
import keyword

values = [Fraction(3, 4), Fraction(-7, 2), Fraction(10**20, 3), Fraction(5), 2, -3, 0.5]
for a in values:
    for b in values:
        row = []
        for op in (operator.add, operator.sub, operator.mul, operator.truediv, operator.floordiv,
                   operator.mod, operator.lt, operator.eq, operator.ge):
            try:
                row.append(repr(op(a, b)))
            except ZeroDivisionError as e:
                row.append(f"ZeroDivisionError: {e}")
        print(a, b, " ".join(row))
for f in values[:4]:
    print(repr(f), str(f), hash(f) == hash(float(f)) or f.denominator != 1, f ** 2, f ** -1, round(f), round(f, 2),
          round(f, -1), int(f), float(f), math.floor(f), math.ceil(f), abs(-f), bool(f), f.as_integer_ratio())
for text in ["3/4", " -2/6 ", "1.5", "-.25", "1e3", "2.5E-2", "1_000/3", "+7"]:
    print(text, repr(Fraction(text)))
for bad in ["x", "3/0", "1/-2"]:
    try:
        Fraction(bad)
    except (ValueError, ZeroDivisionError) as e:
        print(type(e).__name__, e)
print(repr(Fraction(0.1)), Fraction(0.1).limit_denominator(100), Fraction(math.pi).limit_denominator(1000))
print(Fraction(1, 2) == 0.5, hash(Fraction(1, 2)) == hash(0.5), {Fraction(2, 4): "half"}[0.5], Fraction(1, 3) < 0.34)
total = sum(Fraction(1, n) for n in range(1, 11))
print(total, sorted([Fraction(1, 3), Fraction(1, 4), Fraction(2, 7)]), Fraction(Fraction(1, 2), Fraction(3, 4)))
try:
    Fraction(1, 0)
except ZeroDivisionError as e:
    print("ZeroDivisionError", e)
for name in ["for", "class", "match", "hello", "True", "_", "async"]:
    print(name, keyword.iskeyword(name), keyword.issoftkeyword(name))
print(len(keyword.kwlist), keyword.softkwlist)
