# str.title/capitalize/istitle with titlecase letters, object() without __dict__, vars(), random.seed(str)
for s in ["ǅ", "ǅungla", "ǆemal ǉubljana", "straße ﬁsh", "中a 中B", "hello2world", "ᾀa", "ŉx", "ABC def", "Ǆ", "ǅA", "a ǅ"]:
    print(repr(s.title()), repr(s.capitalize()), s.istitle(), s.title().istitle())
o = object()
for f in (lambda: o.__dict__, lambda: setattr(o, "x", 1), lambda: vars(o)):
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)
class A: pass
print(vars(A()), A().__dict__)
import random
for s in ["hello", "", "ünïcode ✓", "a"*300]:
    random.seed(s)
    print(random.random(), random.randint(1, 100))
r = random.Random("x")
print(r.random())
