# str.maketrans (one dict, two or three strings) and str.translate.
t = str.maketrans("abc", "xyz", "d")
print(sorted(t.items()), "abcdd-cab".translate(t))
print("hello".translate({ord("l"): "L!", ord("o"): None}), "hi".translate(str.maketrans({"h": "j"})))
print("Hello, World!".translate(str.maketrans("", "", ",!")), "abc".translate([None, 1]))
