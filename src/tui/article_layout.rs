//! The article wrapped to a width, as rows of byte ranges.
//!
//! whosaid wraps the article itself (rather than letting a Paragraph do it)
//! so that every quote span maps to exact screen rows: the pane can scroll a
//! span into view and highlight it across wrapped lines. The layout is
//! computed once per width and reused for every frame.

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
    pub fn new(text: &str, width: usize) -> ArticleLayout {
        let width = width.max(1);
        let mut rows = Vec::new();
        let mut start = 0;
        for line in text.split('\n') {
            let end = start + line.len();
            let trimmed = end - (line.len() - line.trim_end_matches('\r').len());
            rows.extend(
                text::wrap_ranges(&text[start..trimmed], width)
                    .into_iter()
                    .map(|r| start + r.start..start + r.end),
            );
            start = end + 1;
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

#[cfg(test)]
mod tests {
    use super::*;

    fn rows(text: &str, width: usize) -> Vec<&str> {
        ArticleLayout::new(text, width).rows.iter().map(|r| &text[r.clone()]).collect()
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
        let layout = ArticleLayout::new(text, 5);
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
            let layout = ArticleLayout::new(text, width);
            for r in &layout.rows {
                assert!(text::width(&text[r.clone()]) <= width || r.is_empty(), "{width}");
            }
        }
    }
}
