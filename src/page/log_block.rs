//! The lines printed since the output pane last wrote to `#log`: the next
//! block of the log, with what the style sheet needs to size it while it is
//! off screen (`content-visibility: auto` skips its layout) and to keep its
//! long lines from being clipped (its paint containment clips to its box).

/// The height of one of `#log`'s lines, in its font's em (`line-height` in
/// `www/style.css`).
pub const LINE_HEIGHT_EM: f64 = 1.45;

/// Lines gathered for the next block of `#log`.
#[derive(Debug, Default)]
pub struct LogBlock {
    /// The lines joined by newlines; starting with one when the block
    /// follows others (the newline that joins it to them).
    text: String,
    lines: usize,
    /// The widest line, in the log's monospaced cells ([`cells`]).
    width: usize,
}

impl LogBlock {
    /// Add `line`; `joined` when a line comes before it in the log.
    pub fn push(&mut self, line: &str, joined: bool) {
        if joined {
            self.text.push('\n');
        }
        self.text.push_str(line);
        self.lines += 1;
        self.width = self.width.max(cells(line));
    }

    /// Nothing gathered.
    pub fn is_empty(&self) -> bool {
        self.lines == 0
    }

    /// The text, as [`LogBlock::push`] joined it.
    pub fn text(&self) -> &str {
        &self.text
    }

    /// `contain-intrinsic-block-size`: as tall as its lines (`white-space:
    /// pre` never wraps), remembered once laid out.
    pub fn intrinsic_height(&self) -> String {
        format!("auto {:.2}em", self.lines as f64 * LINE_HEIGHT_EM)
    }

    /// `contain-intrinsic-inline-size`: as wide as its widest line (one cell
    /// is 1ch in a monospaced font).
    pub fn intrinsic_width(&self) -> String {
        format!("auto {}ch", self.width)
    }

    /// Start the next block.
    pub fn clear(&mut self) {
        *self = LogBlock::default();
    }
}

/// How many of the log's monospaced cells `line` takes at most: a tab up to
/// 8, a character outside ASCII up to 2 (wide East Asian characters and emoji
/// take two; reckoning two for every one only adds room to scroll).
fn cells(line: &str) -> usize {
    line.chars()
        .map(|c| match c {
            '\t' => 8,
            c if c.is_ascii() => 1,
            _ => 2,
        })
        .sum()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_block_is_as_tall_as_its_lines_and_as_wide_as_its_widest() {
        let mut block = LogBlock::default();
        assert!(block.is_empty());
        block.push("[    0.178] worker-0", false);
        block.push("a\tb", true);
        block.push("主任务 done", true);
        assert!(!block.is_empty());
        assert_eq!(block.text(), "[    0.178] worker-0\na\tb\n主任务 done");
        assert_eq!(block.intrinsic_height(), "auto 4.35em");
        assert_eq!(block.intrinsic_width(), "auto 20ch");
        block.push("漢".repeat(11).as_str(), true);
        assert_eq!(block.intrinsic_width(), "auto 22ch");
        block.clear();
        assert!(block.is_empty());
        assert_eq!(block.text(), "");
        assert_eq!(block.intrinsic_height(), "auto 0.00em");
    }

    #[test]
    fn a_block_after_others_starts_with_the_joining_newline() {
        let mut block = LogBlock::default();
        block.push("x", true);
        assert_eq!(block.text(), "\nx");
        assert_eq!(block.intrinsic_width(), "auto 1ch");
    }
}
