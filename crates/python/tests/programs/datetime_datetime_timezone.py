# datetime: datetime and timezone: arithmetic, aware and naive, timestamps, astimezone
from datetime import *
# datetime: construction, parts, arithmetic, aware/naive rules, astimezone, timestamps


def show(label, f):
    try:
        print(label, repr(f()))
    except Exception as e:
        print(label, type(e).__name__, e)


dt = datetime(2024, 3, 10, 14, 30, 5, 120)
print(dt, repr(dt), type(dt).__name__, isinstance(dt, date), issubclass(datetime, date))
print(dt.year, dt.month, dt.day, dt.hour, dt.minute, dt.second, dt.microsecond, dt.tzinfo, dt.fold)
print(repr(datetime(2024, 1, 1)), repr(datetime(2024, 1, 1, 0, 0, 1)), repr(datetime(2024, 1, 1, fold=1)))
print(dt.date(), dt.time(), repr(dt.timetz()), dt.ctime(), dt.weekday(), dt.isocalendar(), dt.toordinal())
for spec in ["auto", "hours", "minutes", "seconds", "milliseconds", "microseconds"]:
    print(spec, dt.isoformat(timespec=spec), datetime(2024, 1, 1).isoformat(" ", spec))
print(dt.isoformat("_"), str(datetime(2024, 1, 1)), f"{dt:%Y-%m-%d %H:%M}", f"{dt}")
utc = datetime(2024, 1, 1, 12, tzinfo=timezone.utc)
ist = timezone(timedelta(hours=5, minutes=30), "IST")
print(repr(utc), utc, utc.utcoffset(), utc.tzname(), utc.dst(), utc.timestamp())
print(utc.astimezone(ist), repr(utc.astimezone(ist)), utc.astimezone(ist).tzname(), utc.astimezone(ist) == utc)
print(utc.astimezone(timezone(timedelta(hours=-8))), repr(utc.astimezone()), repr(datetime(2024, 1, 1).astimezone()))
print(datetime(2024, 1, 1).astimezone(ist), utc.astimezone(timezone.utc) is utc, datetime(2024, 1, 1).timestamp())
print(dt + timedelta(days=30, hours=12), dt - timedelta(minutes=31), timedelta(seconds=55) + dt)
print(dt - datetime(2024, 1, 1), datetime(2023, 1, 1) - dt, utc - datetime(2024, 1, 1, 18, tzinfo=ist))
print(dt.replace(year=2020, tzinfo=ist), repr(utc.replace(tzinfo=None)), repr(dt.replace(fold=1)))
print(datetime.combine(date(2024, 5, 6), time(7, 8)), repr(datetime.combine(date(2024, 5, 6), time(7, tzinfo=ist))))
print(repr(datetime.combine(date(2024, 5, 6), time(7, tzinfo=ist), tzinfo=None)), repr(datetime.combine(dt, time(1))))
print(dt == datetime(2024, 3, 10, 14, 30, 5, 120), dt < datetime(2025, 1, 1), dt > datetime(2024, 3, 10))
print(utc == datetime(2024, 1, 1, 17, 30, tzinfo=ist), utc < datetime(2024, 1, 1, 17, 31, tzinfo=ist))
print(dt == utc, dt != utc, dt == dt.date(), dt.date() == dt, dt != dt.date())
print(hash(utc) == hash(datetime(2024, 1, 1, 17, 30, tzinfo=ist)), len({dt, dt.replace(fold=1), utc}))
print(sorted([datetime(2024, 1, 2), datetime(2023, 5, 5, 5), datetime(2024, 1, 1, 23, 59)]))
print(datetime.min, datetime.max, datetime.resolution, datetime.max - datetime.min)
print(datetime.fromtimestamp(0), datetime.fromtimestamp(1700000000.123456), datetime.utcfromtimestamp(1.5))
print(repr(datetime.fromtimestamp(1700000000, timezone.utc)), datetime.fromtimestamp(-1.25), datetime.fromtimestamp(0.0000005))
print(datetime.fromtimestamp(1700000000, ist), datetime.fromtimestamp(1700000000, ist).timestamp())
print(datetime(1970, 1, 1, tzinfo=timezone.utc).timestamp(), datetime(2038, 1, 19, 3, 14, 8).timestamp())
print(datetime(2024, 1, 1, 0, 0, 0, 1).timestamp(), (datetime(2024, 1, 1, tzinfo=ist) - timedelta(microseconds=3)).timestamp())
print(datetime.fromtimestamp(datetime(2024, 6, 1, 12).timestamp()))
show("naive-aware", lambda: dt - utc)
show("naive<aware", lambda: dt < utc)
show("dt<date", lambda: dt < dt.date())
show("date<dt", lambda: dt.date() < dt)
show("dt-date", lambda: dt - dt.date())
show("date-dt", lambda: dt.date() - dt)
show("dt+int", lambda: dt + 1)
show("dt+dt", lambda: dt + dt)
show("overflow", lambda: datetime.max + timedelta(microseconds=1))
show("underflow", lambda: datetime.min - timedelta(days=1))
show("bad month", lambda: datetime(2024, 13, 1))
show("bad hour", lambda: datetime(2024, 1, 1, 24))
show("bad tz", lambda: datetime(2024, 1, 1, tzinfo=5))
show("bad fold", lambda: datetime(2024, 1, 1, fold=3))
show("combine", lambda: datetime.combine(1, time()))
show("combine2", lambda: datetime.combine(date(2024, 1, 1), "12:00"))
show("astimezone int", lambda: dt.astimezone(3))
show("isoformat sep", lambda: dt.isoformat(sep="--"))
show("isoformat timespec", lambda: dt.isoformat(timespec="days"))
show("fromts nan", lambda: datetime.fromtimestamp(float("nan")))
show("fromts huge", lambda: datetime.fromtimestamp(1e20))
show("fromts year", lambda: datetime.fromtimestamp(1e12))
show("fromts tz", lambda: datetime.fromtimestamp(0, "UTC"))
show("ts min", lambda: datetime.min.timestamp())
show("utctimetuple", lambda: dt.utctimetuple())


class Stamp(datetime):
    def label(self):
        return self.strftime("[%H:%M]")


s = Stamp(2024, 1, 1, 9, 15)
print(repr(s), s.label(), type(s + timedelta(1)).__name__, type(Stamp.fromtimestamp(0)).__name__, type(Stamp.now()).__name__)
print(type(Stamp.fromisoformat("2024-01-01")).__name__, type(Stamp.strptime("2024", "%Y")).__name__, type(s.replace(hour=1)).__name__)
print(type(Stamp.combine(date(2024, 1, 1), time())).__name__, type(s - s).__name__)

# timezone and tzinfo subclasses


def show(label, f):
    try:
        print(label, repr(f()))
    except Exception as e:
        print(label, type(e).__name__, e)


print(repr(timezone.utc), str(timezone.utc), timezone.utc.tzname(None), timezone.utc.utcoffset(None), timezone.utc.dst(None))
tz = timezone(timedelta(hours=1))
print(repr(tz), str(tz), repr(timezone(timedelta(hours=-5, minutes=-30), "India?")), str(timezone(timedelta(hours=-5, minutes=-30))))
print(repr(timezone(timedelta(0))), timezone(timedelta(0)) is timezone.utc, repr(timezone(timedelta(0), "Z")), str(timezone(timedelta(0), "Z")))
print(str(timezone(timedelta(seconds=-61))), str(timezone(timedelta(seconds=1, microseconds=2))), timezone.min, timezone.max)
print(tz == timezone(timedelta(hours=1), "other"), tz != timezone.utc, tz == 1, hash(tz) == hash(timedelta(hours=1)))
print(tz.fromutc(datetime(2024, 1, 1, tzinfo=tz)), isinstance(tz, tzinfo), type(tz).__name__)
show("offset", lambda: timezone(timedelta(hours=24)))
show("offset neg", lambda: timezone(-timedelta(hours=24)))
show("type", lambda: timezone(3600))
show("name", lambda: timezone(timedelta(0), 5))
show("name None", lambda: timezone(timedelta(hours=1), None))
show("utcoffset arg", lambda: tz.utcoffset(5))
show("fromutc arg", lambda: tz.fromutc(date(2024, 1, 1)))
show("fromutc self", lambda: tz.fromutc(datetime(2024, 1, 1)))
show("base tzname", lambda: tzinfo().tzname(None))
show("base utcoffset", lambda: tzinfo().utcoffset(None))
show("base dst", lambda: tzinfo().dst(None))


class EST(tzinfo):
    def utcoffset(self, dt):
        return timedelta(hours=-5)

    def dst(self, dt):
        return timedelta(0)

    def tzname(self, dt):
        return "EST"

    def __repr__(self):
        return "EST()"


class Summer(tzinfo):
    """+1 in winter, +2 from April to September (a toy DST rule)."""

    def utcoffset(self, dt):
        return timedelta(hours=1) + self.dst(dt)

    def dst(self, dt):
        return timedelta(hours=1) if dt is not None and 4 <= dt.month <= 9 else timedelta(0)

    def tzname(self, dt):
        return "CEST" if self.dst(dt) else "CET"


class Broken(tzinfo):
    def utcoffset(self, dt):
        return 60

    def tzname(self, dt):
        return 5


class TooFar(tzinfo):
    def utcoffset(self, dt):
        return timedelta(hours=25)


e = datetime(2024, 6, 1, 12, tzinfo=EST())
print(repr(e), e, e.tzname(), e.utcoffset(), e.dst(), e.strftime("%H:%M %Z %z"), e.timestamp())
print(e.astimezone(timezone.utc), e.astimezone(Summer()), e.astimezone(Summer()).tzname(), datetime(2024, 1, 1, tzinfo=timezone.utc).astimezone(Summer()))
print(e == datetime(2024, 6, 1, 17, tzinfo=timezone.utc), e - datetime(2024, 6, 1, tzinfo=Summer()), time(9, tzinfo=EST()).utcoffset())
print(datetime.fromtimestamp(0, EST()), datetime.now(Summer()).tzname(), time(1, tzinfo=Summer()).tzname())
show("broken utcoffset", lambda: datetime(2024, 1, 1, tzinfo=Broken()).utcoffset())
show("broken tzname", lambda: datetime(2024, 1, 1, tzinfo=Broken()).tzname())
show("broken str", lambda: str(datetime(2024, 1, 1, tzinfo=Broken())))
show("toofar", lambda: datetime(2024, 1, 1, tzinfo=TooFar()).isoformat())
show("base fromutc", lambda: datetime(2024, 1, 1, tzinfo=EST()).astimezone(tzinfo()))
show("no dst", lambda: datetime(2024, 1, 1, tzinfo=timezone.utc).astimezone(TooFar()))

