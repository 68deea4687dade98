//! The `^^^^` line under a traceback entry's source line (PEP 657), laid
//! out as 3.11's `traceback.StackSummary.format_frame_summary` lays it out:
//! under the expression that raised, unless it is the whole line; `~~^~~`
//! for an operation (the operator marked) and `~~^^^` for a subscript.

use crate::object::{Span, Split};

/// The caret line (without its newline) for `span`, on source line `line`
/// (as written, without the newline), or `None` when none is shown.
pub fn caret_line(line: &str, span: &Span) -> Option<String> {
    let chars: Vec<char> = line.chars().collect();
    let stripped = line.trim();
    // CPython counts the newline it keeps at the end of the line as stripped.
    let stripped_characters = chars.len() + 1 - stripped.chars().count();
    let start = (span.col as usize).saturating_sub(1).min(chars.len());
    let (end, anchors) = if span.end_line == span.line {
        let end = (span.end_col as usize).saturating_sub(1).clamp(start, chars.len());
        (end, anchors(&chars[start..end], span))
    } else {
        (line.trim_end().chars().count().max(start), None)
    };
    let split = anchors.is_some_and(|(left, right)| right > left);
    if end - start >= stripped.chars().count() && !split {
        return None;
    }
    let dp_start = width(&chars[..start]) + 1;
    let dp_end = width(&chars[..end]) + 1;
    let mut out = String::from("    ");
    out.extend(std::iter::repeat_n(' ', dp_start.saturating_sub(stripped_characters)));
    match anchors {
        Some((left, right)) => {
            let segment = &chars[start..end];
            let (dp_left, dp_right) = (width(&segment[..left]), width(&segment[..right]));
            out.extend(std::iter::repeat_n('~', dp_left));
            out.extend(std::iter::repeat_n('^', dp_right.saturating_sub(dp_left)));
            out.extend(std::iter::repeat_n('~', (dp_end - dp_start).saturating_sub(dp_right)));
        }
        None => out.extend(std::iter::repeat_n('^', dp_end - dp_start)),
    }
    Some(out)
}

/// `_extract_caret_anchors_from_line_segment`: where the `^` part starts
/// and ends in `segment` (the expression's text), for an operation or a
/// subscript.
fn anchors(segment: &[char], span: &Span) -> Option<(usize, usize)> {
    let rel = |col: u32| (col as usize).saturating_sub(span.col as usize).min(segment.len());
    let at = |i: usize| segment.get(i).copied();
    match span.split {
        Split::Whole => None,
        Split::Op { left_end, right_start } => {
            let (op_start, op_end) = (rel(left_end), rel(right_start).max(rel(left_end)));
            let op = &segment[op_start..op_end];
            let offset = op.iter().take_while(|c| c.is_whitespace()).count();
            let mut left = op_start + offset;
            let mut right = left + 1;
            if op.get(offset + 1).is_some_and(|c| !c.is_whitespace()) {
                right += 1;
            }
            while at(left).is_some_and(|c| c.is_whitespace() || c == ')' || c == '#') {
                left += 1;
                right += 1;
            }
            Some((left.min(segment.len()), right.min(segment.len())))
        }
        Split::Index { value_end, index_end } => {
            let mut left = rel(value_end);
            let mut right = rel(index_end) + 1;
            while at(left).is_some_and(|c| c != '[') {
                left += 1;
            }
            while at(right).is_some_and(|c| c != ']') {
                right += 1;
            }
            if right < segment.len() {
                right += 1;
            }
            Some((left.min(segment.len()), right.min(segment.len())))
        }
    }
}

/// `_display_width`: East Asian wide and fullwidth characters take two
/// columns (the common ranges of Unicode's table).
fn width(chars: &[char]) -> usize {
    chars.iter().map(|&c| if is_wide(c) { 2 } else { 1 }).sum()
}

fn is_wide(c: char) -> bool {
    matches!(c as u32,
        0x1100..=0x115F | 0x2E80..=0x303E | 0x3041..=0x33FF | 0x3400..=0x4DBF | 0x4E00..=0x9FFF
        | 0xA000..=0xA4CF | 0xAC00..=0xD7A3 | 0xF900..=0xFAFF | 0xFE30..=0xFE4F | 0xFF00..=0xFF60
        | 0xFFE0..=0xFFE6 | 0x1F300..=0x1F64F | 0x1F900..=0x1F9FF | 0x20000..=0x3FFFD)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn span(col: u32, end_col: u32, split: Split) -> Span {
        Span { line: 1, col, end_line: 1, end_col, split }
    }

    #[test]
    fn a_call_inside_the_line_is_marked() {
        let line = "    result = compute(5)";
        assert_eq!(caret_line(line, &span(14, 24, Split::Whole)).as_deref(), Some("             ^^^^^^^^^^"));
    }

    #[test]
    fn the_whole_line_has_no_carets_unless_it_is_split() {
        assert_eq!(caret_line("    compute(5)", &span(5, 15, Split::Whole)), None);
        let index = Split::Index { value_end: 7, index_end: 9 };
        assert_eq!(caret_line("    {}[1]", &span(5, 10, index)).as_deref(), Some("    ~~^^^"));
    }

    #[test]
    fn an_operation_marks_its_operator() {
        // 1 / 0 and (a + b) * c: the operator, past the parenthesis.
        let op = Split::Op { left_end: 10, right_start: 13 };
        assert_eq!(caret_line("    x = 1 / 0", &span(9, 14, op)).as_deref(), Some("        ~~^~~"));
        let op = Split::Op { left_end: 15, right_start: 19 };
        assert_eq!(
            caret_line("    y = (a + b) * c", &span(9, 20, op)).as_deref(),
            Some("        ~~~~~~~~^~~")
        );
        let op = Split::Op { left_end: 10, right_start: 14 };
        assert_eq!(caret_line("    z = a ** b", &span(9, 15, op)).as_deref(), Some("        ~~^^~~"));
    }

    #[test]
    fn a_multi_line_expression_is_marked_to_the_end_of_its_first_line() {
        let s = Span { line: 1, col: 9, end_line: 3, end_col: 6, split: Split::Whole };
        assert_eq!(caret_line("    x = f(a,", &s).as_deref(), Some("        ^^^^"));
    }

    #[test]
    fn wide_characters_take_two_columns() {
        let op = Split::Op { left_end: 12, right_start: 15 };
        assert_eq!(caret_line("    s = '漢' + 1", &span(9, 16, op)).as_deref(), Some("        ~~~~~^~~"));
    }
}
