"""The part of time written in Python: `struct_time` and the functions that
make or take one. The playground's clock is in UTC, as pyrun.py runs
programs (TZ=UTC), so local time is UTC."""

_FIELDS = ("tm_year", "tm_mon", "tm_mday", "tm_hour", "tm_min", "tm_sec", "tm_wday", "tm_yday", "tm_isdst")


class struct_time:
    """A time tuple: nine fields, also by name, and `tm_zone`/`tm_gmtoff`."""

    n_sequence_fields = 9
    n_fields = 11
    n_unnamed_fields = 0

    def __init__(self, seq):
        fields = tuple(seq)
        if len(fields) < 9:
            raise TypeError(f"time.struct_time() takes an at least 9-sequence ({len(fields)}-sequence given)")
        if len(fields) > 11:
            raise TypeError(f"time.struct_time() takes an at most 11-sequence ({len(fields)}-sequence given)")
        self._fields = fields[:9]
        self.tm_zone = fields[9] if len(fields) > 9 else None
        self.tm_gmtoff = fields[10] if len(fields) > 10 else None

    def __getattr__(self, name):
        if name in _FIELDS:
            return self._fields[_FIELDS.index(name)]
        raise AttributeError(f"'time.struct_time' object has no attribute '{name}'")

    def __getitem__(self, i):
        return self._fields[i]

    def __len__(self):
        return 9

    def __iter__(self):
        return iter(self._fields)

    def __eq__(self, other):
        if isinstance(other, struct_time):
            other = other._fields
        return self._fields == other

    def __hash__(self):
        return hash(self._fields)

    def __repr__(self):
        inner = ", ".join(f"{n}={v!r}" for n, v in zip(_FIELDS, self._fields))
        return f"time.struct_time({inner})"


def _gmtime(secs=None):
    if secs is None:
        secs = time()
    return struct_time(_gmtime_fields(secs) + ("UTC", 0))


def _seconds_of(t, name):
    if not isinstance(t, (tuple, struct_time)):
        raise TypeError("Tuple or struct_time argument required")
    if len(t) != 9:
        raise TypeError(f"{name}(): illegal time tuple argument")
    return _timegm(*tuple(t)[:6])


def _mktime(t):
    return _seconds_of(t, "mktime")


def _strftime(format, t=None):
    if not isinstance(format, str):
        raise TypeError("strftime() argument 1 must be str")
    return _strftime_at(format, time() if t is None else _seconds_of(t, "strftime"))


def _asctime(t=None):
    return ctime(None if t is None else _seconds_of(t, "asctime"))


gmtime = localtime = _gmtime
mktime = _mktime
strftime = _strftime
asctime = _asctime
timezone = altzone = 0
daylight = 0
tzname = ("UTC", "UTC")
