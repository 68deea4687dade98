# datetime: strftime, strptime and fromisoformat
from datetime import *
# strftime / __format__ directives, C locale as glibc prints them


def show(label, f):
    try:
        print(label, repr(f()))
    except Exception as e:
        print(label, type(e).__name__, e)


DIRECTIVES = "a A w d b B m y Y H I p M S f z Z j U W c x X G u V % e C g h k l P D F T R r n t s"
samples = [datetime(2024, 1, 1, 12), datetime(2021, 1, 3, 0, 5, 9, 7), datetime(1999, 12, 31, 23, 59, 59, 999999),
           datetime(5, 6, 7, 8, 9, 10), datetime(2026, 12, 31, 13, 1, tzinfo=timezone(timedelta(hours=-9, seconds=-30))),
           datetime(2020, 2, 29, 1, tzinfo=timezone(timedelta(minutes=330), "IST")),
           datetime(2024, 7, 4, 18, 45, tzinfo=timezone.utc)]
for dt in samples:
    print(repr(dt))
    print("  ", " | ".join("%" + c + "=" + dt.strftime("%" + c) for c in DIRECTIVES.split()))
    print("  ", dt.date().strftime("%c|%x|%X|%z|%Z|%f"), dt.timetz().strftime("%c|%j|%z|%Z|%f"))
    print("  ", dt.strftime("%-d/%-m/%-y %-H:%-M:%-S %-I%p day %-j"), f"{dt:%d.%m.%Y}", format(dt.time(), "%H.%M"))
for year in (1, 950, 1000, 2005, 9999):
    print(year, date(year, 1, 1).strftime("%Y %G %C %y %g %F %c"))
print(repr(datetime(2024, 1, 1).strftime("")), datetime(2024, 1, 1).strftime("100%% sure %Q %"), repr(format(date(2024, 1, 1), "")))
print(datetime(2024, 3, 1, 0, 0, 0, 5, tzinfo=timezone(timedelta(seconds=3723, microseconds=5))).strftime("%z %Z"))
print(date(2024, 12, 30).strftime("%G-W%V-%u %Y-%U-%w %W"), date(2027, 1, 1).strftime("%G-W%V-%u %U %W"))
show("int fmt", lambda: datetime(2024, 1, 1).strftime(5))

# datetime.strptime: directives, backtracking like the regex, CPython's errors


def show(s, fmt):
    try:
        print(repr(s), repr(fmt), repr(datetime.strptime(s, fmt)))
    except Exception as e:
        print(repr(s), repr(fmt), type(e).__name__, e)


show("2024-03-05 13:04:05", "%Y-%m-%d %H:%M:%S")
show("2024-03-05T13:04:05.123", "%Y-%m-%dT%H:%M:%S.%f")
show("05/03/24", "%d/%m/%y")
show("5/3/69 7:05 PM", "%d/%m/%y %I:%M %p")
show("12 am", "%I %p")
show("12 PM", "%I %p")
show("Tuesday, 05 March 2024", "%A, %d %B %Y")
show("tue 5 mar 2024", "%a %d %b %Y")
show("MARCH 2024", "%B %Y")
show("2024 065", "%Y %j")
show("2023 366", "%Y %j")
show("2024 10 3", "%Y %U %w")
show("2024 0 0", "%Y %W %w")
show("2024 1 1", "%G %V %u")
show("2021 53 7", "%G %V %u")
show("2024-01-01 12:00 +0530", "%Y-%m-%d %H:%M %z")
show("2024-01-01 12:00 -05:30", "%Y-%m-%d %H:%M %z")
show("2024-01-01 12:00 Z", "%Y-%m-%d %H:%M %z")
show("2024-01-01 12:00 +01:30:15.5", "%Y-%m-%d %H:%M %z")
show("2024-01-01 12:00 +0130:15", "%Y-%m-%d %H:%M %z")
show("12:00 +0000 UTC", "%H:%M %z %Z")
show("12:00 GMT", "%H:%M %Z")
show("Mon Jan  1 12:00:00 2024", "%c")
show("01/02/03 04:05:06", "%x %X")
show("100%", "%d%%")
show("1312", "%m%d")
show("12345", "%H%M%S")
show("2024", "%Y%m%d")
show("   2024   1", " %Y %m")
show("02-29", "%m-%d")
show("2024-02-30", "%Y-%m-%d")
show("2024-1-1", "%Y-%m-%d")
show("2024-01-01 junk", "%Y-%m-%d")
show("2024-01-01", "%Y-%m-%d %H")
show("24-01-01", "%Y-%m-%d")
show("2024-13-01", "%Y-%m-%d")
show("2024", "%Q")
show("2024", "%Y%")
show("2024", "%Y% ")
show("2024 1", "%G %V")
show("1 1", "%V %u")
show("2024 1 1", "%Y %V %u")
show("2024 1 1 5", "%G %V %u %j")
show(2024, "%Y")
show("2024", None)
print(type(datetime.strptime("1", "%d")).__name__)

# fromisoformat of date and datetime: the forms Python 3.11 accepts, and its refusals


def show(cls, s):
    try:
        print(cls.__name__, repr(s), repr(cls.fromisoformat(s)))
    except Exception as e:
        print(cls.__name__, repr(s), type(e).__name__, e)


for s in ["2024-03-05", "20240305", "2024-W10-2", "2024W102", "2024-W10", "2024W10", "2020-W53-7", "2024-W53-1",
          "2024-02-30", "2024-3-5", "2024/03/05", "24-03-05", "2024-03-05T00:00", "", "20240305xx", "2024-W00-1",
          "2024-W10-8", "0000-01-01", "9999-12-31", "2024-03-5x"]:
    show(date, s)
for s in ["2024-03-05T13:04", "2024-03-05 13:04:05", "2024-03-05T13:04:05.5", "2024-03-05T13:04:05.123456789",
          "2024-03-05T13:04:05,25", "2024-03-05T13:04:05+02:00", "2024-03-05T13:04:05Z", "2024-03-05T13:04:05-0330",
          "2024-03-05T13:04:05+00:00", "2024-03-05T13:04:05.000001-05:30:15", "20240305T130405", "20240305T13",
          "2024-W10-2T10:00", "2024-W10T10", "2024-03-05", "2024-03-05T", "2024-03-05T25:00", "2024-03-05T13:04:",
          "2024-03-05T13:04:05 ", "2024-03-05T13:04:05+24:00", "2024-03-05x13:04", "2024-03-05T13:04Zx", "short",
          "2024-03-05T1304", "2024-03-05T13:0405", "2024-03-05T13:04:05.", "2024-03-05\u00e913:04"]:
    show(datetime, s)
for bad in [20240305, None]:
    show(date, bad)
    show(datetime, bad)
d = datetime(2024, 3, 5, 13, 4, 5, 6789, tzinfo=timezone(timedelta(hours=-7)))
print(datetime.fromisoformat(d.isoformat()) == d, date.fromisoformat(d.date().isoformat()), repr(time.fromisoformat(d.timetz().isoformat())))

