"""Warnings: the playground's warnings, in Python.

`warn` shows a warning on stderr as CPython does (`file:line: Category:
message` and the source line), once per place under the default filters
(DeprecationWarning only from the program itself; PendingDeprecation,
Import and Resource warnings never). `simplefilter`, `filterwarnings`,
`resetwarnings` and `catch_warnings` (with `record=True`) change or capture
that. The place is the program's frame `stacklevel` frames out.
"""

import sys


class WarningMessage:
    _WARNING_DETAILS = ("message", "category", "filename", "lineno", "file", "line", "source")

    def __init__(self, message, category, filename, lineno, file=None, line=None, source=None):
        self.message = message
        self.category = category
        self.filename = filename
        self.lineno = lineno
        self.file = file
        self.line = line
        self.source = source
        self._category_name = category.__name__ if category else None

    def __str__(self):
        return "{message : %r, category : %r, filename : %r, lineno : %s, line : %r}" % (
            self.message, self._category_name, self.filename, self.lineno, self.line)


filters = []
defaultaction = "default"
_onceregistry = {}
_seen = set()
_record = None


def formatwarning(message, category, filename, lineno, line=None):
    s = f"{filename}:{lineno}: {category.__name__}: {message}\n"
    if line:
        s += "  %s\n" % line.strip()
    return s


def showwarning(message, category, filename, lineno, file=None, line=None):
    if file is None:
        file = sys.stderr
    file.write(formatwarning(message, category, filename, lineno, line))


def _action(text, category, module, lineno):
    for action, msg, cat, mod, ln in filters:
        if ((msg is None or msg.match(text)) and issubclass(category, cat)
                and (mod is None or mod.match(module)) and (ln == 0 or lineno == ln)):
            return action
    if issubclass(category, DeprecationWarning):
        return "default" if module == "__main__" else "ignore"
    if issubclass(category, (PendingDeprecationWarning, ImportWarning, ResourceWarning)):
        return "ignore"
    return defaultaction


_ACTIONS = ("error", "ignore", "always", "all", "default", "module", "once")


def _add_filter(item, append):
    global _seen
    if item in filters:
        filters.remove(item)
    if append:
        filters.append(item)
    else:
        filters.insert(0, item)
    _seen = set()
    _onceregistry.clear()


def simplefilter(action, category=Warning, lineno=0, append=False):
    if action not in _ACTIONS:
        raise ValueError(f"invalid action: {action!r}")
    if not isinstance(lineno, int) or lineno < 0:
        raise ValueError("lineno must be an int >= 0")
    _add_filter((action, None, category, None, lineno), append)


def filterwarnings(action, message="", category=Warning, module="", lineno=0, append=False):
    if action not in _ACTIONS:
        raise ValueError(f"invalid action: {action!r}")
    if not isinstance(lineno, int) or lineno < 0:
        raise ValueError("lineno must be an int >= 0")
    if message or module:
        import re
    msg = re.compile(message, re.I) if message else None
    mod = re.compile(module) if module else None
    _add_filter((action, msg, category, mod, lineno), append)


def resetwarnings():
    global _seen
    filters[:] = []
    _seen = set()
    _onceregistry.clear()


def warn(message, category=None, stacklevel=1, source=None):
    if isinstance(message, Warning):
        category = message.__class__
    if category is None:
        category = UserWarning
    if not (isinstance(category, type) and issubclass(category, Warning)):
        raise TypeError("category must be a Warning subclass, not '{:s}'".format(type(category).__name__))
    _, lineno, line = _caller(max(stacklevel, 1), True)
    if lineno == 0:
        filename, module = "sys", "sys"
    else:
        filename, module = sys.argv[0], "__main__"
    warn_explicit(message, category, filename, lineno, module, line=line, source=source)


def warn_explicit(message, category, filename, lineno, module=None, registry=None,
                  module_globals=None, source=None, line=None):
    if module is None:
        module = filename or "<unknown>"
        if module[-3:].lower() == ".py":
            module = module[:-3]
    if isinstance(message, Warning):
        text = str(message)
        category = message.__class__
    else:
        text = message
        message = category(message)
    action = _action(text, category, module, lineno)
    if action == "ignore":
        return
    if action == "error":
        raise message
    if action == "once":
        if (text, category) in _onceregistry:
            return
        _onceregistry[(text, category)] = 1
    elif action in ("default", "module"):
        key = (text, category, lineno if action == "default" else 0, module)
        if key in _seen:
            return
        _seen.add(key)
    elif action not in ("always", "all"):
        raise RuntimeError(f"Unrecognized action ({action!r}) in warnings.filters:\n {action}")
    shown = WarningMessage(message, category, filename, lineno, None, line, source)
    if _record is not None:
        _record.append(shown)
    else:
        showwarning(message, category, filename, lineno, None, line)


class catch_warnings:
    def __init__(self, *, record=False, action=None, category=Warning, lineno=0, append=False):
        self._record = record
        self._filter = None if action is None else (action, category, lineno, append)
        self._entered = False

    def __repr__(self):
        args = []
        if self._record:
            args.append("record=True")
        return "%s(%s)" % (type(self).__name__, ", ".join(args))

    def __enter__(self):
        global _record, _seen
        if self._entered:
            raise RuntimeError("Cannot enter %r twice" % self)
        self._entered = True
        self._saved = (filters[:], _record, set(_seen), dict(_onceregistry))
        if self._filter is not None:
            simplefilter(*self._filter)
        if self._record:
            _record = []
            return _record
        return None

    def __exit__(self, *exc_info):
        global _record, _seen
        if not self._entered:
            raise RuntimeError("Cannot exit %r without entering first" % self)
        saved_filters, _record, _seen, once = self._saved
        filters[:] = saved_filters
        _onceregistry.clear()
        _onceregistry.update(once)
