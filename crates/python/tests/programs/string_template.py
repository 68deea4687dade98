# string.Template (substitute, safe_substitute, invalid placeholders, subclasses with their own delimiter), and __init_subclass__/__class_getitem__ as implicit class methods.
from string import Template
t = Template('$who likes $what, ${who}s pay $$5')
print(t.substitute(who='tim', what='kung pao'))
print(t.substitute({'who': 'ann', 'what': 'tea'}, what='coffee'))
print(t.safe_substitute(who='x'))
print(t.get_identifiers(), t.is_valid())
try:
    t.substitute(who='x')
except KeyError as e:
    print('KeyError', e)
bad = Template('line one\n  cost $ 5')
print(bad.is_valid(), bad.safe_substitute())
try:
    bad.substitute()
except ValueError as e:
    print('ValueError', e)
class Pct(Template):
    delimiter = '%'
print(Pct('%name is %{age} %%').substitute(name='Bo', age=3))
print(Template.delimiter, Template.pattern.pattern == Template.pattern.pattern, type(t.template))
print(Template('$Name $NAME').substitute(Name=1, NAME=2))
class Base:
    registry = []
    def __init_subclass__(cls, tag=None, **kw):
        super().__init_subclass__(**kw)
        cls.tag = tag
        Base.registry.append(cls.__name__)
    def __class_getitem__(cls, item):
        return f"{cls.__name__}[{item}]"
class A(Base, tag="a"): pass
class B(A): pass
print(Base.registry, A.tag, B.tag, Base[int], B["x"])
print(type(Base.__dict__['__init_subclass__']).__name__, type(Base.__dict__['__class_getitem__']).__name__)
print(Base.__init_subclass__, A.__class_getitem__(3))
try:
    class C(Base, bogus=1): pass
except TypeError as e:
    print(e)
