# TypeVar's attributes and variance; get_origin/get_args of int | str; the
# wording of zip's, issubclass's and super()'s errors in 3.11.
from typing import TypeVar, get_origin, get_args, Optional, Union
T = TypeVar("T", bound=int)
S = TypeVar("S", int, str)
C = TypeVar("C", covariant=True)
D = TypeVar("D", contravariant=True)
print(T.__name__, T.__bound__, S.__constraints__, T.__constraints__, C, D, T, C.__covariant__, D.__contravariant__)
print(get_origin(int | str), get_args(int | str), get_args(int | None), get_origin(Optional[int]), get_args(Optional[int]))
print((int | str).__args__, get_origin(int), get_args(int))
try:
    TypeVar("X", covariant=True, contravariant=True)
except ValueError as e:
    print(e)
for f in [lambda: zip(1), lambda: issubclass(int, 1), lambda: int]:
    try: f()
    except (TypeError, RuntimeError) as e: print(e)
try:
    super()
except RuntimeError as e:
    print(e)
