//! The syntax tree of the supported Python subset.
//!
//! The parser (`parser.rs`) builds it; the resolver (`scope.rs`) fills in each
//! name's scope; the evaluator walks it. Positions are 1-based lines and
//! 1-based columns (the column CPython's SyntaxError reports as `offset`).

use std::cell::Cell;
use std::rc::Rc;

/// A source position: 1-based line and 1-based column (in characters).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Pos {
    pub line: u32,
    pub col: u32,
}

/// Where a name lives, decided by the resolver before anything runs.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Scope {
    /// Not resolved yet (the parser's value).
    #[default]
    Unresolved,
    /// A fast local of the enclosing function: its slot.
    Local(u32),
    /// A cell: a local of this function captured by an inner one, or a free
    /// variable of this function (the cell index in the frame's cell list).
    Cell(u32),
    /// Module globals, then builtins.
    Global,
    /// A class body: its namespace, then globals, then builtins.
    ClassBody,
}

#[derive(Debug)]
pub struct Name {
    pub id: Rc<str>,
    pub scope: Cell<Scope>,
}

impl Name {
    pub fn new(id: &str) -> Name {
        Name { id: Rc::from(id), scope: Cell::new(Scope::Unresolved) }
    }
}

#[derive(Debug)]
pub struct Expr {
    pub kind: ExprKind,
    pub pos: Pos,
    /// Just past its last character (the start of a node built on a first
    /// operand, as CPython counts it, is that operand's `lead`:
    /// [`Expr::start`]); `pos` when unknown.
    pub end: Pos,
    /// Its first character with the parentheses around it, if any.
    pub lead: Pos,
}

impl Expr {
    /// Where CPython's node starts (`col_offset`): a call, attribute,
    /// subscript, operation or comparison at its first operand, parentheses
    /// included (`(a + b) * c` starts at the `(`).
    pub fn start(&self) -> Pos {
        match &self.kind {
            ExprKind::BinOp { left, .. } | ExprKind::Compare { left, .. } => left.lead,
            ExprKind::Attribute { value, .. } | ExprKind::Subscript { value, .. } => value.lead,
            ExprKind::Call { func, .. } => func.lead,
            ExprKind::BoolOp { values, .. } => values.first().map_or(self.pos, |v| v.lead),
            ExprKind::IfExp { body, .. } => body.lead,
            _ => self.pos,
        }
    }
}

#[derive(Debug, Clone)]
pub enum Const {
    None,
    True,
    False,
    Ellipsis,
    /// An integer literal that fits in i64.
    Int(i64),
    /// An integer literal that does not fit in i64: its decimal digits.
    BigInt(Rc<str>),
    Float(f64),
    /// `1j` style literals are unsupported (the parser refuses them).
    Str(Rc<str>),
    Bytes(Rc<[u8]>),
}

#[derive(Debug)]
pub enum FStringPart {
    Literal(Rc<str>),
    Field {
        expr: Box<Expr>,
        /// `!r`, `!s`, `!a`.
        conversion: Option<char>,
        /// The format spec, itself an f-string (`{x:{width}.2f}`); `None` when absent.
        spec: Option<Vec<FStringPart>>,
        /// For `{x=}`: the text `x=` (with its spaces) to print before the value.
        debug_text: Option<Rc<str>>,
    },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BinOp {
    Add,
    Sub,
    Mul,
    MatMul,
    Div,
    FloorDiv,
    Mod,
    Pow,
    LShift,
    RShift,
    BitOr,
    BitXor,
    BitAnd,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum UnaryOp {
    Not,
    Neg,
    Pos,
    Invert,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BoolOp {
    And,
    Or,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CmpOp {
    Eq,
    NotEq,
    Lt,
    LtE,
    Gt,
    GtE,
    Is,
    IsNot,
    In,
    NotIn,
}

#[derive(Debug)]
pub enum Arg {
    Pos(Expr),
    /// `*iterable`
    Star(Expr),
    /// `name=value`
    Kw(Rc<str>, Expr),
    /// `**mapping`
    KwStar(Expr),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CompKind {
    List,
    Set,
    Dict,
    Generator,
}

#[derive(Debug)]
pub struct Comprehension {
    pub target: Expr,
    pub iter: Expr,
    pub ifs: Vec<Expr>,
    pub is_async: bool,
}

#[derive(Debug)]
pub enum ExprKind {
    Name(Name),
    Const(Const),
    /// An f-string (adjacent plain strings concatenated into it are literals).
    FString(Vec<FStringPart>),
    List(Vec<Expr>),
    Tuple(Vec<Expr>),
    Set(Vec<Expr>),
    /// `(None, v)` is `**v`.
    Dict(Vec<(Option<Expr>, Expr)>),
    /// `*e` in a display, a call's target list or an assignment target.
    Starred(Box<Expr>),
    Attribute {
        value: Box<Expr>,
        attr: Rc<str>,
    },
    Subscript {
        value: Box<Expr>,
        index: Box<Expr>,
    },
    /// Only inside a subscript: `a:b:c`.
    Slice {
        lower: Option<Box<Expr>>,
        upper: Option<Box<Expr>>,
        step: Option<Box<Expr>>,
    },
    Call {
        func: Box<Expr>,
        args: Vec<Arg>,
    },
    BinOp {
        op: BinOp,
        left: Box<Expr>,
        right: Box<Expr>,
    },
    UnaryOp {
        op: UnaryOp,
        operand: Box<Expr>,
    },
    BoolOp {
        op: BoolOp,
        values: Vec<Expr>,
    },
    /// `a < b <= c`: left, then each operator with its right operand.
    Compare {
        left: Box<Expr>,
        ops: Vec<(CmpOp, Expr)>,
    },
    IfExp {
        test: Box<Expr>,
        body: Box<Expr>,
        orelse: Box<Expr>,
    },
    /// A lambda: a function whose body is `return expr`.
    Lambda(Rc<FunctionDef>),
    /// List/set/dict comprehensions and generator expressions. For a dict
    /// comprehension `elt` is the key and `value` the value. The comprehension
    /// runs in its own scope (`scope`), as in Python 3.
    Comp {
        kind: CompKind,
        elt: Box<Expr>,
        value: Option<Box<Expr>>,
        generators: Vec<Comprehension>,
        /// The comprehension's own scope, as if it were a function whose one
        /// parameter (slot 0, named `.0`) is the first iterable, evaluated
        /// outside. Filled in by the resolver.
        scope: std::cell::RefCell<ScopeInfo>,
    },
    Await(Box<Expr>),
    Yield(Option<Box<Expr>>),
    /// `yield from iterable` (PEP 380).
    YieldFrom(Box<Expr>),
    /// `target := value`
    NamedExpr {
        target: Name,
        value: Box<Expr>,
    },
}

#[derive(Debug)]
pub struct Param {
    pub name: Rc<str>,
    pub default: Option<Expr>,
    pub pos: Pos,
}

#[derive(Debug, Default)]
pub struct Params {
    pub posonly: Vec<Param>,
    pub args: Vec<Param>,
    pub vararg: Option<Param>,
    pub kwonly: Vec<Param>,
    pub kwarg: Option<Param>,
    /// A `def`'s annotations by parameter name, the return's last (`return`):
    /// evaluated when the function is made, in this order, as CPython does
    /// (under `from __future__ import annotations`, string constants).
    pub annotations: Vec<(Rc<str>, Expr)>,
}

/// Filled in by the resolver: how a function's frame is laid out.
#[derive(Debug, Default, Clone)]
pub struct ScopeInfo {
    /// Every fast local, by slot (parameters first, in call order).
    pub locals: Vec<Rc<str>>,
    /// Cells this function owns (its locals captured by inner functions):
    /// `(name, local slot if it is also a parameter)`.
    pub cells: Vec<(Rc<str>, Option<u32>)>,
    /// Free variables: names of the enclosing function's cells, captured when
    /// this function is defined. Cell index = cells.len() + index here.
    pub freevars: Vec<Rc<str>>,
    /// For each free variable, the index of the cell it is in the enclosing
    /// frame (where the function or comprehension is created).
    pub free_from: Vec<u32>,
}

#[derive(Debug)]
pub struct FunctionDef {
    pub name: Rc<str>,
    /// The name the `def` binds: `name`, mangled inside a class
    /// (`__helper` → `_Account__helper`; filled by validation).
    pub binding: Rc<str>,
    /// `outer.<locals>.inner`, for reprs.
    pub qualname: Rc<str>,
    pub params: Params,
    pub body: Vec<Stmt>,
    pub decorators: Vec<Expr>,
    pub is_async: bool,
    /// The body contains `yield` (a generator, or an async generator).
    pub is_generator: bool,
    pub is_lambda: bool,
    pub pos: Pos,
    /// The docstring, when the body opens with one.
    pub doc: Option<Rc<str>>,
    pub scope: std::cell::RefCell<ScopeInfo>,
}

impl FunctionDef {
    /// CPython's `co_firstlineno`: the first decorator's line, else the `def`'s.
    pub fn first_line(&self) -> u32 {
        self.decorators.first().map_or(self.pos.line, |d| d.pos.line)
    }
}

#[derive(Debug)]
pub struct ClassDef {
    pub name: Rc<str>,
    /// The name the `class` statement binds (see [`FunctionDef::binding`]).
    pub binding: Rc<str>,
    pub qualname: Rc<str>,
    pub bases: Vec<Expr>,
    pub keywords: Vec<(Rc<str>, Expr)>,
    pub body: Vec<Stmt>,
    pub decorators: Vec<Expr>,
    pub pos: Pos,
    pub doc: Option<Rc<str>>,
}

#[derive(Debug)]
pub struct ExceptHandler {
    /// `None` for a bare `except:`.
    pub typ: Option<Expr>,
    pub name: Option<Name>,
    pub body: Vec<Stmt>,
    pub pos: Pos,
}

#[derive(Debug)]
pub struct WithItem {
    pub context: Expr,
    pub target: Option<Expr>,
}

#[derive(Debug)]
pub struct Alias {
    /// Dotted for `import a.b`.
    pub name: Rc<str>,
    pub asname: Option<Rc<str>>,
    pub pos: Pos,
}

#[derive(Debug)]
pub struct Stmt {
    pub kind: StmtKind,
    pub pos: Pos,
}

#[derive(Debug)]
pub enum StmtKind {
    Expr(Expr),
    /// `a = b = value`: every target, left to right.
    Assign {
        targets: Vec<Expr>,
        value: Expr,
    },
    AugAssign {
        target: Expr,
        op: BinOp,
        value: Expr,
    },
    /// `x: int = 1` (value optional). `simple` when the target is a bare name
    /// not in parentheses (it is then recorded in `__annotations__` in a class
    /// or module body).
    AnnAssign {
        target: Expr,
        annotation: Expr,
        value: Option<Expr>,
        simple: bool,
    },
    Pass,
    Break,
    Continue,
    Return(Option<Expr>),
    Delete(Vec<Expr>),
    If {
        test: Expr,
        body: Vec<Stmt>,
        orelse: Vec<Stmt>,
    },
    While {
        test: Expr,
        body: Vec<Stmt>,
        orelse: Vec<Stmt>,
    },
    For {
        target: Expr,
        iter: Expr,
        body: Vec<Stmt>,
        orelse: Vec<Stmt>,
        is_async: bool,
    },
    With {
        items: Vec<WithItem>,
        body: Vec<Stmt>,
        is_async: bool,
    },
    Try {
        body: Vec<Stmt>,
        handlers: Vec<ExceptHandler>,
        orelse: Vec<Stmt>,
        finalbody: Vec<Stmt>,
        /// `except*`
        is_star: bool,
    },
    Raise {
        exc: Option<Expr>,
        cause: Option<Expr>,
    },
    Assert {
        test: Expr,
        msg: Option<Expr>,
    },
    FunctionDef(Rc<FunctionDef>),
    ClassDef(Rc<ClassDef>),
    Import(Vec<Alias>),
    ImportFrom {
        module: Rc<str>,
        names: Vec<Alias>,
        level: u32,
    },
    Global(Vec<Rc<str>>),
    Nonlocal(Vec<Rc<str>>),
    /// `match subject:` and its cases, in order.
    Match {
        subject: Expr,
        cases: Vec<MatchCase>,
    },
}

/// `case pattern if guard:` and its body.
#[derive(Debug)]
pub struct MatchCase {
    pub pattern: Pattern,
    pub guard: Option<Expr>,
    pub body: Vec<Stmt>,
}

#[derive(Debug)]
pub struct Pattern {
    pub kind: PatternKind,
    pub pos: Pos,
}

#[derive(Debug)]
pub enum PatternKind {
    /// A capture `name` (binds the subject), or `_` (`None`): matches anything.
    Capture(Option<Name>),
    /// A literal or a dotted name: the subject must equal it.
    Value(Expr),
    /// `None`, `True`, `False`: the subject must be it.
    Singleton(Expr),
    /// `[p, *rest, q]`, `(p, q)` or `p, q`.
    Sequence(Vec<Pattern>),
    /// `*name` (or `*_`, `None`) inside a sequence pattern.
    Star(Option<Name>),
    /// `{key: p, **rest}`.
    Mapping { keys: Vec<Expr>, values: Vec<Pattern>, rest: Option<Name> },
    /// `Cls(p, attr=q)`.
    Class { cls: Expr, args: Vec<Pattern>, kwargs: Vec<(Rc<str>, Pattern)> },
    /// `p as name`.
    As(Box<Pattern>, Name),
    /// `p | q | ...`.
    Or(Vec<Pattern>),
}

/// What a pattern holds, for the passes that walk expressions and names.
pub enum PatternPart<'a> {
    Expr(&'a Expr),
    Name(&'a Name),
}

impl Pattern {
    /// Calls `f` on each expression and bound name, in source order.
    pub fn walk<'a>(&'a self, f: &mut dyn FnMut(PatternPart<'a>)) {
        match &self.kind {
            PatternKind::Capture(n) | PatternKind::Star(n) => {
                if let Some(n) = n {
                    f(PatternPart::Name(n));
                }
            }
            PatternKind::Value(e) | PatternKind::Singleton(e) => f(PatternPart::Expr(e)),
            PatternKind::Sequence(ps) | PatternKind::Or(ps) => ps.iter().for_each(|p| p.walk(f)),
            PatternKind::Mapping { keys, values, rest } => {
                for (k, v) in keys.iter().zip(values) {
                    f(PatternPart::Expr(k));
                    v.walk(f);
                }
                if let Some(n) = rest {
                    f(PatternPart::Name(n));
                }
            }
            PatternKind::Class { cls, args, kwargs } => {
                f(PatternPart::Expr(cls));
                args.iter().for_each(|p| p.walk(f));
                kwargs.iter().for_each(|(_, p)| p.walk(f));
            }
            PatternKind::As(p, n) => {
                p.walk(f);
                f(PatternPart::Name(n));
            }
        }
    }
}

/// A parsed module.
#[derive(Debug)]
pub struct Module {
    pub body: Vec<Stmt>,
    pub doc: Option<Rc<str>>,
}
