#!/usr/bin/env python3
"""Generates differential test cases for the Rust sre clone from CPython's re.

Output: the file named by argv[1] (tests/regex_differential.rs runs this), one case per line, fields separated by '|':
  kind|pattern|flags|text|pos|endpos|expected
kind: C (compile), M (match), S (search), F (fullmatch), I (finditer spans).
Strings are encoded as '.'-joined hex code points ('' for empty).
expected: for C: 'E:<pos or ->:<hex msg>' or 'OK:<groups>:<flags>:<names>';
for M/S/F: 'N' or ';'-joined spans 'a,b' / '-', then ';L' and lastindex ('-' for None);
for I: ';'-joined spans.
"""
import random, re, sys, warnings
warnings.simplefilter("ignore")
random.seed(12345)

def enc(s):
    return ".".join("%x" % ord(c) for c in s)

def spans(m, n):
    out = []
    for i in range(n + 1):
        a, b = m.span(i)
        out.append("-" if a < 0 else "%d,%d" % (a, b))
    return ";".join(out)

lines = []

def compile_case(p, flags):
    try:
        r = re.compile(p, flags)
    except re.error as e:
        lines.append("C|%s|%d|||||E:%s:%s" % (enc(p), flags, "-" if e.pos is None else e.pos, enc(e.msg)))
        return None
    except (ValueError, OverflowError) as e:
        lines.append("C|%s|%d|||||E:-:%s" % (enc(p), flags, enc(str(e))))
        return None
    except RecursionError:
        return None
    names = ".".join("%s=%d" % (enc(k), v) for k, v in r.groupindex.items())
    lines.append("C|%s|%d|||||OK:%d:%d:%s" % (enc(p), flags, r.groups, r.flags, names))
    return r

def run_cases(r, p, flags, text, pos=0, endpos=None):
    ep = len(text) if endpos is None else endpos
    for kind, fn in (("M", r.match), ("S", r.search), ("F", r.fullmatch)):
        m = fn(text, pos, ep)
        exp = "N" if m is None else spans(m, r.groups) + ";L%s" % ("-" if m.lastindex is None else m.lastindex)
        lines.append("%s|%s|%d|%s|%d|%d|%s" % (kind, enc(p), flags, enc(text), pos, ep, exp))
    its = [m.span() for m in r.finditer(text, pos, ep)]
    lines.append("I|%s|%d|%s|%d|%d|%s" % (enc(p), flags, enc(text), pos, ep, ";".join("%d,%d" % s for s in its)))

HAND = [
    (r'(a|ab)(c|bcd)(d*)', 0, ['abcd', 'abcdd', 'acd']),
    (r'(a*)*b', 0, ['aaab', 'b', 'aaa']),
    (r'(a)|b', 0, ['b', 'a']),
    (r'(?:(a)|b)+', 0, ['ab', 'ba', 'abab']),
    (r'(a*)+', 0, ['aaa', 'b', '']),
    (r'(a|b)*c', 0, ['ababc', 'c', 'abab']),
    (r'(?:a*?)*?b', 0, ['aab']),
    (r'(a?)*?b', 0, ['aab']),
    (r'(?:(a)|(b))*', 0, ['abab', 'ba']),
    (r'(?:(a)|b)*?c', 0, ['abac']),
    (r'((a)|b)+', 0, ['ab', 'abb']),
    (r'(?:x(a)|x(b))+', 0, ['xaxb', 'xbxa']),
    (r'^(?:(a)|(b))(?(1)c|d)$', 0, ['ac', 'bd', 'ad', 'bc']),
    (r'(?P<q>["\'])(.*?)(?P=q)', 0, ['"x"y"', "'ab'"]),
    (r'(a)(?<=(a))', 0, ['a']),
    (r'(?<=ab)c|(?<!x)d', 0, ['abc', 'xd', 'd']),
    (r'(?i)straße', 0, ['STRASSE', 'STRAßE', 'straße']),
    (r'(?i)[a-z]+', 0, ['ABCſK', 'İı']),
    (r'(?i)k', 0, ['\u212a', 'K', 'k']),
    (r'(?i)[k]', 0, ['\u212a']),
    (r'(?i)[^k]', 0, ['\u212a', 'x']),
    (r'(?i)\u00b5', 0, ['\u03bc', '\u039c']),
    (r'(?ia)[\u0100-\U00010428]', 0, ['a', '\U00010400', '\u0101']),
    (r'(?i)[\U00010400]', 0, ['\U00010400', '\U00010428']),
    (r'(?i)[\U00010400-\U00010401]', 0, ['\U00010428', '\U00010400']),
    (r'\w+', 0, ['héllo wörld', '٣٤x', '²']),
    (r'(?a)\w+', 0, ['héllo']),
    (r'\d+\s+', 0, ['١٢٣\u2003x']),
    (r'\bfoo\b', 0, ['a foo b', 'foobar']),
    (r'\Bo\B', 0, ['foo']),
    (r'^$', re.M, ['a\n\nb', '']),
    (r'a$', 0, ['a\n', 'a\n\n']),
    (r'a\Z', 0, ['a\n', 'a']),
    (r'.+', re.S, ['a\nb']),
    (r'.+', 0, ['a\nb']),
    (r'x*', 0, ['axxb']),
    (r'', 0, ['abc']),
    (r'a|', 0, ['bab']),
    (r'\b|x', 0, ['ab x']),
    (r'(?=a)*a', 0, ['a']),
    (r'a{,2}', 0, ['aaa']),
    (r'a{2,}?', 0, ['aaaa']),
    (r'a{1,2}+a', 0, ['aaa', 'aa']),
    (r'(?:ab)*+b', 0, ['ababb']),
    (r'(?>a+)b', 0, ['aaab']),
    (r'(?>a|ab)c', 0, ['abc', 'ac']),
    (r'x{', 0, ['x{']),
    (r'x{a}', 0, ['x{a}']),
    (r'x{1,a}', 0, ['x{1,a}']),
    (r'{}', 0, ['{}']),
    (r'\x41\u0042\U00000043\101\0\08', 0, ['ABCA\x00\x008']),
    (r'[\]a-]+', 0, [']a-b']),
    (r'[]a]+', 0, [']a']),
    (r'[^]a]+', 0, ['bc]']),
    (r'(?x) a b # comment\n c', 0, ['abc']),
    (r'(?x)[ a]', 0, [' ']),
    (r'a b', re.X, ['ab']),
    (r'(?s:.)(?-s:.)', 0, ['\n\n', '\na']),
    (r'(?i:a)b', 0, ['Ab', 'AB']),
    (r'(?-i:a)b', re.I, ['aB', 'AB']),
    (r'(a)(b)?(?(2)x|y)', 0, ['aby', 'abx', 'ay']),
    (r'(?(1)a|b)(c)', 0, ['bc', 'ac']),
    (r'(a*)*?b', 0, ['aab']),
    (r'(a|b)*?c', 0, ['abc']),
    (r'((a)|b)*?c', 0, ['abc']),
    (r'(?:(a)|(b)|c)*', 0, ['abc', 'cba']),
    (r'(?:a(?=(b)))+', 0, ['abab']),
    (r'(?:(?!(a))b)+', 0, ['bb']),
    (r'(?:(a)|b)(?:(a)|b)', 0, ['ab']),
    (r'(\w+)\s+\1', 0, ['hello hello', 'ab ac']),
    (r'(?i)(\w+) \1', 0, ['ABC abc']),
    (r'(a)|(b)|(c)', 0, ['c']),
    (r'(?:a|(b))+', 0, ['ba']),
    (r'(.)*', 0, ['abc']),
    (r'(a+|b+)*', 0, ['aabba']),
    (r'(a*|b)*', 0, ['ab']),
    (r'(?:a*)*', 0, ['aa']),
    (r'(a*?)*', 0, ['aa']),
    (r'(a|ab)*?b', 0, ['abab']),
    (r'(?:a+|b+)*?c', 0, ['abc']),
    (r'(a)?b(?(1)c)', 0, ['abc', 'b', 'ab']),
]

ERRORS = [
    '*', 'a**', 'a*+*', '(', ')', '[a', r'\q', '[z-a]', '(?P=x)', r'(a)\3', '(?<x>a)', '(?P<>a)', '(?P<1>a)',
    '(?P<a>x)(?P<a>y)', '(?<=a*)b', 'a{3,2}', 'a{99999999999}', '(a\\1)', '(?z)', '(?i', 'a(?i)', r'\x0', '\\',
    '(?', '(?P', '(?Px', '(?#abc', '(?<', '(?<a', '[a-\\d]', '[\\d-a]', r'\N{NO SUCH NAME}', r'[\N{X}]', r'\N{}', r'\N', r'\N{',
    r'\400', r'[\400]', r'\8', r'[\8]', '(?(0)a)', '(?(a)a)', '(?(1a)a)', '(?(1)a|b|c)', '(?(2)a)(b)', '(?(-1)a)',
    '(?i-i:a)', '(?-:a)', '(?-', '(?-i', '(?i-', '(?a-u:x)', '(?au)', '(?L)', '(?t:a)', '(?-t:a)', '(?i1)', '(?ié)',
    '(?<=(a)|b)', '(?<=\\1)(a)', '(a)(?<=\\1)', '(?<=(?P<x>a)(?P=x))', r'\U00110000', r'[\U00110000]', 'a{,99999999999}',
    '((((', '(a|b', 'a|*', '^*', '\\b*', '$+', '(?:)*', '(?=a)*', 'a{2}{3}', 'a{2}*', '(?P<a b>c)', "(?P<'>c)", '(?P=1)',
    '[', '[]', '[^]', '[a-]', '[-a]', '[a-\\]', '\\u12', '\\U1234', '(?x)[a', '(?x)a#b\\', 'x(?x)', '(?#x)(?i)a', '(?x) (?i)a',
    '(?i)(?x)a', 'a|(?i)b', '(a)(?(1)b|c', '(?P<a>', '(?P<a', '(?P=a', '(?(1', '(?(1)', '(?<=a)(?<!bb)', '(?<=a{2}|b{3})',
    '(?<=a|bb)', '(?<=(?:ab){2})c', '(?<=x{4294967294})', '(?<=(?:x{4000000000}){2})', '(?(1)a)', '(?(+1)a)(b)', '(?( 1 )a)(b)',
]

for p, flags, texts in HAND:
    r = compile_case(p, flags)
    if r:
        for t in texts:
            run_cases(r, p, flags, t)
for p in ERRORS:
    compile_case(p, 0)
for p, f in [('a', re.L), ('a', re.A | re.U), ('(?a)a', re.U), ('(?u)a', re.A), ('a*', re.T), ('a', re.T), ('(?t)a+?', 0)]:
    compile_case(p, f)

ALPHA = "abc"
ATOMS = ["a", "b", "c", ".", "[ab]", "[^a]", "[a-c]", "\\w", "\\W", "\\d", "\\s", "\\b", "\\B", "^", "$", "\\A", "\\Z", "A", "[A-B]", "\\n"]
QUANTS = ["", "", "", "*", "+", "?", "{2}", "{1,2}", "{,2}", "{2,}", "*?", "+?", "??", "{1,2}?", "*+", "++", "?+", "{1,2}+"]

def gen(depth, ngroups):
    n = random.randint(1, 3)
    out = []
    for _ in range(n):
        r = random.random()
        if depth > 0 and r < 0.35:
            inner, ngroups = gen(depth - 1, ngroups + 1)
            kind = random.choice(["(%s)", "(%s)", "(?:%s)", "(?P<g%d>%%s)" % ngroups, "(?=%s)", "(?!%s)", "(?>%s)", "(?:%s|%s)", "(%s|%s)", "(?i:%s)", "(?-i:%s)"])
            if kind.count("%s") == 2:
                inner2, ngroups = gen(depth - 1, ngroups)
                atom = kind % (inner, inner2)
            else:
                atom = kind % inner
                if not kind.startswith("(") or kind.startswith("(?"):
                    ngroups -= 0
        elif r < 0.42:
            atom = random.choice(["\\1", "\\2", "(?P=g1)", "(?(1)a|b)", "(?(2)b)", "(?<=a)", "(?<!b)", "(?<=[ab])", "(?<=a|b)"])
        else:
            atom = random.choice(ATOMS)
        q = random.choice(QUANTS)
        out.append(atom + q)
    s = "".join(out)
    if random.random() < 0.2:
        s2, ngroups = gen(max(depth - 1, 0), ngroups)
        s = s + "|" + s2
    return s, ngroups

FLAGS = [0, 0, 0, re.I, re.M, re.S, re.A, re.I | re.A, re.M | re.S, re.X, re.I | re.M | re.S]
seen = set()
while len(lines) < 16500:
    p, _ = gen(random.choice([1, 2, 2, 3]), 0)
    f = random.choice(FLAGS)
    if (p, f) in seen:
        continue
    seen.add((p, f))
    r = compile_case(p, f)
    if not r:
        continue
    for _ in range(2):
        t = "".join(random.choice("abcaabA\n1 _") for _ in range(random.randint(0, 9)))
        if random.random() < 0.2 and t:
            pos = random.randint(0, len(t)); ep = random.randint(0, len(t) + 1)
            run_cases(r, p, f, t, pos, ep)
        else:
            run_cases(r, p, f, t)

with open(sys.argv[1], "w") as fh:
    fh.write("\n".join(lines) + "\n")
print(len(lines), "cases")
