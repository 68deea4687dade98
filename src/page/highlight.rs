//! A small Python tokenizer for the program pane: enough to colour
//! keywords, strings, comments and numbers. The page builds one `<span>` per
//! token with `textContent`, so the program text is never parsed as HTML.

/// What a piece of program text is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Keyword,
    /// A builtin function or constant-like name (`print`, `range`).
    Builtin,
    String,
    Comment,
    Number,
    /// Names, operators, spaces: drawn plain.
    Plain,
}

/// The CSS classes of the coloured kinds, indexed by [`Kind::index`].
pub const CLASSES: [&str; 5] = ["tok-kw", "tok-bi", "tok-str", "tok-com", "tok-num"];

impl Kind {
    /// The index of the token's class in [`CLASSES`] (`None`: plain text).
    pub fn index(self) -> Option<usize> {
        match self {
            Kind::Keyword => Some(0),
            Kind::Builtin => Some(1),
            Kind::String => Some(2),
            Kind::Comment => Some(3),
            Kind::Number => Some(4),
            Kind::Plain => None,
        }
    }

    /// The CSS class of the token's span (`None`: plain text).
    pub fn class(self) -> Option<&'static str> {
        self.index().map(|i| CLASSES[i])
    }
}

/// Python 3.11's keywords (`keyword.kwlist`) and soft keywords.
const KEYWORDS: &[&str] = &[
    "False", "None", "True", "and", "as", "assert", "async", "await", "break", "class", "continue", "def",
    "del", "elif", "else", "except", "finally", "for", "from", "global", "if", "import", "in", "is",
    "lambda", "nonlocal", "not", "or", "pass", "raise", "return", "try", "while", "with", "yield",
];

/// The builtins the lessons call.
const BUILTINS: &[&str] = &[
    "print",
    "range",
    "len",
    "str",
    "int",
    "float",
    "list",
    "dict",
    "set",
    "tuple",
    "sum",
    "min",
    "max",
    "sorted",
    "enumerate",
    "zip",
    "isinstance",
    "super",
    "repr",
    "type",
    "object",
    "round",
    "abs",
    "iter",
    "next",
    "any",
    "all",
    "map",
    "filter",
    "open",
    "Exception",
    "ValueError",
    "RuntimeError",
    "TimeoutError",
    "KeyError",
    "StopAsyncIteration",
    "StopIteration",
];

/// Split `source` into tokens; their texts put together are `source`.
pub fn tokenize<'a>(source: &'a str) -> Vec<(Kind, &'a str)> {
    let mut tokens: Vec<(Kind, &str)> = Vec::new();
    let bytes = source.as_bytes();
    let mut i = 0;
    let mut plain_start = 0;
    let push = |tokens: &mut Vec<(Kind, &'a str)>, kind, start: usize, end: usize, plain_start: usize| {
        if plain_start < start {
            tokens.push((Kind::Plain, &source[plain_start..start]));
        }
        tokens.push((kind, &source[start..end]));
    };
    while i < bytes.len() {
        let c = bytes[i];
        if c == b'#' {
            let end = source[i..].find('\n').map_or(source.len(), |n| i + n);
            push(&mut tokens, Kind::Comment, i, end, plain_start);
            i = end;
            plain_start = i;
        } else if c == b'"' || c == b'\'' {
            let end = string_end(source, i);
            push(&mut tokens, Kind::String, i, end, plain_start);
            i = end;
            plain_start = i;
        } else if c.is_ascii_digit() || (c == b'.' && bytes.get(i + 1).is_some_and(u8::is_ascii_digit)) {
            let end = number_end(bytes, i);
            // A digit inside a name (`x1`) was consumed with the name.
            push(&mut tokens, Kind::Number, i, end, plain_start);
            i = end;
            plain_start = i;
        } else if c == b'_' || c.is_ascii_alphabetic() || c >= 0x80 {
            let end = name_end(source, i);
            if end == i {
                // A non-ASCII character that is not part of a name (`…`).
                i += source[i..].chars().next().map_or(1, char::len_utf8);
                continue;
            }
            let word = &source[i..end];
            // A string prefix: r"...", f'...', rb"..."
            if end < bytes.len()
                && (bytes[end] == b'"' || bytes[end] == b'\'')
                && word.len() <= 2
                && word.chars().all(|ch| "rRbBfFuU".contains(ch))
            {
                let string_end = string_end(source, end);
                push(&mut tokens, Kind::String, i, string_end, plain_start);
                i = string_end;
                plain_start = i;
                continue;
            }
            let kind = if KEYWORDS.contains(&word) {
                Some(Kind::Keyword)
            } else if BUILTINS.contains(&word) && !preceded_by_dot(bytes, i) {
                Some(Kind::Builtin)
            } else {
                None
            };
            if let Some(kind) = kind {
                push(&mut tokens, kind, i, end, plain_start);
                plain_start = end;
            }
            i = end;
        } else {
            // Any other character, whole (it may be several UTF-8 bytes).
            i += source[i..].chars().next().map_or(1, char::len_utf8);
        }
    }
    if plain_start < source.len() {
        tokens.push((Kind::Plain, &source[plain_start..]));
    }
    tokens
}

/// The coloured tokens of `source` for the code editor, as triples `from,
/// to, class index` ([`CLASSES`]), offsets in UTF-16 code units (the
/// editor's positions).
pub fn spans(source: &str) -> Vec<u32> {
    let mut spans = Vec::new();
    let mut at = 0u32;
    for (kind, text) in tokenize(source) {
        let end = at + text.encode_utf16().count() as u32;
        if let Some(index) = kind.index() {
            spans.extend([at, end, index as u32]);
        }
        at = end;
    }
    spans
}

fn preceded_by_dot(bytes: &[u8], i: usize) -> bool {
    i > 0 && bytes[i - 1] == b'.'
}

/// The end of the name starting at `start`.
fn name_end(source: &str, start: usize) -> usize {
    source[start..]
        .char_indices()
        .find(|(_, ch)| !(ch.is_alphanumeric() || *ch == '_'))
        .map_or(source.len(), |(n, _)| start + n)
}

/// The end of the number starting at `start` (`1_000`, `0.5`, `1e-05`, `0x1F`).
fn number_end(bytes: &[u8], start: usize) -> usize {
    let mut i = start;
    while i < bytes.len() {
        let c = bytes[i];
        let sign_of_exponent = (c == b'+' || c == b'-')
            && i > start
            && matches!(bytes[i - 1], b'e' | b'E')
            && !(bytes[start] == b'0' && matches!(bytes.get(start + 1), Some(b'x' | b'X')));
        if c.is_ascii_alphanumeric() || c == b'_' || c == b'.' || sign_of_exponent {
            i += 1;
        } else {
            break;
        }
    }
    i
}

/// The end of the string literal whose quote is at `start`: after its
/// closing quote, or the end of the line (or text) for an unclosed one.
fn string_end(source: &str, start: usize) -> usize {
    let bytes = source.as_bytes();
    let quote = bytes[start];
    let triple = bytes.get(start + 1) == Some(&quote) && bytes.get(start + 2) == Some(&quote);
    let mut i = start + if triple { 3 } else { 1 };
    while i < bytes.len() {
        match bytes[i] {
            b'\\' => i += 2,
            b'\n' if !triple => return i,
            c if c == quote => {
                if !triple {
                    return i + 1;
                }
                if bytes.get(i + 1) == Some(&quote) && bytes.get(i + 2) == Some(&quote) {
                    return i + 3;
                }
                i += 1;
            }
            _ => i += 1,
        }
    }
    bytes.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(source: &str) -> Vec<(Kind, &str)> {
        tokenize(source).into_iter().filter(|(k, _)| *k != Kind::Plain).collect()
    }

    #[test]
    fn tokens_cover_the_source() {
        let source =
            "import asyncio\n\nasync def main(n=3):  # the entry\n    await asyncio.sleep(1.5e-3)\n    \
                      print(f\"{n} done\", 'x\\'y', \"\"\"a\n\"b\"\n\"\"\")\n    x1 = 0x1F + .5 + 1_000\n\n\
                      asyncio.run(main())  # é ü 第一个\n… «x» 变量 = 1\n";
        let joined: String = tokenize(source).iter().map(|(_, t)| *t).collect();
        assert_eq!(joined, source);
    }

    #[test]
    fn kinds_are_recognised() {
        assert_eq!(
            kinds("async def main():\n    await asyncio.sleep(2.0)  # wait\n"),
            vec![
                (Kind::Keyword, "async"),
                (Kind::Keyword, "def"),
                (Kind::Keyword, "await"),
                (Kind::Number, "2.0"),
                (Kind::Comment, "# wait"),
            ]
        );
        assert_eq!(
            kinds("print(f'{x}', r\"\\d\", 'it''s', x1, 1e-05, None)"),
            vec![
                (Kind::Builtin, "print"),
                (Kind::String, "f'{x}'"),
                (Kind::String, "r\"\\d\""),
                (Kind::String, "'it'"),
                (Kind::String, "'s'"),
                (Kind::Number, "1e-05"),
                (Kind::Keyword, "None"),
            ]
        );
        assert_eq!(
            kinds("s = \"\"\"one\n'two' # not a comment\n\"\"\"\n"),
            vec![(Kind::String, "\"\"\"one\n'two' # not a comment\n\"\"\"")]
        );
        // An unclosed string ends at its line; a method named like a builtin is plain.
        assert_eq!(kinds("x = 'oops\nq.print()"), vec![(Kind::String, "'oops")]);
    }

    #[test]
    fn spans_are_utf16_offsets_of_the_coloured_tokens() {
        // `é` and `第` are one UTF-16 unit each, `𝔘` (outside the BMP) two.
        let source = "x = 'é'  # 第\nif 𝔘: print(1)\n";
        let spans = spans(source);
        let units: Vec<u16> = source.encode_utf16().collect();
        let pieces: Vec<(String, &str)> = spans
            .chunks(3)
            .map(|t| {
                (String::from_utf16(&units[t[0] as usize..t[1] as usize]).unwrap(), CLASSES[t[2] as usize])
            })
            .collect();
        let expected = [
            ("'é'", "tok-str"),
            ("# 第", "tok-com"),
            ("if", "tok-kw"),
            ("print", "tok-bi"),
            ("1", "tok-num"),
        ];
        let expected: Vec<(String, &str)> = expected.iter().map(|(t, c)| (t.to_string(), *c)).collect();
        assert_eq!(pieces, expected);
        for (kind, class) in [(Kind::Keyword, "tok-kw"), (Kind::Number, "tok-num"), (Kind::Plain, "")] {
            assert_eq!(kind.class().unwrap_or(""), class);
        }
    }

    #[test]
    fn every_scenario_program_tokenizes_losslessly() {
        for meta in asyncio_scenarios::meta::ALL {
            let params = asyncio_scenarios::Params::defaults(meta.params);
            let Some(program) = asyncio_scenarios::python::program(meta.name, &params) else { continue };
            let joined: String = tokenize(&program).iter().map(|(_, t)| *t).collect();
            assert_eq!(joined, program, "{}", meta.name);
        }
    }
}
