# dir() of builtin values and types lists their methods as CPython 3.11 does; AttributeError keeps name and obj.
print(dir(list))
print(dir(1))
print(dir(True) == dir(1))
print(dir("x")[-10:])
for t in [list, dict, str, int, float, tuple, set, frozenset, bytes, range, slice, type(None), bool]:
    print(t.__name__, dir(t) == sorted(set(dir(t))), len(dir(t)), dir(t)[40:44])
try:
    [].apend
except AttributeError as e:
    print(e.name, e.obj, e)
try:
    undefined_name
except NameError as e:
    print(e.name, e)
