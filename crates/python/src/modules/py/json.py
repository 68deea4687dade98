"""JSON: the playground's json, in Python (dumps, dump, loads).

Output is CPython's, character for character: separators, indent,
sort_keys, ensure_ascii, default, allow_nan, and its errors' messages.
`load`/`dump` work with objects that have read()/write() (sys.stdout).
"""

_ESCAPES = {'"': '\\"', "\\": "\\\\", "\n": "\\n", "\r": "\\r", "\t": "\\t", "\b": "\\b", "\f": "\\f"}


class JSONDecodeError(ValueError):
    __module__ = "json.decoder"

    def __init__(self, msg, doc, pos):
        lineno = doc.count("\n", 0, pos) + 1
        colno = pos - doc.rfind("\n", 0, pos)
        ValueError.__init__(self, "%s: line %d column %d (char %d)" % (msg, lineno, colno, pos))
        self.msg = msg
        self.doc = doc
        self.pos = pos
        self.lineno = lineno
        self.colno = colno


def _string(s, ensure_ascii):
    out = ['"']
    for ch in s:
        esc = _ESCAPES.get(ch)
        if esc is not None:
            out.append(esc)
            continue
        code = ord(ch)
        if code < 0x20 or (ensure_ascii and code > 0x7E):
            if code > 0xFFFF:
                code -= 0x10000
                out.append("\\u%04x\\u%04x" % (0xD800 | (code >> 10), 0xDC00 | (code & 0x3FF)))
            else:
                out.append("\\u%04x" % code)
        else:
            out.append(ch)
    out.append('"')
    return "".join(out)


def _float(f, allow_nan):
    if f != f:
        text = "NaN"
    elif f == float("inf"):
        text = "Infinity"
    elif f == -float("inf"):
        text = "-Infinity"
    else:
        return float.__repr__(f)
    if not allow_nan:
        raise ValueError("Out of range float values are not JSON compliant")
    return text


class _Encoder:
    def __init__(self, skipkeys, ensure_ascii, check_circular, allow_nan, indent, separators, default, sort_keys):
        self.skipkeys = skipkeys
        self.ensure_ascii = ensure_ascii
        self.allow_nan = allow_nan
        self.indent = " " * indent if isinstance(indent, int) and not isinstance(indent, bool) else indent
        if separators is None:
            separators = (", ", ": ") if indent is None else (",", ": ")
        self.item_sep, self.key_sep = separators
        self.default = default
        self.sort_keys = sort_keys
        self.markers = {} if check_circular else None

    def scalar(self, o):
        if isinstance(o, str):
            return _string(o, self.ensure_ascii)
        if o is None:
            return "null"
        if o is True:
            return "true"
        if o is False:
            return "false"
        if isinstance(o, int):
            return int.__repr__(o)
        if isinstance(o, float):
            return _float(o, self.allow_nan)
        return None

    def key(self, k):
        if isinstance(k, str):
            return k
        if k is None or isinstance(k, (int, float)):
            return self.scalar(k)
        if self.skipkeys:
            return None
        raise TypeError(f"keys must be str, int, float, bool or None, not {type(k).__name__}")

    def enter(self, o):
        if self.markers is not None:
            if id(o) in self.markers:
                raise ValueError("Circular reference detected")
            self.markers[id(o)] = o

    def leave(self, o):
        if self.markers is not None:
            del self.markers[id(o)]

    def encode(self, o, level, out):
        text = self.scalar(o)
        if text is not None:
            out.append(text)
        elif isinstance(o, (list, tuple)):
            self.sequence(o, level, out)
        elif isinstance(o, dict):
            self.mapping(o, level, out)
        else:
            if self.default is None:
                raise TypeError(f"Object of type {type(o).__name__} is not JSON serializable")
            self.enter(o)
            self.encode(self.default(o), level, out)
            self.leave(o)

    def open(self, level):
        if self.indent is None:
            return "", self.item_sep
        inner = "\n" + self.indent * (level + 1)
        return inner, self.item_sep + inner

    def sequence(self, o, level, out):
        if not o:
            out.append("[]")
            return
        self.enter(o)
        first, sep = self.open(level)
        out.append("[" + first)
        for i, item in enumerate(o):
            if i:
                out.append(sep)
            self.encode(item, level + 1, out)
        if self.indent is not None:
            out.append("\n" + self.indent * level)
        out.append("]")
        self.leave(o)

    def mapping(self, o, level, out):
        if not o:
            out.append("{}")
            return
        self.enter(o)
        first, sep = self.open(level)
        out.append("{" + first)
        items = sorted(o.items()) if self.sort_keys else o.items()
        written = False
        for k, v in items:
            k = self.key(k)
            if k is None:
                continue
            if written:
                out.append(sep)
            written = True
            out.append(_string(k, self.ensure_ascii) + self.key_sep)
            self.encode(v, level + 1, out)
        if self.indent is not None:
            out.append("\n" + self.indent * level)
        out.append("}")
        self.leave(o)


def dumps(obj, *, skipkeys=False, ensure_ascii=True, check_circular=True, allow_nan=True, cls=None,
          indent=None, separators=None, default=None, sort_keys=False, **kw):
    """obj as a JSON string."""
    if cls is not None:
        raise NotImplementedError("json's cls= is not supported in the playground")
    out = []
    _Encoder(skipkeys, ensure_ascii, check_circular, allow_nan, indent, separators, default, sort_keys).encode(obj, 0, out)
    return "".join(out)


def dump(obj, fp, **kw):
    """Write obj as JSON to fp (anything with write(), such as sys.stdout)."""
    fp.write(dumps(obj, **kw))


class _Decoder:
    def __init__(self, doc, parse_float, parse_int, object_hook, object_pairs_hook):
        self.doc = doc
        self.parse_float = parse_float or float
        self.parse_int = parse_int or int
        self.object_hook = object_hook
        self.object_pairs_hook = object_pairs_hook

    def fail(self, msg, pos):
        raise JSONDecodeError(msg, self.doc, pos)

    def skip(self, i):
        doc = self.doc
        while i < len(doc) and doc[i] in " \t\n\r":
            i += 1
        return i

    def value(self, i):
        doc = self.doc
        i = self.skip(i)
        if i >= len(doc):
            self.fail("Expecting value", i)
        ch = doc[i]
        if ch == '"':
            return self.string(i + 1)
        if ch == "{":
            return self.object(i + 1)
        if ch == "[":
            return self.array(i + 1)
        for word, val in (("null", None), ("true", True), ("false", False), ("NaN", float("nan")),
                          ("Infinity", float("inf")), ("-Infinity", -float("inf"))):
            if doc.startswith(word, i):
                return val, i + len(word)
        return self.number(i)

    def number(self, i):
        doc = self.doc
        j = i
        if j < len(doc) and doc[j] == "-":
            j += 1
        start = j
        if j < len(doc) and doc[j] == "0":
            j += 1
        else:
            while j < len(doc) and doc[j].isdigit() and doc[j].isascii():
                j += 1
        if j == start:
            self.fail("Expecting value", i)
        is_float = False
        if j + 1 < len(doc) and doc[j] == "." and doc[j + 1].isdigit():
            is_float = True
            j += 2
            while j < len(doc) and doc[j].isdigit():
                j += 1
        if j < len(doc) and doc[j] in "eE":
            k = j + 1
            if k < len(doc) and doc[k] in "+-":
                k += 1
            if k < len(doc) and doc[k].isdigit():
                is_float = True
                j = k
                while j < len(doc) and doc[j].isdigit():
                    j += 1
        text = doc[i:j]
        return (self.parse_float(text) if is_float else self.parse_int(text)), j

    def string(self, i):
        doc = self.doc
        start = i - 1
        chunks = []
        while True:
            if i >= len(doc):
                self.fail("Unterminated string starting at", start)
            ch = doc[i]
            if ch == '"':
                return "".join(chunks), i + 1
            if ch == "\\":
                i += 1
                if i >= len(doc):
                    self.fail("Unterminated string starting at", start)
                esc = doc[i]
                if esc == "u":
                    code = self.hex4(i + 1)
                    i += 5
                    if 0xD800 <= code <= 0xDBFF and doc.startswith("\\u", i):
                        low = self.hex4(i + 2)
                        if 0xDC00 <= low <= 0xDFFF:
                            code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00)
                            i += 6
                    chunks.append(chr(code))
                    continue
                table = {'"': '"', "\\": "\\", "/": "/", "b": "\b", "f": "\f", "n": "\n", "r": "\r", "t": "\t"}
                if esc not in table:
                    self.fail("Invalid \\escape", i - 1)
                chunks.append(table[esc])
                i += 1
                continue
            if ch < " ":
                self.fail("Invalid control character at", i)
            chunks.append(ch)
            i += 1

    def hex4(self, i):
        text = self.doc[i:i + 4]
        if len(text) != 4 or any(c not in "0123456789abcdefABCDEF" for c in text):
            self.fail("Invalid \\uXXXX escape", i - 1)
        return int(text, 16)

    def array(self, i):
        doc = self.doc
        items = []
        i = self.skip(i)
        if i < len(doc) and doc[i] == "]":
            return items, i + 1
        while True:
            value, i = self.value(i)
            items.append(value)
            i = self.skip(i)
            if i < len(doc) and doc[i] == "]":
                return items, i + 1
            if i >= len(doc) or doc[i] != ",":
                self.fail("Expecting ',' delimiter", i)
            i += 1

    def object(self, i):
        doc = self.doc
        pairs = []
        i = self.skip(i)
        if i < len(doc) and doc[i] == "}":
            return self.made(pairs), i + 1
        while True:
            i = self.skip(i)
            if i >= len(doc) or doc[i] != '"':
                self.fail("Expecting property name enclosed in double quotes", i)
            key, i = self.string(i + 1)
            i = self.skip(i)
            if i >= len(doc) or doc[i] != ":":
                self.fail("Expecting ':' delimiter", i)
            value, i = self.value(i + 1)
            pairs.append((key, value))
            i = self.skip(i)
            if i < len(doc) and doc[i] == "}":
                return self.made(pairs), i + 1
            if i >= len(doc) or doc[i] != ",":
                self.fail("Expecting ',' delimiter", i)
            i += 1

    def made(self, pairs):
        if self.object_pairs_hook is not None:
            return self.object_pairs_hook(pairs)
        obj = dict(pairs)
        return obj if self.object_hook is None else self.object_hook(obj)


def loads(s, *, cls=None, object_hook=None, parse_float=None, parse_int=None, parse_constant=None,
          object_pairs_hook=None, **kw):
    """The Python value of JSON text s."""
    if not isinstance(s, str):
        raise TypeError(f"the JSON object must be str, bytes or bytearray, not {type(s).__name__}")
    decoder = _Decoder(s, parse_float, parse_int, object_hook, object_pairs_hook)
    value, end = decoder.value(0)
    end = decoder.skip(end)
    if end != len(s):
        decoder.fail("Extra data", end)
    return value


def load(fp, **kw):
    """loads(fp.read())."""
    return loads(fp.read(), **kw)
