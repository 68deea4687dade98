# Unions compare as sets of members (typing's and `|`'s), divmod() calls
# __divmod__/__rdivmod__ (never // and %), itertools takes __index__.
import itertools
from fractions import Fraction
from typing import List, Optional, Union

print(Optional[int] == Optional[int], Optional[int] == Union[int, None], Union[int, str] == Union[str, int])
print(Union[int, str] == Union[int, float], List[int] == List[int], List[int] == List[str])
print((int | None) == Optional[int], Union[int, str] == (int | str), (str | int) == (int | str))
print(Optional[int] != Optional[int], (int | str) != (int | None))


class M:
    def __init__(self, v):
        self.v = v

    def __divmod__(self, o):
        return ("dm", self.v, o)

    def __rdivmod__(self, o):
        return ("rdm", self.v, o)

    def __repr__(self):
        return f"{type(self).__name__}({self.v})"


class S(M):
    pass


class R(M):
    def __rdivmod__(self, o):
        return ("R.rdm", self.v, o)


class N:
    def __floordiv__(self, o):
        return 1

    def __mod__(self, o):
        return 2


print(divmod(M(1), 5), divmod(5, M(2)), divmod(M(1), S(2)), divmod(M(1), R(3)))
print(divmod(Fraction(7, 2), 1), divmod(7, Fraction(2, 3)), divmod(7.5, Fraction(1, 2)))
for a, b in [(N(), 3), (3, N()), (7, "a"), ("a", 2)]:
    try:
        print(divmod(a, b))
    except TypeError as e:
        print("TypeError:", e)


class I:
    def __init__(self, v):
        self.v = v

    def __index__(self):
        return self.v


print(list(itertools.islice("abcdef", I(2))), list(itertools.islice("abcdef", I(1), I(5), I(2))))
print(list(itertools.combinations("abc", I(2))))
try:
    print(list(itertools.permutations("ab", I(2))))
except TypeError as e:
    print("TypeError:", e)
print(list(itertools.product("ab", repeat=I(2))))
