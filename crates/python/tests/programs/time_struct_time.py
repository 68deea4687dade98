# time: struct_time from gmtime/localtime, mktime, strftime/asctime of a time tuple, the C-locale directives
import time
print(time.gmtime(90).tm_min, time.gmtime(90))
print(time.gmtime(1700000000.7))
t = time.localtime(86400 * 365 * 30 + 12345)
print(t, t.tm_zone, t.tm_gmtoff, len(t), tuple(t)[:3], t[0], t == tuple(t))
y, m, d, *rest = time.gmtime(951782400)
print(y, m, d, rest)
print(time.mktime(t), time.mktime((2024, 2, 29, 12, 0, 0, 0, 0, 0)))
print(time.strftime("%Y-%m-%d %H:%M:%S %A %B %j %p %I %c %x %X %U %W %w %u %Z %z %e %D", t))
print(time.asctime(t), time.asctime())
print(time.strftime("%Y %j %a", time.gmtime(-1.5)), time.gmtime(-1.5).tm_sec)
for f in (lambda: time.gmtime("x"), lambda: time.mktime((1, 2)), lambda: time.strftime("%Y", (1, 2)), lambda: time.struct_time((1,2))):
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)
time.sleep(2.5)
print(time.strftime("%X"), time.gmtime().tm_sec, time.ctime())
for ts in [0, 86399, 951868800, 1709164800, 4102444800, 1104537600, 1230768000]:
    print(time.strftime("%c|%U|%W|%j", time.gmtime(ts)))
