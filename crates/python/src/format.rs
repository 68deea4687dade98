//! Python 3.11's string formatting: the `format()` / f-string format-spec mini-language
//! ([`format_int`], [`format_float`], [`format_str`]), printf-style `%` formatting
//! ([`percent_format`]) and `str.format` template parsing ([`parse_format_template`]).
//!
//! Every function is total: bad input gives a [`FmtError`] carrying the Python exception
//! type and message, never a panic. One deliberate difference from CPython: widths over
//! [`MAX_WIDTH`] characters (and numeric precisions over [`MAX_WIDTH`] digits) are refused
//! with `ValueError: format width too large` / `format precision too large` (our own
//! messages) instead of allocating huge strings.

use crate::bigint::BigInt;

/// The largest width (and numeric precision) honoured; larger ones are a `ValueError`.
pub const MAX_WIDTH: usize = 1_000_000;

/// The Python exception a formatting error is raised as.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ErrKind {
    /// `ValueError`.
    ValueError,
    /// `TypeError`.
    TypeError,
    /// `OverflowError`.
    OverflowError,
}

/// A formatting failure: the exception type and its message.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FmtError {
    /// The exception type.
    pub kind: ErrKind,
    /// The exception message, exactly as CPython words it.
    pub message: String,
}

impl FmtError {
    fn value(msg: impl Into<String>) -> FmtError {
        FmtError { kind: ErrKind::ValueError, message: msg.into() }
    }
    fn type_err(msg: impl Into<String>) -> FmtError {
        FmtError { kind: ErrKind::TypeError, message: msg.into() }
    }
    fn overflow(msg: impl Into<String>) -> FmtError {
        FmtError { kind: ErrKind::OverflowError, message: msg.into() }
    }
}

impl std::fmt::Display for FmtError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message)
    }
}

/// An `int` to format: a small value or a borrowed [`BigInt`].
#[derive(Clone, Copy, Debug)]
pub enum IntArg<'a> {
    /// A value that fits in an `i64`.
    Small(i64),
    /// An arbitrary-precision value.
    Big(&'a BigInt),
}

impl IntArg<'_> {
    fn is_negative(&self) -> bool {
        match self {
            IntArg::Small(v) => *v < 0,
            IntArg::Big(b) => b.is_negative(),
        }
    }

    /// Digits of the absolute value in `radix` (2, 8, 10 or 16), lowercase. Decimal
    /// conversion of huge values obeys Python's 4300-digit limit.
    fn abs_digits(&self, radix: u32) -> Result<String, FmtError> {
        match self {
            IntArg::Small(v) => {
                let m = v.unsigned_abs();
                Ok(match radix {
                    2 => format!("{m:b}"),
                    8 => format!("{m:o}"),
                    16 => format!("{m:x}"),
                    _ => m.to_string(),
                })
            }
            IntArg::Big(b) => {
                if radix == 10 {
                    let s = b.to_string_checked().map_err(|e| FmtError::value(e.to_string()))?;
                    Ok(s.trim_start_matches('-').to_string())
                } else {
                    Ok(b.to_str_radix_abs(radix))
                }
            }
        }
    }

    fn to_f64(self) -> Result<f64, FmtError> {
        match self {
            IntArg::Small(v) => Ok(v as f64),
            IntArg::Big(b) => {
                b.to_f64().ok_or_else(|| FmtError::overflow("int too large to convert to float"))
            }
        }
    }

    /// The value as a code point for `c`, or the OverflowError Python raises.
    fn to_char(self) -> Result<char, FmtError> {
        let err = || FmtError::overflow("%c arg not in range(0x110000)");
        match self {
            IntArg::Small(v) => {
                let v = u32::try_from(v).map_err(|_| err())?;
                if v > 0x10ffff {
                    return Err(err());
                }
                // Lone surrogates cannot be a Rust char; use U+FFFD for them.
                Ok(char::from_u32(v).unwrap_or('\u{fffd}'))
            }
            IntArg::Big(b) => match b.to_i64() {
                Some(v) => IntArg::Small(v).to_char(),
                None => Err(FmtError::overflow("Python int too large to convert to C long")),
            },
        }
    }
}

// ---------------------------------------------------------------------------
// The format-spec mini-language.
// ---------------------------------------------------------------------------

/// A parsed `[[fill]align][sign][z][#][0][width][grouping][.precision][type]`.
#[derive(Clone, Debug)]
struct Spec {
    fill: char,
    align: char,
    sign: Option<char>,
    z: bool,
    alt: bool,
    width: usize,
    grouping: Option<char>,
    precision: Option<usize>,
    ty: Option<char>,
}

fn is_align(c: char) -> bool {
    matches!(c, '<' | '>' | '=' | '^')
}

/// Reads decimal digits at `*pos`; `None` when there are none.
fn read_number(chars: &[char], pos: &mut usize) -> Result<Option<usize>, FmtError> {
    let start = *pos;
    let mut value: u64 = 0;
    while *pos < chars.len() && chars[*pos].is_ascii_digit() {
        let d = chars[*pos] as u64 - '0' as u64;
        value = value
            .checked_mul(10)
            .and_then(|v| v.checked_add(d))
            .filter(|&v| v <= i64::MAX as u64)
            .ok_or_else(|| FmtError::value("Too many decimal digits in format string"))?;
        *pos += 1;
    }
    if *pos == start {
        return Ok(None);
    }
    Ok(Some(usize::try_from(value).unwrap_or(usize::MAX)))
}

fn parse_spec(
    spec: &str,
    default_type: Option<char>,
    default_align: char,
    type_name: &str,
) -> Result<Spec, FmtError> {
    let chars: Vec<char> = spec.chars().collect();
    let n = chars.len();
    let mut pos = 0;
    let mut out = Spec {
        fill: ' ',
        align: default_align,
        sign: None,
        z: false,
        alt: false,
        width: 0,
        grouping: None,
        precision: None,
        ty: default_type,
    };
    let mut fill_given = false;
    let mut align_given = false;
    if n >= 2 && is_align(chars[1]) {
        out.fill = chars[0];
        out.align = chars[1];
        fill_given = true;
        align_given = true;
        pos = 2;
    } else if n >= 1 && is_align(chars[0]) {
        out.align = chars[0];
        align_given = true;
        pos = 1;
    }
    if pos < n && matches!(chars[pos], '+' | '-' | ' ') {
        out.sign = Some(chars[pos]);
        pos += 1;
    }
    if pos < n && chars[pos] == 'z' {
        out.z = true;
        pos += 1;
    }
    if pos < n && chars[pos] == '#' {
        out.alt = true;
        pos += 1;
    }
    if !fill_given && pos < n && chars[pos] == '0' {
        out.fill = '0';
        if !align_given && default_align == '>' {
            out.align = '=';
        }
        pos += 1;
    }
    if let Some(w) = read_number(&chars, &mut pos)? {
        out.width = w;
    }
    if pos < n && chars[pos] == ',' {
        out.grouping = Some(',');
        pos += 1;
    }
    if pos < n && chars[pos] == '_' {
        if out.grouping.is_some() {
            return Err(FmtError::value("Cannot specify both ',' and '_'."));
        }
        out.grouping = Some('_');
        pos += 1;
    }
    if pos < n && chars[pos] == ',' && out.grouping == Some('_') {
        return Err(FmtError::value("Cannot specify both ',' and '_'."));
    }
    if pos < n && chars[pos] == '.' {
        pos += 1;
        match read_number(&chars, &mut pos)? {
            Some(p) => out.precision = Some(p),
            None => return Err(FmtError::value("Format specifier missing precision")),
        }
    }
    if n - pos > 1 {
        return Err(FmtError::value(format!(
            "Invalid format specifier '{spec}' for object of type '{type_name}'"
        )));
    }
    if n - pos == 1 {
        out.ty = Some(chars[pos]);
    }
    if let Some(sep) = out.grouping {
        match out.ty {
            None | Some('d' | 'e' | 'f' | 'g' | 'E' | 'G' | '%' | 'F') => {}
            Some('b' | 'o' | 'x' | 'X') if sep == '_' => {}
            Some(t) => {
                let shown =
                    if ('!'..='~').contains(&t) { t.to_string() } else { format!("\\x{:x}", t as u32) };
                return Err(FmtError::value(format!("Cannot specify '{sep}' with '{shown}'.")));
            }
        }
    }
    if out.width > MAX_WIDTH {
        return Err(FmtError::value("format width too large"));
    }
    Ok(out)
}

/// Inserts `sep` every `group` digits from the right, padding with leading zeros (and
/// separators) up to `min_width` characters, as CPython does for `0`-fill with `=`.
fn group_digits(digits: &str, sep: char, group: usize, min_width: usize) -> String {
    let d: Vec<char> = digits.chars().collect();
    let mut remaining = d.len() as i64;
    let mut min_width = min_width as i64;
    let mut parts: Vec<String> = Vec::new();
    loop {
        let l = (group as i64).min(remaining.max(min_width).max(1));
        let n_chars = remaining.min(l).max(0);
        let n_zeros = (l - n_chars).max(0);
        let mut part = "0".repeat(n_zeros as usize);
        let end = remaining as usize;
        part.extend(&d[end - n_chars as usize..end]);
        parts.push(part);
        remaining -= n_chars;
        min_width -= l;
        if remaining <= 0 && min_width <= 0 {
            break;
        }
        min_width -= 1;
    }
    parts.reverse();
    parts.join(&sep.to_string())
}

/// Lays out a number: `sign`, `prefix` (`0x`), the leading `digits` (grouped when asked)
/// and the `rest` (fraction, exponent, `%`), padded per the spec.
fn layout_number(
    sign: &str,
    prefix: &str,
    digits: &str,
    rest: &str,
    spec: &Spec,
    group: Option<(char, usize)>,
) -> String {
    let fixed = sign.chars().count() + prefix.chars().count() + rest.chars().count();
    let body_digits = match group {
        Some((sep, size)) if !digits.is_empty() => {
            let min_width =
                if spec.fill == '0' && spec.align == '=' { spec.width.saturating_sub(fixed) } else { 0 };
            group_digits(digits, sep, size, min_width)
        }
        _ => digits.to_string(),
    };
    let len = fixed + body_digits.chars().count();
    let pad = spec.width.saturating_sub(len);
    let fill: String = std::iter::repeat_n(spec.fill, pad).collect();
    match spec.align {
        '<' => format!("{sign}{prefix}{body_digits}{rest}{fill}"),
        '^' => {
            let left: String = std::iter::repeat_n(spec.fill, pad / 2).collect();
            let right: String = std::iter::repeat_n(spec.fill, pad - pad / 2).collect();
            format!("{left}{sign}{prefix}{body_digits}{rest}{right}")
        }
        '=' => format!("{sign}{prefix}{fill}{body_digits}{rest}"),
        _ => format!("{fill}{sign}{prefix}{body_digits}{rest}"),
    }
}

fn pad_text(text: &str, spec: &Spec) -> String {
    layout_number("", "", "", text, spec, None)
}

fn sign_str(negative: bool, sign: Option<char>) -> &'static str {
    match (negative, sign) {
        (true, _) => "-",
        (false, Some('+')) => "+",
        (false, Some(' ')) => " ",
        _ => "",
    }
}

/// `format(v, spec)` for an `int` (see [`format_int_as`]).
pub fn format_int(v: &IntArg, spec: &str) -> Result<String, FmtError> {
    format_int_as(v, spec, "int")
}

/// `format(v, spec)` for an `int` whose Python type is `type_name` (`bool`, a subclass),
/// used in error messages. Types `b c d o x X n`, none, and `e E f F g G %` (via float).
pub fn format_int_as(v: &IntArg, spec: &str, type_name: &str) -> Result<String, FmtError> {
    if spec.is_empty() {
        let digits = v.abs_digits(10)?;
        return Ok(format!("{}{digits}", if v.is_negative() { "-" } else { "" }));
    }
    let s = parse_spec(spec, Some('d'), '>', type_name)?;
    let ty = s.ty.unwrap_or('d');
    match ty {
        'b' | 'c' | 'd' | 'o' | 'x' | 'X' | 'n' => {}
        'e' | 'E' | 'f' | 'F' | 'g' | 'G' | '%' => {
            let x = v.to_f64()?;
            return float_with_spec(x, &s);
        }
        _ => return Err(unknown_code(ty, type_name)),
    }
    if s.precision.is_some() {
        return Err(FmtError::value("Precision not allowed in integer format specifier"));
    }
    if s.z {
        return Err(FmtError::value("Negative zero coercion (z) not allowed in integer format specifier"));
    }
    if ty == 'c' {
        if s.sign.is_some() {
            return Err(FmtError::value("Sign not allowed with integer format specifier 'c'"));
        }
        if s.alt {
            return Err(FmtError::value("Alternate form (#) not allowed with integer format specifier 'c'"));
        }
        let c = v.to_char()?;
        return Ok(layout_number("", "", "", &c.to_string(), &s, None));
    }
    let (radix, prefix) = match ty {
        'b' => (2, "0b"),
        'o' => (8, "0o"),
        'x' => (16, "0x"),
        'X' => (16, "0X"),
        _ => (10, ""),
    };
    let mut digits = v.abs_digits(radix)?;
    if ty == 'X' {
        digits = digits.to_ascii_uppercase();
    }
    let prefix = if s.alt { prefix } else { "" };
    let group = s.grouping.map(|sep| (sep, if radix == 10 { 3 } else { 4 }));
    Ok(layout_number(sign_str(v.is_negative(), s.sign), prefix, &digits, "", &s, group))
}

fn unknown_code(ty: char, type_name: &str) -> FmtError {
    if ('!'..='~').contains(&ty) {
        FmtError::value(format!("Unknown format code '{ty}' for object of type '{type_name}'"))
    } else {
        FmtError::value(format!("Unknown format code '\\x{:x}' for object of type '{type_name}'", ty as u32))
    }
}

/// `format(v, spec)` for a `float` (see [`format_float_as`]).
pub fn format_float(v: f64, spec: &str) -> Result<String, FmtError> {
    format_float_as(v, spec, "float")
}

/// `format(v, spec)` for a `float` whose Python type is `type_name` (for error messages).
/// Types `e E f F g G n %` and none (repr-like, or `g` keeping a `.0` with a precision).
pub fn format_float_as(v: f64, spec: &str, type_name: &str) -> Result<String, FmtError> {
    if spec.is_empty() {
        return Ok(asyncio_engine::pyfmt::float_repr(v));
    }
    let s = parse_spec(spec, None, '>', type_name)?;
    match s.ty {
        None | Some('e' | 'E' | 'f' | 'F' | 'g' | 'G' | 'n' | '%') => float_with_spec(v, &s),
        Some(t) => Err(unknown_code(t, type_name)),
    }
}

/// Splits a formatted magnitude into its leading digits and the rest.
fn split_digits(body: &str) -> (&str, &str) {
    let end = body.find(|c: char| !c.is_ascii_digit()).unwrap_or(body.len());
    body.split_at(end)
}

fn float_with_spec(v: f64, s: &Spec) -> Result<String, FmtError> {
    let (mut ty, add_dot_0, default_precision) = match s.ty {
        None => ('r', true, 0),
        Some('n') => ('g', false, 6),
        Some(t) => (t, false, 6),
    };
    let mut precision = s.precision.unwrap_or(default_precision);
    if precision > MAX_WIDTH && v.is_finite() {
        return Err(FmtError::value("format precision too large"));
    }
    if ty == 'r' && s.precision.is_some() {
        ty = 'g';
    }
    if ty == 'r' {
        precision = 0;
    }
    let mut x = v;
    let mut percent = false;
    if ty == '%' {
        ty = 'f';
        x *= 100.0;
        percent = true;
    }
    let upper = matches!(ty, 'E' | 'F' | 'G');
    let lower = ty.to_ascii_lowercase();
    let negative = x.is_sign_negative() && !x.is_nan();
    let mut body = if x.is_nan() {
        "nan".to_string()
    } else if x.is_infinite() {
        "inf".to_string()
    } else {
        float_core(x.abs(), lower, precision, s.alt, add_dot_0)
    };
    if upper {
        body = body.to_ascii_uppercase();
    }
    if percent {
        body.push('%');
    }
    let mut negative = negative;
    if s.z && negative && x.is_finite() {
        let mantissa = body.split(['e', 'E']).next().unwrap_or("");
        if mantissa.chars().all(|c| c == '0' || c == '.' || c == '%') {
            negative = false;
        }
    }
    let (digits, rest) = split_digits(&body);
    let group = s.grouping.map(|sep| (sep, 3));
    Ok(layout_number(sign_str(negative, s.sign), "", digits, rest, s, group))
}

/// More digits than any double's exact decimal expansion has.
const EXACT_DIGITS: usize = 800;

/// Decimal digits and decimal-point position of `x` (finite, non-negative): `x ≈ 0.DIGITS
/// × 10^decpt`. `sig` significant digits correctly rounded, or the shortest round-trip
/// digits when `sig` is `None`.
fn digits_of(x: f64, sig: Option<usize>) -> (Vec<u8>, i64) {
    // A double's exact decimal expansion has fewer than 800 significant digits; Rust's
    // formatter refuses precisions over u16::MAX, so ask for at most that and pad.
    let Some(n) = sig else {
        let (digits, exp) = asyncio_engine::pyfmt::shortest_digits(x);
        return (digits, i64::from(exp) + 1);
    };
    let s = format!("{:.*e}", n.saturating_sub(1).min(EXACT_DIGITS), x);
    let (mant, exp) = s.split_once('e').unwrap_or((&s, "0"));
    let exp: i64 = exp.parse().unwrap_or(0);
    let mut digits: Vec<u8> = mant.bytes().filter(u8::is_ascii_digit).collect();
    digits.resize(n.max(1), b'0');
    (digits, exp + 1)
}

/// CPython's `PyOS_double_to_string` for a finite non-negative `x` with type `e`, `f`,
/// `g` or `r` (repr), the `#` flag (`alt`) and `Py_DTSF_ADD_DOT_0` (`add_dot_0`).
fn float_core(x: f64, ty: char, precision: usize, alt: bool, add_dot_0: bool) -> String {
    if ty == 'f' {
        // Fractional digits of a double end before 1100 places (see `digits_of`).
        let mut s = format!("{:.*}", precision.min(EXACT_DIGITS + 300), x);
        s.push_str(&"0".repeat(precision.saturating_sub(EXACT_DIGITS + 300)));
        if alt && precision == 0 {
            s.push('.');
        }
        return s;
    }
    let (mut digits, mut decpt, mut vend, use_exp) = match ty {
        'e' => {
            let (d, p) = digits_of(x, Some(precision + 1));
            (d, p, precision as i64 + 1, true)
        }
        'g' => {
            let p = precision.max(1);
            let (mut d, dp) = digits_of(x, Some(p));
            while d.len() > 1 && d.last() == Some(&b'0') {
                d.pop();
            }
            let limit = if add_dot_0 { p as i64 - 1 } else { p as i64 };
            let use_exp = dp <= -4 || dp > limit;
            let vend = if alt { p as i64 } else { d.len() as i64 };
            (d, dp, vend, use_exp)
        }
        _ => {
            let (d, dp) = digits_of(x, None);
            let n = d.len() as i64;
            (d, dp, n, dp <= -4 || dp > 16)
        }
    };
    if digits.is_empty() {
        digits.push(b'0');
    }
    let nd = digits.len() as i64;
    let mut exp = 0;
    if use_exp {
        exp = decpt - 1;
        decpt = 1;
    }
    vend = if !use_exp && add_dot_0 { vend.max(decpt + 1) } else { vend.max(decpt) };
    let zeros = |n: i64| "0".repeat(n.max(0) as usize);
    let digit_str = String::from_utf8(digits).unwrap_or_default();
    let mut out = String::new();
    if decpt <= 0 {
        out.push_str("0.");
        out.push_str(&zeros(-decpt));
    }
    if 0 < decpt && decpt <= nd {
        out.push_str(&digit_str[..decpt as usize]);
        out.push('.');
        out.push_str(&digit_str[decpt as usize..]);
    } else {
        out.push_str(&digit_str);
    }
    if nd < decpt {
        out.push_str(&zeros(decpt - nd));
        out.push('.');
        out.push_str(&zeros(vend - decpt));
    } else {
        out.push_str(&zeros(vend - nd));
    }
    if out.ends_with('.') && !alt {
        out.pop();
    }
    if use_exp {
        out.push_str(&format!("e{}{:02}", if exp < 0 { '-' } else { '+' }, exp.abs()));
    }
    out
}

/// `format(v, spec)` for a `str` (see [`format_str_as`]).
pub fn format_str(v: &str, spec: &str) -> Result<String, FmtError> {
    format_str_as(v, spec, "str")
}

/// `format(v, spec)` for a `str` whose Python type is `type_name`: type `s` or none,
/// precision truncates (in characters), default left alignment.
pub fn format_str_as(v: &str, spec: &str, type_name: &str) -> Result<String, FmtError> {
    if spec.is_empty() {
        return Ok(v.to_string());
    }
    let s = parse_spec(spec, Some('s'), '<', type_name)?;
    match s.ty {
        Some('s') | None => {}
        Some(t) => return Err(unknown_code(t, type_name)),
    }
    if s.sign == Some(' ') {
        return Err(FmtError::value("Space not allowed in string format specifier"));
    }
    if s.sign.is_some() {
        return Err(FmtError::value("Sign not allowed in string format specifier"));
    }
    if s.z {
        return Err(FmtError::value("Negative zero coercion (z) not allowed in string format specifier"));
    }
    if s.alt {
        return Err(FmtError::value("Alternate form (#) not allowed in string format specifier"));
    }
    if s.align == '=' {
        return Err(FmtError::value("'=' alignment not allowed in string format specifier"));
    }
    let text: String = match s.precision {
        Some(p) => v.chars().take(p).collect(),
        None => v.to_string(),
    };
    Ok(pad_text(&text, &s))
}

// ---------------------------------------------------------------------------
// printf-style `%` formatting.
// ---------------------------------------------------------------------------

/// What a `%` argument is, as far as the numeric conversions care.
#[derive(Clone, Copy, Debug)]
pub enum PercentValue<'a> {
    /// An `int` (or `bool`).
    Int(IntArg<'a>),
    /// A `float`.
    Float(f64),
    /// A `str` (used by `%c`, which accepts a one-character string).
    Str(&'a str),
    /// Anything else.
    Other,
}

/// One argument of `%` formatting, supplied by the interpreter. Conversions to text are
/// requested lazily, only for `%s`, `%r` and `%a`.
pub trait PercentArg: Clone {
    /// The value's numeric / string view.
    fn value(&self) -> PercentValue<'_>;
    /// [`value`](Self::value) for conversion `conv`: an object's number as
    /// that conversion asks for it (`__float__` for `%f`, `__int__` for `%d`,
    /// `__index__` for `%x`).
    fn value_for(&self, _conv: char) -> PercentValue<'_> {
        self.value()
    }
    /// The Python type name (`str`, `list`, ...) for error messages.
    fn type_name(&self) -> String;
    /// `str(self)` for `'s'`, `repr(self)` for `'r'`, `ascii(self)` for `'a'`; the error
    /// is propagated as is (an exception raised by `__str__`, say).
    fn convert(&self, conversion: char) -> Result<String, FmtError>;
}

/// The `%(key)s` lookup of [`percent_format`]: the mapping's `__getitem__`, returning
/// the argument or the error to raise (`KeyError`, ...).
pub type KeyLookup<'m, A> = &'m mut dyn FnMut(&str) -> Result<A, FmtError>;

/// Where the next positional `%` argument comes from.
enum ArgSource<'b, A> {
    Tuple(&'b [A], usize),
    Single(Option<A>),
}

/// `template % args`.
///
/// * `args`: the items when the right operand is a tuple (`is_tuple`), otherwise a
///   one-element slice holding the right operand itself (an empty slice acts like `()`).
/// * `mapping`: `Some` when the right operand is a mapping (and not a tuple or `str`):
///   looks up `%(key)s` keys; the callback returns the `KeyError` (or other error) itself.
///
/// Errors are CPython's: `not enough arguments for format string`, `not all arguments
/// converted during string formatting`, `format requires a mapping`, `* wants int`
/// (TypeError), `incomplete format`, `incomplete format key`, `unsupported format
/// character 'q' (0x71) at index 3` (ValueError), and the per-conversion type errors.
pub fn percent_format<A: PercentArg>(
    template: &str,
    args: &[A],
    is_tuple: bool,
    mut mapping: Option<KeyLookup<'_, A>>,
) -> Result<String, FmtError> {
    let chars: Vec<char> = template.chars().collect();
    let n = chars.len();
    let mut src: ArgSource<A> =
        if is_tuple { ArgSource::Tuple(args, 0) } else { ArgSource::Single(args.first().cloned()) };
    let mut out = String::with_capacity(template.len());
    let mut i = 0;
    let incomplete = || FmtError::value("incomplete format");
    while i < n {
        let c = chars[i];
        if c != '%' {
            out.push(c);
            i += 1;
            continue;
        }
        i += 1;
        if i >= n {
            return Err(incomplete());
        }
        if chars[i] == '%' {
            out.push('%');
            i += 1;
            continue;
        }
        // Mapping key.
        if chars[i] == '(' {
            let Some(map) = mapping.as_mut() else {
                return Err(FmtError::type_err("format requires a mapping"));
            };
            let mut depth = 1;
            let start = i + 1;
            let mut j = start;
            while j < n {
                match chars[j] {
                    '(' => depth += 1,
                    ')' => {
                        depth -= 1;
                        if depth == 0 {
                            break;
                        }
                    }
                    _ => {}
                }
                j += 1;
            }
            if j >= n {
                return Err(FmtError::value("incomplete format key"));
            }
            let key: String = chars[start..j].iter().collect();
            src = ArgSource::Single(Some(map(&key)?));
            i = j + 1;
        }
        let next_arg = |src: &mut ArgSource<A>| -> Result<A, FmtError> {
            let not_enough = || FmtError::type_err("not enough arguments for format string");
            match src {
                ArgSource::Tuple(items, idx) => {
                    let a = items.get(*idx).cloned().ok_or_else(not_enough)?;
                    *idx += 1;
                    Ok(a)
                }
                ArgSource::Single(slot) => slot.take().ok_or_else(not_enough),
            }
        };
        // Flags.
        let (mut left, mut plus, mut space, mut alt, mut zero) = (false, false, false, false, false);
        while i < n {
            match chars[i] {
                '-' => left = true,
                '+' => plus = true,
                ' ' => space = true,
                '#' => alt = true,
                '0' => zero = true,
                _ => break,
            }
            i += 1;
        }
        // Width.
        let mut width: usize = 0;
        if i < n && chars[i] == '*' {
            i += 1;
            let w = star_int(&next_arg(&mut src)?)?;
            if w < 0 {
                left = true;
            }
            width = usize::try_from(w.unsigned_abs()).unwrap_or(usize::MAX);
        } else {
            while i < n && chars[i].is_ascii_digit() {
                width = width
                    .checked_mul(10)
                    .and_then(|w| w.checked_add(chars[i] as usize - '0' as usize))
                    .filter(|&w| w <= i64::MAX as usize)
                    .ok_or_else(|| FmtError::value("width too big"))?;
                i += 1;
            }
        }
        // Precision.
        let mut precision: Option<usize> = None;
        if i < n && chars[i] == '.' {
            i += 1;
            if i < n && chars[i] == '*' {
                i += 1;
                let p = star_int(&next_arg(&mut src)?)?;
                precision = usize::try_from(p).ok();
            } else {
                let mut p: usize = 0;
                while i < n && chars[i].is_ascii_digit() {
                    p = p
                        .checked_mul(10)
                        .and_then(|w| w.checked_add(chars[i] as usize - '0' as usize))
                        .filter(|&w| w <= i64::MAX as usize)
                        .ok_or_else(|| FmtError::value("precision too big"))?;
                    i += 1;
                }
                precision = Some(p);
            }
        }
        if i < n && matches!(chars[i], 'h' | 'l' | 'L') {
            i += 1;
        }
        if i >= n {
            return Err(incomplete());
        }
        let conv = chars[i];
        let conv_index = i;
        i += 1;
        let arg = next_arg(&mut src)?;
        if width > MAX_WIDTH {
            return Err(FmtError::value("format width too large"));
        }
        let flags = PctFlags { left, plus, space, alt, zero, width };
        let piece = match conv {
            's' | 'r' | 'a' => {
                let text = arg.convert(conv)?;
                let text = match precision {
                    Some(p) => text.chars().take(p).collect(),
                    None => text,
                };
                pct_pad_text(&text, &flags)
            }
            'c' => {
                let ch = match arg.value() {
                    PercentValue::Int(v) => v.to_char()?,
                    PercentValue::Str(s) if s.chars().count() == 1 => s.chars().next().unwrap_or(' '),
                    _ => return Err(FmtError::type_err("%c requires int or char")),
                };
                pct_pad_text(&ch.to_string(), &flags)
            }
            'd' | 'i' | 'u' | 'o' | 'x' | 'X' => pct_int(&arg, conv, precision, &flags)?,
            'e' | 'E' | 'f' | 'F' | 'g' | 'G' => {
                let x = match arg.value_for(conv) {
                    PercentValue::Float(x) => x,
                    PercentValue::Int(v) => v.to_f64()?,
                    _ => {
                        return Err(FmtError::type_err(format!(
                            "must be real number, not {}",
                            arg.type_name()
                        )))
                    }
                };
                let p = precision.unwrap_or(6);
                if p > MAX_WIDTH && x.is_finite() {
                    return Err(FmtError::value("format precision too large"));
                }
                let negative = x.is_sign_negative() && !x.is_nan();
                let mut body = if x.is_nan() {
                    "nan".to_string()
                } else if x.is_infinite() {
                    "inf".to_string()
                } else {
                    float_core(x.abs(), conv.to_ascii_lowercase(), p, alt, false)
                };
                if conv.is_ascii_uppercase() {
                    body = body.to_ascii_uppercase();
                }
                pct_pad_number(pct_sign(negative, &flags), "", &body, &flags)
            }
            _ => {
                let shown = if (' '..'\u{7f}').contains(&conv) { conv } else { '?' };
                return Err(FmtError::value(format!(
                    "unsupported format character '{shown}' (0x{:x}) at index {conv_index}",
                    conv as u32
                )));
            }
        };
        out.push_str(&piece);
    }
    let unused = match &src {
        ArgSource::Tuple(items, idx) => *idx < items.len(),
        ArgSource::Single(slot) => slot.is_some(),
    };
    if unused && mapping.is_none() {
        return Err(FmtError::type_err("not all arguments converted during string formatting"));
    }
    Ok(out)
}

struct PctFlags {
    left: bool,
    plus: bool,
    space: bool,
    alt: bool,
    zero: bool,
    width: usize,
}

fn star_int<A: PercentArg>(a: &A) -> Result<i64, FmtError> {
    match a.value() {
        PercentValue::Int(IntArg::Small(v)) => Ok(v),
        PercentValue::Int(IntArg::Big(_)) => Err(FmtError::value("width too big")),
        _ => Err(FmtError::type_err("* wants int")),
    }
}

fn pct_sign(negative: bool, f: &PctFlags) -> &'static str {
    if negative {
        "-"
    } else if f.plus {
        "+"
    } else if f.space {
        " "
    } else {
        ""
    }
}

fn pct_pad_text(text: &str, f: &PctFlags) -> String {
    let len = text.chars().count();
    let pad = " ".repeat(f.width.saturating_sub(len));
    if f.left {
        format!("{text}{pad}")
    } else {
        format!("{pad}{text}")
    }
}

fn pct_pad_number(sign: &str, prefix: &str, body: &str, f: &PctFlags) -> String {
    let len = sign.len() + prefix.len() + body.chars().count();
    let pad = f.width.saturating_sub(len);
    if f.left {
        format!("{sign}{prefix}{body}{}", " ".repeat(pad))
    } else if f.zero {
        format!("{sign}{prefix}{}{body}", "0".repeat(pad))
    } else {
        format!("{}{sign}{prefix}{body}", " ".repeat(pad))
    }
}

fn pct_int<A: PercentArg>(
    arg: &A,
    conv: char,
    precision: Option<usize>,
    f: &PctFlags,
) -> Result<String, FmtError> {
    let truncated;
    let v = match arg.value_for(conv) {
        PercentValue::Int(v) => v,
        PercentValue::Float(x) if matches!(conv, 'd' | 'i' | 'u') => {
            if x.is_nan() {
                return Err(FmtError::value("cannot convert float NaN to integer"));
            }
            truncated = BigInt::from_f64(x)
                .ok_or_else(|| FmtError::overflow("cannot convert float infinity to integer"))?;
            match truncated.to_i64() {
                Some(s) => IntArg::Small(s),
                None => IntArg::Big(&truncated),
            }
        }
        _ => {
            let what = if matches!(conv, 'd' | 'i' | 'u') { "a real number" } else { "an integer" };
            return Err(FmtError::type_err(format!(
                "%{conv} format: {what} is required, not {}",
                arg.type_name()
            )));
        }
    };
    let (radix, prefix) = match conv {
        'o' => (8, "0o"),
        'x' => (16, "0x"),
        'X' => (16, "0X"),
        _ => (10, ""),
    };
    let mut digits = v.abs_digits(radix)?;
    if conv == 'X' {
        digits = digits.to_ascii_uppercase();
    }
    if let Some(p) = precision {
        if p > MAX_WIDTH {
            return Err(FmtError::value("format precision too large"));
        }
        if digits.len() < p {
            digits = format!("{}{digits}", "0".repeat(p - digits.len()));
        }
    }
    let prefix = if f.alt { prefix } else { "" };
    Ok(pct_pad_number(pct_sign(v.is_negative(), f), prefix, &digits, f))
}

// ---------------------------------------------------------------------------
// `str.format` templates.
// ---------------------------------------------------------------------------

/// One piece of a `str.format` template.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum TemplatePiece {
    /// Literal text, with `{{` and `}}` already unescaped.
    Literal(String),
    /// A replacement field.
    Field(FormatField),
}

/// Which argument a replacement field names.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FieldArg {
    /// A positional argument: explicit (`{0}`) or auto-numbered (`{}`), already resolved.
    Index(usize),
    /// A keyword argument (`{name}`); any name that is not all digits, e.g. `-1`.
    Name(String),
}

/// One `.attr` or `[key]` step after the argument.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Accessor {
    /// `.name`: `getattr`.
    Attr(String),
    /// `[123]`: an all-digit key, used as an integer index.
    Index(usize),
    /// `[key]`: any other key, used as a string.
    Key(String),
}

/// A replacement field `{arg.attr[key]!conversion:spec}`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FormatField {
    /// The argument.
    pub arg: FieldArg,
    /// The accessors applied to it, in order.
    pub accessors: Vec<Accessor>,
    /// `Some('r' | 's' | 'a')` for `!r`, `!s`, `!a`.
    pub conversion: Option<char>,
    /// The format spec: literal pieces, plus fields when it nests `{}` (one level, as in
    /// Python); render them and concatenate to get the spec string.
    pub spec: Vec<TemplatePiece>,
}

#[derive(PartialEq)]
enum Numbering {
    Unknown,
    Auto(usize),
    Manual,
}

/// Parses a `str.format` template. Auto-numbered fields (`{}`) get their indices here, in
/// the order Python resolves them (a field, then the fields nested in its spec).
/// Errors (all `ValueError`) are CPython's: `Single '}' encountered in format string`,
/// `Single '{' encountered in format string`, `expected '}' before end of string`,
/// `unmatched '{' in format spec`, `cannot switch from ... numbering ...`,
/// `Unknown conversion specifier X`, `Max string recursion exceeded`, ...
/// Unlike CPython, which stops at the first failing field while rendering, the whole
/// template is checked up front.
pub fn parse_format_template(t: &str) -> Result<Vec<TemplatePiece>, FmtError> {
    let chars: Vec<char> = t.chars().collect();
    let mut numbering = Numbering::Unknown;
    parse_template_chars(&chars, &mut numbering, 2)
}

fn parse_template_chars(
    chars: &[char],
    numbering: &mut Numbering,
    depth: u32,
) -> Result<Vec<TemplatePiece>, FmtError> {
    if depth == 0 {
        return Err(FmtError::value("Max string recursion exceeded"));
    }
    let n = chars.len();
    let mut pieces = Vec::new();
    let mut lit = String::new();
    let mut i = 0;
    while i < n {
        let c = chars[i];
        if c == '}' {
            if i + 1 < n && chars[i + 1] == '}' {
                lit.push('}');
                i += 2;
                continue;
            }
            return Err(FmtError::value("Single '}' encountered in format string"));
        }
        if c != '{' {
            lit.push(c);
            i += 1;
            continue;
        }
        if i + 1 >= n {
            return Err(FmtError::value("Single '{' encountered in format string"));
        }
        if chars[i + 1] == '{' {
            lit.push('{');
            i += 2;
            continue;
        }
        if !lit.is_empty() {
            pieces.push(TemplatePiece::Literal(std::mem::take(&mut lit)));
        }
        i += 1;
        let (field, next) = parse_field(chars, i, numbering, depth)?;
        pieces.push(TemplatePiece::Field(field));
        i = next;
    }
    if !lit.is_empty() {
        pieces.push(TemplatePiece::Literal(lit));
    }
    Ok(pieces)
}

/// Parses a field starting just after its `{`; returns it and the index after its `}`.
fn parse_field(
    chars: &[char],
    start: usize,
    numbering: &mut Numbering,
    depth: u32,
) -> Result<(FormatField, usize), FmtError> {
    let n = chars.len();
    let mut i = start;
    let mut last = '\0';
    while i < n {
        last = chars[i];
        i += 1;
        match last {
            '{' => return Err(FmtError::value("unexpected '{' in field name")),
            '[' => {
                while i < n && chars[i] != ']' {
                    i += 1;
                }
            }
            '}' | ':' | '!' => break,
            _ => {}
        }
    }
    let name_end = if matches!(last, '}' | ':' | '!') && i > start { i - 1 } else { i };
    let name: Vec<char> = chars[start..name_end].to_vec();
    let mut conversion = None;
    let mut spec_chars: &[char] = &[];
    if last == '!' || last == ':' {
        let mut done = false;
        if last == '!' {
            if i >= n {
                return Err(FmtError::value("end of string while looking for conversion specifier"));
            }
            conversion = Some(chars[i]);
            i += 1;
            if i < n {
                let c = chars[i];
                i += 1;
                if c == '}' {
                    done = true;
                } else if c != ':' {
                    return Err(FmtError::value("expected ':' after conversion specifier"));
                }
            }
        }
        if !done {
            let spec_start = i;
            let mut count = 1;
            let mut closed = false;
            while i < n {
                let c = chars[i];
                i += 1;
                if c == '{' {
                    count += 1;
                } else if c == '}' {
                    count -= 1;
                    if count == 0 {
                        closed = true;
                        break;
                    }
                }
            }
            if !closed {
                return Err(FmtError::value("unmatched '{' in format spec"));
            }
            spec_chars = &chars[spec_start..i - 1];
        }
    } else if last != '}' {
        return Err(FmtError::value("expected '}' before end of string"));
    }
    let (arg, accessors) = parse_field_name(&name, numbering)?;
    if let Some(c) = conversion {
        if !matches!(c, 'r' | 's' | 'a') {
            return Err(FmtError::value(format!("Unknown conversion specifier {c}")));
        }
    }
    let spec = if spec_chars.contains(&'{') {
        parse_template_chars(spec_chars, numbering, depth - 1)?
    } else if spec_chars.is_empty() {
        Vec::new()
    } else {
        vec![TemplatePiece::Literal(spec_chars.iter().collect())]
    };
    Ok((FormatField { arg, accessors, conversion, spec }, i))
}

/// A decimal integer if `s` is all ASCII digits (and not empty).
fn all_digits(s: &[char]) -> Result<Option<usize>, FmtError> {
    if s.is_empty() || !s.iter().all(|c| c.is_ascii_digit()) {
        return Ok(None);
    }
    let mut pos = 0;
    read_number(s, &mut pos)
}

fn parse_field_name(name: &[char], numbering: &mut Numbering) -> Result<(FieldArg, Vec<Accessor>), FmtError> {
    let first_end = name.iter().position(|&c| c == '.' || c == '[').unwrap_or(name.len());
    let first = &name[..first_end];
    let arg = if first.is_empty() {
        let next = match numbering {
            Numbering::Manual => {
                return Err(FmtError::value(
                    "cannot switch from manual field specification to automatic field numbering",
                ))
            }
            Numbering::Auto(k) => *k,
            Numbering::Unknown => 0,
        };
        *numbering = Numbering::Auto(next + 1);
        FieldArg::Index(next)
    } else if let Some(k) = all_digits(first)? {
        if let Numbering::Auto(_) = numbering {
            return Err(FmtError::value(
                "cannot switch from automatic field numbering to manual field specification",
            ));
        }
        *numbering = Numbering::Manual;
        FieldArg::Index(k)
    } else {
        FieldArg::Name(first.iter().collect())
    };
    let mut accessors = Vec::new();
    let mut i = first_end;
    while i < name.len() {
        match name[i] {
            '.' => {
                let start = i + 1;
                let mut j = start;
                while j < name.len() && name[j] != '.' && name[j] != '[' {
                    j += 1;
                }
                if j == start {
                    return Err(FmtError::value("Empty attribute in format string"));
                }
                accessors.push(Accessor::Attr(name[start..j].iter().collect()));
                i = j;
            }
            '[' => {
                let start = i + 1;
                let mut j = start;
                while j < name.len() && name[j] != ']' {
                    j += 1;
                }
                if j >= name.len() {
                    return Err(FmtError::value("Missing ']' in format string"));
                }
                if j == start {
                    return Err(FmtError::value("Empty attribute in format string"));
                }
                let key = &name[start..j];
                accessors.push(match all_digits(key)? {
                    Some(k) => Accessor::Index(k),
                    None => Accessor::Key(key.iter().collect()),
                });
                i = j + 1;
                if i < name.len() && name[i] != '.' && name[i] != '[' {
                    return Err(FmtError::value("Only '.' or '[' may follow ']' in format field specifier"));
                }
            }
            _ => return Err(FmtError::value("Only '.' or '[' may follow ']' in format field specifier")),
        }
    }
    Ok((arg, accessors))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Emits one line per case: `F kind value spec result` and
    /// `P template is_tuple result args`, every field hex-encoded UTF-8.
    const PY_CASES: &str = r#"
import struct, sys
def hx(s): return s.encode('utf-8').hex()
def val(v):
    if isinstance(v,bool): return ('i', hex(int(v)))
    if isinstance(v,int): return ('i', hex(v))
    if isinstance(v,float): return ('f', hex(struct.unpack('<Q',struct.pack('<d',v))[0]))
    if isinstance(v,str): return ('s', v)
    return ('o', type(v).__name__)
def res(f):
    try:
        r = f()
        return 'OK:' + r if len(r) < 5000 else 'LONG'
    except Exception as e: return type(e).__name__+':'+str(e)
nan=float('nan'); inf=float('inf')
ints=[0,1,-1,5,-5,7,42,255,-255,1234,-1234,1234567,2**31,2**63,-2**63,2**64+1,-(2**100),10**20,3**80,65,0x10ffff,0x110000, 10**4300, 10**4299]
floats=[0.0,-0.0,1.0,-1.0,0.5,1.5,2.5,-2.5,0.125,2.675,3.14159,-3.14159,1e16,1e-5,1e-4,1234.5678,100.0,10.0,1e22,1e100,1e-300,5e-324,1.7976931348623157e308,123456789.0,0.1,1/3,-1/3,999999.5,999999.4,9.9999,9.9995,0.001,-0.001,1e15,12345.678,nan,inf,-inf,2.0**60,0.3+0.0]
strs=['','a','ab','abc','hello world','é','日本語']
specs_num=['','d','5','-5','+5',' 5','05','+05','<6','>6','^7','*^9','=8','0=8','x<8','_^10',',','_','010,','+012,','x=10,','0>10,','b','#b','o','#o','x','#x','X','#X','#010x','+#012_x','_b','_x','_o','#_X','c','5c','.2','.2d','z','zd','abc','q','n','5n',',n','_n',',c','_c','+c','#c',',x',',,',',_','_,','__','.',
 'e','E','f','F','g','G','%','.3e','.0e','#.0e','.2f','.0f','#.0f','.3f','08.3f','+012.3f','010,.2f',',.2f','_.2f','.3','.0','#','#g','.3g','.0g','#.3g','.1%','^+20.2e','=+8','.17','.60','.30f','n','.3n','z','z.1f','z.1e','+z','zg','0','00','012','0<12','0=','-','+','  ','ä<5','.999999999999999999999','999999999999999999999','2000000','.2000000f','1000','.1000f','.1100e', ' +','5.2.3','-.2','.-2',',e','_g','_%',',%', ',.3%', '#x<20,.4e', '\\0']
specs_str=['','s','5','<5','>5','^5','*^9','05','<05','.2','.0','*^9.2','x>5','_^5','+','-',' ','=','=5','#',',','_','z','f','d','q','10.3s','abc','.']
lines=[]
for v in ints:
    for sp in specs_num:
        if abs(v)>10**30 and sp not in ('','d','x','e',',','_x','n','b','10'): continue
        k,t=val(v); lines.append((k,t,sp,res(lambda: format(v,sp))))
for v in floats:
    for sp in specs_num:
        k,t=val(v); lines.append((k,t,sp,res(lambda: format(v,sp))))
for v in strs:
    for sp in specs_str:
        k,t=val(v); lines.append((k,t,sp,res(lambda: format(v,sp))))

for k,t,sp,r in lines:
    print('F', hx(k), hx(t), hx(sp), hx(r))
pct=[('%ld',5),('%s %s',(1,)),('%s',(1,2)),('%d','a'),('%x',3.5),('%f','a'),('%c','ab'),('%c',[1]),('%c',-1),('abc%q',1),('ab%',1),('%(a)s',5),('hello',5),('hello',()),('%s',()),('%5s','ab'),('%-5s|','ab'),('%05s','ab'),('%.1s','ab'),('%*d',(5,3)),('%-*d|',(5,3)),('%.*f',(2,3.14159)),('%*d',('a',3)),('%.3d',5),('%+.3d',-5),('%08.3d',5),('%#o',8),('%#x',255),('%#X',255),('%#5x',255),('%#05x',255),('%-#05x|',255),('%+d',5),('% d',5),('%+ d',5),('% +d',5),('%05d',-3),('%-05d|',-3),('%d',3.7),('%d',-3.7),('%d',inf),('%d',nan),('%i',True),('%u',7),('%x',-255),('%#x',-255),('%o',-8),
('%e',1.5),('%E',1.5),('%g',1e-5),('%G',1e-5),('%#g',1.0),('%.0f',2.5),('%#.0f',2.5),('%10.3f|',3.14159),('%-10.3f|',3.14159),('%010.3f',-3.14159),('%f',inf),('%05f',inf),('%f',10**400),('%f',5),('%.3g',1234.5),('%g',0.0),('%r','a'),('%a','é'),('%s','é'),('%c',65),('%c','é'),('%5c','x'),('%%',()),('%5%',()),('%5%',(1,)),('%-5%|',()),('%x',2**100),('%d',2**100),('%d',-2**100),('%.50f',1.0),('%999999999999999999999d',1),('%.999999999999999999999d',1),('%c',0x110000),('%s','%s'),('%5.1s|','abc'),('%#r',1),('%+s',1),('%.2x',255),('%#.4x',255),('%#.4o',8),('%.2e',12345.678),('%.0e',15.0),('%#.0e',15.0),('%a',1),('%z',1),('%\n',1),('%é',1),('x%éy',1),('%d %d',(1,)),('%*s',(1.5,'a')),('% 5d',3),('%#d',3),('%.1c','ab'),('%-%',()),('%l',1),('%hd',1),('%Ld',1),('%*d',(-5,3)),('%.*d',(-5,3)),('%c',65.0),('%x',True),('%5.3s|','abcdef'),('%.0g',1.0),('%s',(1,)),('%s',[]),('%-+05.1f|',2.25),('%+.1e',0.0),('%e',-0.0),('%f',-nan),('%0-5d|',3),('%#.3g',1.0),('%.3r','abcd'),('%d',10**4300),('%s and %r',('x','y')),('%5d|%-5d|',(1,2)),('%x',[]),('%o',3.0),('%X',255),('%.3F',inf),('%G',nan),('%3c|',(65,)),('',()),('abc',()),('%s',('a',)),('%d%s',(1,'b'))]

for t,a in pct:
    is_tuple=isinstance(a,tuple)
    items=a if is_tuple else (a,)
    try: r='OK:'+(t % a)
    except Exception as e: r=type(e).__name__+':'+str(e)
    its=[]
    for x in items:
        k,tv=val(x)
        rx=repr(x) if not (isinstance(x,int) and abs(x)>10**4000) else ''
        its.append(','.join(hx(z) for z in (k,tv,str(x) if rx else '',rx,ascii(x) if rx else '',type(x).__name__)))
    print('P', hx(t), '1' if is_tuple else '0', hx(r), ';'.join(its) or '-')
"#;

    fn unhex(s: &str) -> String {
        let bytes: Vec<u8> =
            (0..s.len() / 2).map(|i| u8::from_str_radix(&s[2 * i..2 * i + 2], 16).unwrap()).collect();
        String::from_utf8(bytes).unwrap()
    }

    fn parse_hex_int(s: &str) -> BigInt {
        let (neg, body) = match s.strip_prefix('-') {
            Some(b) => (true, b),
            None => (false, s),
        };
        let v = BigInt::parse_radix(body.trim_start_matches("0x"), 16).unwrap();
        if neg {
            v.neg()
        } else {
            v
        }
    }

    fn as_int_arg(b: &BigInt) -> IntArg<'_> {
        match b.to_i64() {
            Some(v) => IntArg::Small(v),
            None => IntArg::Big(b),
        }
    }

    fn show(r: Result<String, FmtError>) -> String {
        match r {
            Ok(s) => format!("OK:{s}"),
            Err(e) => format!("{:?}:{}", e.kind, e.message),
        }
    }

    #[derive(Clone)]
    struct TestArg {
        int: Option<BigInt>,
        float: Option<f64>,
        string: Option<String>,
        text: [String; 3],
        type_name: String,
    }

    impl PercentArg for TestArg {
        fn value(&self) -> PercentValue<'_> {
            if let Some(b) = &self.int {
                PercentValue::Int(as_int_arg(b))
            } else if let Some(x) = self.float {
                PercentValue::Float(x)
            } else if let Some(s) = &self.string {
                PercentValue::Str(s)
            } else {
                PercentValue::Other
            }
        }
        fn type_name(&self) -> String {
            self.type_name.clone()
        }
        fn convert(&self, conversion: char) -> Result<String, FmtError> {
            Ok(match conversion {
                's' => self.text[0].clone(),
                'r' => self.text[1].clone(),
                _ => self.text[2].clone(),
            })
        }
    }

    fn test_arg(fields: &[String]) -> TestArg {
        let (kind, value) = (fields[0].as_str(), fields[1].as_str());
        TestArg {
            int: (kind == "i").then(|| parse_hex_int(value)),
            float: (kind == "f").then(|| f64::from_bits(u64::from_str_radix(&value[2..], 16).unwrap())),
            string: (kind == "s").then(|| value.to_string()),
            text: [fields[2].clone(), fields[3].clone(), fields[4].clone()],
            type_name: fields[5].clone(),
        }
    }

    fn s(v: &str) -> TestArg {
        TestArg {
            int: None,
            float: None,
            string: Some(v.to_string()),
            text: [v.to_string(), format!("'{v}'"), format!("'{v}'")],
            type_name: "str".to_string(),
        }
    }

    fn i(v: i64) -> TestArg {
        TestArg {
            int: Some(BigInt::from_i64(v)),
            float: None,
            string: None,
            text: [v.to_string(), v.to_string(), v.to_string()],
            type_name: "int".to_string(),
        }
    }

    /// Our own refusals that CPython does not have (it builds the huge string).
    fn is_our_cap(ours: &str) -> bool {
        ours == "ValueError:format width too large" || ours == "ValueError:format precision too large"
    }

    #[test]
    fn against_python() {
        let out = std::process::Command::new("python3").arg("-c").arg(PY_CASES).output().expect("python3");
        assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
        let text = String::from_utf8(out.stdout).unwrap();
        let (mut checked, mut failures) = (0, Vec::new());
        for line in text.lines() {
            let parts: Vec<&str> = line.split(' ').collect();
            let (expected, got, what) = if parts[0] == "F" {
                let (kind, value, spec) = (unhex(parts[1]), unhex(parts[2]), unhex(parts[3]));
                let expected = unhex(parts[4]);
                let got = match kind.as_str() {
                    "i" => {
                        let b = parse_hex_int(&value);
                        show(format_int(&as_int_arg(&b), &spec))
                    }
                    "f" => show(format_float(
                        f64::from_bits(u64::from_str_radix(&value[2..], 16).unwrap()),
                        &spec,
                    )),
                    _ => show(format_str(&value, &spec)),
                };
                (expected, got, format!("format({kind} {value:.40}, {spec:?})"))
            } else {
                let template = unhex(parts[1]);
                let expected = unhex(parts[3]);
                let args: Vec<TestArg> = if parts[4] == "-" {
                    Vec::new()
                } else {
                    parts[4]
                        .split(';')
                        .map(|a| test_arg(&a.split(',').map(unhex).collect::<Vec<_>>()))
                        .collect()
                };
                let got = show(percent_format(&template, &args, parts[2] == "1", None));
                (expected, got, format!("{template:?} % {}", parts[4]))
            };
            checked += 1;
            let same = expected == got
                || (expected == "LONG" && (is_our_cap(&got) || got.len() > 5000))
                || (expected.starts_with("MemoryError") && is_our_cap(&got));
            if !same {
                failures.push(format!("{what}\n   python: {:.200}\n   ours:   {:.200}", expected, got));
            }
        }
        assert!(checked > 5000, "only {checked} cases");
        assert!(failures.is_empty(), "{} of {checked} differ:\n{}", failures.len(), failures.join("\n"));
    }

    #[test]
    fn corner_cases() {
        let f = |v: f64, spec: &str| format_float(v, spec).unwrap();
        assert_eq!(f(1.0, ""), "1.0");
        assert_eq!(f(1e16, ""), "1e+16");
        assert_eq!(f(1.0, ".3"), "1.0");
        assert_eq!(f(1234.5678, ".3"), "1.23e+03");
        assert_eq!(f(0.125, ".2f"), "0.12");
        assert_eq!(f(2.675, ".2f"), "2.67");
        assert_eq!(f(1.5, ".0f"), "2");
        assert_eq!(f(2.5, ".0f"), "2");
        assert_eq!(f(1234567.891, ",.2f"), "1,234,567.89");
        assert_eq!(f(-0.0, "z.1f"), "0.0");
        assert_eq!(f(3.0, "08.3f"), "0003.000");
        assert_eq!(format_int(&IntArg::Small(-5), "+05d").unwrap(), "-0005");
        assert_eq!(format_int(&IntArg::Small(1234), "010,").unwrap(), "00,001,234");
        assert_eq!(format_int(&IntArg::Small(1), "1000000").unwrap().len(), 1_000_000);
        assert_eq!(format_float(1e300, ".1000000f").unwrap().len(), 1_000_000 + 302);
        let e = format_float(1.0, "d").unwrap_err();
        assert_eq!(e.message, "Unknown format code 'd' for object of type 'float'");
        assert_eq!(
            format_str("a", "f").unwrap_err().message,
            "Unknown format code 'f' for object of type 'str'"
        );
        assert_eq!(
            format_int(&IntArg::Small(1), "999999999999").unwrap_err().message,
            "format width too large"
        );
        assert_eq!(
            format_int(&IntArg::Small(1), "99999999999999999999").unwrap_err().message,
            "Too many decimal digits in format string"
        );
        assert_eq!(format_str("ab", ",").unwrap_err().message, "Cannot specify ',' with 's'.");
        assert_eq!(
            format_int_as(&IntArg::Small(1), "q", "bool").unwrap_err().message.as_str(),
            "Unknown format code 'q' for object of type 'bool'"
        );
        let big = BigInt::from_i64(10).pow(5000).unwrap();
        let e = format_int(&IntArg::Big(&big), "").unwrap_err();
        assert_eq!(e.kind, ErrKind::ValueError);
        assert!(e.message.starts_with("Exceeds the limit (4300 digits)"));
        assert_eq!(format_int(&IntArg::Big(&big), "e").unwrap_err().kind, ErrKind::OverflowError);
        assert!(format_int(&IntArg::Big(&big), "x").is_ok());
    }

    #[test]
    fn percent_with_mapping() {
        let mut lookup = |k: &str| -> Result<TestArg, FmtError> {
            match k {
                "a" => Ok(i(3)),
                "x" => Ok(s("hi")),
                "a(b)" => Ok(i(2)),
                _ => Err(FmtError { kind: ErrKind::ValueError, message: format!("KeyError {k}") }),
            }
        };
        let dict = s("{'a': 3}");
        let run = |t: &str, lookup: &mut dyn FnMut(&str) -> Result<TestArg, FmtError>| {
            percent_format(t, std::slice::from_ref(&dict), false, Some(lookup))
        };
        assert_eq!(run("%(a)d%%", &mut lookup).unwrap(), "3%");
        assert_eq!(run("%(x)s %(x)r|%(a)5d", &mut lookup).unwrap(), "hi 'hi'|    3");
        assert_eq!(run("%(a(b))s", &mut lookup).unwrap(), "2");
        assert_eq!(run("hello", &mut lookup).unwrap(), "hello");
        assert_eq!(run("%s %(a)s", &mut lookup).unwrap(), "{'a': 3} 3");
        assert_eq!(
            run("%(a)s %s", &mut lookup).unwrap_err().message,
            "not enough arguments for format string"
        );
        assert_eq!(run("%(zz)s", &mut lookup).unwrap_err().message, "KeyError zz");
        assert_eq!(run("%(a", &mut lookup).unwrap_err().message, "incomplete format key");
        assert_eq!(run("%(a)", &mut lookup).unwrap_err().message, "incomplete format");
        assert_eq!(
            run("%(a)5%|", &mut lookup).unwrap_err().message,
            "unsupported format character '%' (0x25) at index 5"
        );
        let e = percent_format("%(a)s", &[i(5)], false, None).unwrap_err();
        assert_eq!((e.kind, e.message.as_str()), (ErrKind::TypeError, "format requires a mapping"));
        let e = percent_format("%*d", &[i(2_000_000), i(1)], true, None).unwrap_err();
        assert_eq!(e.message, "format width too large");
    }

    #[test]
    fn never_panics() {
        let alphabet: Vec<char> =
            "0123456789<>=^+- z#,_.%{}![]:()*sdxXobcefgGnEFraé\u{0}lh".chars().collect();
        let mut seed = 0x9e37_79b9_7f4a_7c15u64;
        let mut next = move || {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            seed
        };
        let big = BigInt::from_i64(7).pow(100).unwrap();
        let args = [i(65), s("x"), i(-3)];
        for _ in 0..20_000 {
            let len = (next() % 9) as usize;
            let text: String =
                (0..len).map(|_| alphabet[(next() % alphabet.len() as u64) as usize]).collect();
            let _ = format_int(&IntArg::Small(-42), &text);
            let _ = format_int(&IntArg::Big(&big), &text);
            let _ = format_float(-1.5e-7, &text);
            let _ = format_float(f64::NAN, &text);
            let _ = format_str("abc", &text);
            let _ = parse_format_template(&text);
            let _ = percent_format(&text, &args, true, None);
            let mut lookup = |_: &str| -> Result<TestArg, FmtError> { Ok(i(1)) };
            let _ = percent_format(&text, &args[..1], false, Some(&mut lookup));
        }
    }

    fn lit(s: &str) -> TemplatePiece {
        TemplatePiece::Literal(s.to_string())
    }

    fn field(
        arg: FieldArg,
        accessors: Vec<Accessor>,
        conversion: Option<char>,
        spec: Vec<TemplatePiece>,
    ) -> TemplatePiece {
        TemplatePiece::Field(FormatField { arg, accessors, conversion, spec })
    }

    #[test]
    fn templates() {
        use Accessor::{Attr, Key};
        use FieldArg::{Index, Name};
        assert_eq!(parse_format_template("a{{b}}c").unwrap(), vec![lit("a{b}c")]);
        assert_eq!(parse_format_template("").unwrap(), vec![]);
        assert_eq!(
            parse_format_template("x{}y{}{!r:>5}").unwrap(),
            vec![
                lit("x"),
                field(Index(0), vec![], None, vec![]),
                lit("y"),
                field(Index(1), vec![], None, vec![]),
                field(Index(2), vec![], Some('r'), vec![lit(">5")]),
            ]
        );
        assert_eq!(
            parse_format_template("{a.b[0][x y].c!s:{}<{w}}}}").unwrap(),
            vec![
                field(
                    Name("a".into()),
                    vec![Attr("b".into()), Accessor::Index(0), Key("x y".into()), Attr("c".into())],
                    Some('s'),
                    vec![
                        field(Index(0), vec![], None, vec![]),
                        lit("<"),
                        field(Name("w".into()), vec![], None, vec![])
                    ]
                ),
                lit("}"),
            ]
        );
        assert_eq!(
            parse_format_template("{:{}}{}").unwrap(),
            vec![
                field(Index(0), vec![], None, vec![field(Index(1), vec![], None, vec![])]),
                field(Index(2), vec![], None, vec![]),
            ]
        );
        assert_eq!(
            parse_format_template("{0:{{}}}").unwrap(),
            vec![field(Index(0), vec![], None, vec![lit("{}")])]
        );
        assert_eq!(
            parse_format_template("{[}]}").unwrap(),
            vec![field(Index(0), vec![Key("}".into())], None, vec![])]
        );
        assert_eq!(
            parse_format_template("{00}{-1}{0]}").unwrap()[1],
            field(Name("-1".into()), vec![], None, vec![])
        );
        let errors = [
            ("{0", "expected '}' before end of string"),
            ("{!r", "unmatched '{' in format spec"),
            ("{!}", "unmatched '{' in format spec"),
            ("{0!r", "unmatched '{' in format spec"),
            ("{0!x}", "Unknown conversion specifier x"),
            ("{0!rr}", "expected ':' after conversion specifier"),
            ("{0!:}", "Unknown conversion specifier :"),
            ("{0!", "end of string while looking for conversion specifier"),
            ("{0[}", "expected '}' before end of string"),
            ("{0.}", "Empty attribute in format string"),
            ("{0[]}", "Empty attribute in format string"),
            ("{0[a]x}", "Only '.' or '[' may follow ']' in format field specifier"),
            ("{:{:{}}}", "Max string recursion exceeded"),
            ("{}{0}", "cannot switch from automatic field numbering to manual field specification"),
            ("{0}{}", "cannot switch from manual field specification to automatic field numbering"),
            ("{0:{}}", "cannot switch from manual field specification to automatic field numbering"),
            ("}", "Single '}' encountered in format string"),
            ("a}b", "Single '}' encountered in format string"),
            ("{", "Single '{' encountered in format string"),
            ("ab{", "Single '{' encountered in format string"),
            ("{0:", "unmatched '{' in format spec"),
            ("{a{b}", "unexpected '{' in field name"),
            ("{0:{a}b}}", "Single '}' encountered in format string"),
            ("{99999999999999999999999}", "Too many decimal digits in format string"),
            ("{0[99999999999999999999999]}", "Too many decimal digits in format string"),
        ];
        for (t, msg) in errors {
            let e = parse_format_template(t).unwrap_err();
            assert_eq!((e.kind, e.message.as_str()), (ErrKind::ValueError, msg), "{t}");
        }
    }
}
