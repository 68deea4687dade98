# A builtin type's method called through the class checks its first argument
# (list.append(5, 1) used to stop the interpreter); empty partition separators.
for call in (lambda: str.upper(42), lambda: list.append(5, 1), lambda: dict.get([], 1), lambda: set.add(frozenset(), 1),
             lambda: int.__repr__("x"), lambda: float.is_integer(1), lambda: "abc".partition(""),
             lambda: "abc".rpartition(""), lambda: list(map(str.strip, [" a", 7]))):
    try:
        print(call())
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
print(str.upper("ok"), list(map(str.strip, [" a ", "b "])), int.bit_length(True), dict.get({"k": 1}, "k"),
      set.union({1}, {2}), tuple.count((1, 1), 1), float.is_integer(2.0), int.__repr__(2**70))
