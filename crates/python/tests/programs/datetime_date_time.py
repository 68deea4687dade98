# datetime: date and time: construction, ordinals, isocalendar, formatting, comparisons
from datetime import *
# date: construction, checks, ordinals, ISO calendar, arithmetic, comparisons


def show(label, f):
    try:
        print(label, repr(f()))
    except Exception as e:
        print(label, type(e).__name__, e)


d = date(2024, 2, 29)
print(d, repr(d), d.year, d.month, d.day, type(d).__name__, MINYEAR, MAXYEAR)
print(d.toordinal(), date.fromordinal(d.toordinal()), date.fromordinal(1), date.fromordinal(3652059))
print(d.weekday(), d.isoweekday(), d.isocalendar(), d.isocalendar().week, tuple(d.isocalendar()))
y, w, wd = date(2021, 1, 3).isocalendar()
print(y, w, wd, date(2021, 1, 3).isocalendar() == (2020, 53, 7), date(2026, 12, 31).isocalendar()[1])
print(d.isoformat(), str(d), d.ctime(), f"{d}", f"{d:%d/%m/%Y}", "{:%A}".format(d), format(d, ""))
print(d.replace(year=2023, day=28), d.replace(month=3), repr(d.replace()))
print(d + timedelta(days=1), d - timedelta(days=366), d - date(2000, 1, 1), date(2000, 1, 1) - d)
print(d + timedelta(hours=47), d - timedelta(hours=1), timedelta(weeks=1) + d)
print(d == date(2024, 2, 29), d != date(2024, 2, 29), d < date(2024, 3, 1), d >= date(2025, 1, 1))
print(sorted([date(2024, 5, 1), date(2023, 1, 1), date(2024, 1, 31)]))
print(min(date(2024, 5, 1), date(2023, 1, 1)), date.min, date.max, date.resolution)
print(hash(date(2024, 1, 1)) == hash(date(2024, 1, 1)), len({date(2024, 1, 1), date(2024, 1, 1), date(2024, 1, 2)}))
print(date.fromisocalendar(2024, 1, 1), date.fromisocalendar(2020, 53, 7), date.fromtimestamp(0))
print(date.fromtimestamp(1700000000.9), date.fromtimestamp(-1), date.fromtimestamp(86400 * 365))
print(d == 5, d == "2024-02-29", d.strftime("%Y%m%d %H:%M:%S %a %b %j %U %W %%"))
for bad in [(2024, 13, 1), (2024, 0, 1), (2023, 2, 29), (2024, 4, 31), (0, 1, 1), (10000, 1, 1), (2024, 1, 0)]:
    show("date%r" % (bad,), lambda: date(*bad))
show("float", lambda: date(2024.0, 1, 1))
show("str", lambda: date("2024", 1, 1))
show("ordinal0", lambda: date.fromordinal(0))
show("ordinal big", lambda: date.fromordinal(3652060))
show("overflow", lambda: date.max + timedelta(days=1))
show("underflow", lambda: date.min - timedelta(days=1))
show("add int", lambda: d + 1)
show("sub int", lambda: d - 1)
show("lt int", lambda: d < 1)
show("lt str", lambda: "x" > d)
show("isocal week", lambda: date.fromisocalendar(2024, 53, 1))
show("isocal day", lambda: date.fromisocalendar(2024, 1, 8))
show("isocal year", lambda: date.fromisocalendar(10000, 1, 1))
show("format int", lambda: d.__format__(5))
show("replace bad", lambda: d.replace(month=2, year=2023))
show("fromts str", lambda: date.fromtimestamp("0"))
show("fromts nan", lambda: date.fromtimestamp(float("nan")))
show("fromts big", lambda: date.fromtimestamp(1e12))
show("timetuple", lambda: d.timetuple())


class MyDate(date):
    def describe(self):
        return "my " + self.isoformat()


m = MyDate(2024, 1, 31)
print(repr(m), m.describe(), type(m + timedelta(days=1)).__name__, type(MyDate.fromordinal(5)).__name__)
print(type(m.replace(day=1)).__name__, isinstance(m, date), m == date(2024, 1, 31))

# time: fields, isoformat, str/repr, strftime, replace, comparisons, fromisoformat


def show(label, f):
    try:
        print(label, repr(f()))
    except Exception as e:
        print(label, type(e).__name__, e)


t = time(13, 5, 9, 250)
print(t, repr(t), t.hour, t.minute, t.second, t.microsecond, t.tzinfo, t.fold, type(t).__name__)
print(repr(time()), repr(time(1)), repr(time(1, 2)), repr(time(1, 2, 3)), repr(time(0, 0, 0, 1)), repr(time(fold=1)))
for spec in ["auto", "hours", "minutes", "seconds", "milliseconds", "microseconds"]:
    print(spec, t.isoformat(spec), time(7).isoformat(timespec=spec))
tz = timezone(timedelta(hours=-3, minutes=-30))
a = time(12, 0, tzinfo=tz)
print(a, repr(a), a.utcoffset(), a.tzname(), a.dst(), a.isoformat("minutes"), repr(time(1, tzinfo=timezone.utc)))
print(t.strftime("%H|%I|%p|%M|%S|%f|%z|%Z|%X|%Y-%m-%d|%j"), a.strftime("%H:%M %z %Z"), f"{a:%I %p}")
print(t.replace(hour=1), t.replace(microsecond=0, tzinfo=timezone.utc), repr(a.replace(tzinfo=None)))
print(time(1) < time(2), time(1) == time(1, 0), time(1, tzinfo=timezone.utc) == time(2, tzinfo=timezone(timedelta(hours=1))))
print(time(1, tzinfo=timezone.utc) < time(1, tzinfo=timezone(timedelta(hours=-1))), time(1) == time(1, tzinfo=timezone.utc))
print(time(1) != time(1, tzinfo=timezone.utc), time(3) == 3, sorted([time(5), time(1, 30), time(1)]))
print(hash(time(1, tzinfo=timezone.utc)) == hash(time(2, tzinfo=timezone(timedelta(hours=1)))), bool(time()))
print(time.min, time.max, time.resolution)
for s in ["12:30", "12:30:45", "12:30:45.123", "12:30:45.123456789", "T12", "1230", "123045", "12:30:45+02:00",
          "12:30:45Z", "12:30:45-05:30:15.5", "12:30:45,5", "12", "12:30:45.123+0530"]:
    show("fromiso %r" % s, lambda: time.fromisoformat(s))
for s in ["", "1", "12:3", "12:30:", "25:00", "12:60", "12:30:45 ", "12:30:45+", "12.30", "ab:cd"]:
    show("fromiso %r" % s, lambda: time.fromisoformat(s))
show("fromiso int", lambda: time.fromisoformat(1230))
show("hour 24", lambda: time(24))
show("minute", lambda: time(1, 60))
show("second", lambda: time(1, 1, 60))
show("us", lambda: time(1, 1, 1, 10**6))
show("fold", lambda: time(fold=2))
show("tzinfo", lambda: time(tzinfo="UTC"))
show("timespec", lambda: t.isoformat("nanoseconds"))
show("naive<aware", lambda: time(1) < time(1, tzinfo=timezone.utc))
show("time<int", lambda: time(1) < 1)
show("time+td", lambda: time(1) + timedelta(hours=1))

