#!/usr/bin/env python3
"""Write the CPython expectations the engine's `pyrandom` and `pyvalue` tests check.

Run from the repository root with CPython 3.11:

    python3 scripts/gen_python_cases.py

It writes
  crates/engine/tests/data/pyrandom_cases.txt  (random.Random, per seed)
  crates/engine/tests/data/pyvalue_cases.txt   (repr()/str() and comparisons)

`python3 scripts/gen_python_cases.py --printable-table` instead prints the
table of code points `str.isprintable()` rejects, as pasted into
crates/engine/src/pyvalue.rs (NON_PRINTABLE).
"""

import math
import os
import random
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DATA = os.path.join(ROOT, "crates", "engine", "tests", "data")
COMMAND = "python3 scripts/gen_python_cases.py"

# ---------------------------------------------------------------- pyrandom


def seeds():
    fixed = [
        0, 1, 2, 3, 7, 42, 100, 1234, 65535, 65536, 2**31 - 1, 2**31,
        2**32 - 1, 2**32, 2**32 + 1, 2**40 + 12345, 2**53, 2**63 - 1, 2**63,
        2**64 - 1, 2**64, 2**96 + 5, 2**127 - 1, 1 << 126,
        -1, -2, -42, -(2**32), -(2**63), -(2**63 - 1), -(2**127),
    ]
    picker = random.Random(20240611)
    out = list(fixed)
    while len(out) < 120:
        out.append(picker.randrange(2**32))
    while len(out) < 190:
        out.append(picker.randrange(2**64))
    while len(out) < 200:
        out.append(-picker.randrange(1, 2**63))
    return out


def fmt_result(v):
    if isinstance(v, bool):
        raise TypeError(v)
    if isinstance(v, float):
        return repr(v)
    if isinstance(v, int):
        return str(v)
    if isinstance(v, list):
        return "[" + ",".join(fmt_result(x) for x in v) + "]"
    raise TypeError(v)


def calls(seed_index):
    """(method, args) in the order they are applied to one generator."""
    out = [
        ("random", ()),
        ("random", ()),
        ("getrandbits", (0,)),
        ("getrandbits", (1,)),
        ("getrandbits", (7,)),
        ("getrandbits", (31,)),
        ("getrandbits", (32,)),
        ("getrandbits", (33,)),
        ("getrandbits", (64,)),
        ("getrandbits", (100,)),
        ("getrandbits", (128,)),
        ("randint", (1, 6)),
        ("randint", (-10, 10)),
        ("randint", (0, 10**6)),
        ("randint", (5, 5)),
        ("randint", (-(2**62), 2**62)),
        ("randint", (-(2**63), 2**63 - 1)),
        ("randrange", (10,)),
        ("randrange", (3, 17)),
        ("randrange", (0, 100, 7)),
        ("randrange", (100, 0, -3)),
        ("randrange", (-50, 50, 5)),
        ("randrange", (0, 2**63 - 1)),
        ("randrange", (2**62, -(2**62), -12345)),
        ("randrange", (-(2**63), 2**63 - 1, 3)),
        ("uniform", (0.0, 1.0)),
        ("uniform", (-3.5, 10.25)),
        ("uniform", (5.0, 2.0)),
        ("choice", (7,)),
        ("choice", (1,)),
        ("choice", (1000,)),
        ("shuffle", (10,)),
        ("sample", (100, 7)),
        ("sample", (10, 7)),
        ("sample", (1000, 30)),
        ("random", ()),
    ]
    # Vary the rest so that every seed does not repeat the same list.
    if seed_index % 2 == 0:
        out.append(("shuffle", (50,)))
        out.append(("sample", (20, 20)))
        out.append(("sample", (50, 6)))
    else:
        out.append(("sample", (5, 0)))
        out.append(("sample", (10**6, 5)))
        out.append(("sample", (100, 6)))
        out.append(("sample", (300, 100)))
    if seed_index % 10 == 0:
        out.append(("burn", (700,)))
        out.append(("random", ()))
        out.append(("getrandbits", (1000,)))
        out.append(("shuffle", (50,)))
    if seed_index % 25 == 0:
        # Errors: the generator must be left untouched.
        out.append(("randrange", (0,)))
        out.append(("randrange", (-5,)))
        out.append(("randint", (5, 4)))
        out.append(("randrange", (10, 10)))
        out.append(("randrange", (0, 10, 0)))
        out.append(("randrange", (10, 0, 2)))
        out.append(("randrange", (0, 10, -1)))
        out.append(("choice", (0,)))
        out.append(("sample", (3, 5)))
        out.append(("random", ()))
    return out


def apply(r, method, args):
    if method == "burn":
        for _ in range(args[0]):
            r.getrandbits(32)
        return "ok"
    if method == "choice":
        return r.choice(range(args[0]))
    if method == "shuffle":
        x = list(range(args[0]))
        r.shuffle(x)
        return x
    if method == "sample":
        return r.sample(range(args[0]), args[1])
    if method == "getrandbits" and args[0] > 128:
        # Written as its 32-bit words, least significant first.
        v = r.getrandbits(args[0])
        return [(v >> (32 * i)) & 0xFFFFFFFF for i in range(math.ceil(args[0] / 32))]
    return getattr(r, method)(*args)


def write_pyrandom():
    lines = [
        "# random.Random expectations from CPython %s." % sys.version.split()[0],
        "# Regenerate with: %s" % COMMAND,
        "# 'seed S' starts a fresh random.Random(S); each following line is",
        "# 'method args -> result' applied in order to that generator.",
        "# Floats are repr(); lists are [a,b,...]; '!Type: message' is an exception;",
        "# getrandbits(k > 128) is written as its 32-bit words, least significant first;",
        "# 'burn n' is n calls of getrandbits(32).",
    ]
    for i, s in enumerate(seeds()):
        r = random.Random(s)
        lines.append("seed %d" % s)
        for method, args in calls(i):
            try:
                res = apply(r, method, args)
                res = res if method == "burn" else fmt_result(res)
            except (ValueError, IndexError) as e:
                res = "!%s: %s" % (type(e).__name__, e)
            lines.append("%s -> %s" % (" ".join([method] + [str(a) for a in args]), res))
    path = os.path.join(DATA, "pyrandom_cases.txt")
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        f.write("\n".join(lines) + "\n")
    print("wrote", path, sum(1 for ln in lines if not ln.startswith(("#", "seed"))), "calls")


# ---------------------------------------------------------------- pyvalue


def enc(v):
    """The value as tokens the Rust test parses (see the data file header)."""
    if v is None:
        return "N"
    if v is True:
        return "T"
    if v is False:
        return "F"
    if isinstance(v, int):
        return "i:%d" % v
    if isinstance(v, float):
        return "f:%s" % repr(v)
    if isinstance(v, str):
        return "s:" + v.encode("utf-8").hex()
    if isinstance(v, list):
        return " ".join(["L%d" % len(v)] + [enc(x) for x in v])
    if isinstance(v, tuple):
        return " ".join(["U%d" % len(v)] + [enc(x) for x in v])
    if isinstance(v, dict):
        parts = ["D%d" % len(v)]
        for k, x in v.items():
            parts.append(enc(k))
            parts.append(enc(x))
        return " ".join(parts)
    raise TypeError(v)


def esc(text):
    """Escape a text onto one line: \\\\, \\n, \\r and \\u{hex} for other controls."""
    out = []
    for ch in text:
        o = ord(ch)
        if ch == "\\":
            out.append("\\\\")
        elif ch == "\n":
            out.append("\\n")
        elif ch == "\r":
            out.append("\\r")
        elif o < 0x20 or 0x7F <= o <= 0x9F or o in (0x2028, 0x2029):
            out.append("\\u{%x}" % o)
        else:
            out.append(ch)
    return "".join(out)


def repr_values():
    nan = float("nan")
    return [
        None, True, False, 0, 1, -1, 42, 2**63 - 1, -(2**63), 10**18,
        0.0, -0.0, 1.0, -2.5, 0.1, 0.1 + 0.2, 1e-05, 0.0001, 1e16, 1e15,
        1234567890123456.0, 1e22, 1.5e-10, 100.0, 1 / 3, 2 / 3, 5e-324,
        1.7976931348623157e308, float("inf"), float("-inf"), nan, 3.14159,
        "", "a", "hello world", "it's", 'say "hi"', "it's \"both\"", "back\\slash",
        "line\nbreak", "tab\there", "cr\rlf", "nul\x00byte", "bell\x07", "del\x7f",
        "esc\x1b[0m", "\x80\x9f", "nbsp\xa0", "soft\xadhyphen", "é", "café", "中文",
        "😀", "emoji 🎉 party", "\u2028", "\u200b", "\ufeff", "\ue000", "\U000e0001",
        "\U0010ffff", "\u0378", "zwj\u200d", "ÿ", "\t\n\r\\'", "'", '"', "'\"",
        [], [1], [1, "a"], [1, 2.5, None, True], (), (1,), (1, 2), ("a", "b", "c"),
        ((),), ([],), {}, {"a": 1}, {"a": 1, "b": [1, 2], 3: (4,)},
        {1.5: "x", None: False, (1, 2): {"k": "v"}},
        [[1, [2, [3, []]]], ("x", ("y",)), {"d": {"e": {}}}],
        ["it's", 'q"', "é\n"], ("tab\t",), [0.1, -0.0, 1e16, float("inf")],
        {"key with 'quote'": "value\nline"},
    ]


def compare_cases():
    vals = [
        (1, 2), (2, 1), (1, 1), (1, 1.0), (1, 1.5), (2, 1.5), (-1, -0.5),
        (True, 2), (False, True), (True, 1), (0.1, 0.2), (float("nan"), 1),
        (1, float("nan")), (float("nan"), float("nan")), (float("-inf"), -(2**63)),
        (2**63 - 1, 9.223372036854776e18), (2**53 + 1, 2.0**53), (2.0**53, 2**53 + 1),
        (-(2**63), -9.223372036854776e18), (9007199254740993, 9007199254740992.0),
        (-9007199254740993, -9007199254740992.0), (0, -0.0),
        ("a", "b"), ("b", "a"), ("a", "a"), ("a", "ab"), ("ab", "a"), ("", "a"),
        ("Z", "a"), ("é", "z"), ("中", "😀"), ("\uffff", "😀"),
        ((), ()), ((), (1,)), ((1,), ()), ((1, 2), (1, 3)), ((1, 2), (1, 2)),
        ((1, 2), (1, 2, 0)), ((2,), (1, 99)), ((1, "a"), (1, "b")),
        ((1, "a"), (2, 5)), ((1, "a"), (1, 5)), ((1.0, "x"), (1, "y")),
        ([1, 2], [1, 3]), ([1, [2, 3]], [1, [2, 4]]), ([], []), ([1], [1, 2]),
        ((0.5, 2, "job"), (0.5, 1, "job")), ((3, "low"), (1, "high")),
        ((float("nan"), 1), (float("nan"), 2)),
        ("a", 1), (1, "a"), (None, None), (None, 1), (1, None), ([1], (1,)),
        ((1,), [1]), ({}, {}), ({"a": 1}, {"a": 1}), ("x", 1.5), (1.5, "x"),
        ((1, 2), ("a", 2)), ([None], [None]), ([None], [1]), (True, "t"),
        ((1, {}), (1, {})), ((1, {}), (2, {})), ([1, 2], [1.0, 2.0]),
        ({"a": 1, "b": 2}, {"b": 2, "a": 1}), ({"a": 1}, {"a": 2}),
        ("abc", "abc"), (1, True), (0.0, False), ((1, [2]), (1, [2])),
    ]
    return vals


def write_pyvalue():
    lines = [
        "# repr()/str() and comparison expectations from CPython %s." % sys.version.split()[0],
        "# Regenerate with: %s" % COMMAND,
        "# Values are prefix tokens: N None, T True, F False, i:INT, f:FLOAT_REPR,",
        "# s:UTF8_HEX, Ln list / Un tuple / Dn dict of n items (n key value pairs) that follow.",
        "# 'v VALUE' is followed by 'r REPR' and 's STR' (escaped: \\\\ \\n \\r \\u{hex}).",
        "# 'c OP A B' is followed by '= True', '= False' or '= !Type: message'.",
    ]
    for v in repr_values():
        lines.append("v " + enc(v))
        lines.append("r " + esc(repr(v)))
        lines.append("s " + esc(str(v)))
    ops = {
        "<": lambda a, b: a < b,
        "<=": lambda a, b: a <= b,
        ">": lambda a, b: a > b,
        ">=": lambda a, b: a >= b,
        "==": lambda a, b: a == b,
        "!=": lambda a, b: a != b,
    }
    for a, b in compare_cases():
        for op, fn in ops.items():
            try:
                res = "True" if fn(a, b) else "False"
            except TypeError as e:
                res = "!TypeError: %s" % e
            lines.append("c %s %s %s" % (op, enc(a), enc(b)))
            lines.append("= " + res)
    path = os.path.join(DATA, "pyvalue_cases.txt")
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        f.write("\n".join(lines) + "\n")
    print("wrote", path)


# ---------------------------------------------------------------- printable table


def printable_table():
    ranges = []
    start = None
    for c in range(0x110000):
        printable = chr(c).isprintable()
        if not printable and start is None:
            start = c
        elif printable and start is not None:
            ranges.append((start, c - 1))
            start = None
    if start is not None:
        ranges.append((start, 0x10FFFF))
    items = ["(0x%x, 0x%x)," % r for r in ranges]
    print("// %d ranges, Unicode %s" % (len(ranges), __import__("unicodedata").unidata_version))
    line = ""
    for item in items:
        if len(line) + len(item) + 1 > 104:
            print("    " + line.rstrip())
            line = ""
        line += item + " "
    if line:
        print("    " + line.rstrip())


def main():
    if sys.version_info[:2] != (3, 11):
        print("warning: expectations are meant to come from CPython 3.11", file=sys.stderr)
    if "--printable-table" in sys.argv:
        printable_table()
        return
    os.makedirs(DATA, exist_ok=True)
    write_pyrandom()
    write_pyvalue()


if __name__ == "__main__":
    main()
