"""The part of time written in Python: `struct_time` and the functions that
make or take one. The playground's clock is in UTC, as pyrun.py runs
programs (TZ=UTC), so local time is UTC."""

_FIELDS = ("tm_year", "tm_mon", "tm_mday", "tm_hour", "tm_min", "tm_sec", "tm_wday", "tm_yday", "tm_isdst")
_BEFORE = (0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334)


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


def _leap(year):
    return year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)


def _civil(days):
    """(year, month, day) of `days` since 1970-01-01."""
    z = days + 719468
    era, doe = divmod(z, 146097)
    yoe = (doe - doe // 1460 + doe // 36524 - doe // 146096) // 365
    doy = doe - (365 * yoe + yoe // 4 - yoe // 100)
    mp = (5 * doy + 2) // 153
    day = doy - (153 * mp + 2) // 5 + 1
    month = mp + 3 if mp < 10 else mp - 9
    return yoe + era * 400 + (month <= 2), month, day


def _days(year, month, day):
    """Days since 1970-01-01 of a date (month and day may overflow)."""
    year += (month - 1) // 12
    month = (month - 1) % 12 + 1
    y = year - 1
    before = y * 365 + y // 4 - y // 100 + y // 400
    return before - 719162 + _BEFORE[month - 1] + (month > 2 and _leap(year)) + day - 1


def _gmtime(secs=None):
    if secs is None:
        secs = time()
    if not isinstance(secs, (int, float)):
        raise TypeError(f"'{type(secs).__name__}' object cannot be interpreted as an integer")
    secs = int(secs // 1)
    days, rest = divmod(secs, 86400)
    year, month, day = _civil(days)
    yday = _BEFORE[month - 1] + (month > 2 and _leap(year)) + day
    fields = (year, month, day, rest // 3600, rest % 3600 // 60, rest % 60, (days + 3) % 7, yday, 0)
    return struct_time(fields + ("UTC", 0))


def _seconds_of(t, name):
    if not isinstance(t, (tuple, struct_time)):
        raise TypeError("Tuple or struct_time argument required")
    if len(t) != 9:
        raise TypeError(f"{name}(): illegal time tuple argument")
    year, month, day, hour, minute, sec = tuple(t)[:6]
    return float(_days(year, month, day) * 86400 + hour * 3600 + minute * 60 + sec)


def _mktime(t):
    return _seconds_of(t, "mktime")


_now_strftime = strftime
_now_asctime = asctime


def _strftime(format, t=None):
    if t is None:
        return _now_strftime(format)
    return _strftime_at(format, _seconds_of(t, "strftime"))


def _asctime(t=None):
    if t is None:
        return _now_asctime()
    return ctime(_seconds_of(t, "asctime"))


gmtime = localtime = _gmtime
mktime = _mktime
strftime = _strftime
asctime = _asctime
timezone = altzone = 0
daylight = 0
tzname = ("UTC", "UTC")
