//! The browser's search state: the query line while it is open, and the
//! last good result, which the Quotes list shows. Matching itself is in
//! [`crate::query`], shared with the command line.

use super::app::ListState;
use crate::model::Annotation;
use crate::query::{self, Found, SearchIndex};
use std::ops::Range;

/// A one-line editor: the text and a cursor (a byte offset on a char boundary).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct QueryLine {
    pub input: String,
    pub cursor: usize,
}

impl QueryLine {
    pub fn insert(&mut self, c: char) {
        self.input.insert(self.cursor, c);
        self.cursor += c.len_utf8();
    }

    pub fn delete_back(&mut self) {
        if let Some((i, _)) = self.input[..self.cursor].char_indices().next_back() {
            self.input.replace_range(i..self.cursor, "");
            self.cursor = i;
        }
    }

    /// Ctrl-w: the word before the cursor, and the spaces after it.
    pub fn delete_word(&mut self) {
        let before = &self.input[..self.cursor];
        let trimmed = before.trim_end();
        let start = trimmed.rfind(char::is_whitespace).map_or(0, |i| i + 1);
        self.input.replace_range(start..self.cursor, "");
        self.cursor = start;
    }

    pub fn clear(&mut self) {
        self.input.clear();
        self.cursor = 0;
    }

    pub fn left(&mut self) {
        if let Some((i, _)) = self.input[..self.cursor].char_indices().next_back() {
            self.cursor = i;
        }
    }

    pub fn right(&mut self) {
        if let Some(c) = self.input[self.cursor..].chars().next() {
            self.cursor += c.len_utf8();
        }
    }

    pub fn home(&mut self) {
        self.cursor = 0;
    }

    pub fn end(&mut self) {
        self.cursor = self.input.len();
    }
}

/// What Esc brings back: the search and list as they were before `/`.
pub struct Saved {
    pub query: String,
    pub found: Option<Found>,
    pub quotes: ListState,
    pub selected: Option<usize>,
}

#[derive(Default)]
pub struct Search {
    /// The query whose result the list shows ("" for none).
    pub query: String,
    /// That result.
    pub found: Option<Found>,
    /// What is wrong with the query being typed, if anything; the list
    /// keeps the last good result meanwhile.
    pub error: Option<String>,
    /// The query line, while it is open.
    pub line: Option<QueryLine>,
    pub saved: Option<Saved>,
    /// Built on the first search, and again after a reload.
    index: Option<SearchIndex>,
}

impl Search {
    /// Runs the query being typed. A malformed query leaves the result as it was.
    pub fn run(&mut self, a: &Annotation, input: &str) {
        match query::parse(input, a) {
            Err(why) => self.error = Some(why),
            Ok(query) => {
                self.error = None;
                self.query = input.trim().to_string();
                self.found = if query.is_empty() {
                    None
                } else {
                    let index = self.index.get_or_insert_with(|| SearchIndex::new(a));
                    Some(index.search(a, &query, &|_| true))
                };
            }
        }
    }

    /// Takes an index built elsewhere (unless one is there already).
    pub fn set_index(&mut self, index: SearchIndex) {
        self.index.get_or_insert(index);
    }

    /// Forgets the index and re-runs the query on a reloaded annotation.
    pub fn reload(&mut self, a: &Annotation) {
        self.index = None;
        let query = self.query.clone();
        self.found = None;
        if !query.is_empty() {
            self.run(a, &query);
        }
    }

    pub fn clear(&mut self) {
        self.query.clear();
        self.found = None;
        self.error = None;
    }

    pub fn is_active(&self) -> bool {
        self.found.is_some()
    }

    /// The article ranges to highlight in quote `q`.
    pub fn highlights(&self, a: &Annotation, q: usize) -> Vec<Range<usize>> {
        match (&self.index, &self.found) {
            (Some(index), Some(found)) => index.highlights(a, &found.compiled, q),
            _ => Vec::new(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_query_line_edits_like_a_shell_line() {
        let mut line = QueryLine::default();
        for c in "open dör".chars() {
            line.insert(c);
        }
        line.delete_back();
        assert_eq!(line.input, "open dö");
        line.left();
        line.left();
        line.insert('X');
        assert_eq!(line.input, "open Xdö");
        line.end();
        line.delete_word();
        assert_eq!(line.input, "open ");
        line.delete_word();
        assert_eq!(line.input, "");
        line.insert('a');
        line.home();
        line.insert('b');
        assert_eq!((line.input.as_str(), line.cursor), ("ba", 1));
        line.clear();
        assert_eq!(line, QueryLine::default());
    }
}
