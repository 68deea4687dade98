//! Tree shapes and positions.

use super::{error, tree};
use crate::ast::*;
use crate::parser::parse;

fn check(cases: &[(&str, &str)]) {
    for (src, want) in cases {
        assert_eq!(tree(src), *want, "source: {src:?}");
    }
}

#[test]
fn precedence() {
    check(&[
        ("-2**2", "(Neg (Pow 2 2))"),
        ("not a == b", "(Not (cmp a Eq b))"),
        ("a or b and c", "(Or a (And b c))"),
        ("1 < 2 < 3", "(cmp 1 Lt 2 Lt 3)"),
        ("x if c else y", "(ifexp c x y)"),
        ("x = a if b else c if d else e", "(= x (ifexp b a (ifexp d c e)))"),
        (
            "a + b * c - d / e // f % g @ h",
            "(Sub (Add a (Mul b c)) (MatMul (Mod (FloorDiv (Div d e) f) g) h))",
        ),
        ("a | b ^ c & d << e >> f", "(BitOr a (BitXor b (BitAnd c (RShift (LShift d e) f))))"),
        ("~a + -b", "(Add (Invert a) (Neg b))"),
        ("a ** b ** c", "(Pow a (Pow b c))"),
        ("-a ** -b", "(Neg (Pow a (Neg b)))"),
        ("x = a is not b not in c", "(= x (cmp a IsNot b NotIn c))"),
        ("not not a", "(Not (Not a))"),
        ("a and not b or c", "(Or (And a (Not b)) c)"),
        ("lambda: a if b else c", "(lambda () (ifexp b a c))"),
        ("a if b else lambda: c", "(ifexp b a (lambda () c))"),
        ("f(lambda x: x + 1, key=lambda: 0)", "(call f (lambda (x) (Add x 1)) key=(lambda () 0))"),
        ("a.b(c)[d].e", "(call a.b c)[d].e"),
    ]);
}

#[test]
fn assignments() {
    check(&[
        ("*a, b = c", "(= (tuple *a b) c)"),
        ("a = b = 1", "(= a b 1)"),
        ("x += 1", "(aug Add x 1)"),
        ("x **= 2; y //= 3", "(aug Pow x 2); (aug FloorDiv y 3)"),
        ("x: int = 1", "(ann x 1)"),
        ("(x): int", "(ann! x)"),
        ("a.b: int", "(ann! a.b)"),
        ("[a, *b] = c", "(= [a *b] c)"),
        ("a.b, c[d] = e", "(= (tuple a.b c[d]) e)"),
        ("x = (a := 1)", "(= x (:= a 1))"),
        ("del a, b[0], c.d", "(del a b[0] c.d)"),
        (
            "def f():\n    x = yield\n    y = yield 1, 2",
            "(def f gen() [(= x (yield)); (= y (yield (tuple 1 2)))])",
        ),
    ]);
}

#[test]
fn subscripts_calls_displays() {
    check(&[
        ("a[1:2, 3]", "a[(tuple (slice 1 2 _) 3)]"),
        ("a[::2]", "a[(slice _ _ 2)]"),
        ("a[:]", "a[(slice _ _ _)]"),
        ("a[*b]", "a[*b]"),
        ("a[b,]", "a[(tuple b)]"),
        ("f(*a, b, c=1, **d)", "(call f *a b c=1 **d)"),
        ("f(x for x in y)", "(call f (GeneratorComp x for x in y))"),
        ("[x for x in y if x for z in w]", "(ListComp x for x in y if x for z in w)"),
        ("{k: v for k, v in d}", "(DictComp k:v for (tuple k v) in d)"),
        ("{x for x in y}", "(SetComp x for x in y)"),
        ("(x async for x in y)", "(GeneratorComp x async-for x in y)"),
        ("{**a, 'b': 1}", "(dict **:a \"b\":1)"),
        ("{*a, 1}", "{*a 1}"),
        ("[*a, *b]", "[*a *b]"),
        ("x = (1,)", "(= x (tuple 1))"),
        ("x = ()", "(= x (tuple ))"),
        ("x = a,", "(= x (tuple a))"),
        ("{}", "(dict)"),
        ("x = [\n  1,\n  2,\n]", "(= x [1 2])"),
    ]);
}

#[test]
fn literals() {
    check(&[
        (
            "y = 0x_FF + 0o17 + 0b11 + 1_000 + 99999999999999999999 + 0xFFFFFFFFFFFFFFFFFF",
            "(= y (Add (Add (Add (Add (Add 255 15) 3) 1000) 99999999999999999999n) 4722366482869645213695n))",
        ),
        ("z = 1.5e-3 + 1_0.5 + .5 + 5. + 1e3", "(= z (Add (Add (Add (Add 0.0015 10.5) 0.5) 5.0) 1000.0))"),
        ("9223372036854775807, 9223372036854775808", "(tuple 9223372036854775807 9223372036854775808n)"),
        ("s = 'a' \"b\" r'\\n' '\\x41\\101\\u00e9\\q'", "(= s \"ab\\\\nAAé\\\\q\")"),
        ("b = b'a' rb'\\n' b'\\xff'", "(= b b\"a\\\\n\u{fffd}\")"),
        ("'''a\nb''' \"\"\"c\"\"\"", "\"a\\nbc\""),
        ("'a\\\nb'", "\"ab\""),
        ("x = ..., None, True, False", "(= x (tuple ... None True False))"),
        ("U'x' R'y'", "\"xy\""),
    ]);
    assert!(matches!(
        parse("Br'z'").unwrap().body[0].kind,
        StmtKind::Expr(Expr { kind: ExprKind::Const(Const::Bytes(_)), .. })
    ));
}

#[test]
fn fstrings() {
    check(&[
        (
            "f'{x!r:>{w}} {y=} {{z}} {a:{b}.{c}}' 'lit'",
            "(f {x!r : \">\" {w}} \" \" {\"y=\" y!r} \" {z} \" {a : {b} \".\" {c}} \"lit\")",
        ),
        ("f'{x=!s}' f'{y = }'", "(f {\"x=\" x!s} {\"y = \" y!r})"),
        ("f'{x=:>5}'", "(f {\"x=\" x : \">5\"})"),
        ("'a' f'b' 'c'", "(f \"abc\")"),
        ("f'{a[\"k\"]}{b!a}'", "(f {a[\"k\"]} {b!a})"),
        ("f'{a, b}'", "(f {(tuple a b)})"),
        ("f'{x:=5}'", "(f {x : \"=5\"})"),
        ("f'{(x:=5)}'", "(f {(:= x 5)})"),
        ("f'{a!=b}'", "(f {(cmp a NotEq b)})"),
        ("f'''{\na\n}'''", "(f {a})"),
        ("f'{f\"{x}\"}'", "(f {(f {x})})"),
        ("rf'\\n{x}'", "(f \"\\\\n\" {x})"),
        ("f'\\n{x}\\t'", "(f \"\\n\" {x} \"\\t\")"),
    ]);
    // Field expressions get their real positions.
    let m = parse("x = f'ab{cd}'").unwrap();
    let StmtKind::Assign { value, .. } = &m.body[0].kind else { panic!() };
    let ExprKind::FString(parts) = &value.kind else { panic!() };
    let FStringPart::Field { expr, .. } = &parts[1] else { panic!() };
    assert_eq!(expr.pos, Pos { line: 1, col: 10 });
}

#[test]
fn statements() {
    check(&[
        ("global x, y", "(global x y)"),
        ("import a.b.c as d, e", "(import a.b.c->d e)"),
        ("from . import (x, y as z,)", "(import .: x y->z)"),
        ("from ..a.b import *", "(import ..a.b: *)"),
        ("from ... import x", "(import ...: x)"),
        ("raise E from F", "(raise E F)"),
        ("raise", "(raise)"),
        ("assert x, 'm'", "(assert x \"m\")"),
        ("if a: pass\nelif b: pass\nelse: pass", "(if a [pass] [(if b [pass] [pass])])"),
        ("while x: break\nelse: pass", "(while x [break] [pass])"),
        ("for a, *b in c: continue\nelse: pass", "(for (tuple a *b) c [continue] [pass])"),
        ("with a as b, c: pass", "(with a as b c [pass])"),
        ("with (a as b, c as d,): pass", "(with a as b c as d [pass])"),
        ("with (a, b): pass", "(with a b [pass])"),
        ("with (a, b) as c: pass", "(with (tuple a b) as c [pass])"),
        (
            "try: pass\nexcept (A, B) as e: pass\nexcept: pass\nelse: pass\nfinally: pass",
            "(try [pass] (except (tuple A B) as e [pass]) (except [pass]) else [pass] finally [pass])",
        ),
        ("try: pass\nexcept* E: pass", "(try* [pass] (except E [pass]))"),
        ("@d\ndef f(a, *, b): return a", "(def f @d(a kw:b) [(return a)])"),
        ("def f(a, /, b=1, *c, d, e=2, **f) -> int: pass", "(def f(a / b=1 *c kw:d kw:e=2 **f) [pass])"),
        ("def f(a: int, *args: str, **kw: 'x'): pass", "(def f(a *args **kw) [pass])"),
        ("x = 1; y = 2;", "(= x 1); (= y 2)"),
        ("if x:\n\n    # c\n    pass\n", "(if x [pass])"),
        ("if x:\n\tif y:\n\t\tpass\n", "(if x [(if y [pass])])"),
        ("x = \\\n  1", "(= x 1)"),
        ("match = 1\nmatch.x = 2", "(= match 1); (= match.x 2)"),
    ]);
}

#[test]
fn match_statements() {
    check(&[
        (
            "match p:\n    case [1, *rest] | (2, *rest) if rest:\n        pass\n    case _:\n        pass\n",
            "(match p (case ([1, *rest] | [2, *rest]) if rest [pass]) (case _ [pass]))",
        ),
        (
            "match a, b:\n    case {'k': -1, **kw}:\n        pass\n    case Point(0, y=(z as w)) | m.C(z, y=w):\n        pass\n",
            "(match (tuple a b) (case {\"k\": (Neg 1), **kw} [pass]) (case (Point(0, y=(z as w)) | m.C(z, y=w)) [pass]))",
        ),
        (
            "match x:\n    case None | True:\n        pass\n    case ():\n        pass\n    case (y):\n        pass\n",
            "(match x (case (None | True) [pass]) (case [] [pass]) (case y [pass]))",
        ),
    ]);
}

#[test]
fn functions_and_classes() {
    check(&[
        (
            "class C(B, metaclass=M):\n  def m(self):\n    def inner(): pass\n    yield inner\n    return lambda: 0\n",
            "(class C (B metaclass=M) [(def C.m gen(self) [(def C.m.<locals>.inner() [pass]); (yield inner); (return (lambda () 0))])])",
        ),
        (
            "async def g():\n  async for x in y: pass\n  async with a: pass\n  await z\n",
            "(async-def g() [(async-for x y [pass]); (async-with a [pass]); (await z)])",
        ),
        ("async def g():\n  yield 1", "(async-def g gen() [(yield 1)])"),
        ("def f():\n  def g(): yield\n  return g", "(def f() [(def f.<locals>.g gen() [(yield)]); (return g)])"),
        ("def f():\n  return [x for x in (yield)]", "(def f gen() [(return (ListComp x for x in (yield)))])"),
        ("f = lambda: (yield)", "(= f (lambda  gen() (yield)))"),
        ("def f():\n  r = yield from g()", "(def f gen() [(= r (yield from (call g)))])"),
        ("lambda *a, **k: 0", "(lambda (*a **k) 0)"),
        ("class C(*bases): pass", "(class C (*bases) [pass])"),
    ]);
    let m = parse("def f():\n  '''doc'''\n  x = [lambda: 0 for i in y]\nclass C:\n  'cdoc'\n").unwrap();
    let StmtKind::FunctionDef(f) = &m.body[0].kind else { panic!() };
    assert_eq!(f.doc.as_deref(), Some("doc"));
    assert_eq!(f.body.len(), 2);
    let StmtKind::Assign { value, .. } = &f.body[1].kind else { panic!() };
    let ExprKind::Comp { elt, .. } = &value.kind else { panic!() };
    let ExprKind::Lambda(l) = &elt.kind else { panic!() };
    assert_eq!(&*l.qualname, "f.<locals>.<listcomp>.<lambda>");
    assert!(l.is_lambda);
    let StmtKind::ClassDef(c) = &m.body[1].kind else { panic!() };
    assert_eq!(c.doc.as_deref(), Some("cdoc"));
    assert_eq!(parse("'''mod'''\nx = 1").unwrap().doc.as_deref(), Some("mod"));
    assert_eq!(parse("f'x'\nx = 1").unwrap().doc, None);
}

fn pos(line: u32, col: u32) -> Pos {
    Pos { line, col }
}

#[test]
fn positions() {
    let m = parse("x = 1\nif a:\n    y = f(b).c + é\n@dec\nasync def g():\n  pass\n").unwrap();
    assert_eq!(m.body[0].pos, pos(1, 1));
    let StmtKind::If { test, body, .. } = &m.body[1].kind else { panic!() };
    assert_eq!(test.pos, pos(2, 4));
    let StmtKind::Assign { targets, value } = &body[0].kind else { panic!() };
    assert_eq!(targets[0].pos, pos(3, 5));
    assert_eq!(value.pos, pos(3, 9));
    let ExprKind::BinOp { left, right, .. } = &value.kind else { panic!() };
    assert_eq!(left.pos, pos(3, 9));
    assert_eq!(right.pos, pos(3, 18));
    let StmtKind::FunctionDef(f) = &m.body[2].kind else { panic!() };
    assert_eq!(f.pos, pos(5, 1));
    assert_eq!(m.body[2].pos, pos(5, 1));
    // Columns count characters, not bytes.
    let m = parse("é = 'ü'; z = 1").unwrap();
    assert_eq!(m.body[1].pos, pos(1, 10));
}

#[test]
fn unsupported() {
    for (src, what) in [
        ("match x:\n    case 1 + 2j:\n        pass\n", "complex numbers"),
        ("x = 1j", "complex numbers"),
        ("x = '\\N{BULLET}'", "\\N{...} escapes"),
        ("class C:\n    global x\n", "global statements in a class body"),
        ("class C(**k): pass", "keyword argument unpacking in a class definition"),
    ] {
        let e = parse(src).unwrap_err();
        assert_eq!(e.kind, crate::error::CompileErrorKind::Unsupported, "{src:?}: {e:?}");
        assert_eq!(e.message, what);
    }
    // A syntax error anywhere wins over an unsupported construct.
    assert_eq!(
        error("x = 1j\n1 = 2").1,
        "cannot assign to literal here. Maybe you meant '==' instead of '='?"
    );
    assert_eq!(error("match x:\n    case 1:\n        pass\nreturn").1, "'return' outside function");
}
