//! The article wrapped to a width, as rows of byte ranges.
//!
//! whosaid wraps the article itself (rather than letting a Paragraph do it)
//! so that every quote span maps to exact screen rows: the pane can scroll a
//! span into view and highlight it across wrapped lines. The layout is
//! computed once per width and reused for every frame.
//!
//! Hard-wrapped text (transcripts wrapped at about 72 columns) is reflowed:
//! the single line breaks inside a paragraph wrap like spaces, while blank
//! lines still separate paragraphs. Offsets stay those of the file.

use crate::text;
use std::ops::Range;

#[derive(Default)]
pub struct ArticleLayout {
    pub width: usize,
    /// Byte ranges of the text, one per screen row, in order. White space
    /// where a line wraps belongs to no row.
    pub rows: Vec<Range<usize>>,
}

impl ArticleLayout {
    /// Wraps `text` to `width`; with `reflow`, a paragraph's lines are
    /// joined first.
    pub fn new(text: &str, width: usize, reflow: bool) -> ArticleLayout {
        let width = width.max(1);
        let mut rows = Vec::new();
        let mut wrap = |from: usize, to: usize| {
            rows.extend(
                text::wrap_ranges(&text[from..to], width).into_iter().map(|r| from + r.start..from + r.end),
            );
        };
        let mut start = 0;
        let mut paragraph: Option<usize> = None;
        for line in text.split('\n') {
            let end = start + line.len();
            let trimmed = end - (line.len() - line.trim_end_matches('\r').len());
            let blank = line.trim().is_empty();
            match (reflow, blank) {
                (false, _) => wrap(start, trimmed),
                (true, false) => {
                    paragraph.get_or_insert(start);
                }
                (true, true) => {
                    if let Some(from) = paragraph.take() {
                        wrap(from, start.saturating_sub(1).max(from));
                    }
                    wrap(start, trimmed);
                }
            }
            start = end + 1;
        }
        if let Some(from) = paragraph {
            wrap(from, text.len());
        }
        ArticleLayout { width, rows }
    }

    /// The row holding byte `offset` (or the row after it, when the offset
    /// falls in white space at a wrap).
    pub fn row_of(&self, offset: usize) -> usize {
        let after = self.rows.partition_point(|r| r.start <= offset);
        match after.checked_sub(1) {
            Some(row) if offset <= self.rows[row].end || after == self.rows.len() => row,
            Some(_) => after,
            None => 0,
        }
    }

    /// The rows a byte range covers, first and last.
    pub fn rows_of(&self, span: &Range<usize>) -> Range<usize> {
        let first = self.row_of(span.start);
        let last = self.row_of(span.end.saturating_sub(1).max(span.start));
        first..last.max(first) + 1
    }
}

/// Whether a text looks hard-wrapped: most of its lines run on into the
/// next one, at a steady width of at most 120 characters.
pub fn looks_hard_wrapped(text: &str) -> bool {
    let lines: Vec<&str> = text.lines().collect();
    let length = |l: &str| l.trim_end().chars().count();
    let mut continued: Vec<usize> = Vec::new();
    let mut nonblank = 0;
    for (i, line) in lines.iter().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        nonblank += 1;
        if lines.get(i + 1).is_some_and(|next| !next.trim().is_empty()) {
            continued.push(length(line));
        }
    }
    if nonblank < 8 || continued.len() < 4 || continued.len() * 10 < nonblank * 3 {
        return false;
    }
    continued.sort_unstable();
    let widest = continued[continued.len() * 9 / 10];
    let steady = continued.iter().filter(|&&n| n * 10 >= widest * 6).count();
    (20..=120).contains(&widest) && steady * 2 >= continued.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rows(text: &str, width: usize) -> Vec<&str> {
        ArticleLayout::new(text, width, false).rows.iter().map(|r| &text[r.clone()]).collect()
    }

    #[test]
    fn hard_wrapped_paragraphs_are_joined() {
        let text = "MS. PSAKI: Hi, everyone. Good afternoon.\nThanks for joining us.\n\nQ Thank you.\nA second line.";
        assert!(!looks_hard_wrapped(text), "too short to tell");
        let layout = ArticleLayout::new(text, 80, true);
        let shown: Vec<&str> = layout.rows.iter().map(|r| &text[r.clone()]).collect();
        assert_eq!(
            shown,
            vec![
                "MS. PSAKI: Hi, everyone. Good afternoon.\nThanks for joining us.",
                "",
                "Q Thank you.\nA second line."
            ]
        );
        let transcript = include_str!("../../examples/2022-01-10-psaki-briefing.txt");
        assert!(looks_hard_wrapped(transcript));
        let seed = include_str!("../../assets/nato-open-doors.txt");
        assert!(!looks_hard_wrapped(seed), "one line per paragraph");
    }

    #[test]
    fn wraps_words_and_keeps_blank_lines() {
        assert_eq!(rows("aa bb cc\n\ndd", 5), vec!["aa bb", "cc", "", "dd"]);
        assert_eq!(rows("  indented text", 10), vec!["  indented", "text"]);
        assert_eq!(rows("abcdefgh ij", 3), vec!["abc", "def", "gh", "ij"]);
        assert_eq!(rows("a“b” – c", 4), vec!["a“b”", "– c"]);
        assert_eq!(rows("x\r\ny", 4), vec!["x", "y"]);
    }

    #[test]
    fn finds_rows_of_offsets_and_spans() {
        let text = "aa bb cc\n\ndd";
        let layout = ArticleLayout::new(text, 5, false);
        assert_eq!(layout.row_of(0), 0);
        assert_eq!(layout.row_of(5), 0); // end of "aa bb"
        assert_eq!(layout.row_of(6), 1);
        assert_eq!(layout.row_of(10), 3);
        assert_eq!(layout.rows_of(&(3..8)), 0..2);
    }

    #[test]
    fn every_width_terminates() {
        let text = include_str!("../../assets/nato-open-doors.txt");
        for width in 1..40 {
            let layout = ArticleLayout::new(text, width, false);
            for r in &layout.rows {
                assert!(text::width(&text[r.clone()]) <= width || r.is_empty(), "{width}");
            }
        }
    }
}
