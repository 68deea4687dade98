# re: compile, match/search/fullmatch, findall/finditer, sub/subn with templates and callables, split, errors
import re
print(re.findall(r'href="([^"]+)"', '<a href="/x">x</a> <a href="/y">'))
print(re.findall(r"[\w.]+@[\w.]+", "mail admin@site.org and team@site.org."))
m = re.match(r"(?P<key>\w+)=(?P<val>\d+)?", "abc= rest")
print(m, m.groups(), m.groupdict(), m.group("key", 2), m.span(2), m.start(), m.end(1), m.lastindex, m.lastgroup)
print(re.search(r"\d+", "ab 123 cd"), re.fullmatch(r"a+", "aab"), bool(re.match("x", "x")))
print(re.sub(r"(\w+)@(\w+)", r"\2 at \1", "bob@home, al@work"), re.subn(r"a", "b", "aaa", count=2))
print(re.sub(r"\d", lambda m: str(int(m.group()) * 2), "a1b2c3"))
print(re.split(r"[,;]\s*", "a, b;c,  d"), re.split(r"(,)", "a,b,c", maxsplit=1), re.split(r"x*", "axbc"))
print(re.sub(r"x*", "-", "abxd"), re.findall(r"", "ab"), [m.span() for m in re.finditer(r"\b", "hi yo")])
p = re.compile(r"^(\d{3})-(\d{4})$", re.M | re.I)
print(p, p.pattern, p.flags, p.groups, p.groupindex, p.findall("555-1234\n666-9999\nno"))
print(re.compile("a", re.I | re.S | re.X), re.compile(r"\d") is re.compile(r"\d"))
print(re.escape("a.b*c (d)"), re.sub(r"(?P<w>\w+)", r"<\g<w>|\g<0>>", "hi there"))
for bad in ["(", "a)", "[a", "*a", r"\q", "(?P<1>x)", "a{3,2}", "(?<=a+)b"]:
    try:
        re.compile(bad)
    except re.error as e:
        print("error:", e, "|", e.msg, e.pos)
for f in (lambda: re.sub("a", r"\3", "a"), lambda: re.sub("a", r"\g<x>", "a"), lambda: m.group(5), lambda: re.match("a", 5), lambda: re.compile("a\n(", re.X)):
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)
print(re.match(r'(a|ab)(c|bcd)(d*)', 'abcd').groups(), re.match(r'(?:(a)|b)+', 'ab').groups())
words = re.findall(r"\b[A-Z][a-z]+\b", "Hello World from Python and Asyncio")
print(words, re.findall(r"(\w)(\d)", "a1 b2 c"), re.sub(r"\s+", " ", "  lots   of \t space "))
print(m.expand(r"\g<key>:\1"), re.match("(a)(b)?", "a").groups("-"), re.match(r"((a)(b))", "ab").lastindex)
LINE = re.compile(r"""
    (?P<level>INFO|WARN|ERROR)\s+   # the level
    \[(?P<task>[\w-]+)\]\s+         # the task
    (?P<msg>.*)                     # the rest
""", re.VERBOSE)
for line in ["INFO [Task-1] started", "ERROR [worker-2] failed: boom", "bad line"]:
    m = LINE.match(line)
    print(m.group("level", "task") if m else None, m and m["msg"])
print(re.sub(r"(?i)hello", "bye", "Hello HELLO hello"), re.findall(r"^\w", "ab\ncd", re.M))
print(re.split(r"\s*", " a b "), re.sub("", "-", "abc"), re.findall(r"(a)|(b)", "ab"))
print(re.search(r"(?<=\$)\d+(?:\.\d\d)?", "cost: $42.50").group(), re.match(r"(\w+) \1", "hey hey").group(1))
print(re.fullmatch(r"[\w.+-]+@[\w-]+\.[\w.]+", "a.b+c@ex-ample.co.uk") is not None, re.purge())
print(re.compile(r"ab*", re.I).search("xxABBB", 1, 5), re.compile("a").match("ba", 1).span())
for p, t in [(r"((a)(b))", "ab"), (r"(?=(ab))(a)", "ab"), (r"(a)|(b)", "b"), (r"(?P<x>a)(?P<y>b)?", "a"), (r"(a)(?:(b)|c)*", "abcb"), (r"x", "x")]:
    m = re.search(p, t)
    print(p, m.lastindex, m.lastgroup, m.groups())
print([m.lastindex for m in re.finditer(r"(a)|(b)", "abab")], re.sub(r"(a)|(b)", lambda m: str(m.lastindex), "abba"))
