"""Dates and times: the playground's datetime, in Python.

`timedelta`, `date`, `time`, `datetime`, `tzinfo`, `timezone` as CPython 3.11
prints, computes and checks them. Local time is UTC and "now" is the virtual
clock (`time.time()`). Not available: strftime flags other than `-`,
pickling, zoneinfo.
"""

import time as _time

MINYEAR = 1
MAXYEAR = 9999
_MAXORDINAL = 3652059
_EPOCH_ORD = 719163
_DAY_US = 86400 * 10**6
_DIM = (0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)
_DBM = (0, 0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334)
_DAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_MONTHS = ("January", "February", "March", "April", "May", "June", "July",
           "August", "September", "October", "November", "December")
_OFFSET_RANGE = "offset must be a timedelta strictly between -timedelta(hours=24) and timedelta(hours=24)"


def _unsupported(what):
    raise NotImplementedError(what + " is not supported in the playground")


def _is_leap(y):
    return y % 4 == 0 and (y % 100 != 0 or y % 400 == 0)


def _days_in_month(y, m):
    return 29 if m == 2 and _is_leap(y) else _DIM[m]


def _days_before_year(y):
    y -= 1
    return y * 365 + y // 4 - y // 100 + y // 400


def _ymd2ord(y, m, d):
    return _days_before_year(y) + _DBM[m] + (m > 2 and _is_leap(y)) + d


def _ord2ymd(n):
    y = (n - 1) * 400 // 146097 + 1
    while _days_before_year(y + 1) < n:
        y += 1
    while _days_before_year(y) >= n:
        y -= 1
    doy, leap, m = n - _days_before_year(y), _is_leap(y), 12
    while _DBM[m] + (m > 2 and leap) >= doy:
        m -= 1
    return y, m, doy - _DBM[m] - (m > 2 and leap)


def _iso_week1_monday(y):
    jan4 = _ymd2ord(y, 1, 4)
    return jan4 - (jan4 + 6) % 7


def _isocal(y, m, d):
    n = _ymd2ord(y, m, d)
    if n < _iso_week1_monday(y):
        y -= 1
    elif n >= _iso_week1_monday(y + 1):
        y += 1
    return y, (n - _iso_week1_monday(y)) // 7 + 1, (n + 6) % 7 + 1


def _tn(obj):
    """A type's name as CPython's C types print it: 'datetime.date', 'int'."""
    t = type(obj)
    if obj is None:
        return "None"
    return ("datetime." if t.__dict__.get("__module__") == "datetime" else "") + t.__name__


def _int(v):
    if isinstance(v, int):
        return v
    if hasattr(type(v), "__index__"):
        return v.__index__()
    raise TypeError("'%s' object cannot be interpreted as an integer" % type(v).__name__)


def _check_date(y, m, d):
    if not MINYEAR <= y <= MAXYEAR:
        raise ValueError("year %d is out of range" % y)
    if not 1 <= m <= 12:
        raise ValueError("month must be in 1..12")
    if not 1 <= d <= _days_in_month(y, m):
        raise ValueError("day is out of range for month")


def _check_time(h, mi, s, us, tz, fold):
    for name, v, hi in (("hour", h, 23), ("minute", mi, 59), ("second", s, 59), ("microsecond", us, 999999)):
        if not 0 <= v <= hi:
            raise ValueError("%s must be in 0..%d" % (name, hi))
    if fold not in (0, 1):
        raise ValueError("fold must be either 0 or 1")
    _check_tzinfo(tz)


def _check_tzinfo(tz):
    if tz is not None and not isinstance(tz, tzinfo):
        raise TypeError("tzinfo argument must be None or of a tzinfo subclass, not type '%s'" % type(tz).__name__)


def _sign(a, b):
    return (a > b) - (a < b)


def _div_round(a, b):
    """a / b rounded to the nearest int, ties to even."""
    q, r = divmod(a, b)
    r *= 2
    if (r > b if b > 0 else r < b) or (r == b and q % 2 == 1):
        q += 1
    return q


def _ratio(f):
    if f != f:
        raise ValueError("cannot convert NaN to integer ratio")
    if f in (float("inf"), float("-inf")):
        raise OverflowError("cannot convert Infinity to integer ratio")
    d = 1
    while not f.is_integer():
        f *= 2
        d *= 2
    return int(f), d


# Rich comparisons shared by the classes: each defines _cmp(other, eq), which
# returns NotImplemented, -1/0/1, or 2 for "unequal and unordered" (eq only).
def _comparison(test, eq):
    def compare(self, other):
        c = self._cmp(other, eq)
        return c if c is NotImplemented else test(c)
    return compare


_CMPS = [_comparison(test, eq) for test, eq in (
    (lambda c: c == 0, True), (lambda c: c != 0, True), (lambda c: c < 0, False),
    (lambda c: c <= 0, False), (lambda c: c > 0, False), (lambda c: c >= 0, False))]


def _cmp_aware(a, b, eq, what):
    x, y = a._us(), b._us()
    if a._tzinfo is b._tzinfo:
        return _sign(x, y)
    oa, ob = a.utcoffset(), b.utcoffset()
    if (oa is None) != (ob is None):
        if eq:
            return 2
        raise TypeError("can't compare offset-naive and offset-aware " + what)
    if oa is not None:
        x, y = x - oa._us(), y - ob._us()
    return _sign(x, y)


def _aware_hash(obj):
    off = (obj.replace(fold=0) if obj._fold else obj).utcoffset()
    return hash(obj._us() - (off._us() if off else 0))


def _checked_offset(tz, name, arg):
    off = getattr(tz, name)(arg)
    if off is None:
        return None
    if not isinstance(off, timedelta):
        raise TypeError("tzinfo.%s() must return None or timedelta, not '%s'" % (name, _tn(off)))
    if not -_DAY_US < off._us() < _DAY_US:
        raise ValueError(_OFFSET_RANGE + ".")
    return off


def _checked_tzname(tz, arg):
    name = tz.tzname(arg)
    if name is not None and not isinstance(name, str):
        raise TypeError("tzinfo.tzname() must return None or a string, not '%s'" % _tn(name))
    return name


def _fmt_offset(off, sep):
    if off is None:
        return ""
    us, sign = off._us(), "+"
    if us < 0:
        us, sign = -us, "-"
    s, us = divmod(us, 10**6)
    m, s = divmod(s, 60)
    h, m = divmod(m, 60)
    text = "%s%02d%s%02d" % (sign, h, sep, m)
    if s or us:
        text += "%s%02d" % (sep, s)
    return text + (".%06d" % us if us else "")


def _fmt_time(h, m, s, us, timespec):
    if not isinstance(timespec, str):
        raise TypeError("isoformat() argument 2 must be str, not %s" % _tn(timespec))
    if timespec == "auto":
        timespec = "microseconds" if us else "seconds"
    if timespec == "hours":
        return "%02d" % h
    if timespec == "minutes":
        return "%02d:%02d" % (h, m)
    if timespec == "seconds":
        return "%02d:%02d:%02d" % (h, m, s)
    if timespec == "milliseconds":
        return "%02d:%02d:%02d.%03d" % (h, m, s, us // 1000)
    if timespec == "microseconds":
        return "%02d:%02d:%02d.%06d" % (h, m, s, us)
    raise ValueError("Unknown timespec value")


def _tzrepr(r, obj, fold_first):
    extra = [", tzinfo=%r" % (obj._tzinfo,)] if obj._tzinfo is not None else []
    if obj._fold:
        extra.insert(0 if fold_first else len(extra), ", fold=1")
    return r[:-1] + "".join(extra) + ")"


class timedelta:
    """A duration: days, seconds (0..86399) and microseconds (0..999999)."""

    __module__ = "datetime"

    def __new__(cls, days=0, seconds=0, microseconds=0, milliseconds=0, minutes=0, hours=0, weeks=0):
        us, frac = 0, 0.0
        for name, v, unit in (("microseconds", microseconds, 1), ("milliseconds", milliseconds, 1000),
                              ("seconds", seconds, 10**6), ("minutes", minutes, 60 * 10**6),
                              ("hours", hours, 3600 * 10**6), ("days", days, _DAY_US),
                              ("weeks", weeks, 7 * _DAY_US)):
            if isinstance(v, int):
                us += v * unit
            elif isinstance(v, float):
                whole = int(v)
                part = (v - whole) * unit
                us += whole * unit + int(part)
                frac += part - int(part)
            else:
                raise TypeError("unsupported type for timedelta %s component: %s" % (name, type(v).__name__))
        if frac:
            whole = round(frac)
            if abs(whole - frac) == 0.5 and (us + whole) % 2:
                whole += 1 if frac > whole else -1
            us += whole
        return _new_td(cls, us)

    days = property(lambda self: self._days)
    seconds = property(lambda self: self._seconds)
    microseconds = property(lambda self: self._microseconds)

    def _us(self):
        return (self._days * 86400 + self._seconds) * 10**6 + self._microseconds

    def total_seconds(self):
        return self._us() / 10**6

    def __repr__(self):
        args = ["%s=%d" % (n, v) for n, v in (("days", self._days), ("seconds", self._seconds),
                                              ("microseconds", self._microseconds)) if v]
        return "%s(%s)" % (_tn(self), ", ".join(args) or "0")

    def __str__(self):
        m, s = divmod(self._seconds, 60)
        h, m = divmod(m, 60)
        text = "%d:%02d:%02d" % (h, m, s)
        if self._days:
            text = "%d day%s, %s" % (self._days, "" if abs(self._days) == 1 else "s", text)
        return text + (".%06d" % self._microseconds if self._microseconds else "")

    def __add__(self, other):
        if isinstance(other, timedelta):
            return _td(self._us() + other._us())
        return NotImplemented

    __radd__ = __add__

    def __sub__(self, other):
        if isinstance(other, timedelta):
            return _td(self._us() - other._us())
        return NotImplemented

    def __neg__(self):
        return _td(-self._us())

    def __pos__(self):
        return _td(self._us())

    def __abs__(self):
        return -self if self._days < 0 else +self

    def __mul__(self, other):
        if isinstance(other, int):
            return _td(self._us() * other)
        if isinstance(other, float):
            a, b = _ratio(other)
            return _td(_div_round(self._us() * a, b))
        return NotImplemented

    __rmul__ = __mul__

    def __truediv__(self, other):
        if isinstance(other, timedelta):
            return self._us() / other._us()
        if isinstance(other, int):
            return _td(_div_round(self._us(), other))
        if isinstance(other, float):
            a, b = _ratio(other)
            return _td(_div_round(b * self._us(), a))
        return NotImplemented

    def __floordiv__(self, other):
        if isinstance(other, timedelta):
            return self._us() // other._us()
        if isinstance(other, int):
            return _td(self._us() // other)
        return NotImplemented

    def __mod__(self, other):
        if isinstance(other, timedelta):
            return _td(self._us() % other._us())
        return NotImplemented

    def __divmod__(self, other):
        if isinstance(other, timedelta):
            q, r = divmod(self._us(), other._us())
            return q, _td(r)
        return NotImplemented

    def _cmp(self, other, eq):
        return _sign(self._us(), other._us()) if isinstance(other, timedelta) else NotImplemented

    __eq__, __ne__, __lt__, __le__, __gt__, __ge__ = _CMPS

    def __hash__(self):
        return hash((self._days, self._seconds, self._microseconds))

    def __bool__(self):
        return bool(self._days or self._seconds or self._microseconds)


def _new_td(cls, us):
    s, us = divmod(us, 10**6)
    d, s = divmod(s, 86400)
    if abs(d) > 999999999:
        if not -2**31 <= d < 2**31:
            raise OverflowError("Python int too large to convert to C int")
        raise OverflowError("days=%d; must have magnitude <= 999999999" % d)
    self = object.__new__(cls)
    self._days, self._seconds, self._microseconds = d, s, us
    return self


def _td(us):
    return _new_td(timedelta, us)


timedelta.min = timedelta(-999999999)
timedelta.max = timedelta(999999999, 86399, 999999)
timedelta.resolution = timedelta(microseconds=1)


class IsoCalendarDate:
    """What isocalendar() returns: a (year, week, weekday) tuple with names."""

    __module__ = "datetime"

    def __init__(self, year, week, weekday):
        self._t = (year, week, weekday)

    year = property(lambda self: self._t[0])
    week = property(lambda self: self._t[1])
    weekday = property(lambda self: self._t[2])

    def __iter__(self):
        return iter(self._t)

    def __len__(self):
        return 3

    def __getitem__(self, i):
        return self._t[i]

    def __eq__(self, other):
        return self._t == (other._t if isinstance(other, IsoCalendarDate) else other)

    def __hash__(self):
        return hash(self._t)

    def __repr__(self):
        return "datetime.IsoCalendarDate(year=%d, week=%d, weekday=%d)" % self._t


def _split_timestamp(t, floor):
    """(seconds, microseconds) of a timestamp, as CPython rounds it."""
    if isinstance(t, int):
        return t, 0
    if not isinstance(t, float):
        raise TypeError("'%s' object cannot be interpreted as an integer" % type(t).__name__)
    if t != t:
        raise ValueError("Invalid value NaN (not a number)")
    if not -2.0**63 <= t < 2.0**63:
        raise OverflowError("timestamp out of range for platform time_t")
    s = int(t)
    if floor:
        return s - (s > t), 0
    us = round((t - s) * 1e6)
    if us >= 10**6:
        s, us = s + 1, us - 10**6
    elif us < 0:
        s, us = s - 1, us + 10**6
    return s, us


def _fields_at(seconds, us):
    days, s = divmod(seconds, 86400)
    y, m, d = _ord2ymd(days + _EPOCH_ORD)
    return y, m, d, s // 3600, s // 60 % 60, s % 60, us


def _digits(s, i, n):
    """The int of s[i:i+n] if those are n ASCII digits, else None."""
    part = s[i:i + n]
    if len(part) != n or not all("0" <= c <= "9" for c in part):
        return None
    return int(part) if n else 0


def _parse_iso_date(s, end):
    """3.11's ISO date grammar over s[:end]: (y, m, d) or None."""
    y = _digits(s, 0, 4)
    if y is None:
        return None
    sep = s[4:5] == "-"
    p = 4 + sep
    if s[p:p + 1] == "W":
        week = _digits(s, p + 1, 2)
        if week is None:
            return None
        p += 3
        day = 1
        if p < end:
            if sep:
                if s[p:p + 1] != "-":
                    return None
                p += 1
            day = _digits(s, p, 1)
        if day is None or not 1 <= day <= 7 or not 1 <= week <= _iso_weeks(y):
            return None
        return _ord2ymd(_iso_week1_monday(y) + (week - 1) * 7 + day - 1)
    m = _digits(s, p, 2)
    if m is None or sep and s[p + 2:p + 3] != "-":
        return None
    d = _digits(s, p + 2 + sep, 2)
    return None if d is None else (y, m, d)


def _iso_weeks(y):
    return (_iso_week1_monday(y + 1) - _iso_week1_monday(y)) // 7


def _parse_hms(s, p, end):
    """[HH[:MM[:SS[.ffffff]]]] in s[p:end]: (status, [h, m, s, us]), status 1 if text follows."""
    vals, sep = [0, 0, 0, 0], True
    for i in range(3):
        vals[i] = _digits(s, p, 2)
        if vals[i] is None:
            return -1, vals
        c, p = s[p + 2:p + 3], p + 3
        if i == 0:
            sep = c == ":"
        if p >= end:
            return int(c != ""), vals
        if sep and c == ":":
            continue
        if c in (".", ","):
            break
        if sep:
            return -1, vals
        p -= 1
    n = min(end - p, 6)
    frac = _digits(s, p, n)
    if frac is None:
        return -1, vals
    vals[3] = frac * 10 ** (6 - n)
    p += n
    while _digits(s, p, 1) is not None:
        p += 1
    return int(p < len(s)), vals


def _parse_iso_time(s, p):
    """3.11's ISO time grammar on s[p:]: [h, m, s, us, tzinfo] or None."""
    tz = p
    while tz < len(s) and s[tz] not in "Z+-":
        tz += 1
    rv, vals = _parse_hms(s, p, tz)
    if rv < 0 or tz == len(s) and rv:
        return None
    if tz == len(s):
        return vals + [None]
    if s[tz] == "Z":
        return vals + [timezone.utc] if tz + 1 == len(s) else None
    rv, off = _parse_hms(s, tz + 1, len(s))
    if rv:
        return None
    sign = -1 if s[tz] == "-" else 1
    delta = timedelta(hours=off[0], minutes=off[1], seconds=off[2], microseconds=off[3]) * sign
    return vals + [timezone(delta) if delta else timezone.utc]


def _iso_separator(s):
    """Where 3.11 looks for the date/time separator in a datetime string."""
    n = len(s)
    if n == 7:
        return 7
    if s[4:5] == "-":
        if s[5:6] != "W":
            return 10
        if n > 8 and s[8] == "-":
            return 8 if n > 10 and s[10].isdigit() else 10
        return 8
    if s[4:5] != "W":
        return 8
    i = 7
    while i < n and "0" <= s[i] <= "9":
        i += 1
    return i if i < 9 else 7 + (i % 2)


def _iso_bytes(s):
    """s as CPython parses it: UTF-8, a non-ASCII character as bytes that match nothing."""
    if not isinstance(s, str):
        raise TypeError("fromisoformat: argument must be str")
    return "".join(c if c < "\x80" else "\x80" * (2 if c < "\u0800" else 3 if c < "\U00010000" else 4) for c in s)


def _bad_iso(s):
    return ValueError("Invalid isoformat string: %r" % (s,))


class date:
    """A date of the proleptic Gregorian calendar."""

    __module__ = "datetime"

    def __new__(cls, year, month, day):
        year, month, day = _int(year), _int(month), _int(day)
        _check_date(year, month, day)
        self = object.__new__(cls)
        self._year, self._month, self._day = year, month, day
        return self

    year = property(lambda self: self._year)
    month = property(lambda self: self._month)
    day = property(lambda self: self._day)

    @classmethod
    def today(cls):
        return cls.fromtimestamp(_time.time())

    @classmethod
    def fromtimestamp(cls, t):
        s = _split_timestamp(t, True)[0]
        return cls(*_fields_at(s, 0)[:3])

    @classmethod
    def fromordinal(cls, n):
        n = _int(n)
        if n < 1:
            raise ValueError("ordinal must be >= 1")
        return cls(*_ord2ymd(n))

    @classmethod
    def fromisoformat(cls, s):
        b = _iso_bytes(s)
        ymd = _parse_iso_date(b, len(b)) if len(b) in (7, 8, 10) else None
        if ymd is None:
            raise _bad_iso(s)
        return cls(*ymd)

    @classmethod
    def fromisocalendar(cls, year, week, day):
        if not MINYEAR <= year <= MAXYEAR:
            raise ValueError("Year is out of range: %d" % year)
        if not 0 < week <= (_iso_weeks(year) if year < MAXYEAR else 52):
            raise ValueError("Invalid week: %d" % week)
        if not 0 < day < 8:
            raise ValueError("Invalid day: %d (range is [1, 7])" % day)
        return cls(*_ord2ymd(_iso_week1_monday(year) + (week - 1) * 7 + day - 1))

    def _fields(self):
        return self._year, self._month, self._day, 0, 0, 0, 0

    def toordinal(self):
        return _ymd2ord(self._year, self._month, self._day)

    def weekday(self):
        return (self.toordinal() + 6) % 7

    def isoweekday(self):
        return self.weekday() + 1

    def isocalendar(self):
        return IsoCalendarDate(*_isocal(self._year, self._month, self._day))

    def timetuple(self):
        return self._tuple(0, 0, 0, -1)

    def _tuple(self, hh, mm, ss, dst):
        yday = self.toordinal() - _ymd2ord(self._year, 1, 1) + 1
        fields = (self._year, self._month, self._day, hh, mm, ss, self.weekday(), yday, dst)
        return _time.struct_time(fields)

    def isoformat(self):
        return "%04d-%02d-%02d" % (self._year, self._month, self._day)

    __str__ = isoformat

    def __repr__(self):
        return "%s(%d, %d, %d)" % (_tn(self), self._year, self._month, self._day)

    def ctime(self):
        y, m, d, hh, mm, ss = self._fields()[:6]
        return "%s %s %2d %02d:%02d:%02d %04d" % (_DAYS[self.weekday()][:3], _MONTHS[m - 1][:3], d, hh, mm, ss, y)

    def strftime(self, fmt):
        return _strftime(fmt, self._fields(), self)

    def __format__(self, fmt):
        if not isinstance(fmt, str):
            raise TypeError("__format__() argument 1 must be str, not %s" % _tn(fmt))
        return self.strftime(fmt) if fmt else str(self)

    def replace(self, year=None, month=None, day=None):
        return type(self)(self._year if year is None else year, self._month if month is None else month,
                          self._day if day is None else day)

    def __add__(self, other):
        if isinstance(other, timedelta):
            return self._shift_days(other._days)
        return NotImplemented

    __radd__ = __add__

    def __sub__(self, other):
        if isinstance(other, timedelta):
            return self._shift_days(-other._days)
        if isinstance(other, date) and not isinstance(other, datetime):
            return timedelta(self.toordinal() - other.toordinal())
        return NotImplemented

    def _shift_days(self, days):
        n = self.toordinal() + days
        if not 1 <= n <= _MAXORDINAL:
            raise OverflowError("date value out of range")
        return type(self)(*_ord2ymd(n))

    def _cmp(self, other, eq):
        if isinstance(other, date) and not isinstance(other, datetime):
            return _sign((self._year, self._month, self._day), (other._year, other._month, other._day))
        return NotImplemented

    __eq__, __ne__, __lt__, __le__, __gt__, __ge__ = _CMPS

    def __hash__(self):
        return hash((self._year, self._month, self._day))


date.min = date(1, 1, 1)
date.max = date(9999, 12, 31)
date.resolution = timedelta(days=1)


class tzinfo:
    """The abstract base of time zones: subclasses define utcoffset, dst and tzname."""

    __module__ = "datetime"

    def tzname(self, dt):
        raise NotImplementedError("a tzinfo subclass must implement tzname()")

    def utcoffset(self, dt):
        raise NotImplementedError("a tzinfo subclass must implement utcoffset()")

    def dst(self, dt):
        raise NotImplementedError("a tzinfo subclass must implement dst()")

    def fromutc(self, dt):
        if not isinstance(dt, datetime):
            raise TypeError("fromutc: argument must be a datetime")
        if dt.tzinfo is not self:
            raise ValueError("fromutc: dt.tzinfo is not self")
        off, dst = dt.utcoffset(), dt.dst()
        if off is None:
            raise ValueError("fromutc: non-None utcoffset() result required")
        if dst is None:
            raise ValueError("fromutc: non-None dst() result required")
        if off != dst:
            dt += off - dst
            dst = dt.dst()
            if dst is None:
                raise ValueError("fromutc: tz.dst() gave inconsistent results; cannot convert")
        return dt + dst


class time:
    """A time of day, optionally with a tzinfo."""

    __module__ = "datetime"

    def __new__(cls, hour=0, minute=0, second=0, microsecond=0, tzinfo=None, *, fold=0):
        hour, minute, second, microsecond, fold = _int(hour), _int(minute), _int(second), _int(microsecond), _int(fold)
        _check_time(hour, minute, second, microsecond, tzinfo, fold)
        self = object.__new__(cls)
        self._hour, self._minute, self._second, self._microsecond = hour, minute, second, microsecond
        self._tzinfo, self._fold = tzinfo, fold
        return self

    hour = property(lambda self: self._hour)
    minute = property(lambda self: self._minute)
    second = property(lambda self: self._second)
    microsecond = property(lambda self: self._microsecond)
    tzinfo = property(lambda self: self._tzinfo)
    fold = property(lambda self: self._fold)

    @classmethod
    def fromisoformat(cls, s):
        b = _iso_bytes(s)
        vals = _parse_iso_time(b, 1 if b[:1] == "T" else 0)
        if vals is None:
            raise _bad_iso(s)
        return cls(*vals)

    def _us(self):
        return ((self._hour * 60 + self._minute) * 60 + self._second) * 10**6 + self._microsecond

    def _fields(self):
        return 1900, 1, 1, self._hour, self._minute, self._second, self._microsecond

    def utcoffset(self):
        return None if self._tzinfo is None else _checked_offset(self._tzinfo, "utcoffset", None)

    def dst(self):
        return None if self._tzinfo is None else _checked_offset(self._tzinfo, "dst", None)

    def tzname(self):
        return None if self._tzinfo is None else _checked_tzname(self._tzinfo, None)

    def isoformat(self, timespec="auto"):
        return _fmt_time(self._hour, self._minute, self._second, self._microsecond, timespec) + \
            _fmt_offset(self.utcoffset(), ":")

    __str__ = isoformat

    def __repr__(self):
        args = [self._hour, self._minute, self._second, self._microsecond]
        while len(args) > 2 and not args[-1]:
            args.pop()
        return _tzrepr("%s(%s)" % (_tn(self), ", ".join(map(str, args))), self, False)

    def strftime(self, fmt):
        return _strftime(fmt, self._fields(), self)

    __format__ = date.__format__

    def replace(self, hour=None, minute=None, second=None, microsecond=None, tzinfo=True, *, fold=None):
        return type(self)(self._hour if hour is None else hour, self._minute if minute is None else minute,
                          self._second if second is None else second,
                          self._microsecond if microsecond is None else microsecond,
                          self._tzinfo if tzinfo is True else tzinfo, fold=self._fold if fold is None else fold)

    def _cmp(self, other, eq):
        return _cmp_aware(self, other, eq, "times") if isinstance(other, time) else NotImplemented

    __eq__, __ne__, __lt__, __le__, __gt__, __ge__ = _CMPS

    def __hash__(self):
        return _aware_hash(self)


time.min = time(0, 0)
time.max = time(23, 59, 59, 999999)
time.resolution = timedelta(microseconds=1)


class datetime(date):
    """A date and a time of day, optionally with a tzinfo."""

    __module__ = "datetime"

    def __new__(cls, year, month, day, hour=0, minute=0, second=0, microsecond=0, tzinfo=None, *, fold=0):
        year, month, day = _int(year), _int(month), _int(day)
        hour, minute, second, microsecond, fold = _int(hour), _int(minute), _int(second), _int(microsecond), _int(fold)
        _check_date(year, month, day)
        _check_time(hour, minute, second, microsecond, tzinfo, fold)
        self = object.__new__(cls)
        self._year, self._month, self._day = year, month, day
        self._hour, self._minute, self._second, self._microsecond = hour, minute, second, microsecond
        self._tzinfo, self._fold = tzinfo, fold
        return self

    hour, minute, second, microsecond, tzinfo, fold = time.hour, time.minute, time.second, \
        time.microsecond, time.tzinfo, time.fold

    @classmethod
    def fromtimestamp(cls, t, tz=None):
        _check_tzinfo(tz)
        s, us = _split_timestamp(t, False)
        dt = cls(*_fields_at(s, us), tzinfo=tz)
        if tz is None and _fields_at(s - 86400, 0)[0] < 1:
            raise ValueError("year %d is out of range" % _fields_at(s - 86400, 0)[0])
        return dt if tz is None else tz.fromutc(dt)

    @classmethod
    def utcfromtimestamp(cls, t):
        return cls(*_fields_at(*_split_timestamp(t, False)))

    @classmethod
    def now(cls, tz=None):
        return cls.fromtimestamp(_time.time(), tz)

    @classmethod
    def utcnow(cls):
        return cls.utcfromtimestamp(_time.time())

    @classmethod
    def combine(cls, date_, time_, tzinfo=True):
        if not isinstance(date_, date):
            raise TypeError("combine() argument 1 must be datetime.date, not %s" % _tn(date_))
        if not isinstance(time_, time):
            raise TypeError("combine() argument 2 must be datetime.time, not %s" % _tn(time_))
        return cls(date_._year, date_._month, date_._day, time_._hour, time_._minute, time_._second,
                   time_._microsecond, time_._tzinfo if tzinfo is True else tzinfo, fold=time_._fold)

    @classmethod
    def fromisoformat(cls, s):
        b = _iso_bytes(s)
        for i in (7, 8, 10):
            if i < len(s) and s[i] >= "\x80":
                b = _iso_bytes(s[:i] + "T" + s[i + 1:])
                break
        sep = _iso_separator(b)
        ymd = _parse_iso_date(b, sep) if len(s) >= 7 else None
        vals = [0, 0, 0, 0, None] if ymd is None or len(b) <= sep else _parse_iso_time(b, sep + 1)
        if ymd is None or vals is None:
            raise _bad_iso(s)
        return cls(*ymd, *vals)

    @classmethod
    def strptime(cls, s, fmt):
        return cls(*_strptime(s, fmt))

    def _us(self):
        return (self.toordinal() * 86400 + (self._hour * 60 + self._minute) * 60 + self._second) * 10**6 \
            + self._microsecond

    def _fields(self):
        return self._year, self._month, self._day, self._hour, self._minute, self._second, self._microsecond

    def date(self):
        return date(self._year, self._month, self._day)

    def time(self):
        return time(self._hour, self._minute, self._second, self._microsecond, fold=self._fold)

    def timetz(self):
        return time(self._hour, self._minute, self._second, self._microsecond, self._tzinfo, fold=self._fold)

    def utcoffset(self):
        return None if self._tzinfo is None else _checked_offset(self._tzinfo, "utcoffset", self)

    def dst(self):
        return None if self._tzinfo is None else _checked_offset(self._tzinfo, "dst", self)

    def tzname(self):
        return None if self._tzinfo is None else _checked_tzname(self._tzinfo, self)

    def timestamp(self):
        off = self.utcoffset()
        if off is None:
            self._check_local()
            return (self._us() // 10**6 - _EPOCH_ORD * 86400) + self._microsecond / 1e6
        return (self._us() - off._us() - _EPOCH_ORD * _DAY_US) / 10**6

    def _check_local(self):
        """CPython's mktime-like search looks at local time a day away."""
        n = (self._us() // 10**6 + (86400 if self._fold else -86400)) // 86400
        if not 1 <= n <= _MAXORDINAL:
            raise ValueError("year %d is out of range" % _ord2ymd(n)[0])

    def timetuple(self):
        dst = self.dst()
        flag = -1 if dst is None else int(bool(dst))
        return self._tuple(self._hour, self._minute, self._second, flag)

    def utctimetuple(self):
        off = self.utcoffset()
        d = self if off is None else (self - off).replace(tzinfo=None)
        return d._tuple(d._hour, d._minute, d._second, 0)

    def astimezone(self, tz=None):
        _check_tzinfo(tz)
        tz = timezone(timedelta(0), "UTC") if tz is None else tz
        if tz is self._tzinfo:
            return self
        off = self.utcoffset()
        if off is None:
            self._check_local()
        utc = self._shift(-off._us() if off else 0)
        return tz.fromutc(utc.replace(tzinfo=tz, fold=0))

    def isoformat(self, sep="T", timespec="auto"):
        if not isinstance(sep, str) or len(sep) != 1:
            raise TypeError("isoformat() argument 1 must be a unicode character, not %s" % _tn(sep))
        return "%04d-%02d-%02d%s" % (self._year, self._month, self._day, sep) + \
            _fmt_time(self._hour, self._minute, self._second, self._microsecond, timespec) + \
            _fmt_offset(self.utcoffset(), ":")

    def __str__(self):
        return self.isoformat(" ")

    def __repr__(self):
        args = list(self._fields())
        while len(args) > 5 and not args[-1]:
            args.pop()
        return _tzrepr("%s(%s)" % (_tn(self), ", ".join(map(str, args))), self, True)

    def replace(self, year=None, month=None, day=None, hour=None, minute=None, second=None, microsecond=None,
                tzinfo=True, *, fold=None):
        new = [old if v is None else v for old, v in
               zip(self._fields(), (year, month, day, hour, minute, second, microsecond))]
        return type(self)(*new, self._tzinfo if tzinfo is True else tzinfo, fold=self._fold if fold is None else fold)

    def __add__(self, other):
        if isinstance(other, timedelta):
            return self._shift(other._us())
        return NotImplemented

    __radd__ = __add__

    def __sub__(self, other):
        if isinstance(other, timedelta):
            return self._shift(-other._us())
        if not isinstance(other, datetime):
            return NotImplemented
        a, b = self._us(), other._us()
        if self._tzinfo is not other._tzinfo:
            oa, ob = self.utcoffset(), other.utcoffset()
            if (oa is None) != (ob is None):
                raise TypeError("can't subtract offset-naive and offset-aware datetimes")
            if oa is not None:
                a, b = a - oa._us(), b - ob._us()
        return _td(a - b)

    def _shift(self, us):
        days, us = divmod(self._us() + us, _DAY_US)
        if not 1 <= days <= _MAXORDINAL:
            raise OverflowError("date value out of range")
        s, us = divmod(us, 10**6)
        return type(self)(*_ord2ymd(days), s // 3600, s // 60 % 60, s % 60, us, self._tzinfo)

    def _cmp(self, other, eq):
        if isinstance(other, datetime):
            return _cmp_aware(self, other, eq, "datetimes")
        if not isinstance(other, date):
            return NotImplemented
        if eq:
            return 2
        raise TypeError("can't compare %s to %s" % (_tn(self), _tn(other)))

    __eq__, __ne__, __lt__, __le__, __gt__, __ge__ = _CMPS
    def __hash__(self):
        return _aware_hash(self)


datetime.min = datetime(1, 1, 1)
datetime.max = datetime(9999, 12, 31, 23, 59, 59, 999999)
datetime.resolution = timedelta(microseconds=1)


class timezone(tzinfo):
    """A fixed offset from UTC, with an optional name."""

    __module__ = "datetime"
    _utc = None

    def __new__(cls, offset, name=_tn):
        if not isinstance(offset, timedelta):
            raise TypeError("timezone() argument 1 must be datetime.timedelta, not %s" % _tn(offset))
        if name is _tn:
            name = None
            if not offset and cls._utc is not None:
                return cls._utc
        elif not isinstance(name, str):
            raise TypeError("timezone() argument 2 must be str, not %s" % _tn(name))
        if not -_DAY_US < offset._us() < _DAY_US:
            raise ValueError("%s, not %r." % (_OFFSET_RANGE, offset))
        self = object.__new__(cls)
        self._offset, self._name = offset, name
        return self

    def _check_arg(self, dt, what):
        if dt is not None and not isinstance(dt, datetime):
            raise TypeError("%s(dt) argument must be a datetime instance or None, not %s" % (what, _tn(dt)))

    def utcoffset(self, dt):
        self._check_arg(dt, "utcoffset")
        return self._offset

    def dst(self, dt):
        self._check_arg(dt, "dst")
        return None

    def tzname(self, dt):
        self._check_arg(dt, "tzname")
        if self._name is not None:
            return self._name
        return "UTC" + _fmt_offset(self._offset, ":") if self._offset else "UTC"

    def fromutc(self, dt):
        if not isinstance(dt, datetime):
            raise TypeError("fromutc: argument must be a datetime")
        if dt.tzinfo is not self:
            raise ValueError("fromutc: dt.tzinfo is not self")
        return dt + self._offset

    def __str__(self):
        return self.tzname(None)

    def __repr__(self):
        if self is timezone._utc:
            return "datetime.timezone.utc"
        if self._name is None:
            return "%s(%r)" % (_tn(self), self._offset)
        return "%s(%r, %r)" % (_tn(self), self._offset, self._name)

    def __eq__(self, other):
        return self._offset == other._offset if isinstance(other, timezone) else NotImplemented

    def __hash__(self):
        return hash(self._offset)


timezone.utc = timezone._utc = timezone(timedelta(0))
timezone.min = timezone(timedelta(hours=-23, minutes=-59))
timezone.max = timezone(timedelta(hours=23, minutes=59))


# strftime: glibc's C-locale output for the directives, %z %Z %f as CPython adds them.
_COMPOSITE = {"c": "%a %b %e %H:%M:%S %Y", "x": "%m/%d/%y", "X": "%H:%M:%S", "D": "%m/%d/%y",
              "F": "%Y-%m-%d", "T": "%H:%M:%S", "R": "%H:%M", "r": "%I:%M:%S %p"}


def _directive(c, f, obj):
    y, m, d, hh, mi, ss, us = f
    wd = (_ymd2ord(y, m, d) + 6) % 7
    yday = _ymd2ord(y, m, d) - _ymd2ord(y, 1, 1) + 1
    if c in "aAbBhpP":
        return {"a": _DAYS[wd][:3], "A": _DAYS[wd], "b": _MONTHS[m - 1][:3], "h": _MONTHS[m - 1][:3],
                "B": _MONTHS[m - 1], "p": "AM" if hh < 12 else "PM", "P": "am" if hh < 12 else "pm"}[c]
    if c in "zZ":
        tz = getattr(obj, "_tzinfo", None)
        if tz is None:
            return ""
        arg = obj if isinstance(obj, datetime) else None
        if c == "Z":
            return _checked_tzname(tz, arg) or ""
        return _fmt_offset(_checked_offset(tz, "utcoffset", arg), "")
    if c in "GgVu":
        iy, iw, iwd = _isocal(y, m, d)
        return {"G": str(iy), "g": "%02d" % (iy % 100), "V": "%02d" % iw, "u": str(iwd)}[c]
    if c == "s":
        return str((_ymd2ord(y, m, d) - _EPOCH_ORD) * 86400 + hh * 3600 + mi * 60 + ss)
    return {"d": "%02d" % d, "e": "%2d" % d, "m": "%02d" % m, "y": "%02d" % (y % 100), "Y": str(y),
            "C": str(y // 100), "H": "%02d" % hh, "k": "%2d" % hh, "I": "%02d" % (hh % 12 or 12),
            "l": "%2d" % (hh % 12 or 12), "M": "%02d" % mi, "S": "%02d" % ss, "f": "%06d" % us,
            "j": "%03d" % yday, "w": str((wd + 1) % 7), "U": "%02d" % ((yday + 6 - (wd + 1) % 7) // 7),
            "W": "%02d" % ((yday + 6 - wd) // 7), "n": "\n", "t": "\t", "%": "%"}.get(c)


def _strftime(fmt, fields, obj):
    if not isinstance(fmt, str):
        raise TypeError("strftime() argument 1 must be str, not %s" % _tn(fmt))
    out, i, n = [], 0, len(fmt)
    while i < n:
        c = fmt[i]
        i += 1
        if c != "%" or i == n:
            out.append(c)
            continue
        c, i = fmt[i], i + 1
        if c in _COMPOSITE:
            out.append(_strftime(_COMPOSITE[c], fields, obj))
        elif c == "-" and i < n and fmt[i] in "dmyCHIMSjUWVGguwekl":
            out.append(str(int(_directive(fmt[i], fields, obj))))
            i += 1
        elif c in "-_0^#EO123456789":
            _unsupported("the strftime flag %r" % ("%" + c))
        else:
            text = _directive(c, fields, obj)
            out.append("%" + c if text is None else text)
    return "".join(out)


# strptime: the directives' patterns as _strptime.py's regular expressions
# (alternatives tried in order, with backtracking), case-insensitive.
def _alternatives(spec):
    alts = []
    for alt in spec.split("|"):
        sets, i = [], 0
        while i < len(alt):
            if alt[i] == "[":
                body, i = alt[i + 1:alt.index("]", i)], alt.index("]", i) + 1
                sets.append("".join(map(str, range(int(body[0]), int(body[2]) + 1))) if "-" in body else body)
            else:
                sets.append("0123456789" if alt[i] == "d" else alt[i])
                i += 1
        alts.append(sets)
    return alts


_STRP_PATTERNS = {
    "d": "3[0-1]|[1-2]d|0[1-9]|[1-9]| [1-9]", "f": "dddddd|ddddd|dddd|ddd|dd|d", "H": "2[0-3]|[0-1]d|d",
    "I": "1[0-2]|0[1-9]|[1-9]", "G": "dddd", "m": "1[0-2]|0[1-9]|[1-9]", "M": "[0-5]d|d",
    "j": "36[0-6]|3[0-5]d|[1-2]dd|0[1-9]d|00[1-9]|[1-9]d|0[1-9]|[1-9]", "S": "6[0-1]|[0-5]d|d",
    "U": "5[0-3]|[0-4]d|d", "W": "5[0-3]|[0-4]d|d", "w": "[0-6]", "u": "[1-7]", "V": "5[0-3]|0[1-9]|[1-4]d|d",
    "y": "dd", "Y": "dddd"}
_STRP_NAMES = {"a": [n[:3].lower() for n in _DAYS], "A": [n.lower() for n in _DAYS],
               "b": [n[:3].lower() for n in _MONTHS], "B": [n.lower() for n in _MONTHS],
               "p": ["am", "pm"], "Z": ["utc", "gmt"]}
_STRP_COMPOSITE = {"c": "%a %b %d %H:%M:%S %Y", "x": "%m/%d/%y", "X": "%H:%M:%S"}


def _match_pattern(alts):
    def ends(s, p):
        for sets in alts:
            if p + len(sets) <= len(s) and all(s[p + k] in cs for k, cs in enumerate(sets)):
                yield p + len(sets)
    return ends


def _match_names(names):
    def ends(s, p):
        for name in sorted(names, key=len, reverse=True):
            if s[p:p + len(name)].lower() == name:
                yield p + len(name)
    return ends


def _match_z(s, p):
    """[+-]HH:?MM(:?SS(.f{1,6})?)? or Z, in the regex's order of preference."""
    def colon(q):
        return [q + 1, q] if s[q:q + 1] == ":" else [q]

    def two(q, first):
        return q + 2 <= len(s) and s[q] in first and "0" <= s[q + 1] <= "9"

    if s[p:p + 1] in ("+", "-") and _digits(s, p + 1, 2) is not None:
        for q in colon(p + 3):
            if two(q, "012345"):
                for r in colon(q + 2):
                    if two(r, "012345"):
                        if s[r + 2:r + 3] == ".":
                            n = 0
                            while n < 6 and _digits(s, r + 3 + n, 1) is not None:
                                n += 1
                            for k in range(n, 0, -1):
                                yield r + 3 + k
                        yield r + 2
                yield q + 2
    if s[p:p + 1] == "Z":
        yield p + 1


def _compile_strptime(fmt):
    """The format as a list of (directive or None, matcher)."""
    items, i = [], 0
    while i < len(fmt):
        c = fmt[i]
        if c.isspace():
            while i < len(fmt) and fmt[i].isspace():
                i += 1
            items.append((None, _match_spaces))
            continue
        i += 1
        if c != "%":
            items.append((None, _match_names([c.lower()])))
            continue
        if i == len(fmt):
            raise ValueError("stray %% in format '%s'" % fmt)
        c, i = fmt[i], i + 1
        if c in _STRP_COMPOSITE:
            items += _compile_strptime(_STRP_COMPOSITE[c])
        elif c in _STRP_PATTERNS:
            items.append((c, _match_pattern(_alternatives(_STRP_PATTERNS[c]))))
        elif c in _STRP_NAMES:
            items.append((c, _match_names(_STRP_NAMES[c])))
        elif c == "z":
            items.append((c, _match_z))
        elif c == "%":
            items.append((None, _match_names(["%"])))
        else:
            bad = "%" if c.isspace() or c in "\\.^$*+?(){}[]|" else c
            raise ValueError("'%s' is a bad directive in format '%s'" % (bad, fmt))
    return items


def _match_spaces(s, p):
    q = p
    while q < len(s) and s[q].isspace():
        q += 1
    for end in range(q, p, -1):
        yield end


def _search(items, k, s, p, caps):
    """The end of the first match of items[k:] at s[p:], filling caps, or None."""
    if k == len(items):
        return p
    for end in items[k][1](s, p):
        found = _search(items, k + 1, s, end, caps)
        if found is not None:
            caps[k] = s[p:end]
            return found
    return None


def _strptime(s, fmt):
    for n, arg in enumerate((s, fmt)):
        if not isinstance(arg, str):
            raise TypeError("strptime() argument %d must be str, not %s" % (n + 1, _tn(arg)))
    items = _compile_strptime(fmt)
    keys = [key for key, _ in items if key]
    if len(keys) != len(set(keys)):
        _unsupported("a directive used twice in a strptime format")
    caps = [None] * len(items)
    end = _search(items, 0, s, 0, caps)
    if end is None:
        raise ValueError("time data %r does not match format %r" % (s, fmt))
    if end != len(s):
        raise ValueError("unconverted data remains: %s" % s[end:])
    found = {}
    for (key, _), text in zip(items, caps):
        if key:
            found[key] = text
    return _strptime_fields(found)


def _strptime_fields(found):
    year = iso_year = iso_week = week = weekday = julian = tz = None
    v = {"m": 1, "d": 1, "H": 0, "M": 0, "S": 0, "f": 0}
    for key, text in found.items():
        if key in "ymdHMSjGVUWwu":
            v[key] = int(text)
        if key == "y":
            year = v["y"] + (2000 if v["y"] <= 68 else 1900)
        elif key == "Y":
            year = int(text)
        elif key in "bB":
            v["m"] = _STRP_NAMES[key].index(text.lower()) + 1
        elif key == "I":
            h, ampm = int(text), found.get("p", "").lower()
            v["H"] = (0 if h == 12 else h) if ampm != "pm" else (h if h == 12 else h + 12)
        elif key == "f":
            v["f"] = int(text + "0" * (6 - len(text)))
        elif key in "aA":
            weekday = _STRP_NAMES[key].index(text.lower())
        elif key in "wu":
            weekday = (v[key] - 1) % 7
        elif key == "j":
            julian = v["j"]
        elif key in "UW":
            week = (v[key], key == "W")
        elif key == "G":
            iso_year = v["G"]
        elif key == "V":
            iso_week = v["V"]
        elif key == "z":
            tz = _strptime_tz(text, found.get("Z"))
    if year is None and iso_year is not None:
        if iso_week is None or weekday is None:
            raise ValueError("ISO year directive '%G' must be used with the ISO week directive '%V' and a "
                             "weekday directive ('%A', '%a', '%w', or '%u').")
        if julian is not None:
            raise ValueError("Day of the year directive '%j' is not compatible with ISO year directive '%G'. "
                             "Use '%Y' instead.")
    elif week is None and iso_week is not None:
        if weekday is None:
            raise ValueError("ISO week directive '%V' must be used with the ISO year directive '%G' and a "
                             "weekday directive ('%A', '%a', '%w', or '%u').")
        raise ValueError("ISO week directive '%V' is incompatible with the year directive '%Y'. "
                         "Use the ISO year '%G' instead.")
    leap_fix = year is None and v["m"] == 2 and v["d"] == 29
    year = (1904 if leap_fix else 1900) if year is None else year
    ordinal = None
    if julian is None and weekday is not None:
        if week is not None:
            ordinal = _uw_ordinal(year, week[0], weekday, week[1])
        elif iso_year is not None and iso_week is not None:
            ordinal = _iso_week1_monday(iso_year) + (iso_week - 1) * 7 + weekday
    if julian is not None:
        ordinal = _ymd2ord(year, 1, 1) + julian - 1
    if ordinal is not None:
        year, v["m"], v["d"] = _ord2ymd(ordinal)
    else:
        date(year, v["m"], v["d"])
    if leap_fix:
        year = 1900
    return [year, v["m"], v["d"], v["H"], v["M"], v["S"], v["f"]] + ([] if tz is None else [tz])


def _uw_ordinal(year, week, weekday, monday_first):
    """The ordinal of weekday (Monday 0) in week (%U or %W numbering) of year."""
    jan1 = _ymd2ord(year, 1, 1)
    first = (jan1 + 6) % 7 if monday_first else jan1 % 7
    day = weekday if monday_first else (weekday + 1) % 7
    if week == 0:
        return jan1 + day - first
    return jan1 + (7 - first) % 7 + 7 * (week - 1) + day


def _strptime_tz(z, name):
    if z == "Z":
        return timezone(timedelta(0), name) if name else timezone.utc
    text = z
    if z[3] == ":":
        z = z[:3] + z[4:]
        if len(z) > 5:
            if z[5] != ":":
                raise ValueError("Inconsistent use of : in %s" % text)
            z = z[:5] + z[6:]
    sign = -1 if z[0] == "-" else 1
    off = timedelta(hours=int(z[1:3]), minutes=int(z[3:5]), seconds=int(z[5:7] or 0),
                    microseconds=int((z[8:] + "000000")[:6])) * sign
    return timezone(off, name) if name else timezone(off)
