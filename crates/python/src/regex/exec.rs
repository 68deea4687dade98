//! Matching engine for `regex`: a backtracking VM that mirrors the control
//! flow of CPython 3.11's sre matcher (`_sre`), so that backtracking order,
//! capture-group bookkeeping (`lastmark` semantics) and zero-width repeat
//! protection behave exactly like CPython.  All backtracking state lives in
//! heap-allocated stacks, so the native stack depth does not depend on the
//! text length.

/// Marks a repeat count of "no upper bound" (sre's MAXREPEAT).
pub(super) const MAXREPEAT: u32 = u32::MAX;

/// Sentinel for an unset mark (sre's NULL mark pointer).
const NONE: usize = usize::MAX;

/// How `Regex::exec` anchors the attempt.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mode {
    /// Anchored at `pos` (like `Pattern.match`).
    Match,
    /// Leftmost match at or after `pos` (like `Pattern.search`).
    Search,
    /// Anchored at `pos` and must end at `endpos` (like `Pattern.fullmatch`).
    FullMatch,
}

/// The backtracking step budget ran out.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Exhausted;

/// Spans of group 0..=groups (`None` for a group that did not participate).
pub type Spans = Vec<Option<(usize, usize)>>;

/// A match's spans and its `lastindex`.
type Found = (Spans, Option<usize>);

/// A compiled regular expression.
#[derive(Clone, Debug)]
pub struct Regex {
    /// The instruction program; execution starts at index 0.
    pub(super) prog: Vec<Inst>,
    /// Number of capturing groups.
    pub(super) groups: usize,
    /// Named groups in order of definition.
    pub(super) names: Vec<(String, usize)>,
    /// Flags as reported by CPython's `Pattern.flags`.
    pub(super) flags: u32,
}

/// Case folding applied to a subject character before a test.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Fold {
    /// Compare the character as is.
    No,
    /// sre's `sre_lower_ascii`.
    Ascii,
    /// sre's `sre_lower_unicode`.
    Uni,
}

/// A character category (`\d \D \s \S \w \W`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub(super) enum Cat {
    /// `\d`
    Digit,
    /// `\D`
    NotDigit,
    /// `\s`
    Space,
    /// `\S`
    NotSpace,
    /// `\w`
    Word,
    /// `\W`
    NotWord,
}

/// A compiled character set (sre's IN / IN_IGNORE / IN_UNI_IGNORE).
#[derive(Clone, Debug)]
pub(super) struct CharSet {
    /// The set is negated (`[^...]`).
    pub(super) neg: bool,
    /// Folding applied to the subject character before testing.
    pub(super) fold: Fold,
    /// Sorted, merged inclusive code point intervals.
    pub(super) map: Vec<(u32, u32)>,
    /// sre's RANGE_UNI_IGNORE items (folded char or its uppercase in range).
    pub(super) uranges: Vec<(u32, u32)>,
    /// Categories, with `true` for Unicode semantics.
    pub(super) cats: Vec<(Cat, bool)>,
}

/// A test consuming exactly one character.
#[derive(Clone, Debug)]
pub(super) enum CharTest {
    /// Exactly this code point.
    Lit(u32),
    /// Any code point but this one.
    NotLit(u32),
    /// The folded character equals this (already folded) code point.
    LitFold(u32, Fold),
    /// The folded character differs from this code point.
    NotLitFold(u32, Fold),
    /// Any character except `\n`.
    Any,
    /// Any character.
    AnyAll,
    /// A character set.
    Set(Box<CharSet>),
}

/// Zero-width position assertions (sre's AT codes).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum At {
    /// `^` without MULTILINE.
    Beginning,
    /// `^` with MULTILINE.
    BeginningLine,
    /// `\A`
    BeginningString,
    /// `$` without MULTILINE.
    End,
    /// `$` with MULTILINE.
    EndLine,
    /// `\Z`
    EndString,
    /// `\b`; `true` for Unicode word characters.
    Boundary(bool),
    /// `\B`; `true` for Unicode word characters.
    NonBoundary(bool),
}

/// Repetition flavour for single-character repeats.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum RepKind {
    /// `*`, `+`, `?`, `{m,n}`
    Greedy,
    /// `*?` etc.
    Lazy,
    /// `*+` etc.
    Possessive,
}

/// One VM instruction.  Bodies of compound instructions start at `pc + 1`.
#[derive(Clone, Debug)]
pub(super) enum Inst {
    /// Consume one character passing the test.
    Char(CharTest),
    /// Zero-width assertion.
    At(At),
    /// Record the current position in mark slot `n` (sre's MARK).
    Mark(usize),
    /// Alternation: start pcs of each alternative (each ends in a Jump).
    Branch(Vec<usize>),
    /// Continue at the given pc.
    Jump(usize),
    /// Repeat of a single-character test; the tail starts at `next`.
    RepeatOne { min: u32, max: u32, kind: RepKind, item: CharTest, next: usize },
    /// General greedy/lazy repeat; body at pc+1, its MaxUntil/MinUntil at `until`.
    Repeat { min: u32, max: u32, until: usize },
    /// End of a greedy repeat body; the tail follows.
    MaxUntil,
    /// End of a lazy repeat body; the tail follows.
    MinUntil,
    /// Possessive repeat; body at pc+1 ends in Success; tail at `next`.
    PossRepeat { min: u32, max: u32, next: usize },
    /// Atomic group; body at pc+1 ends in Success; tail at `next`.
    Atomic { next: usize },
    /// Lookaround; body at pc+1 ends in Success; `back` chars for lookbehind.
    Assert { neg: bool, back: usize, next: usize },
    /// Backreference to group index `group` (0-based).
    GroupRef { group: usize, fold: Fold },
    /// Conditional: continue at pc+1 if the group matched, else at `no`.
    GroupRefExists { group: usize, no: usize },
    /// End of the pattern or of a sub-program.
    Success,
}

/// Looks `c` up in a case-mapping run table (identity when absent).
fn map_runs(table: &[(u32, u32, i32, u32)], c: u32) -> u32 {
    let i = table.partition_point(|r| r.0 <= c);
    match i.checked_sub(1).and_then(|i| table.get(i)) {
        Some(&(lo, hi, delta, stride)) if c <= hi && (c - lo).is_multiple_of(stride.max(1)) => {
            c.wrapping_add_signed(delta)
        }
        _ => c,
    }
}

/// sre's `sre_lower_unicode` (CPython's `_PyUnicode_ToLowercase`).
pub(super) fn lower(c: u32) -> u32 {
    map_runs(LOWER_RUNS, c)
}

/// sre's `sre_upper_unicode` (CPython's `_PyUnicode_ToUppercase`).
pub(super) fn upper(c: u32) -> u32 {
    map_runs(UPPER_RUNS, c)
}

/// sre's `sre_lower_ascii`.
pub(super) fn lower_ascii(c: u32) -> u32 {
    if (0x41..=0x5a).contains(&c) {
        c + 32
    } else {
        c
    }
}

/// Applies a folding mode to a code point.
pub(super) fn fold(c: u32, f: Fold) -> u32 {
    match f {
        Fold::No => c,
        Fold::Ascii => lower_ascii(c),
        Fold::Uni => lower(c),
    }
}

/// `_sre.unicode_iscased`.
pub(super) fn is_cased(c: u32) -> bool {
    lower(c) != c || upper(c) != c
}

/// Calls `f` for every code point in `[a, b]` that a run table changes.
fn for_each_mapped(table: &[(u32, u32, i32, u32)], a: u32, b: u32, f: &mut dyn FnMut(u32)) {
    let start = table.partition_point(|r| r.1 < a);
    for &(lo, hi, _, stride) in table.iter().skip(start) {
        if lo > b {
            break;
        }
        let stride = stride.max(1);
        let mut c = if lo >= a { lo } else { lo + (a - lo).div_ceil(stride) * stride };
        while c <= hi.min(b) {
            f(c);
            c += stride;
        }
    }
}

/// Calls `f` for every code point in `[a, b]` whose lowercase differs.
pub(super) fn lower_mapped(a: u32, b: u32, f: &mut dyn FnMut(u32)) {
    for_each_mapped(LOWER_RUNS, a, b, f);
}

/// Whether any code point in `[a, b]` is cased.
pub(super) fn any_cased(a: u32, b: u32) -> bool {
    let mut hit = false;
    for_each_mapped(LOWER_RUNS, a, b, &mut |_| hit = true);
    for_each_mapped(UPPER_RUNS, a, b, &mut |_| hit = true);
    hit
}

/// Extra case-insensitive equivalents of a lowercase code point.
pub(super) fn extra_cases(lo: u32) -> &'static [u32] {
    match EXTRA_CASES.binary_search_by_key(&lo, |e| e.0) {
        Ok(i) => EXTRA_CASES.get(i).map_or(&[], |e| e.1),
        Err(_) => &[],
    }
}

/// All keys of the extra-case table.
pub(super) fn extra_case_keys() -> impl Iterator<Item = (u32, &'static [u32])> {
    EXTRA_CASES.iter().copied()
}

/// Whether `c` lies in one of the sorted intervals.
pub(super) fn in_ranges(table: &[(u32, u32)], c: u32) -> bool {
    let i = table.partition_point(|r| r.0 <= c);
    i.checked_sub(1).and_then(|i| table.get(i)).is_some_and(|r| c <= r.1)
}

/// `str.isdecimal` for one code point.
pub fn is_decimal(c: u32) -> bool {
    in_ranges(DECIMAL_RANGES, c)
}

/// The value of a decimal digit (`None` if not a decimal digit).
pub fn decimal_value(c: u32) -> Option<u32> {
    let i = DECIMAL_RANGES.partition_point(|r| r.0 <= c);
    let r = i.checked_sub(1).and_then(|i| DECIMAL_RANGES.get(i))?;
    (c <= r.1).then(|| (c - r.0) % 10)
}

/// `str.isspace` for one code point.
pub fn is_space(c: u32) -> bool {
    in_ranges(SPACE_RANGES, c)
}

/// `str.isalnum` for one code point.
pub fn is_alnum(c: u32) -> bool {
    in_ranges(ALNUM_RANGES, c)
}

/// sre's word test: Unicode (`isalnum` or `_`) or ASCII.
fn is_word(c: u32, uni: bool) -> bool {
    if uni {
        c == 0x5f || is_alnum(c)
    } else {
        c < 128 && (c == 0x5f || (c as u8).is_ascii_alphanumeric())
    }
}

/// sre's category test.
pub(super) fn category(cat: Cat, uni: bool, c: u32) -> bool {
    let ascii_space = matches!(c, 0x20 | 0x09..=0x0d);
    match cat {
        Cat::Digit => {
            if uni {
                is_decimal(c)
            } else {
                (0x30..=0x39).contains(&c)
            }
        }
        Cat::NotDigit => !category(Cat::Digit, uni, c),
        Cat::Space => {
            if uni {
                is_space(c)
            } else {
                ascii_space
            }
        }
        Cat::NotSpace => !category(Cat::Space, uni, c),
        Cat::Word => is_word(c, uni),
        Cat::NotWord => !is_word(c, uni),
    }
}

impl CharSet {
    /// Membership test, as sre's `charset()` on the folded character.
    fn contains(&self, ch: u32) -> bool {
        let x = fold(ch, self.fold);
        let hit = in_ranges(&self.map, x)
            || self.uranges.iter().any(|&(a, b)| (a..=b).contains(&x) || (a..=b).contains(&upper(x)))
            || self.cats.iter().any(|&(cat, uni)| category(cat, uni, x));
        hit != self.neg
    }
}

impl CharTest {
    /// Whether the character passes this test.
    fn matches(&self, ch: char) -> bool {
        let c = ch as u32;
        match self {
            CharTest::Lit(v) => c == *v,
            CharTest::NotLit(v) => c != *v,
            CharTest::LitFold(v, f) => fold(c, *f) == *v,
            CharTest::NotLitFold(v, f) => fold(c, *f) != *v,
            CharTest::Any => ch != '\n',
            CharTest::AnyAll => true,
            CharTest::Set(s) => s.contains(c),
        }
    }
}

/// Where a suspended frame continues when its child returns (sre's jump ids).
#[derive(Clone, Copy, Debug)]
enum Wait {
    None,
    Branch,
    RepeatOne,
    MinRepeatOne,
    Repeat,
    MaxUntil1,
    MaxUntil2,
    MaxUntil3,
    MinUntil1,
    MinUntil2,
    MinUntil3,
    Poss1,
    Poss2,
    Atomic,
    Assert,
    AssertNot,
}

/// One activation record (sre's match context).
#[derive(Clone, Copy, Debug)]
struct Frame {
    pc: usize,
    ptr: usize,
    count: i64,
    rep: usize,
    lastmark: isize,
    lastindex: isize,
    toplevel: bool,
    wait: Wait,
    alt: usize,
    pptr: Option<usize>,
}

impl Frame {
    /// A fresh frame starting at `pc` with the subject position `ptr`.
    fn new(pc: usize, ptr: usize, toplevel: bool) -> Frame {
        Frame {
            pc,
            ptr,
            count: 0,
            rep: 0,
            lastmark: -1,
            lastindex: -1,
            toplevel,
            wait: Wait::None,
            alt: 0,
            pptr: None,
        }
    }
}

/// sre's repeat context (SRE_REPEAT).
#[derive(Clone, Copy, Debug)]
struct Rep {
    count: i64,
    pc: usize,
    prev: Option<usize>,
    last_ptr: Option<usize>,
}

/// What the VM loop does next.
enum Step {
    /// Execute the next instruction of the top frame.
    Next,
    /// Suspend the frame and run a child at `pc`.
    Call(usize, bool, Wait),
    /// Finish the frame with success or failure.
    Ret(bool),
}

/// The matcher state (sre's SRE_STATE plus the explicit stacks).
struct Vm<'a> {
    prog: &'a [Inst],
    text: &'a [char],
    end: usize,
    start: usize,
    ptr: usize,
    marks: Vec<usize>,
    lastmark: isize,
    /// The group whose end was marked last (sre's `lastindex`), or -1.
    lastindex: isize,
    repeat: Option<usize>,
    reps: Vec<Rep>,
    frames: Vec<Frame>,
    data: Vec<usize>,
    match_all: bool,
    must_advance: bool,
    budget: &'a mut u64,
}

impl Regex {
    /// Number of capturing groups.
    pub fn groups(&self) -> usize {
        self.groups
    }

    /// `(name, index)` of the named groups, in order of definition.
    pub fn group_names(&self) -> Vec<(String, usize)> {
        self.names.clone()
    }

    /// Flags as CPython's `Pattern.flags` reports them for a str pattern.
    pub fn flags(&self) -> u32 {
        self.flags
    }

    /// Tries to match `text[..endpos]` starting at/after `pos` (char indices).
    /// Search: leftmost match at or after pos. `must_advance`: a match that
    /// starts at `pos` must not be empty (CPython's state->must_advance).
    /// Returns spans for group 0..=groups (None for a group that did not
    /// participate), as char indices.  `budget` is decremented per VM step;
    /// when it reaches 0 the result is `Err(Exhausted)`.
    pub fn exec(
        &self,
        text: &[char],
        pos: usize,
        endpos: usize,
        mode: Mode,
        must_advance: bool,
        budget: &mut u64,
    ) -> Result<Option<Spans>, Exhausted> {
        Ok(self.exec_full(text, pos, endpos, mode, must_advance, budget)?.map(|(spans, _)| spans))
    }

    /// [`Regex::exec`], with the match's `lastindex` (the group closed last).
    pub fn exec_full(
        &self,
        text: &[char],
        pos: usize,
        endpos: usize,
        mode: Mode,
        must_advance: bool,
        budget: &mut u64,
    ) -> Result<Option<(Spans, Option<usize>)>, Exhausted> {
        let end = endpos.min(text.len());
        let pos = pos.min(text.len());
        let mut vm = Vm {
            prog: &self.prog,
            text,
            end,
            start: pos,
            ptr: pos,
            marks: vec![NONE; 2 * self.groups],
            lastmark: -1,
            lastindex: -1,
            repeat: None,
            reps: Vec::new(),
            frames: Vec::new(),
            data: Vec::new(),
            match_all: mode == Mode::FullMatch,
            must_advance,
            budget,
        };
        if mode == Mode::Search {
            return vm.search(pos, must_advance, self.groups);
        }
        Ok(vm.run(true)?.then(|| vm.spans(pos, self.groups)))
    }
}

impl Vm<'_> {
    /// sre's SRE(search): try each start position from `pos` to the end.
    fn search(&mut self, pos: usize, must_advance: bool, groups: usize) -> Result<Option<Found>, Exhausted> {
        if pos > self.end {
            return Ok(None);
        }
        let anchored = matches!(self.prog.first(), Some(Inst::At(At::Beginning | At::BeginningString)));
        for s in pos..=self.end {
            self.lastmark = -1;
            self.lastindex = -1;
            self.start = s;
            self.ptr = s;
            self.must_advance = must_advance && s == pos;
            if self.run(true)? {
                return Ok(Some(self.spans(s, groups)));
            }
            if anchored {
                break;
            }
        }
        Ok(None)
    }

    /// The spans of group 0 (from `start` to the final position) and all groups.
    fn spans(&self, start: usize, groups: usize) -> Found {
        let mut out = vec![Some((start, self.ptr))];
        out.extend((0..groups).map(|g| self.group_span(g)));
        (out, usize::try_from(self.lastindex).ok())
    }

    /// Span of 0-based group `g` if it is valid under the lastmark rules.
    fn group_span(&self, g: usize) -> Option<(usize, usize)> {
        let j = 2 * g;
        if (j + 1) as isize > self.lastmark {
            return None;
        }
        let (&p, &e) = (self.marks.get(j)?, self.marks.get(j + 1)?);
        (p != NONE && e != NONE && p <= e).then_some((p, e))
    }

    /// Charges `n` steps to the budget.
    fn tick(&mut self, n: u64) -> Result<(), Exhausted> {
        if *self.budget == 0 {
            return Err(Exhausted);
        }
        *self.budget = self.budget.saturating_sub(n);
        Ok(())
    }

    /// Runs the program from pc 0 at `self.ptr` (sre's SRE(match)).
    fn run(&mut self, toplevel: bool) -> Result<bool, Exhausted> {
        self.frames.clear();
        self.reps.clear();
        self.data.clear();
        self.repeat = None;
        self.frames.push(Frame::new(0, self.ptr, toplevel));
        let mut resume: Option<bool> = None;
        loop {
            self.tick(1)?;
            let Some(mut fr) = self.frames.pop() else { return Ok(false) };
            let step = match resume.take() {
                None => self.dispatch(&mut fr)?,
                Some(r) => self.resume(&mut fr, r),
            };
            match step {
                Step::Next => self.frames.push(fr),
                Step::Call(pc, top, wait) => {
                    fr.wait = wait;
                    self.frames.push(fr);
                    self.frames.push(Frame::new(pc, self.ptr, top));
                }
                Step::Ret(r) if self.frames.is_empty() => return Ok(r),
                Step::Ret(r) => resume = Some(r),
            }
        }
    }

    /// Executes the instruction at the frame's pc.
    fn dispatch(&mut self, fr: &mut Frame) -> Result<Step, Exhausted> {
        let prog = self.prog;
        let Some(inst) = prog.get(fr.pc) else { return Ok(Step::Ret(false)) };
        Ok(match inst {
            Inst::Char(t) => self.char_step(fr, t),
            Inst::At(a) if self.at(*a, fr.ptr) => Self::advance_pc(fr),
            Inst::At(_) => Step::Ret(false),
            Inst::Mark(i) => {
                self.set_mark(*i, fr.ptr);
                Self::advance_pc(fr)
            }
            Inst::Jump(t) => {
                fr.pc = *t;
                Step::Next
            }
            Inst::Success => self.success(fr),
            Inst::Branch(_) => self.branch_start(fr),
            Inst::RepeatOne { min, max, kind, item, next } => {
                self.repeat_one(fr, (*min, *max), *kind, item, *next)?
            }
            Inst::Repeat { until, .. } => self.repeat_start(fr, *until),
            Inst::MaxUntil => self.max_until(fr),
            Inst::MinUntil => self.min_until(fr),
            Inst::PossRepeat { .. } => {
                self.ptr = fr.ptr;
                fr.count = 0;
                self.poss_min(fr)
            }
            Inst::Atomic { .. } => {
                self.ptr = fr.ptr;
                Step::Call(fr.pc + 1, false, Wait::Atomic)
            }
            Inst::Assert { neg, back, next } => self.assert_start(fr, *neg, *back, *next),
            Inst::GroupRef { group, fold } => self.groupref(fr, *group, *fold)?,
            Inst::GroupRefExists { group, no } => {
                fr.pc = if self.group_span(*group).is_some() { fr.pc + 1 } else { *no };
                Step::Next
            }
        })
    }

    /// Moves to the next instruction.
    fn advance_pc(fr: &mut Frame) -> Step {
        fr.pc += 1;
        Step::Next
    }

    /// Continues a suspended frame after its child returned `r`.
    fn resume(&mut self, fr: &mut Frame, r: bool) -> Step {
        match fr.wait {
            Wait::None => Step::Ret(r),
            Wait::Branch => self.branch_resume(fr, r),
            Wait::RepeatOne => self.greedy_resume(fr, r),
            Wait::MinRepeatOne => self.lazy_resume(fr, r),
            Wait::Repeat => {
                self.repeat = self.reps.get(fr.rep).and_then(|x| x.prev);
                self.reps.truncate(fr.rep);
                Step::Ret(r)
            }
            Wait::MaxUntil1 | Wait::MinUntil1 => self.until1_resume(fr, r),
            Wait::MaxUntil2 => self.max_until2_resume(fr, r),
            Wait::MaxUntil3 => {
                self.repeat = Some(fr.rep);
                self.ptr = if r { self.ptr } else { fr.ptr };
                Step::Ret(r)
            }
            Wait::MinUntil2 => self.min_until2_resume(fr, r),
            Wait::MinUntil3 => self.min_until3_resume(fr, r),
            Wait::Poss1 => self.poss1_resume(fr, r),
            Wait::Poss2 => self.poss2_resume(fr, r),
            Wait::Atomic => self.atomic_resume(fr, r),
            Wait::Assert if r => self.goto_next(fr),
            Wait::Assert => Step::Ret(false),
            Wait::AssertNot => self.assert_not_resume(fr, r),
        }
    }

    /// Consumes one character if it passes `t`.
    fn char_step(&mut self, fr: &mut Frame, t: &CharTest) -> Step {
        match self.text.get(fr.ptr) {
            Some(&c) if fr.ptr < self.end && t.matches(c) => {
                fr.ptr += 1;
                Self::advance_pc(fr)
            }
            _ => Step::Ret(false),
        }
    }

    /// Whether the text at `i` (anywhere in the string) is a newline.
    fn is_nl(&self, i: usize) -> bool {
        self.text.get(i) == Some(&'\n')
    }

    /// Whether the text at `i` (anywhere in the string) is a word char.
    fn word_at(&self, i: usize, uni: bool) -> bool {
        self.text.get(i).is_some_and(|&c| is_word(c as u32, uni))
    }

    /// sre's SRE(at).
    fn at(&self, a: At, ptr: usize) -> bool {
        let end = self.end;
        let boundary = |uni: bool| {
            let that = ptr > 0 && self.word_at(ptr - 1, uni);
            let this = ptr < end && self.word_at(ptr, uni);
            (this, that)
        };
        match a {
            At::Beginning | At::BeginningString => ptr == 0,
            At::BeginningLine => ptr == 0 || self.is_nl(ptr.wrapping_sub(1)),
            At::End => (end.checked_sub(ptr) == Some(1) && self.is_nl(ptr)) || ptr == end,
            At::EndLine => ptr == end || self.is_nl(ptr),
            At::EndString => ptr == end,
            At::Boundary(uni) => {
                end != 0 && {
                    let (a, b) = boundary(uni);
                    a != b
                }
            }
            At::NonBoundary(uni) => {
                end != 0 && {
                    let (a, b) = boundary(uni);
                    a == b
                }
            }
        }
    }

    /// sre's MARK.
    fn set_mark(&mut self, i: usize, ptr: usize) {
        let is = i as isize;
        if i % 2 == 1 {
            self.lastindex = (i / 2 + 1) as isize;
        }
        if is > self.lastmark {
            let from = (self.lastmark + 1) as usize;
            for m in self.marks.iter_mut().take(i).skip(from) {
                *m = NONE;
            }
            self.lastmark = is;
        }
        if let Some(m) = self.marks.get_mut(i) {
            *m = ptr;
        }
    }

    /// sre's MARK_PUSH.
    fn mark_push(&mut self, lastmark: isize) {
        if lastmark >= 0 {
            let n = (lastmark + 1) as usize;
            if let Some(s) = self.marks.get(..n) {
                self.data.extend_from_slice(s);
            }
        }
    }

    /// sre's MARK_POP (`discard`) or MARK_POP_KEEP (`!discard`).
    fn mark_pop(&mut self, lastmark: isize, discard: bool) {
        if lastmark >= 0 {
            let n = (lastmark + 1) as usize;
            let base = self.data.len().saturating_sub(n);
            if let (Some(dst), Some(src)) = (self.marks.get_mut(..n), self.data.get(base..)) {
                if dst.len() == src.len() {
                    dst.copy_from_slice(src);
                }
            }
            if discard {
                self.data.truncate(base);
            }
        }
    }

    /// sre's MARK_POP_DISCARD.
    fn mark_discard(&mut self, lastmark: isize) {
        if lastmark >= 0 {
            let n = (lastmark + 1) as usize;
            self.data.truncate(self.data.len().saturating_sub(n));
        }
    }

    /// MARK_PUSH only when inside a repeat (sre's `if (state->repeat)`).
    fn push_if_repeat(&mut self, lastmark: isize) {
        if self.repeat.is_some() {
            self.mark_push(lastmark);
        }
    }

    /// MARK_POP_DISCARD only when inside a repeat.
    fn discard_if_repeat(&mut self, lastmark: isize) {
        if self.repeat.is_some() {
            self.mark_discard(lastmark);
        }
    }

    /// MARK_POP_KEEP (or MARK_POP) plus LASTMARK_RESTORE, inside a repeat.
    fn restore_marks(&mut self, fr: &Frame, discard: bool) {
        if self.repeat.is_some() {
            self.mark_pop(fr.lastmark, discard);
        }
        self.lastmark = fr.lastmark;
        self.lastindex = fr.lastindex;
    }

    /// sre's SUCCESS.
    fn success(&mut self, fr: &Frame) -> Step {
        if fr.toplevel
            && ((self.match_all && fr.ptr != self.end) || (self.must_advance && fr.ptr == self.start))
        {
            return Step::Ret(false);
        }
        self.ptr = fr.ptr;
        Step::Ret(true)
    }

    /// BRANCH: save marks and try the first alternative.
    fn branch_start(&mut self, fr: &mut Frame) -> Step {
        fr.lastmark = self.lastmark;
        fr.lastindex = self.lastindex;
        self.push_if_repeat(fr.lastmark);
        fr.alt = 0;
        self.branch_try(fr)
    }

    /// BRANCH: try alternative `fr.alt`, or fail when none is left.
    fn branch_try(&mut self, fr: &mut Frame) -> Step {
        let alt = match self.prog.get(fr.pc) {
            Some(Inst::Branch(alts)) => alts.get(fr.alt).copied(),
            _ => None,
        };
        match alt {
            Some(pc) => {
                self.ptr = fr.ptr;
                Step::Call(pc, fr.toplevel, Wait::Branch)
            }
            None => {
                self.discard_if_repeat(fr.lastmark);
                Step::Ret(false)
            }
        }
    }

    /// BRANCH: an alternative returned.
    fn branch_resume(&mut self, fr: &mut Frame, r: bool) -> Step {
        if r {
            self.discard_if_repeat(fr.lastmark);
            return Step::Ret(true);
        }
        self.restore_marks(fr, false);
        fr.alt += 1;
        self.branch_try(fr)
    }

    /// Counts how many chars from `ptr` pass `item`, up to `maxcount`.
    fn count(&self, item: &CharTest, ptr: usize, maxcount: u32) -> usize {
        if ptr >= self.end {
            return 0;
        }
        let lim = if maxcount == MAXREPEAT {
            self.end
        } else {
            self.end.min(ptr.saturating_add(maxcount as usize))
        };
        self.text.get(ptr..lim).map_or(0, |s| s.iter().take_while(|c| item.matches(**c)).count())
    }

    /// The (min, max, item, next) of the RepeatOne at `pc`.
    fn rep_one(&self, pc: usize) -> Option<(u32, u32, &CharTest, usize)> {
        match self.prog.get(pc) {
            Some(Inst::RepeatOne { min, max, item, next, .. }) => Some((*min, *max, item, *next)),
            _ => None,
        }
    }

    /// Whether the instruction at `pc` is Success.
    fn is_success(&self, pc: usize) -> bool {
        matches!(self.prog.get(pc), Some(Inst::Success))
    }

    /// REPEAT_ONE / MIN_REPEAT_ONE / POSSESSIVE_REPEAT_ONE entry.
    fn repeat_one(
        &mut self,
        fr: &mut Frame,
        (min, max): (u32, u32),
        kind: RepKind,
        item: &CharTest,
        next: usize,
    ) -> Result<Step, Exhausted> {
        if fr.ptr > self.end || min as usize > self.end - fr.ptr {
            return Ok(Step::Ret(false));
        }
        self.ptr = fr.ptr;
        let n = match kind {
            RepKind::Lazy if min == 0 => 0,
            RepKind::Lazy => self.count(item, fr.ptr, min),
            _ => self.count(item, fr.ptr, max),
        };
        self.tick(n as u64 / 64)?;
        if n < min as usize {
            return Ok(Step::Ret(false));
        }
        fr.count = n as i64;
        fr.ptr += n;
        Ok(match kind {
            RepKind::Greedy => self.greedy_enter(fr, next),
            RepKind::Lazy => self.lazy_enter(fr, next),
            RepKind::Possessive => {
                fr.pc = next;
                if self.tail_done(fr, next) {
                    self.ptr = fr.ptr;
                    return Ok(Step::Ret(true));
                }
                Step::Next
            }
        })
    }

    /// sre's "tail is empty, we're finished" test for greedy single repeats.
    fn tail_done(&self, fr: &Frame, next: usize) -> bool {
        self.is_success(next)
            && fr.ptr == self.end
            && !(fr.toplevel && self.must_advance && fr.ptr == self.start)
    }

    /// REPEAT_ONE after counting.
    fn greedy_enter(&mut self, fr: &mut Frame, next: usize) -> Step {
        if self.tail_done(fr, next) {
            self.ptr = fr.ptr;
            return Step::Ret(true);
        }
        fr.lastmark = self.lastmark;
        fr.lastindex = self.lastindex;
        self.push_if_repeat(fr.lastmark);
        self.greedy_try(fr)
    }

    /// REPEAT_ONE: try the tail with `fr.count` items consumed.
    fn greedy_try(&mut self, fr: &mut Frame) -> Step {
        let Some((min, _, _, next)) = self.rep_one(fr.pc) else { return Step::Ret(false) };
        if fr.count >= i64::from(min) {
            self.ptr = fr.ptr;
            return Step::Call(next, fr.toplevel, Wait::RepeatOne);
        }
        self.discard_if_repeat(fr.lastmark);
        Step::Ret(false)
    }

    /// REPEAT_ONE: the tail returned.
    fn greedy_resume(&mut self, fr: &mut Frame, r: bool) -> Step {
        if r {
            self.discard_if_repeat(fr.lastmark);
            return Step::Ret(true);
        }
        self.restore_marks(fr, false);
        fr.ptr = fr.ptr.saturating_sub(1);
        fr.count -= 1;
        self.greedy_try(fr)
    }

    /// MIN_REPEAT_ONE after consuming the minimum.
    fn lazy_enter(&mut self, fr: &mut Frame, next: usize) -> Step {
        let blocked = fr.toplevel
            && ((self.match_all && fr.ptr != self.end) || (self.must_advance && fr.ptr == self.start));
        if self.is_success(next) && !blocked {
            self.ptr = fr.ptr;
            return Step::Ret(true);
        }
        fr.lastmark = self.lastmark;
        fr.lastindex = self.lastindex;
        self.push_if_repeat(fr.lastmark);
        self.lazy_try(fr)
    }

    /// MIN_REPEAT_ONE: try the tail if the maximum is not exceeded.
    fn lazy_try(&mut self, fr: &mut Frame) -> Step {
        let Some((_, max, _, next)) = self.rep_one(fr.pc) else { return Step::Ret(false) };
        if max == MAXREPEAT || fr.count <= i64::from(max) {
            self.ptr = fr.ptr;
            return Step::Call(next, fr.toplevel, Wait::MinRepeatOne);
        }
        self.discard_if_repeat(fr.lastmark);
        Step::Ret(false)
    }

    /// MIN_REPEAT_ONE: the tail returned; consume one more item.
    fn lazy_resume(&mut self, fr: &mut Frame, r: bool) -> Step {
        if r {
            self.discard_if_repeat(fr.lastmark);
            return Step::Ret(true);
        }
        self.restore_marks(fr, false);
        self.ptr = fr.ptr;
        let more = self.rep_one(fr.pc).is_some_and(|(_, _, item, _)| self.count(item, fr.ptr, 1) == 1);
        if !more {
            self.discard_if_repeat(fr.lastmark);
            return Step::Ret(false);
        }
        fr.ptr += 1;
        fr.count += 1;
        self.lazy_try(fr)
    }

    /// REPEAT: install a repeat context and run its UNTIL.
    fn repeat_start(&mut self, fr: &mut Frame, until: usize) -> Step {
        self.reps.push(Rep { count: -1, pc: fr.pc, prev: self.repeat, last_ptr: None });
        fr.rep = self.reps.len() - 1;
        self.repeat = Some(fr.rep);
        self.ptr = fr.ptr;
        Step::Call(until, fr.toplevel, Wait::Repeat)
    }

    /// (min, max, body pc) of repeat context `rep`.
    fn rep_info(&self, rep: usize) -> (i64, u32, usize) {
        let pc = self.reps.get(rep).map_or(0, |r| r.pc);
        match self.prog.get(pc) {
            Some(Inst::Repeat { min, max, .. }) => (i64::from(*min), *max, pc + 1),
            _ => (0, 0, pc + 1),
        }
    }

    /// Mutable access to repeat context `rep` (a dummy if missing).
    fn rep(&mut self, rep: usize) -> &mut Rep {
        if rep >= self.reps.len() {
            self.reps.resize(rep + 1, Rep { count: 0, pc: usize::MAX, prev: None, last_ptr: None });
        }
        let last = self.reps.len() - 1;
        let i = rep.min(last);
        &mut self.reps[i]
    }

    /// Whether the count allows another iteration of a repeat with this max.
    fn below_max(count: i64, max: u32) -> bool {
        max == MAXREPEAT || count < i64::from(max)
    }

    /// MAX_UNTIL: decide whether to run the body again or the tail.
    fn max_until(&mut self, fr: &mut Frame) -> Step {
        let Some(rep) = self.repeat else { return Step::Ret(false) };
        fr.rep = rep;
        self.ptr = fr.ptr;
        let (min, max, body) = self.rep_info(rep);
        fr.count = self.rep(rep).count + 1;
        if fr.count < min {
            self.rep(rep).count = fr.count;
            return Step::Call(body, fr.toplevel, Wait::MaxUntil1);
        }
        let last = self.rep(rep).last_ptr;
        if Self::below_max(fr.count, max) && Some(self.ptr) != last {
            self.rep(rep).count = fr.count;
            fr.lastmark = self.lastmark;
            fr.lastindex = self.lastindex;
            self.mark_push(fr.lastmark);
            self.data.push(last.unwrap_or(NONE));
            self.rep(rep).last_ptr = Some(self.ptr);
            return Step::Call(body, fr.toplevel, Wait::MaxUntil2);
        }
        self.max_until_tail(fr)
    }

    /// MAX_UNTIL: run the tail outside the repeat context.
    fn max_until_tail(&mut self, fr: &mut Frame) -> Step {
        self.repeat = self.rep(fr.rep).prev;
        Step::Call(fr.pc + 1, fr.toplevel, Wait::MaxUntil3)
    }

    /// MAX_UNTIL / MIN_UNTIL: a mandatory iteration returned.
    fn until1_resume(&mut self, fr: &mut Frame, r: bool) -> Step {
        if !r {
            self.rep(fr.rep).count = fr.count - 1;
            self.ptr = fr.ptr;
        }
        Step::Ret(r)
    }

    /// Pops a saved `last_ptr`.
    fn pop_last_ptr(&mut self) -> Option<usize> {
        self.data.pop().filter(|&v| v != NONE)
    }

    /// MAX_UNTIL: an optional iteration returned.
    fn max_until2_resume(&mut self, fr: &mut Frame, r: bool) -> Step {
        let lp = self.pop_last_ptr();
        self.rep(fr.rep).last_ptr = lp;
        if r {
            self.mark_discard(fr.lastmark);
            return Step::Ret(true);
        }
        self.mark_pop(fr.lastmark, true);
        self.lastmark = fr.lastmark;
        self.lastindex = fr.lastindex;
        self.rep(fr.rep).count = fr.count - 1;
        self.ptr = fr.ptr;
        self.max_until_tail(fr)
    }

    /// MIN_UNTIL: try the tail first.
    fn min_until(&mut self, fr: &mut Frame) -> Step {
        let Some(rep) = self.repeat else { return Step::Ret(false) };
        fr.rep = rep;
        self.ptr = fr.ptr;
        let (min, _, body) = self.rep_info(rep);
        fr.count = self.rep(rep).count + 1;
        if fr.count < min {
            self.rep(rep).count = fr.count;
            return Step::Call(body, fr.toplevel, Wait::MinUntil1);
        }
        self.repeat = self.rep(rep).prev;
        fr.lastmark = self.lastmark;
        fr.lastindex = self.lastindex;
        self.push_if_repeat(fr.lastmark);
        Step::Call(fr.pc + 1, fr.toplevel, Wait::MinUntil2)
    }

    /// MIN_UNTIL: the tail returned; maybe run one more iteration.
    fn min_until2_resume(&mut self, fr: &mut Frame, r: bool) -> Step {
        let tail_rep = self.repeat;
        self.repeat = Some(fr.rep);
        if r {
            if tail_rep.is_some() {
                self.mark_discard(fr.lastmark);
            }
            return Step::Ret(true);
        }
        if tail_rep.is_some() {
            self.mark_pop(fr.lastmark, true);
        }
        self.lastmark = fr.lastmark;
        self.lastindex = fr.lastindex;
        self.ptr = fr.ptr;
        let (_, max, body) = self.rep_info(fr.rep);
        let last = self.rep(fr.rep).last_ptr;
        if !Self::below_max(fr.count, max) || Some(self.ptr) == last {
            return Step::Ret(false);
        }
        self.rep(fr.rep).count = fr.count;
        self.data.push(last.unwrap_or(NONE));
        self.rep(fr.rep).last_ptr = Some(self.ptr);
        Step::Call(body, fr.toplevel, Wait::MinUntil3)
    }

    /// MIN_UNTIL: the extra iteration returned.
    fn min_until3_resume(&mut self, fr: &mut Frame, r: bool) -> Step {
        let lp = self.pop_last_ptr();
        self.rep(fr.rep).last_ptr = lp;
        if !r {
            self.rep(fr.rep).count = fr.count - 1;
            self.ptr = fr.ptr;
        }
        Step::Ret(r)
    }

    /// (min, max, next) of the PossRepeat at `pc`.
    fn poss_info(&self, pc: usize) -> (i64, u32, usize) {
        match self.prog.get(pc) {
            Some(Inst::PossRepeat { min, max, next }) => (i64::from(*min), *max, *next),
            _ => (0, 0, usize::MAX),
        }
    }

    /// POSSESSIVE_REPEAT: mandatory iterations.
    fn poss_min(&mut self, fr: &mut Frame) -> Step {
        let (min, _, _) = self.poss_info(fr.pc);
        if fr.count < min {
            return Step::Call(fr.pc + 1, false, Wait::Poss1);
        }
        fr.pptr = None;
        self.poss_loop(fr)
    }

    /// POSSESSIVE_REPEAT: a mandatory iteration returned.
    fn poss1_resume(&mut self, fr: &mut Frame, r: bool) -> Step {
        if !r {
            self.ptr = fr.ptr;
            return Step::Ret(false);
        }
        fr.count += 1;
        self.poss_min(fr)
    }

    /// POSSESSIVE_REPEAT: optional iterations.
    fn poss_loop(&mut self, fr: &mut Frame) -> Step {
        let (_, max, next) = self.poss_info(fr.pc);
        if Self::below_max(fr.count, max) && Some(self.ptr) != fr.pptr {
            fr.lastmark = self.lastmark;
            fr.lastindex = self.lastindex;
            self.mark_push(fr.lastmark);
            fr.pptr = Some(self.ptr);
            return Step::Call(fr.pc + 1, false, Wait::Poss2);
        }
        fr.pc = next;
        fr.ptr = self.ptr;
        Step::Next
    }

    /// POSSESSIVE_REPEAT: an optional iteration returned.
    fn poss2_resume(&mut self, fr: &mut Frame, r: bool) -> Step {
        if r {
            self.mark_discard(fr.lastmark);
            fr.count += 1;
            return self.poss_loop(fr);
        }
        self.mark_pop(fr.lastmark, true);
        self.lastmark = fr.lastmark;
        self.lastindex = fr.lastindex;
        self.ptr = fr.pptr.unwrap_or(self.ptr);
        let (_, _, next) = self.poss_info(fr.pc);
        fr.pc = next;
        fr.ptr = self.ptr;
        Step::Next
    }

    /// The `next` pc of the Atomic/Assert at the frame's pc.
    fn next_of(&self, pc: usize) -> usize {
        match self.prog.get(pc) {
            Some(Inst::Atomic { next } | Inst::Assert { next, .. }) => *next,
            _ => usize::MAX,
        }
    }

    /// Continues after an Atomic/Assert body.
    fn goto_next(&mut self, fr: &mut Frame) -> Step {
        fr.pc = self.next_of(fr.pc);
        Step::Next
    }

    /// ATOMIC_GROUP: the body returned.
    fn atomic_resume(&mut self, fr: &mut Frame, r: bool) -> Step {
        if !r {
            self.ptr = fr.ptr;
            return Step::Ret(false);
        }
        fr.ptr = self.ptr;
        self.goto_next(fr)
    }

    /// ASSERT / ASSERT_NOT entry.
    fn assert_start(&mut self, fr: &mut Frame, neg: bool, back: usize, next: usize) -> Step {
        if fr.ptr < back {
            if neg {
                fr.pc = next;
                return Step::Next;
            }
            return Step::Ret(false);
        }
        self.ptr = fr.ptr - back;
        if !neg {
            return Step::Call(fr.pc + 1, false, Wait::Assert);
        }
        fr.lastmark = self.lastmark;
        fr.lastindex = self.lastindex;
        self.push_if_repeat(fr.lastmark);
        Step::Call(fr.pc + 1, false, Wait::AssertNot)
    }

    /// ASSERT_NOT: the body returned.
    fn assert_not_resume(&mut self, fr: &mut Frame, r: bool) -> Step {
        if r {
            self.discard_if_repeat(fr.lastmark);
            return Step::Ret(false);
        }
        self.restore_marks(fr, true);
        self.goto_next(fr)
    }

    /// GROUPREF: match the text of a previous group again.
    fn groupref(&mut self, fr: &mut Frame, group: usize, f: Fold) -> Result<Step, Exhausted> {
        let Some((p, e)) = self.group_span(group) else { return Ok(Step::Ret(false)) };
        self.tick((e - p) as u64 / 64)?;
        for k in p..e {
            let want = self.text.get(k).map(|&c| fold(c as u32, f));
            let got = self.text.get(fr.ptr).filter(|_| fr.ptr < self.end).map(|&c| fold(c as u32, f));
            if got.is_none() || got != want {
                return Ok(Step::Ret(false));
            }
            fr.ptr += 1;
        }
        Ok(Self::advance_pc(fr))
    }
}

/// Generated case-mapping runs: (first, last, delta, stride).
#[rustfmt::skip]
const LOWER_RUNS: &[(u32, u32, i32, u32)] = &[
    (0x41, 0x5a, 32, 1), (0xc0, 0xd6, 32, 1), (0xd8, 0xde, 32, 1), (0x100, 0x12e, 1, 2),
    (0x130, 0x130, -199, 1), (0x132, 0x136, 1, 2), (0x139, 0x147, 1, 2),
    (0x14a, 0x176, 1, 2), (0x178, 0x178, -121, 1), (0x179, 0x17d, 1, 2),
    (0x181, 0x181, 210, 1), (0x182, 0x184, 1, 2), (0x186, 0x186, 206, 1),
    (0x187, 0x187, 1, 1), (0x189, 0x18a, 205, 1), (0x18b, 0x18b, 1, 1),
    (0x18e, 0x18e, 79, 1), (0x18f, 0x18f, 202, 1), (0x190, 0x190, 203, 1),
    (0x191, 0x191, 1, 1), (0x193, 0x193, 205, 1), (0x194, 0x194, 207, 1),
    (0x196, 0x196, 211, 1), (0x197, 0x197, 209, 1), (0x198, 0x198, 1, 1),
    (0x19c, 0x19c, 211, 1), (0x19d, 0x19d, 213, 1), (0x19f, 0x19f, 214, 1),
    (0x1a0, 0x1a4, 1, 2), (0x1a6, 0x1a6, 218, 1), (0x1a7, 0x1a7, 1, 1),
    (0x1a9, 0x1a9, 218, 1), (0x1ac, 0x1ac, 1, 1), (0x1ae, 0x1ae, 218, 1),
    (0x1af, 0x1af, 1, 1), (0x1b1, 0x1b2, 217, 1), (0x1b3, 0x1b5, 1, 2),
    (0x1b7, 0x1b7, 219, 1), (0x1b8, 0x1b8, 1, 1), (0x1bc, 0x1bc, 1, 1), (0x1c4, 0x1c4, 2, 1),
    (0x1c5, 0x1c5, 1, 1), (0x1c7, 0x1c7, 2, 1), (0x1c8, 0x1c8, 1, 1), (0x1ca, 0x1ca, 2, 1),
    (0x1cb, 0x1db, 1, 2), (0x1de, 0x1ee, 1, 2), (0x1f1, 0x1f1, 2, 1), (0x1f2, 0x1f4, 1, 2),
    (0x1f6, 0x1f6, -97, 1), (0x1f7, 0x1f7, -56, 1), (0x1f8, 0x21e, 1, 2),
    (0x220, 0x220, -130, 1), (0x222, 0x232, 1, 2), (0x23a, 0x23a, 10795, 1),
    (0x23b, 0x23b, 1, 1), (0x23d, 0x23d, -163, 1), (0x23e, 0x23e, 10792, 1),
    (0x241, 0x241, 1, 1), (0x243, 0x243, -195, 1), (0x244, 0x244, 69, 1),
    (0x245, 0x245, 71, 1), (0x246, 0x24e, 1, 2), (0x370, 0x372, 1, 2), (0x376, 0x376, 1, 1),
    (0x37f, 0x37f, 116, 1), (0x386, 0x386, 38, 1), (0x388, 0x38a, 37, 1),
    (0x38c, 0x38c, 64, 1), (0x38e, 0x38f, 63, 1), (0x391, 0x3a1, 32, 1),
    (0x3a3, 0x3ab, 32, 1), (0x3cf, 0x3cf, 8, 1), (0x3d8, 0x3ee, 1, 2),
    (0x3f4, 0x3f4, -60, 1), (0x3f7, 0x3f7, 1, 1), (0x3f9, 0x3f9, -7, 1),
    (0x3fa, 0x3fa, 1, 1), (0x3fd, 0x3ff, -130, 1), (0x400, 0x40f, 80, 1),
    (0x410, 0x42f, 32, 1), (0x460, 0x480, 1, 2), (0x48a, 0x4be, 1, 2), (0x4c0, 0x4c0, 15, 1),
    (0x4c1, 0x4cd, 1, 2), (0x4d0, 0x52e, 1, 2), (0x531, 0x556, 48, 1),
    (0x10a0, 0x10c5, 7264, 1), (0x10c7, 0x10c7, 7264, 1), (0x10cd, 0x10cd, 7264, 1),
    (0x13a0, 0x13ef, 38864, 1), (0x13f0, 0x13f5, 8, 1), (0x1c90, 0x1cba, -3008, 1),
    (0x1cbd, 0x1cbf, -3008, 1), (0x1e00, 0x1e94, 1, 2), (0x1e9e, 0x1e9e, -7615, 1),
    (0x1ea0, 0x1efe, 1, 2), (0x1f08, 0x1f0f, -8, 1), (0x1f18, 0x1f1d, -8, 1),
    (0x1f28, 0x1f2f, -8, 1), (0x1f38, 0x1f3f, -8, 1), (0x1f48, 0x1f4d, -8, 1),
    (0x1f59, 0x1f5f, -8, 2), (0x1f68, 0x1f6f, -8, 1), (0x1f88, 0x1f8f, -8, 1),
    (0x1f98, 0x1f9f, -8, 1), (0x1fa8, 0x1faf, -8, 1), (0x1fb8, 0x1fb9, -8, 1),
    (0x1fba, 0x1fbb, -74, 1), (0x1fbc, 0x1fbc, -9, 1), (0x1fc8, 0x1fcb, -86, 1),
    (0x1fcc, 0x1fcc, -9, 1), (0x1fd8, 0x1fd9, -8, 1), (0x1fda, 0x1fdb, -100, 1),
    (0x1fe8, 0x1fe9, -8, 1), (0x1fea, 0x1feb, -112, 1), (0x1fec, 0x1fec, -7, 1),
    (0x1ff8, 0x1ff9, -128, 1), (0x1ffa, 0x1ffb, -126, 1), (0x1ffc, 0x1ffc, -9, 1),
    (0x2126, 0x2126, -7517, 1), (0x212a, 0x212a, -8383, 1), (0x212b, 0x212b, -8262, 1),
    (0x2132, 0x2132, 28, 1), (0x2160, 0x216f, 16, 1), (0x2183, 0x2183, 1, 1),
    (0x24b6, 0x24cf, 26, 1), (0x2c00, 0x2c2f, 48, 1), (0x2c60, 0x2c60, 1, 1),
    (0x2c62, 0x2c62, -10743, 1), (0x2c63, 0x2c63, -3814, 1), (0x2c64, 0x2c64, -10727, 1),
    (0x2c67, 0x2c6b, 1, 2), (0x2c6d, 0x2c6d, -10780, 1), (0x2c6e, 0x2c6e, -10749, 1),
    (0x2c6f, 0x2c6f, -10783, 1), (0x2c70, 0x2c70, -10782, 1), (0x2c72, 0x2c72, 1, 1),
    (0x2c75, 0x2c75, 1, 1), (0x2c7e, 0x2c7f, -10815, 1), (0x2c80, 0x2ce2, 1, 2),
    (0x2ceb, 0x2ced, 1, 2), (0x2cf2, 0x2cf2, 1, 1), (0xa640, 0xa66c, 1, 2),
    (0xa680, 0xa69a, 1, 2), (0xa722, 0xa72e, 1, 2), (0xa732, 0xa76e, 1, 2),
    (0xa779, 0xa77b, 1, 2), (0xa77d, 0xa77d, -35332, 1), (0xa77e, 0xa786, 1, 2),
    (0xa78b, 0xa78b, 1, 1), (0xa78d, 0xa78d, -42280, 1), (0xa790, 0xa792, 1, 2),
    (0xa796, 0xa7a8, 1, 2), (0xa7aa, 0xa7aa, -42308, 1), (0xa7ab, 0xa7ab, -42319, 1),
    (0xa7ac, 0xa7ac, -42315, 1), (0xa7ad, 0xa7ad, -42305, 1), (0xa7ae, 0xa7ae, -42308, 1),
    (0xa7b0, 0xa7b0, -42258, 1), (0xa7b1, 0xa7b1, -42282, 1), (0xa7b2, 0xa7b2, -42261, 1),
    (0xa7b3, 0xa7b3, 928, 1), (0xa7b4, 0xa7c2, 1, 2), (0xa7c4, 0xa7c4, -48, 1),
    (0xa7c5, 0xa7c5, -42307, 1), (0xa7c6, 0xa7c6, -35384, 1), (0xa7c7, 0xa7c9, 1, 2),
    (0xa7d0, 0xa7d0, 1, 1), (0xa7d6, 0xa7d8, 1, 2), (0xa7f5, 0xa7f5, 1, 1),
    (0xff21, 0xff3a, 32, 1), (0x10400, 0x10427, 40, 1), (0x104b0, 0x104d3, 40, 1),
    (0x10570, 0x1057a, 39, 1), (0x1057c, 0x1058a, 39, 1), (0x1058c, 0x10592, 39, 1),
    (0x10594, 0x10595, 39, 1), (0x10c80, 0x10cb2, 64, 1), (0x118a0, 0x118bf, 32, 1),
    (0x16e40, 0x16e5f, 32, 1), (0x1e900, 0x1e921, 34, 1),
];
/// Generated case-mapping runs: (first, last, delta, stride).
#[rustfmt::skip]
const UPPER_RUNS: &[(u32, u32, i32, u32)] = &[
    (0x61, 0x7a, -32, 1), (0xb5, 0xb5, 743, 1), (0xdf, 0xdf, -140, 1), (0xe0, 0xf6, -32, 1),
    (0xf8, 0xfe, -32, 1), (0xff, 0xff, 121, 1), (0x101, 0x12f, -1, 2),
    (0x131, 0x131, -232, 1), (0x133, 0x137, -1, 2), (0x13a, 0x148, -1, 2),
    (0x149, 0x149, 371, 1), (0x14b, 0x177, -1, 2), (0x17a, 0x17e, -1, 2),
    (0x17f, 0x17f, -300, 1), (0x180, 0x180, 195, 1), (0x183, 0x185, -1, 2),
    (0x188, 0x188, -1, 1), (0x18c, 0x18c, -1, 1), (0x192, 0x192, -1, 1),
    (0x195, 0x195, 97, 1), (0x199, 0x199, -1, 1), (0x19a, 0x19a, 163, 1),
    (0x19e, 0x19e, 130, 1), (0x1a1, 0x1a5, -1, 2), (0x1a8, 0x1a8, -1, 1),
    (0x1ad, 0x1ad, -1, 1), (0x1b0, 0x1b0, -1, 1), (0x1b4, 0x1b6, -1, 2),
    (0x1b9, 0x1b9, -1, 1), (0x1bd, 0x1bd, -1, 1), (0x1bf, 0x1bf, 56, 1),
    (0x1c5, 0x1c5, -1, 1), (0x1c6, 0x1c6, -2, 1), (0x1c8, 0x1c8, -1, 1),
    (0x1c9, 0x1c9, -2, 1), (0x1cb, 0x1cb, -1, 1), (0x1cc, 0x1cc, -2, 1),
    (0x1ce, 0x1dc, -1, 2), (0x1dd, 0x1dd, -79, 1), (0x1df, 0x1ef, -1, 2),
    (0x1f0, 0x1f0, -422, 1), (0x1f2, 0x1f2, -1, 1), (0x1f3, 0x1f3, -2, 1),
    (0x1f5, 0x1f5, -1, 1), (0x1f9, 0x21f, -1, 2), (0x223, 0x233, -1, 2),
    (0x23c, 0x23c, -1, 1), (0x23f, 0x240, 10815, 1), (0x242, 0x242, -1, 1),
    (0x247, 0x24f, -1, 2), (0x250, 0x250, 10783, 1), (0x251, 0x251, 10780, 1),
    (0x252, 0x252, 10782, 1), (0x253, 0x253, -210, 1), (0x254, 0x254, -206, 1),
    (0x256, 0x257, -205, 1), (0x259, 0x259, -202, 1), (0x25b, 0x25b, -203, 1),
    (0x25c, 0x25c, 42319, 1), (0x260, 0x260, -205, 1), (0x261, 0x261, 42315, 1),
    (0x263, 0x263, -207, 1), (0x265, 0x265, 42280, 1), (0x266, 0x266, 42308, 1),
    (0x268, 0x268, -209, 1), (0x269, 0x269, -211, 1), (0x26a, 0x26a, 42308, 1),
    (0x26b, 0x26b, 10743, 1), (0x26c, 0x26c, 42305, 1), (0x26f, 0x26f, -211, 1),
    (0x271, 0x271, 10749, 1), (0x272, 0x272, -213, 1), (0x275, 0x275, -214, 1),
    (0x27d, 0x27d, 10727, 1), (0x280, 0x280, -218, 1), (0x282, 0x282, 42307, 1),
    (0x283, 0x283, -218, 1), (0x287, 0x287, 42282, 1), (0x288, 0x288, -218, 1),
    (0x289, 0x289, -69, 1), (0x28a, 0x28b, -217, 1), (0x28c, 0x28c, -71, 1),
    (0x292, 0x292, -219, 1), (0x29d, 0x29d, 42261, 1), (0x29e, 0x29e, 42258, 1),
    (0x345, 0x345, 84, 1), (0x371, 0x373, -1, 2), (0x377, 0x377, -1, 1),
    (0x37b, 0x37d, 130, 1), (0x390, 0x390, 9, 1), (0x3ac, 0x3ac, -38, 1),
    (0x3ad, 0x3af, -37, 1), (0x3b0, 0x3b0, -11, 1), (0x3b1, 0x3c1, -32, 1),
    (0x3c2, 0x3c2, -31, 1), (0x3c3, 0x3cb, -32, 1), (0x3cc, 0x3cc, -64, 1),
    (0x3cd, 0x3ce, -63, 1), (0x3d0, 0x3d0, -62, 1), (0x3d1, 0x3d1, -57, 1),
    (0x3d5, 0x3d5, -47, 1), (0x3d6, 0x3d6, -54, 1), (0x3d7, 0x3d7, -8, 1),
    (0x3d9, 0x3ef, -1, 2), (0x3f0, 0x3f0, -86, 1), (0x3f1, 0x3f1, -80, 1),
    (0x3f2, 0x3f2, 7, 1), (0x3f3, 0x3f3, -116, 1), (0x3f5, 0x3f5, -96, 1),
    (0x3f8, 0x3f8, -1, 1), (0x3fb, 0x3fb, -1, 1), (0x430, 0x44f, -32, 1),
    (0x450, 0x45f, -80, 1), (0x461, 0x481, -1, 2), (0x48b, 0x4bf, -1, 2),
    (0x4c2, 0x4ce, -1, 2), (0x4cf, 0x4cf, -15, 1), (0x4d1, 0x52f, -1, 2),
    (0x561, 0x586, -48, 1), (0x587, 0x587, -82, 1), (0x10d0, 0x10fa, 3008, 1),
    (0x10fd, 0x10ff, 3008, 1), (0x13f8, 0x13fd, -8, 1), (0x1c80, 0x1c80, -6254, 1),
    (0x1c81, 0x1c81, -6253, 1), (0x1c82, 0x1c82, -6244, 1), (0x1c83, 0x1c84, -6242, 1),
    (0x1c85, 0x1c85, -6243, 1), (0x1c86, 0x1c86, -6236, 1), (0x1c87, 0x1c87, -6181, 1),
    (0x1c88, 0x1c88, 35266, 1), (0x1d79, 0x1d79, 35332, 1), (0x1d7d, 0x1d7d, 3814, 1),
    (0x1d8e, 0x1d8e, 35384, 1), (0x1e01, 0x1e95, -1, 2), (0x1e96, 0x1e96, -7758, 1),
    (0x1e97, 0x1e97, -7747, 1), (0x1e98, 0x1e98, -7745, 1), (0x1e99, 0x1e99, -7744, 1),
    (0x1e9a, 0x1e9a, -7769, 1), (0x1e9b, 0x1e9b, -59, 1), (0x1ea1, 0x1eff, -1, 2),
    (0x1f00, 0x1f07, 8, 1), (0x1f10, 0x1f15, 8, 1), (0x1f20, 0x1f27, 8, 1),
    (0x1f30, 0x1f37, 8, 1), (0x1f40, 0x1f45, 8, 1), (0x1f50, 0x1f50, -7083, 1),
    (0x1f51, 0x1f51, 8, 1), (0x1f52, 0x1f52, -7085, 1), (0x1f53, 0x1f53, 8, 1),
    (0x1f54, 0x1f54, -7087, 1), (0x1f55, 0x1f55, 8, 1), (0x1f56, 0x1f56, -7089, 1),
    (0x1f57, 0x1f57, 8, 1), (0x1f60, 0x1f67, 8, 1), (0x1f70, 0x1f71, 74, 1),
    (0x1f72, 0x1f75, 86, 1), (0x1f76, 0x1f77, 100, 1), (0x1f78, 0x1f79, 128, 1),
    (0x1f7a, 0x1f7b, 112, 1), (0x1f7c, 0x1f7d, 126, 1), (0x1f80, 0x1f87, -120, 1),
    (0x1f88, 0x1f8f, -128, 1), (0x1f90, 0x1f97, -104, 1), (0x1f98, 0x1f9f, -112, 1),
    (0x1fa0, 0x1fa7, -56, 1), (0x1fa8, 0x1faf, -64, 1), (0x1fb0, 0x1fb2, 8, 1),
    (0x1fb3, 0x1fb3, -7202, 1), (0x1fb4, 0x1fb4, -7214, 1), (0x1fb6, 0x1fb6, -7205, 1),
    (0x1fb7, 0x1fb7, -7206, 1), (0x1fbc, 0x1fbc, -7211, 1), (0x1fbe, 0x1fbe, -7205, 1),
    (0x1fc2, 0x1fc2, 8, 1), (0x1fc3, 0x1fc3, -7212, 1), (0x1fc4, 0x1fc4, -7227, 1),
    (0x1fc6, 0x1fc6, -7215, 1), (0x1fc7, 0x1fc7, -7216, 1), (0x1fcc, 0x1fcc, -7221, 1),
    (0x1fd0, 0x1fd1, 8, 1), (0x1fd2, 0x1fd2, -7225, 1), (0x1fd3, 0x1fd3, -7226, 1),
    (0x1fd6, 0x1fd6, -7229, 1), (0x1fd7, 0x1fd7, -7230, 1), (0x1fe0, 0x1fe1, 8, 1),
    (0x1fe2, 0x1fe2, -7229, 1), (0x1fe3, 0x1fe3, -7230, 1), (0x1fe4, 0x1fe4, -7235, 1),
    (0x1fe5, 0x1fe5, 7, 1), (0x1fe6, 0x1fe6, -7233, 1), (0x1fe7, 0x1fe7, -7234, 1),
    (0x1ff2, 0x1ff2, 8, 1), (0x1ff3, 0x1ff3, -7242, 1), (0x1ff4, 0x1ff4, -7269, 1),
    (0x1ff6, 0x1ff6, -7245, 1), (0x1ff7, 0x1ff7, -7246, 1), (0x1ffc, 0x1ffc, -7251, 1),
    (0x214e, 0x214e, -28, 1), (0x2170, 0x217f, -16, 1), (0x2184, 0x2184, -1, 1),
    (0x24d0, 0x24e9, -26, 1), (0x2c30, 0x2c5f, -48, 1), (0x2c61, 0x2c61, -1, 1),
    (0x2c65, 0x2c65, -10795, 1), (0x2c66, 0x2c66, -10792, 1), (0x2c68, 0x2c6c, -1, 2),
    (0x2c73, 0x2c73, -1, 1), (0x2c76, 0x2c76, -1, 1), (0x2c81, 0x2ce3, -1, 2),
    (0x2cec, 0x2cee, -1, 2), (0x2cf3, 0x2cf3, -1, 1), (0x2d00, 0x2d25, -7264, 1),
    (0x2d27, 0x2d27, -7264, 1), (0x2d2d, 0x2d2d, -7264, 1), (0xa641, 0xa66d, -1, 2),
    (0xa681, 0xa69b, -1, 2), (0xa723, 0xa72f, -1, 2), (0xa733, 0xa76f, -1, 2),
    (0xa77a, 0xa77c, -1, 2), (0xa77f, 0xa787, -1, 2), (0xa78c, 0xa78c, -1, 1),
    (0xa791, 0xa793, -1, 2), (0xa794, 0xa794, 48, 1), (0xa797, 0xa7a9, -1, 2),
    (0xa7b5, 0xa7c3, -1, 2), (0xa7c8, 0xa7ca, -1, 2), (0xa7d1, 0xa7d1, -1, 1),
    (0xa7d7, 0xa7d9, -1, 2), (0xa7f6, 0xa7f6, -1, 1), (0xab53, 0xab53, -928, 1),
    (0xab70, 0xabbf, -38864, 1), (0xfb00, 0xfb00, -64186, 1), (0xfb01, 0xfb01, -64187, 1),
    (0xfb02, 0xfb02, -64188, 1), (0xfb03, 0xfb03, -64189, 1), (0xfb04, 0xfb04, -64190, 1),
    (0xfb05, 0xfb05, -64178, 1), (0xfb06, 0xfb06, -64179, 1), (0xfb13, 0xfb13, -62927, 1),
    (0xfb14, 0xfb14, -62928, 1), (0xfb15, 0xfb15, -62929, 1), (0xfb16, 0xfb16, -62920, 1),
    (0xfb17, 0xfb17, -62931, 1), (0xff41, 0xff5a, -32, 1), (0x10428, 0x1044f, -40, 1),
    (0x104d8, 0x104fb, -40, 1), (0x10597, 0x105a1, -39, 1), (0x105a3, 0x105b1, -39, 1),
    (0x105b3, 0x105b9, -39, 1), (0x105bb, 0x105bc, -39, 1), (0x10cc0, 0x10cf2, -64, 1),
    (0x118c0, 0x118df, -32, 1), (0x16e60, 0x16e7f, -32, 1), (0x1e922, 0x1e943, -34, 1),
];
/// Generated: chars where str.isdecimal().
#[rustfmt::skip]
const DECIMAL_RANGES: &[(u32, u32)] = &[
    (0x30, 0x39), (0x660, 0x669), (0x6f0, 0x6f9), (0x7c0, 0x7c9), (0x966, 0x96f),
    (0x9e6, 0x9ef), (0xa66, 0xa6f), (0xae6, 0xaef), (0xb66, 0xb6f), (0xbe6, 0xbef),
    (0xc66, 0xc6f), (0xce6, 0xcef), (0xd66, 0xd6f), (0xde6, 0xdef), (0xe50, 0xe59),
    (0xed0, 0xed9), (0xf20, 0xf29), (0x1040, 0x1049), (0x1090, 0x1099), (0x17e0, 0x17e9),
    (0x1810, 0x1819), (0x1946, 0x194f), (0x19d0, 0x19d9), (0x1a80, 0x1a89), (0x1a90, 0x1a99),
    (0x1b50, 0x1b59), (0x1bb0, 0x1bb9), (0x1c40, 0x1c49), (0x1c50, 0x1c59), (0xa620, 0xa629),
    (0xa8d0, 0xa8d9), (0xa900, 0xa909), (0xa9d0, 0xa9d9), (0xa9f0, 0xa9f9), (0xaa50, 0xaa59),
    (0xabf0, 0xabf9), (0xff10, 0xff19), (0x104a0, 0x104a9), (0x10d30, 0x10d39),
    (0x11066, 0x1106f), (0x110f0, 0x110f9), (0x11136, 0x1113f), (0x111d0, 0x111d9),
    (0x112f0, 0x112f9), (0x11450, 0x11459), (0x114d0, 0x114d9), (0x11650, 0x11659),
    (0x116c0, 0x116c9), (0x11730, 0x11739), (0x118e0, 0x118e9), (0x11950, 0x11959),
    (0x11c50, 0x11c59), (0x11d50, 0x11d59), (0x11da0, 0x11da9), (0x16a60, 0x16a69),
    (0x16ac0, 0x16ac9), (0x16b50, 0x16b59), (0x1d7ce, 0x1d7ff), (0x1e140, 0x1e149),
    (0x1e2f0, 0x1e2f9), (0x1e950, 0x1e959), (0x1fbf0, 0x1fbf9),
];
/// Generated: chars where str.isalnum().
#[rustfmt::skip]
const ALNUM_RANGES: &[(u32, u32)] = &[
    (0x30, 0x39), (0x41, 0x5a), (0x61, 0x7a), (0xaa, 0xaa), (0xb2, 0xb3), (0xb5, 0xb5),
    (0xb9, 0xba), (0xbc, 0xbe), (0xc0, 0xd6), (0xd8, 0xf6), (0xf8, 0x2c1), (0x2c6, 0x2d1),
    (0x2e0, 0x2e4), (0x2ec, 0x2ec), (0x2ee, 0x2ee), (0x370, 0x374), (0x376, 0x377),
    (0x37a, 0x37d), (0x37f, 0x37f), (0x386, 0x386), (0x388, 0x38a), (0x38c, 0x38c),
    (0x38e, 0x3a1), (0x3a3, 0x3f5), (0x3f7, 0x481), (0x48a, 0x52f), (0x531, 0x556),
    (0x559, 0x559), (0x560, 0x588), (0x5d0, 0x5ea), (0x5ef, 0x5f2), (0x620, 0x64a),
    (0x660, 0x669), (0x66e, 0x66f), (0x671, 0x6d3), (0x6d5, 0x6d5), (0x6e5, 0x6e6),
    (0x6ee, 0x6fc), (0x6ff, 0x6ff), (0x710, 0x710), (0x712, 0x72f), (0x74d, 0x7a5),
    (0x7b1, 0x7b1), (0x7c0, 0x7ea), (0x7f4, 0x7f5), (0x7fa, 0x7fa), (0x800, 0x815),
    (0x81a, 0x81a), (0x824, 0x824), (0x828, 0x828), (0x840, 0x858), (0x860, 0x86a),
    (0x870, 0x887), (0x889, 0x88e), (0x8a0, 0x8c9), (0x904, 0x939), (0x93d, 0x93d),
    (0x950, 0x950), (0x958, 0x961), (0x966, 0x96f), (0x971, 0x980), (0x985, 0x98c),
    (0x98f, 0x990), (0x993, 0x9a8), (0x9aa, 0x9b0), (0x9b2, 0x9b2), (0x9b6, 0x9b9),
    (0x9bd, 0x9bd), (0x9ce, 0x9ce), (0x9dc, 0x9dd), (0x9df, 0x9e1), (0x9e6, 0x9f1),
    (0x9f4, 0x9f9), (0x9fc, 0x9fc), (0xa05, 0xa0a), (0xa0f, 0xa10), (0xa13, 0xa28),
    (0xa2a, 0xa30), (0xa32, 0xa33), (0xa35, 0xa36), (0xa38, 0xa39), (0xa59, 0xa5c),
    (0xa5e, 0xa5e), (0xa66, 0xa6f), (0xa72, 0xa74), (0xa85, 0xa8d), (0xa8f, 0xa91),
    (0xa93, 0xaa8), (0xaaa, 0xab0), (0xab2, 0xab3), (0xab5, 0xab9), (0xabd, 0xabd),
    (0xad0, 0xad0), (0xae0, 0xae1), (0xae6, 0xaef), (0xaf9, 0xaf9), (0xb05, 0xb0c),
    (0xb0f, 0xb10), (0xb13, 0xb28), (0xb2a, 0xb30), (0xb32, 0xb33), (0xb35, 0xb39),
    (0xb3d, 0xb3d), (0xb5c, 0xb5d), (0xb5f, 0xb61), (0xb66, 0xb6f), (0xb71, 0xb77),
    (0xb83, 0xb83), (0xb85, 0xb8a), (0xb8e, 0xb90), (0xb92, 0xb95), (0xb99, 0xb9a),
    (0xb9c, 0xb9c), (0xb9e, 0xb9f), (0xba3, 0xba4), (0xba8, 0xbaa), (0xbae, 0xbb9),
    (0xbd0, 0xbd0), (0xbe6, 0xbf2), (0xc05, 0xc0c), (0xc0e, 0xc10), (0xc12, 0xc28),
    (0xc2a, 0xc39), (0xc3d, 0xc3d), (0xc58, 0xc5a), (0xc5d, 0xc5d), (0xc60, 0xc61),
    (0xc66, 0xc6f), (0xc78, 0xc7e), (0xc80, 0xc80), (0xc85, 0xc8c), (0xc8e, 0xc90),
    (0xc92, 0xca8), (0xcaa, 0xcb3), (0xcb5, 0xcb9), (0xcbd, 0xcbd), (0xcdd, 0xcde),
    (0xce0, 0xce1), (0xce6, 0xcef), (0xcf1, 0xcf2), (0xd04, 0xd0c), (0xd0e, 0xd10),
    (0xd12, 0xd3a), (0xd3d, 0xd3d), (0xd4e, 0xd4e), (0xd54, 0xd56), (0xd58, 0xd61),
    (0xd66, 0xd78), (0xd7a, 0xd7f), (0xd85, 0xd96), (0xd9a, 0xdb1), (0xdb3, 0xdbb),
    (0xdbd, 0xdbd), (0xdc0, 0xdc6), (0xde6, 0xdef), (0xe01, 0xe30), (0xe32, 0xe33),
    (0xe40, 0xe46), (0xe50, 0xe59), (0xe81, 0xe82), (0xe84, 0xe84), (0xe86, 0xe8a),
    (0xe8c, 0xea3), (0xea5, 0xea5), (0xea7, 0xeb0), (0xeb2, 0xeb3), (0xebd, 0xebd),
    (0xec0, 0xec4), (0xec6, 0xec6), (0xed0, 0xed9), (0xedc, 0xedf), (0xf00, 0xf00),
    (0xf20, 0xf33), (0xf40, 0xf47), (0xf49, 0xf6c), (0xf88, 0xf8c), (0x1000, 0x102a),
    (0x103f, 0x1049), (0x1050, 0x1055), (0x105a, 0x105d), (0x1061, 0x1061), (0x1065, 0x1066),
    (0x106e, 0x1070), (0x1075, 0x1081), (0x108e, 0x108e), (0x1090, 0x1099), (0x10a0, 0x10c5),
    (0x10c7, 0x10c7), (0x10cd, 0x10cd), (0x10d0, 0x10fa), (0x10fc, 0x1248), (0x124a, 0x124d),
    (0x1250, 0x1256), (0x1258, 0x1258), (0x125a, 0x125d), (0x1260, 0x1288), (0x128a, 0x128d),
    (0x1290, 0x12b0), (0x12b2, 0x12b5), (0x12b8, 0x12be), (0x12c0, 0x12c0), (0x12c2, 0x12c5),
    (0x12c8, 0x12d6), (0x12d8, 0x1310), (0x1312, 0x1315), (0x1318, 0x135a), (0x1369, 0x137c),
    (0x1380, 0x138f), (0x13a0, 0x13f5), (0x13f8, 0x13fd), (0x1401, 0x166c), (0x166f, 0x167f),
    (0x1681, 0x169a), (0x16a0, 0x16ea), (0x16ee, 0x16f8), (0x1700, 0x1711), (0x171f, 0x1731),
    (0x1740, 0x1751), (0x1760, 0x176c), (0x176e, 0x1770), (0x1780, 0x17b3), (0x17d7, 0x17d7),
    (0x17dc, 0x17dc), (0x17e0, 0x17e9), (0x17f0, 0x17f9), (0x1810, 0x1819), (0x1820, 0x1878),
    (0x1880, 0x1884), (0x1887, 0x18a8), (0x18aa, 0x18aa), (0x18b0, 0x18f5), (0x1900, 0x191e),
    (0x1946, 0x196d), (0x1970, 0x1974), (0x1980, 0x19ab), (0x19b0, 0x19c9), (0x19d0, 0x19da),
    (0x1a00, 0x1a16), (0x1a20, 0x1a54), (0x1a80, 0x1a89), (0x1a90, 0x1a99), (0x1aa7, 0x1aa7),
    (0x1b05, 0x1b33), (0x1b45, 0x1b4c), (0x1b50, 0x1b59), (0x1b83, 0x1ba0), (0x1bae, 0x1be5),
    (0x1c00, 0x1c23), (0x1c40, 0x1c49), (0x1c4d, 0x1c7d), (0x1c80, 0x1c88), (0x1c90, 0x1cba),
    (0x1cbd, 0x1cbf), (0x1ce9, 0x1cec), (0x1cee, 0x1cf3), (0x1cf5, 0x1cf6), (0x1cfa, 0x1cfa),
    (0x1d00, 0x1dbf), (0x1e00, 0x1f15), (0x1f18, 0x1f1d), (0x1f20, 0x1f45), (0x1f48, 0x1f4d),
    (0x1f50, 0x1f57), (0x1f59, 0x1f59), (0x1f5b, 0x1f5b), (0x1f5d, 0x1f5d), (0x1f5f, 0x1f7d),
    (0x1f80, 0x1fb4), (0x1fb6, 0x1fbc), (0x1fbe, 0x1fbe), (0x1fc2, 0x1fc4), (0x1fc6, 0x1fcc),
    (0x1fd0, 0x1fd3), (0x1fd6, 0x1fdb), (0x1fe0, 0x1fec), (0x1ff2, 0x1ff4), (0x1ff6, 0x1ffc),
    (0x2070, 0x2071), (0x2074, 0x2079), (0x207f, 0x2089), (0x2090, 0x209c), (0x2102, 0x2102),
    (0x2107, 0x2107), (0x210a, 0x2113), (0x2115, 0x2115), (0x2119, 0x211d), (0x2124, 0x2124),
    (0x2126, 0x2126), (0x2128, 0x2128), (0x212a, 0x212d), (0x212f, 0x2139), (0x213c, 0x213f),
    (0x2145, 0x2149), (0x214e, 0x214e), (0x2150, 0x2189), (0x2460, 0x249b), (0x24ea, 0x24ff),
    (0x2776, 0x2793), (0x2c00, 0x2ce4), (0x2ceb, 0x2cee), (0x2cf2, 0x2cf3), (0x2cfd, 0x2cfd),
    (0x2d00, 0x2d25), (0x2d27, 0x2d27), (0x2d2d, 0x2d2d), (0x2d30, 0x2d67), (0x2d6f, 0x2d6f),
    (0x2d80, 0x2d96), (0x2da0, 0x2da6), (0x2da8, 0x2dae), (0x2db0, 0x2db6), (0x2db8, 0x2dbe),
    (0x2dc0, 0x2dc6), (0x2dc8, 0x2dce), (0x2dd0, 0x2dd6), (0x2dd8, 0x2dde), (0x2e2f, 0x2e2f),
    (0x3005, 0x3007), (0x3021, 0x3029), (0x3031, 0x3035), (0x3038, 0x303c), (0x3041, 0x3096),
    (0x309d, 0x309f), (0x30a1, 0x30fa), (0x30fc, 0x30ff), (0x3105, 0x312f), (0x3131, 0x318e),
    (0x3192, 0x3195), (0x31a0, 0x31bf), (0x31f0, 0x31ff), (0x3220, 0x3229), (0x3248, 0x324f),
    (0x3251, 0x325f), (0x3280, 0x3289), (0x32b1, 0x32bf), (0x3400, 0x4dbf), (0x4e00, 0xa48c),
    (0xa4d0, 0xa4fd), (0xa500, 0xa60c), (0xa610, 0xa62b), (0xa640, 0xa66e), (0xa67f, 0xa69d),
    (0xa6a0, 0xa6ef), (0xa717, 0xa71f), (0xa722, 0xa788), (0xa78b, 0xa7ca), (0xa7d0, 0xa7d1),
    (0xa7d3, 0xa7d3), (0xa7d5, 0xa7d9), (0xa7f2, 0xa801), (0xa803, 0xa805), (0xa807, 0xa80a),
    (0xa80c, 0xa822), (0xa830, 0xa835), (0xa840, 0xa873), (0xa882, 0xa8b3), (0xa8d0, 0xa8d9),
    (0xa8f2, 0xa8f7), (0xa8fb, 0xa8fb), (0xa8fd, 0xa8fe), (0xa900, 0xa925), (0xa930, 0xa946),
    (0xa960, 0xa97c), (0xa984, 0xa9b2), (0xa9cf, 0xa9d9), (0xa9e0, 0xa9e4), (0xa9e6, 0xa9fe),
    (0xaa00, 0xaa28), (0xaa40, 0xaa42), (0xaa44, 0xaa4b), (0xaa50, 0xaa59), (0xaa60, 0xaa76),
    (0xaa7a, 0xaa7a), (0xaa7e, 0xaaaf), (0xaab1, 0xaab1), (0xaab5, 0xaab6), (0xaab9, 0xaabd),
    (0xaac0, 0xaac0), (0xaac2, 0xaac2), (0xaadb, 0xaadd), (0xaae0, 0xaaea), (0xaaf2, 0xaaf4),
    (0xab01, 0xab06), (0xab09, 0xab0e), (0xab11, 0xab16), (0xab20, 0xab26), (0xab28, 0xab2e),
    (0xab30, 0xab5a), (0xab5c, 0xab69), (0xab70, 0xabe2), (0xabf0, 0xabf9), (0xac00, 0xd7a3),
    (0xd7b0, 0xd7c6), (0xd7cb, 0xd7fb), (0xf900, 0xfa6d), (0xfa70, 0xfad9), (0xfb00, 0xfb06),
    (0xfb13, 0xfb17), (0xfb1d, 0xfb1d), (0xfb1f, 0xfb28), (0xfb2a, 0xfb36), (0xfb38, 0xfb3c),
    (0xfb3e, 0xfb3e), (0xfb40, 0xfb41), (0xfb43, 0xfb44), (0xfb46, 0xfbb1), (0xfbd3, 0xfd3d),
    (0xfd50, 0xfd8f), (0xfd92, 0xfdc7), (0xfdf0, 0xfdfb), (0xfe70, 0xfe74), (0xfe76, 0xfefc),
    (0xff10, 0xff19), (0xff21, 0xff3a), (0xff41, 0xff5a), (0xff66, 0xffbe), (0xffc2, 0xffc7),
    (0xffca, 0xffcf), (0xffd2, 0xffd7), (0xffda, 0xffdc), (0x10000, 0x1000b),
    (0x1000d, 0x10026), (0x10028, 0x1003a), (0x1003c, 0x1003d), (0x1003f, 0x1004d),
    (0x10050, 0x1005d), (0x10080, 0x100fa), (0x10107, 0x10133), (0x10140, 0x10178),
    (0x1018a, 0x1018b), (0x10280, 0x1029c), (0x102a0, 0x102d0), (0x102e1, 0x102fb),
    (0x10300, 0x10323), (0x1032d, 0x1034a), (0x10350, 0x10375), (0x10380, 0x1039d),
    (0x103a0, 0x103c3), (0x103c8, 0x103cf), (0x103d1, 0x103d5), (0x10400, 0x1049d),
    (0x104a0, 0x104a9), (0x104b0, 0x104d3), (0x104d8, 0x104fb), (0x10500, 0x10527),
    (0x10530, 0x10563), (0x10570, 0x1057a), (0x1057c, 0x1058a), (0x1058c, 0x10592),
    (0x10594, 0x10595), (0x10597, 0x105a1), (0x105a3, 0x105b1), (0x105b3, 0x105b9),
    (0x105bb, 0x105bc), (0x10600, 0x10736), (0x10740, 0x10755), (0x10760, 0x10767),
    (0x10780, 0x10785), (0x10787, 0x107b0), (0x107b2, 0x107ba), (0x10800, 0x10805),
    (0x10808, 0x10808), (0x1080a, 0x10835), (0x10837, 0x10838), (0x1083c, 0x1083c),
    (0x1083f, 0x10855), (0x10858, 0x10876), (0x10879, 0x1089e), (0x108a7, 0x108af),
    (0x108e0, 0x108f2), (0x108f4, 0x108f5), (0x108fb, 0x1091b), (0x10920, 0x10939),
    (0x10980, 0x109b7), (0x109bc, 0x109cf), (0x109d2, 0x10a00), (0x10a10, 0x10a13),
    (0x10a15, 0x10a17), (0x10a19, 0x10a35), (0x10a40, 0x10a48), (0x10a60, 0x10a7e),
    (0x10a80, 0x10a9f), (0x10ac0, 0x10ac7), (0x10ac9, 0x10ae4), (0x10aeb, 0x10aef),
    (0x10b00, 0x10b35), (0x10b40, 0x10b55), (0x10b58, 0x10b72), (0x10b78, 0x10b91),
    (0x10ba9, 0x10baf), (0x10c00, 0x10c48), (0x10c80, 0x10cb2), (0x10cc0, 0x10cf2),
    (0x10cfa, 0x10d23), (0x10d30, 0x10d39), (0x10e60, 0x10e7e), (0x10e80, 0x10ea9),
    (0x10eb0, 0x10eb1), (0x10f00, 0x10f27), (0x10f30, 0x10f45), (0x10f51, 0x10f54),
    (0x10f70, 0x10f81), (0x10fb0, 0x10fcb), (0x10fe0, 0x10ff6), (0x11003, 0x11037),
    (0x11052, 0x1106f), (0x11071, 0x11072), (0x11075, 0x11075), (0x11083, 0x110af),
    (0x110d0, 0x110e8), (0x110f0, 0x110f9), (0x11103, 0x11126), (0x11136, 0x1113f),
    (0x11144, 0x11144), (0x11147, 0x11147), (0x11150, 0x11172), (0x11176, 0x11176),
    (0x11183, 0x111b2), (0x111c1, 0x111c4), (0x111d0, 0x111da), (0x111dc, 0x111dc),
    (0x111e1, 0x111f4), (0x11200, 0x11211), (0x11213, 0x1122b), (0x11280, 0x11286),
    (0x11288, 0x11288), (0x1128a, 0x1128d), (0x1128f, 0x1129d), (0x1129f, 0x112a8),
    (0x112b0, 0x112de), (0x112f0, 0x112f9), (0x11305, 0x1130c), (0x1130f, 0x11310),
    (0x11313, 0x11328), (0x1132a, 0x11330), (0x11332, 0x11333), (0x11335, 0x11339),
    (0x1133d, 0x1133d), (0x11350, 0x11350), (0x1135d, 0x11361), (0x11400, 0x11434),
    (0x11447, 0x1144a), (0x11450, 0x11459), (0x1145f, 0x11461), (0x11480, 0x114af),
    (0x114c4, 0x114c5), (0x114c7, 0x114c7), (0x114d0, 0x114d9), (0x11580, 0x115ae),
    (0x115d8, 0x115db), (0x11600, 0x1162f), (0x11644, 0x11644), (0x11650, 0x11659),
    (0x11680, 0x116aa), (0x116b8, 0x116b8), (0x116c0, 0x116c9), (0x11700, 0x1171a),
    (0x11730, 0x1173b), (0x11740, 0x11746), (0x11800, 0x1182b), (0x118a0, 0x118f2),
    (0x118ff, 0x11906), (0x11909, 0x11909), (0x1190c, 0x11913), (0x11915, 0x11916),
    (0x11918, 0x1192f), (0x1193f, 0x1193f), (0x11941, 0x11941), (0x11950, 0x11959),
    (0x119a0, 0x119a7), (0x119aa, 0x119d0), (0x119e1, 0x119e1), (0x119e3, 0x119e3),
    (0x11a00, 0x11a00), (0x11a0b, 0x11a32), (0x11a3a, 0x11a3a), (0x11a50, 0x11a50),
    (0x11a5c, 0x11a89), (0x11a9d, 0x11a9d), (0x11ab0, 0x11af8), (0x11c00, 0x11c08),
    (0x11c0a, 0x11c2e), (0x11c40, 0x11c40), (0x11c50, 0x11c6c), (0x11c72, 0x11c8f),
    (0x11d00, 0x11d06), (0x11d08, 0x11d09), (0x11d0b, 0x11d30), (0x11d46, 0x11d46),
    (0x11d50, 0x11d59), (0x11d60, 0x11d65), (0x11d67, 0x11d68), (0x11d6a, 0x11d89),
    (0x11d98, 0x11d98), (0x11da0, 0x11da9), (0x11ee0, 0x11ef2), (0x11fb0, 0x11fb0),
    (0x11fc0, 0x11fd4), (0x12000, 0x12399), (0x12400, 0x1246e), (0x12480, 0x12543),
    (0x12f90, 0x12ff0), (0x13000, 0x1342e), (0x14400, 0x14646), (0x16800, 0x16a38),
    (0x16a40, 0x16a5e), (0x16a60, 0x16a69), (0x16a70, 0x16abe), (0x16ac0, 0x16ac9),
    (0x16ad0, 0x16aed), (0x16b00, 0x16b2f), (0x16b40, 0x16b43), (0x16b50, 0x16b59),
    (0x16b5b, 0x16b61), (0x16b63, 0x16b77), (0x16b7d, 0x16b8f), (0x16e40, 0x16e96),
    (0x16f00, 0x16f4a), (0x16f50, 0x16f50), (0x16f93, 0x16f9f), (0x16fe0, 0x16fe1),
    (0x16fe3, 0x16fe3), (0x17000, 0x187f7), (0x18800, 0x18cd5), (0x18d00, 0x18d08),
    (0x1aff0, 0x1aff3), (0x1aff5, 0x1affb), (0x1affd, 0x1affe), (0x1b000, 0x1b122),
    (0x1b150, 0x1b152), (0x1b164, 0x1b167), (0x1b170, 0x1b2fb), (0x1bc00, 0x1bc6a),
    (0x1bc70, 0x1bc7c), (0x1bc80, 0x1bc88), (0x1bc90, 0x1bc99), (0x1d2e0, 0x1d2f3),
    (0x1d360, 0x1d378), (0x1d400, 0x1d454), (0x1d456, 0x1d49c), (0x1d49e, 0x1d49f),
    (0x1d4a2, 0x1d4a2), (0x1d4a5, 0x1d4a6), (0x1d4a9, 0x1d4ac), (0x1d4ae, 0x1d4b9),
    (0x1d4bb, 0x1d4bb), (0x1d4bd, 0x1d4c3), (0x1d4c5, 0x1d505), (0x1d507, 0x1d50a),
    (0x1d50d, 0x1d514), (0x1d516, 0x1d51c), (0x1d51e, 0x1d539), (0x1d53b, 0x1d53e),
    (0x1d540, 0x1d544), (0x1d546, 0x1d546), (0x1d54a, 0x1d550), (0x1d552, 0x1d6a5),
    (0x1d6a8, 0x1d6c0), (0x1d6c2, 0x1d6da), (0x1d6dc, 0x1d6fa), (0x1d6fc, 0x1d714),
    (0x1d716, 0x1d734), (0x1d736, 0x1d74e), (0x1d750, 0x1d76e), (0x1d770, 0x1d788),
    (0x1d78a, 0x1d7a8), (0x1d7aa, 0x1d7c2), (0x1d7c4, 0x1d7cb), (0x1d7ce, 0x1d7ff),
    (0x1df00, 0x1df1e), (0x1e100, 0x1e12c), (0x1e137, 0x1e13d), (0x1e140, 0x1e149),
    (0x1e14e, 0x1e14e), (0x1e290, 0x1e2ad), (0x1e2c0, 0x1e2eb), (0x1e2f0, 0x1e2f9),
    (0x1e7e0, 0x1e7e6), (0x1e7e8, 0x1e7eb), (0x1e7ed, 0x1e7ee), (0x1e7f0, 0x1e7fe),
    (0x1e800, 0x1e8c4), (0x1e8c7, 0x1e8cf), (0x1e900, 0x1e943), (0x1e94b, 0x1e94b),
    (0x1e950, 0x1e959), (0x1ec71, 0x1ecab), (0x1ecad, 0x1ecaf), (0x1ecb1, 0x1ecb4),
    (0x1ed01, 0x1ed2d), (0x1ed2f, 0x1ed3d), (0x1ee00, 0x1ee03), (0x1ee05, 0x1ee1f),
    (0x1ee21, 0x1ee22), (0x1ee24, 0x1ee24), (0x1ee27, 0x1ee27), (0x1ee29, 0x1ee32),
    (0x1ee34, 0x1ee37), (0x1ee39, 0x1ee39), (0x1ee3b, 0x1ee3b), (0x1ee42, 0x1ee42),
    (0x1ee47, 0x1ee47), (0x1ee49, 0x1ee49), (0x1ee4b, 0x1ee4b), (0x1ee4d, 0x1ee4f),
    (0x1ee51, 0x1ee52), (0x1ee54, 0x1ee54), (0x1ee57, 0x1ee57), (0x1ee59, 0x1ee59),
    (0x1ee5b, 0x1ee5b), (0x1ee5d, 0x1ee5d), (0x1ee5f, 0x1ee5f), (0x1ee61, 0x1ee62),
    (0x1ee64, 0x1ee64), (0x1ee67, 0x1ee6a), (0x1ee6c, 0x1ee72), (0x1ee74, 0x1ee77),
    (0x1ee79, 0x1ee7c), (0x1ee7e, 0x1ee7e), (0x1ee80, 0x1ee89), (0x1ee8b, 0x1ee9b),
    (0x1eea1, 0x1eea3), (0x1eea5, 0x1eea9), (0x1eeab, 0x1eebb), (0x1f100, 0x1f10c),
    (0x1fbf0, 0x1fbf9), (0x20000, 0x2a6df), (0x2a700, 0x2b738), (0x2b740, 0x2b81d),
    (0x2b820, 0x2cea1), (0x2ceb0, 0x2ebe0), (0x2f800, 0x2fa1d), (0x30000, 0x3134a),
];
/// Generated: chars where str.isspace().
#[rustfmt::skip]
const SPACE_RANGES: &[(u32, u32)] = &[
    (0x9, 0xd), (0x1c, 0x20), (0x85, 0x85), (0xa0, 0xa0), (0x1680, 0x1680), (0x2000, 0x200a),
    (0x2028, 0x2029), (0x202f, 0x202f), (0x205f, 0x205f), (0x3000, 0x3000),
];
/// Generated from re._casefix: lowercase char -> other lowercase chars with the same uppercase.
#[rustfmt::skip]
const EXTRA_CASES: &[(u32, &[u32])] = &[
    (0x69, &[0x131]),
    (0x73, &[0x17f]),
    (0xb5, &[0x3bc]),
    (0x131, &[0x69]),
    (0x17f, &[0x73]),
    (0x345, &[0x3b9, 0x1fbe]),
    (0x390, &[0x1fd3]),
    (0x3b0, &[0x1fe3]),
    (0x3b2, &[0x3d0]),
    (0x3b5, &[0x3f5]),
    (0x3b8, &[0x3d1]),
    (0x3b9, &[0x345, 0x1fbe]),
    (0x3ba, &[0x3f0]),
    (0x3bc, &[0xb5]),
    (0x3c0, &[0x3d6]),
    (0x3c1, &[0x3f1]),
    (0x3c2, &[0x3c3]),
    (0x3c3, &[0x3c2]),
    (0x3c6, &[0x3d5]),
    (0x3d0, &[0x3b2]),
    (0x3d1, &[0x3b8]),
    (0x3d5, &[0x3c6]),
    (0x3d6, &[0x3c0]),
    (0x3f0, &[0x3ba]),
    (0x3f1, &[0x3c1]),
    (0x3f5, &[0x3b5]),
    (0x432, &[0x1c80]),
    (0x434, &[0x1c81]),
    (0x43e, &[0x1c82]),
    (0x441, &[0x1c83]),
    (0x442, &[0x1c84, 0x1c85]),
    (0x44a, &[0x1c86]),
    (0x463, &[0x1c87]),
    (0x1c80, &[0x432]),
    (0x1c81, &[0x434]),
    (0x1c82, &[0x43e]),
    (0x1c83, &[0x441]),
    (0x1c84, &[0x442, 0x1c85]),
    (0x1c85, &[0x442, 0x1c84]),
    (0x1c86, &[0x44a]),
    (0x1c87, &[0x463]),
    (0x1c88, &[0xa64b]),
    (0x1e61, &[0x1e9b]),
    (0x1e9b, &[0x1e61]),
    (0x1fbe, &[0x345, 0x3b9]),
    (0x1fd3, &[0x390]),
    (0x1fe3, &[0x3b0]),
    (0xa64b, &[0x1c88]),
    (0xfb05, &[0xfb06]),
    (0xfb06, &[0xfb05]),
];
