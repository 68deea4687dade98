"""`re`: Python's regular expressions over the playground's engine
(`src/regex/`, through `_re_compile`, `_re_info` and `_re_scan`), which
matches as CPython's sre does. Flags are plain ints here."""

A = ASCII = 256
I = IGNORECASE = 2
L = LOCALE = 4
M = MULTILINE = 8
S = DOTALL = 16
U = UNICODE = 32
X = VERBOSE = 64
T = TEMPLATE = 1
DEBUG = 128
NOFLAG = 0
_FLAG_NAMES = ((256, "ASCII"), (2, "IGNORECASE"), (4, "LOCALE"), (8, "MULTILINE"), (16, "DOTALL"),
               (64, "VERBOSE"), (1, "TEMPLATE"), (128, "DEBUG"))
_cache = {}
__all__ = ["match", "fullmatch", "search", "sub", "subn", "split", "findall", "finditer", "compile", "purge",
           "escape", "error", "Pattern", "Match", "A", "I", "L", "M", "S", "X", "U", "ASCII", "IGNORECASE",
           "LOCALE", "MULTILINE", "DOTALL", "VERBOSE", "UNICODE", "NOFLAG"]


class error(Exception):
    """A pattern (or a replacement template) that does not compile."""

    def __init__(self, msg, pattern=None, pos=None):
        self.msg = msg
        self.pattern = pattern
        self.pos = pos
        self.lineno = self.colno = None
        if pattern is not None and pos is not None:
            msg = "%s at position %d" % (msg, pos)
            self.lineno = pattern.count("\n", 0, pos) + 1
            self.colno = pos - pattern.rfind("\n", 0, pos)
            if "\n" in pattern:
                msg = "%s (line %d, column %d)" % (msg, self.lineno, self.colno)
        super().__init__(msg)


error.__module__ = "re"


class Pattern:
    """A compiled regular expression."""

    def __init__(self, pattern, flags):
        program = _re_compile(pattern, flags)
        if isinstance(program, tuple):
            raise error(program[0], pattern, program[1])
        self._program = program
        self.pattern = pattern
        self.groups, names, self.flags = _re_info(program)
        self.groupindex = dict(names)

    def __repr__(self):
        text = repr(self.pattern)[:200]
        names = [f"re.{name}" for bit, name in _FLAG_NAMES if self.flags & bit]
        rest = self.flags & ~(32 | sum(bit for bit, _ in _FLAG_NAMES))
        if rest:
            names.append(hex(rest))
        return f"re.compile({text}, {'|'.join(names)})" if names else f"re.compile({text})"

    def __eq__(self, other):
        if not isinstance(other, Pattern):
            return NotImplemented
        return self.pattern == other.pattern and self.flags == other.flags

    def __hash__(self):
        return hash((self.pattern, self.flags))

    def _scan(self, string, pos, endpos, mode, limit=0):
        if not isinstance(string, str):
            raise TypeError(f"expected string or bytes-like object, got '{type(string).__name__}'")
        n = len(string)
        pos = min(max(pos, 0), n)
        endpos = n if endpos is None else min(max(endpos, 0), n)
        return _re_scan(self._program, string, pos, endpos, mode, limit), pos, endpos

    def _one(self, string, pos, endpos, mode):
        found, pos, endpos = self._scan(string, pos, endpos, mode)
        return None if found is None else Match(self, string, found, pos, endpos)

    def match(self, string, pos=0, endpos=None):
        return self._one(string, pos, endpos, 0)

    def search(self, string, pos=0, endpos=None):
        return self._one(string, pos, endpos, 1)

    def fullmatch(self, string, pos=0, endpos=None):
        return self._one(string, pos, endpos, 2)

    def finditer(self, string, pos=0, endpos=None):
        found, pos, endpos = self._scan(string, pos, endpos, 3)
        return iter([Match(self, string, m, pos, endpos) for m in found])

    def findall(self, string, pos=0, endpos=None):
        found, pos, endpos = self._scan(string, pos, endpos, 3)
        out = []
        for spans, _ in found:
            texts = [string[s[0]:s[1]] if s is not None else "" for s in spans]
            if self.groups == 0:
                out.append(texts[0])
            elif self.groups == 1:
                out.append(texts[1])
            else:
                out.append(tuple(texts[1:]))
        return out

    def split(self, string, maxsplit=0):
        if maxsplit < 0:
            return [string]
        found, _, _ = self._scan(string, 0, None, 3, maxsplit)
        out, last = [], 0
        for spans, _ in found:
            start, end = spans[0]
            out.append(string[last:start])
            out.extend(string[s[0]:s[1]] if s is not None else None for s in spans[1:])
            last = end
        out.append(string[last:])
        return out

    def subn(self, repl, string, count=0):
        if callable(repl):
            expand = repl
        else:
            template = _template(self, repl)
            expand = lambda m: _expand(template, m)
        found, pos, endpos = self._scan(string, 0, None, 3, max(count, 0))
        if count < 0:
            found = []
        parts, last = [], 0
        for m in found:
            start, end = m[0][0]
            parts.append(string[last:start])
            piece = expand(Match(self, string, m, pos, endpos))
            if piece is not None and not isinstance(piece, str):
                raise TypeError(f"expected str instance, {type(piece).__name__} found")
            parts.append(piece or "")
            last = end
        parts.append(string[last:])
        return "".join(parts), len(found)

    def sub(self, repl, string, count=0):
        return self.subn(repl, string, count)[0]


class Match:
    """The result of a successful match."""

    def __init__(self, pattern, string, found, pos, endpos):
        spans, self.lastindex = found
        self.re = pattern
        self.string = string
        self._spans = spans
        self.pos = pos
        self.endpos = endpos
        self.regs = tuple(s if s is not None else (-1, -1) for s in spans)
        self.lastgroup = None
        for name, index in pattern.groupindex.items():
            if index == self.lastindex:
                self.lastgroup = name

    def _index(self, g):
        if isinstance(g, str):
            if g in self.re.groupindex:
                return self.re.groupindex[g]
        elif isinstance(g, int) and not isinstance(g, bool) and 0 <= g < len(self._spans):
            return g
        raise IndexError("no such group")

    def _text(self, g, default=None):
        s = self._spans[self._index(g)]
        return default if s is None else self.string[s[0]:s[1]]

    def group(self, *groups):
        if not groups:
            return self._text(0)
        if len(groups) == 1:
            return self._text(groups[0])
        return tuple(self._text(g) for g in groups)

    def __getitem__(self, g):
        return self._text(g)

    def groups(self, default=None):
        return tuple(self._text(i, default) for i in range(1, len(self._spans)))

    def groupdict(self, default=None):
        return {name: self._text(index, default) for name, index in self.re.groupindex.items()}

    def span(self, group=0):
        return self.regs[self._index(group)]

    def start(self, group=0):
        return self.span(group)[0]

    def end(self, group=0):
        return self.span(group)[1]

    def expand(self, template):
        return _expand(_template(self.re, template), self)

    def __bool__(self):
        return True

    def __repr__(self):
        return f"<re.Match object; span={self.span()!r}, match={self.group()!r}>"


def _template(pattern, repl):
    """A replacement template: literal strings and group numbers."""
    if not isinstance(repl, str):
        raise TypeError(f"expected str instance, {type(repl).__name__} found")
    parts, literal, i, n = [], [], 0, len(repl)
    while i < n:
        c = repl[i]
        i += 1
        if c != "\\":
            literal.append(c)
            continue
        if i >= n:
            raise error("bad escape (end of pattern)", repl, i - 1)
        c = repl[i]
        i += 1
        if c == "g":
            index, i = _named_group(pattern, repl, i)
        elif c == "0" or (c in "1234567" and i + 1 < n and repl[i] in "01234567" and repl[i + 1] in "01234567"):
            digits = c
            while len(digits) < 3 and i < n and repl[i] in "01234567":
                digits += repl[i]
                i += 1
            if int(digits, 8) > 0o377:
                raise error("octal escape value \\%s outside of range 0-0o377" % digits, repl, i - len(digits) - 1)
            literal.append(chr(int(digits, 8)))
            continue
        elif c in "0123456789":
            digits = c
            if i < n and repl[i] in "0123456789":
                digits += repl[i]
                i += 1
            index = int(digits)
            if index > pattern.groups:
                raise error("invalid group reference %d" % index, repl, i - len(digits))
        else:
            special = {"a": "\a", "b": "\b", "f": "\f", "n": "\n", "r": "\r", "t": "\t", "v": "\v", "\\": "\\"}
            if c in special:
                literal.append(special[c])
            elif c.isascii() and c.isalpha():
                raise error("bad escape \\" + c, repl, i - 2)
            else:
                literal.append("\\" + c)
            continue
        parts.append("".join(literal))
        literal = []
        parts.append(index)
    parts.append("".join(literal))
    return parts


def _named_group(pattern, repl, i):
    """`\\g<name>` or `\\g<number>` from `repl[i]` on: (group index, next i)."""
    if i >= len(repl) or repl[i] != "<":
        raise error("missing <", repl, i)
    end = repl.find(">", i + 1)
    if end < 0:
        raise error("missing >, unterminated name", repl, i + 1)
    name = repl[i + 1:end]
    if not name:
        raise error("missing group name", repl, i + 1)
    if name.isidentifier():
        if name not in pattern.groupindex:
            raise IndexError("unknown group name %r" % name)
        return pattern.groupindex[name], end + 1
    if not (name.isdecimal() and name.isascii()):
        raise error("bad character in group name %r" % name, repl, i + 1)
    if int(name) > pattern.groups:
        raise error("invalid group reference %d" % int(name), repl, i + 1)
    return int(name), end + 1


def _expand(template, match):
    out = []
    for part in template:
        if isinstance(part, int):
            out.append(match.group(part) or "")
        else:
            out.append(part)
    return "".join(out)


def compile(pattern, flags=0):
    if isinstance(pattern, Pattern):
        if flags:
            raise ValueError("cannot process flags argument with a compiled pattern")
        return pattern
    if not isinstance(pattern, str):
        raise TypeError("first argument must be string or compiled pattern")
    key = (pattern, flags)
    if key not in _cache:
        if len(_cache) >= 512:
            _cache.clear()
        _cache[key] = Pattern(pattern, flags)
    return _cache[key]


def match(pattern, string, flags=0):
    return compile(pattern, flags).match(string)


def search(pattern, string, flags=0):
    return compile(pattern, flags).search(string)


def fullmatch(pattern, string, flags=0):
    return compile(pattern, flags).fullmatch(string)


def findall(pattern, string, flags=0):
    return compile(pattern, flags).findall(string)


def finditer(pattern, string, flags=0):
    return compile(pattern, flags).finditer(string)


def split(pattern, string, maxsplit=0, flags=0):
    return compile(pattern, flags).split(string, maxsplit)


def sub(pattern, repl, string, count=0, flags=0):
    return compile(pattern, flags).sub(repl, string, count)


def subn(pattern, repl, string, count=0, flags=0):
    return compile(pattern, flags).subn(repl, string, count)


def escape(pattern):
    special = "()[]{}?*+-|^$\\.&~# \t\n\r\v\f"
    return "".join("\\" + c if c in special else c for c in pattern)


def purge():
    _cache.clear()
