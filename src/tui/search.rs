//! Searching in the browser: the search the Quotes list shows (kept on the
//! App while other modes come and go), and the Search mode, in which the
//! query line is open and the list follows every keystroke. Matching itself
//! is in [`crate::query`], shared with the command line.

use super::app::{App, Effect};
use super::history::Place;
use super::intent::Intent;
use super::keymap::Action;
use super::layout::Pane;
use super::mode::Mode;
use crate::model::{Corpus, QuoteIx};
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

/// The Search mode: the line being typed, where the reader was before `/`
/// (Esc returns there; Enter keeps the result and remembers it for
/// Ctrl-o), and what is wrong with the query as typed (the list is then
/// not filtered by it, and the line says why).
#[derive(Debug)]
pub struct SearchLine {
    pub line: QueryLine,
    before: Place,
    pub error: Option<String>,
}

impl SearchLine {
    /// Carries the place Esc returns to into a reloaded corpus.
    pub fn remap(&mut self, remap: &crate::model::Remap) {
        self.before.remap(remap);
    }
}

/// The search whose result the Quotes list shows.
#[derive(Default)]
pub struct Search {
    /// The query ("" for none).
    pub query: String,
    pub found: Option<Found>,
    /// Built in the background after the first frame, or on the first search.
    index: Option<SearchIndex>,
}

impl Search {
    /// Runs a query; a malformed one leaves the result as it was and says why.
    pub fn run(&mut self, c: &Corpus, input: &str) -> Result<(), String> {
        let query = query::parse(input, c)?;
        self.query = input.trim().to_string();
        self.found = if query.is_empty() {
            None
        } else {
            let index = self.index.get_or_insert_with(|| SearchIndex::new(c));
            Some(index.search(c, &query, &|_| true))
        };
        Ok(())
    }

    /// Whether an index of the current corpus is at hand.
    pub fn has_index(&self) -> bool {
        self.index.is_some()
    }

    /// Takes an index built elsewhere (unless one is there already).
    pub fn set_index(&mut self, index: SearchIndex) {
        self.index.get_or_insert(index);
    }

    /// Brings the index to a reloaded corpus (what did not change is kept)
    /// and runs the query again on it.
    pub fn reload(&mut self, old: &Corpus, c: &Corpus) {
        self.index = self.index.take().map(|index| index.update(old, c));
        let query = std::mem::take(&mut self.query);
        self.found = None;
        if !query.is_empty() && self.run(c, &query).is_err() {
            self.query.clear();
        }
    }

    pub fn clear(&mut self) {
        self.query.clear();
        self.found = None;
    }

    pub fn is_active(&self) -> bool {
        self.found.is_some()
    }

    /// The article ranges to highlight in quote `q`.
    pub fn highlights(&self, c: &Corpus, q: QuoteIx) -> Vec<Range<usize>> {
        match (&self.index, &self.found) {
            (Some(index), Some(found)) => index.highlights(c, &found.compiled, q),
            _ => Vec::new(),
        }
    }
}

/// `/`: opens the query line, remembering the list for Esc.
pub fn open(app: &App) -> Mode {
    Mode::Search(SearchLine { line: QueryLine::default(), before: Place::here(app), error: None })
}

pub fn update(mut search: SearchLine, action: Action) -> (Mode, Vec<Intent>) {
    let edit: fn(&mut QueryLine) = match action {
        Action::Quit => return (Mode::Search(search), vec![Intent::Effect(Effect::Quit)]),
        Action::Enter => {
            let mut intents = vec![Intent::RememberPlace(search.before), Intent::Focus(Pane::Quotes)];
            if let Some(error) = search.error {
                intents
                    .push(Intent::Notice(format!("bad query: {error} · the list is not filtered · / again")));
            }
            return (Mode::Browse, intents);
        }
        Action::Escape => return (Mode::Browse, vec![Intent::Restore(search.before)]),
        Action::Down => return (Mode::Search(search), vec![Intent::Move(Pane::Quotes, 1)]),
        Action::Up => return (Mode::Search(search), vec![Intent::Move(Pane::Quotes, -1)]),
        Action::DeleteBack => QueryLine::delete_back,
        Action::DeleteWord => QueryLine::delete_word,
        Action::ClearLine => QueryLine::clear,
        Action::CursorLeft => QueryLine::left,
        Action::CursorRight => QueryLine::right,
        Action::CursorHome => QueryLine::home,
        Action::CursorEnd => QueryLine::end,
        _ => return (Mode::Search(search), Vec::new()),
    };
    let intents = edited(&mut search, edit);
    (Mode::Search(search), intents)
}

/// Types a character into the query line.
pub fn type_char(mut search: SearchLine, c: char) -> (Mode, Vec<Intent>) {
    let intents = edited(&mut search, |line| line.insert(c));
    (Mode::Search(search), intents)
}

/// Edits the query line; when its text changed, the list follows it.
fn edited(search: &mut SearchLine, edit: impl FnOnce(&mut QueryLine)) -> Vec<Intent> {
    let before = search.line.input.clone();
    edit(&mut search.line);
    if search.line.input == before {
        return Vec::new();
    }
    vec![Intent::Search(search.line.input.clone())]
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
