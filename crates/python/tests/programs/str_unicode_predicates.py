# str predicates over Unicode: isdecimal, isdigit, isalnum, isspace, isidentifier, isprintable, and repr
samples = ["123", "٣٤", "²", "①", "x²", "abc", "é", "中文", "a_b", "_x", "1a", "x1", "ा", "क्ष", "\x1c", " \t\n",
           "\u00a0", "\u200b", "\u2028", "Ⅻ", "½", "𝟘", "ab\u0301", "\x7f", "€", "ǅ", ""]
for s in samples:
    print(repr(s), s.isdecimal(), s.isdigit(), s.isalnum(), s.isspace(), s.isidentifier(), s.isprintable())
print([c for c in map(chr, range(0x2000, 0x2030)) if c.isspace()])
print(sum(chr(c).isdecimal() for c in range(0xD800)), sum(chr(c).isdigit() for c in range(0xD800)),
      sum(chr(c).isalnum() for c in range(0x3000)), sum(chr(c).isprintable() for c in range(0x3000)))
