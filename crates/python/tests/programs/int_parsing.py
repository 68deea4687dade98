# int() and float() of strings: Unicode digits, base 0's literal rules, an underscore after the prefix.
for s, b in [("٣٤", 10), ("１２", 0), ("08", 0), ("010", 0), ("0_7", 0), ("00", 0), ("0_0", 0), ("0", 0), ("0x_1f", 0), ("0b_101", 2), ("0x__1", 0), ("_1", 10), (" \x1c12\x1f ", 10), ("0o17", 0), ("1_000", 0), ("0X1F", 16), ("-0b11", 0), ("+ 1", 10), ("٣_٤", 10)]:
    try:
        print(repr(s), b, int(s, b))
    except ValueError as e:
        print(e)
for s in ["٣.٥", " 1e3 ", "1_0.5", "\x1c2.5", "١e١"]:
    try:
        print(float(s))
    except ValueError as e:
        print(e)
