//! The browser's state and the one function that changes it.
//!
//! [`App::handle`] takes an [`Event`] (a key, a click, a resize, a reload's
//! outcome), changes the state, and may return an [`Effect`] for the event
//! loop to carry out (copy, reload, suspend, quit). It does no I/O and draws
//! nothing; the views read the state and draw it.

use super::article_layout::ArticleLayout;
use super::keymap::{self, Action, Context, Key};
use super::layout::{self, MatrixGrid, Pane, Panes, Screen};
use super::search::{QueryLine, Saved, Search};
use super::theme::Theme;
use crate::matrix::{self, Matrix};
use crate::model::{Annotation, Kind};
use crate::query::SearchIndex;
use crate::text;
use crossterm::event::{KeyEvent, MouseButton, MouseEvent, MouseEventKind};
use ratatui::layout::Rect;
use std::ops::Range;
use std::sync::Arc;

/// Something for the event loop to do on the App's behalf.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Effect {
    /// Put this text on the clipboard (OSC 52).
    Copy(String),
    /// Read the file again and send back [`Event::Reloaded`].
    Reload,
    Suspend,
    Quit,
}

/// What the App reacts to.
#[derive(Debug)]
pub enum Event {
    Key(KeyEvent),
    Mouse(MouseEvent),
    Resize(u16, u16),
    /// Something to say in the status line.
    Notice(String),
    /// A search index built on another thread, for the annotation given.
    SearchIndex(Arc<Annotation>, Box<SearchIndex>),
    /// A reload's outcome: the new annotation, or the lines to show in the
    /// banner while the last good state stays on screen.
    Reloaded(Result<Box<Annotation>, Vec<String>>),
}

/// A selection in a list and the first row shown.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ListState {
    pub selected: usize,
    pub offset: usize,
}

impl ListState {
    /// Moves the selection by `delta`, within `len` items.
    fn step(&mut self, delta: isize, len: usize) {
        let last = len.saturating_sub(1) as isize;
        self.selected = (self.selected as isize + delta).clamp(0, last) as usize;
    }

    /// Scrolls so that the selection is among `visible` items.
    fn keep_visible(&mut self, visible: usize, len: usize) {
        let visible = visible.max(1);
        if self.selected < self.offset {
            self.offset = self.selected;
        } else if self.selected >= self.offset + visible {
            self.offset = self.selected + 1 - visible;
        }
        self.offset = self.offset.min(len.saturating_sub(visible));
    }
}

/// Each quote's speaker and the issues it counts under, laid out flat so
/// that recounting on every keystroke of a search reads memory in order.
#[derive(Debug, Default)]
struct Facets {
    speaker: Vec<u32>,
    under: Vec<u32>,
    /// Quote `q`'s issues are `under[under_start[q]..under_start[q + 1]]`.
    under_start: Vec<u32>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Overlay {
    Help { scroll: usize },
}

/// The stance matrix on screen: the grid, the cursor cell and the first
/// row and column shown. Row `grid.rows.len()` and column
/// `grid.columns.len()` are the totals.
#[derive(Debug, Clone, PartialEq)]
pub struct MatrixState {
    pub grid: Matrix,
    pub row: usize,
    pub col: usize,
    pub top: usize,
    pub left: usize,
}

impl MatrixState {
    pub fn rows(&self) -> usize {
        self.grid.rows.len() + 1
    }

    pub fn columns(&self) -> usize {
        self.grid.columns.len() + 1
    }
}

/// Rows each quote takes in the Quotes list: its text, then who and what.
pub const QUOTE_ROWS: usize = 2;

pub struct App {
    /// Shared, so that the search index can be built on another thread.
    pub annotation: Arc<Annotation>,
    /// The file's name as the user gave it.
    pub name: String,
    pub theme: Theme,
    pub focus: Pane,
    /// Where `h`/`l` return to in each column.
    last_left: Pane,
    last_right: Pane,
    /// Row 0 is "All speakers"; row `i + 1` is speaker `i`.
    pub speakers: ListState,
    /// Row 0 is "All issues"; row `i + 1` is issue `i`.
    pub issues: ListState,
    /// Rows index [`App::filtered`].
    pub quotes: ListState,
    /// The quotes that pass the filters, in article order.
    pub filtered: Vec<usize>,
    /// Whether each quote passes the filters.
    in_filter: Vec<bool>,
    /// The longest span, in bytes: bounds the search for spans on screen.
    longest_span: usize,
    facets: Facets,
    /// Quotes per speaker under the issue filter, and their total.
    pub speaker_counts: Vec<usize>,
    pub speaker_total: usize,
    /// Quotes per issue (sub-issues included) under the speaker filter.
    pub issue_counts: Vec<usize>,
    pub issue_total: usize,
    pub article_layout: ArticleLayout,
    /// First article row shown, and the cursor row.
    pub article_top: usize,
    pub article_cursor: usize,
    pub area: Rect,
    pub overlay: Option<Overlay>,
    /// Problems of the last reload, shown until a reload succeeds.
    pub banner: Vec<String>,
    /// A one-off message for the status line.
    pub message: Option<String>,
    pub search: Search,
    /// The stance matrix, while it is open.
    pub matrix: Option<MatrixState>,
    /// Whether the matrix folds sub-issues; kept between openings.
    matrix_folded: bool,
}

impl App {
    pub fn new(annotation: Annotation, name: String, theme: Theme, width: u16, height: u16) -> App {
        let mut app = App {
            article_layout: ArticleLayout::default(),
            annotation: Arc::new(annotation),
            name,
            theme,
            focus: Pane::Speakers,
            last_left: Pane::Speakers,
            last_right: Pane::Quotes,
            speakers: ListState::default(),
            issues: ListState::default(),
            quotes: ListState::default(),
            filtered: Vec::new(),
            in_filter: Vec::new(),
            longest_span: 0,
            facets: Facets::default(),
            speaker_counts: Vec::new(),
            speaker_total: 0,
            issue_counts: Vec::new(),
            issue_total: 0,
            article_top: 0,
            article_cursor: 0,
            area: Rect::default(),
            overlay: None,
            banner: Vec::new(),
            message: None,
            search: Search::default(),
            matrix: None,
            matrix_folded: false,
        };
        app.derive_from_annotation();
        app.refilter();
        app.resize(width, height);
        app.show_selected_quote();
        app
    }

    /// The panes at the current size.
    pub fn screen(&self) -> Screen {
        let rows = (self.annotation.speakers.len() + 1, self.annotation.issues.len() + 1);
        let banner = if self.banner.is_empty() { 0 } else { self.banner.len().min(3) as u16 + 1 };
        layout::compute(self.area, self.focus, rows, banner)
    }

    pub fn panes(&self) -> Option<Panes> {
        match self.screen() {
            Screen::Panes(p) => Some(p),
            Screen::TooSmall => None,
        }
    }

    /// Rows inside a pane's border.
    fn inner_rows(&self, pane: Pane) -> usize {
        self.panes().and_then(|p| p.get(pane)).map_or(1, |r| r.height.saturating_sub(2) as usize).max(1)
    }

    fn visible_items(&self, pane: Pane) -> usize {
        match pane {
            Pane::Quotes => (self.inner_rows(pane) / QUOTE_ROWS).max(1),
            _ => self.inner_rows(pane),
        }
    }

    fn article_width(&self) -> usize {
        self.panes().and_then(|p| p.article).map_or(1, |r| r.width.saturating_sub(2) as usize).max(1)
    }

    /// The selected speaker, when the filter is not "All".
    pub fn speaker_filter(&self) -> Option<usize> {
        self.speakers.selected.checked_sub(1)
    }

    pub fn issue_filter(&self) -> Option<usize> {
        self.issues.selected.checked_sub(1)
    }

    /// The quote selected in the Quotes list.
    pub fn selected_quote(&self) -> Option<usize> {
        self.filtered.get(self.quotes.selected).copied()
    }

    fn list_len(&self, pane: Pane) -> usize {
        match pane {
            Pane::Speakers => self.annotation.speakers.len() + 1,
            Pane::Issues => self.annotation.issues.len() + 1,
            Pane::Quotes => self.filtered.len(),
            Pane::Article => self.article_layout.rows.len(),
        }
    }

    fn list_mut(&mut self, pane: Pane) -> Option<&mut ListState> {
        match pane {
            Pane::Speakers => Some(&mut self.speakers),
            Pane::Issues => Some(&mut self.issues),
            Pane::Quotes => Some(&mut self.quotes),
            Pane::Article => None,
        }
    }

    /// What is computed once per annotation.
    fn derive_from_annotation(&mut self) {
        let quotes = &self.annotation.quotes;
        self.longest_span = quotes.iter().map(|q| q.span.len()).max().unwrap_or(0);
        let mut facets = Facets::default();
        for quote in quotes {
            facets.speaker.push(quote.speaker as u32);
            facets.under_start.push(facets.under.len() as u32);
            facets.under.extend(quote.under.iter().map(|&i| i as u32));
        }
        facets.under_start.push(facets.under.len() as u32);
        self.facets = facets;
    }

    /// Recomputes the filtered quotes and the counts after a filter or the
    /// search changed, keeping the selected quote when it still passes.
    /// One pass over the quotes the search lets through (all of them, in
    /// article order, without a search; its hits, best first, with one).
    fn refilter(&mut self) {
        let keep = self.selected_quote();
        let a = &self.annotation;
        let speaker = self.speaker_filter();
        let issue = self.issue_filter();
        let pool: Box<dyn Iterator<Item = usize>> = match &self.search.found {
            Some(result) => Box::new(result.hits.iter().map(|h| h.quote)),
            None => Box::new(a.article_order.iter().copied()),
        };
        self.filtered.clear();
        self.in_filter.clear();
        self.in_filter.resize(a.quotes.len(), false);
        self.speaker_counts = vec![0; a.speakers.len()];
        self.issue_counts = vec![0; a.issues.len()];
        self.speaker_total = 0;
        self.issue_total = 0;
        let facets = &self.facets;
        for q in pool {
            let quote_speaker = facets.speaker[q] as usize;
            let under = &facets.under[facets.under_start[q] as usize..facets.under_start[q + 1] as usize];
            let by_speaker = speaker.is_none_or(|s| quote_speaker == s);
            let on_issue = issue.is_none_or(|i| under.contains(&(i as u32)));
            if on_issue {
                self.speaker_counts[quote_speaker] += 1;
                self.speaker_total += 1;
            }
            if by_speaker {
                for &i in under {
                    self.issue_counts[i as usize] += 1;
                }
                self.issue_total += 1;
            }
            if by_speaker && on_issue {
                self.filtered.push(q);
                self.in_filter[q] = true;
            }
        }
        self.quotes.selected = keep.and_then(|q| self.filtered.iter().position(|&f| f == q)).unwrap_or(0);
        self.quotes.offset = 0;
        self.keep_lists_visible();
    }

    fn keep_lists_visible(&mut self) {
        for pane in [Pane::Speakers, Pane::Issues, Pane::Quotes] {
            let visible = self.visible_items(pane);
            let len = self.list_len(pane);
            if let Some(list) = self.list_mut(pane) {
                list.keep_visible(visible, len);
            }
        }
    }

    fn resize(&mut self, width: u16, height: u16) {
        self.area = Rect::new(0, 0, width, height);
        if self.article_width() != self.article_layout.width {
            self.rewrap();
        }
        self.keep_lists_visible();
        self.keep_article_cursor_visible();
        self.keep_matrix_cursor_visible();
        // Unless the reader is moving through the article, keep the
        // selected quote in view as the pane changes shape.
        if self.focus != Pane::Article {
            self.show_selected_quote();
        }
    }

    /// Wraps the article to the pane's width, keeping the cursor on the
    /// same text.
    fn rewrap(&mut self) {
        let cursor_offset = self.article_layout.rows.get(self.article_cursor).map(|r| r.start);
        self.article_layout = ArticleLayout::new(&self.annotation.article.text, self.article_width());
        self.article_cursor = cursor_offset.map_or(0, |o| self.article_layout.row_of(o));
    }

    fn keep_article_cursor_visible(&mut self) {
        let height = self.inner_rows(Pane::Article);
        let rows = self.article_layout.rows.len();
        self.article_cursor = self.article_cursor.min(rows.saturating_sub(1));
        if self.article_cursor < self.article_top {
            self.article_top = self.article_cursor;
        } else if self.article_cursor >= self.article_top + height {
            self.article_top = self.article_cursor + 1 - height;
        }
        self.article_top = self.article_top.min(rows.saturating_sub(height));
    }

    /// Scrolls the article to the selected quote's span and puts the cursor
    /// on its first row, with a little context above when it fits.
    fn show_selected_quote(&mut self) {
        let Some(q) = self.selected_quote() else { return };
        let rows = self.article_layout.rows_of(&self.annotation.quotes[q].span);
        let height = self.inner_rows(Pane::Article);
        self.article_cursor = rows.start;
        let fully_visible = rows.start >= self.article_top && rows.end <= self.article_top + height;
        if !fully_visible {
            let context = (height / 4).min(2);
            let span_rows = rows.end - rows.start;
            self.article_top =
                if span_rows + context <= height { rows.start - context.min(rows.start) } else { rows.start };
        }
        self.keep_article_cursor_visible();
    }

    /// Selects quote `q` in the Quotes list, clearing filters that hide it.
    fn select_quote(&mut self, q: usize) {
        if !self.filtered.contains(&q) {
            self.speakers.selected = 0;
            self.issues.selected = 0;
            self.refilter();
            if !self.filtered.contains(&q) {
                self.search.clear();
                self.refilter();
            }
            self.message = Some("filters cleared to show the quote".into());
        }
        if let Some(i) = self.filtered.iter().position(|&f| f == q) {
            self.quotes.selected = i;
            self.keep_lists_visible();
            self.show_selected_quote();
        }
    }

    pub fn context(&self) -> Context {
        match self.overlay {
            Some(Overlay::Help { .. }) => Context::Help,
            None if self.search.line.is_some() => Context::Search,
            None if self.matrix.is_some() => Context::Matrix,
            None => Context::Browse,
        }
    }

    pub fn handle(&mut self, event: Event) -> Option<Effect> {
        match event {
            Event::Key(key) => {
                let key = Key::of(&key)?;
                self.message = None;
                match keymap::lookup(self.context(), key) {
                    Some(Action::Type) => {
                        if let Key::Char(c) = key {
                            self.edit_query(|line| line.insert(c));
                        }
                        None
                    }
                    Some(action) => self.update(action),
                    None => {
                        if self.context() == Context::Browse {
                            self.message =
                                Some(format!("{} does nothing here · ? shows the keys", key.name()));
                        }
                        None
                    }
                }
            }
            Event::Mouse(mouse) => {
                self.mouse(mouse);
                None
            }
            Event::Resize(width, height) => {
                self.resize(width, height);
                None
            }
            Event::Notice(notice) => {
                self.message = Some(notice);
                None
            }
            Event::SearchIndex(built_for, index) => {
                // An index of an annotation since replaced is of no use.
                if Arc::ptr_eq(&built_for, &self.annotation) {
                    self.search.set_index(*index);
                }
                None
            }
            Event::Reloaded(Ok(annotation)) => {
                self.replace_annotation(*annotation);
                None
            }
            Event::Reloaded(Err(lines)) => {
                self.banner = lines;
                self.resize(self.area.width, self.area.height);
                None
            }
        }
    }

    pub fn update(&mut self, action: Action) -> Option<Effect> {
        if let Some(Overlay::Help { scroll }) = &mut self.overlay {
            match action {
                Action::Down => *scroll = (*scroll + 1).min(keymap::KEYMAP.len()),
                Action::Up => *scroll = scroll.saturating_sub(1),
                Action::Escape => self.overlay = None,
                Action::Quit => return Some(Effect::Quit),
                _ => {}
            }
            return None;
        }
        if self.search.line.is_some() {
            return self.update_search_line(action);
        }
        if self.matrix.is_some() {
            return self.update_matrix(action);
        }
        match action {
            Action::Quit => return Some(Effect::Quit),
            Action::Suspend => return Some(Effect::Suspend),
            Action::Reload => return Some(Effect::Reload),
            Action::Help => self.overlay = Some(Overlay::Help { scroll: 0 }),
            Action::NextPane | Action::PrevPane => {
                let i = Pane::ORDER.iter().position(|&p| p == self.focus).unwrap_or(0);
                let step = if action == Action::NextPane { 1 } else { Pane::ORDER.len() - 1 };
                self.focus_pane(Pane::ORDER[(i + step) % Pane::ORDER.len()]);
            }
            Action::LeftColumn if !self.focus.is_left() => self.focus_pane(self.last_left),
            Action::RightColumn if self.focus.is_left() => self.focus_pane(self.last_right),
            Action::LeftColumn | Action::RightColumn => {}
            Action::Down => self.move_by(1),
            Action::Up => self.move_by(-1),
            Action::First => self.move_by(isize::MIN / 2),
            Action::Last => self.move_by(isize::MAX / 2),
            Action::HalfPageDown => self.move_by(self.page(2)),
            Action::HalfPageUp => self.move_by(-self.page(2)),
            Action::PageDown => self.move_by(self.page(1)),
            Action::PageUp => self.move_by(-self.page(1)),
            Action::Enter => self.enter(),
            Action::Search => self.open_search(),
            Action::Matrix => self.open_matrix(),
            Action::Fold => {}
            Action::NextHit => self.step_hit(1),
            Action::PrevHit => self.step_hit(-1),
            Action::Type
            | Action::DeleteBack
            | Action::DeleteWord
            | Action::ClearLine
            | Action::CursorLeft
            | Action::CursorRight
            | Action::CursorHome
            | Action::CursorEnd => {}
            Action::Escape if self.search.is_active() => {
                self.search.clear();
                self.refilter();
                self.show_selected_quote();
                self.message = Some("search cleared".into());
            }
            Action::Escape => {
                if self.speakers.selected == 0 && self.issues.selected == 0 {
                    self.message = Some("no filters to clear".into());
                } else {
                    self.speakers.selected = 0;
                    self.issues.selected = 0;
                    self.refilter();
                    self.show_selected_quote();
                    self.message = Some("filters cleared".into());
                }
            }
            Action::NextSpan => self.jump_span(true),
            Action::PrevSpan => self.jump_span(false),
            Action::Exchange => self.exchange(),
            Action::Copy => {
                let Some(q) = self.selected_quote() else {
                    self.message = Some("no quote to copy".into());
                    return None;
                };
                self.message = Some("copied the quote and its citation (OSC 52)".into());
                return Some(Effect::Copy(self.citation(q)));
            }
        }
        None
    }

    /// `m`: opens the matrix with the cursor on the speaker and issue of
    /// the current filters.
    fn open_matrix(&mut self) {
        let grid = matrix::build(&self.annotation, self.matrix_folded);
        let row = self.speaker_filter().unwrap_or(0);
        let col = self.issue_filter().and_then(|i| grid.columns.iter().position(|&c| c == i)).unwrap_or(0);
        self.matrix = Some(MatrixState { grid, row, col, top: 0, left: 0 });
        self.keep_matrix_cursor_visible();
    }

    /// The matrix's place on screen: everything above the status line.
    pub fn matrix_grid(&self) -> MatrixGrid {
        let area = Rect { height: self.area.height.saturating_sub(1), ..self.area };
        let longest = self.annotation.speakers.iter().map(|s| text::width(&s.name)).max().unwrap_or(0);
        MatrixGrid::new(area, longest.max(5))
    }

    fn keep_matrix_cursor_visible(&mut self) {
        let grid = self.matrix_grid();
        let Some(m) = &mut self.matrix else { return };
        m.row = m.row.min(m.rows() - 1);
        m.col = m.col.min(m.columns() - 1);
        if m.row < m.top {
            m.top = m.row;
        } else if m.row >= m.top + grid.rows {
            m.top = m.row + 1 - grid.rows;
        }
        if m.col < m.left {
            m.left = m.col;
        }
        while m.col >= m.left + grid.columns_from(m.left, m.columns()) {
            m.left += 1;
        }
    }

    fn update_matrix(&mut self, action: Action) -> Option<Effect> {
        let Some(m) = &mut self.matrix else { return None };
        match action {
            Action::Quit => return Some(Effect::Quit),
            Action::Help => self.overlay = Some(Overlay::Help { scroll: 0 }),
            Action::Escape => self.matrix = None,
            Action::Down => m.row = (m.row + 1).min(m.rows() - 1),
            Action::Up => m.row = m.row.saturating_sub(1),
            Action::RightColumn => m.col = (m.col + 1).min(m.columns() - 1),
            Action::LeftColumn => m.col = m.col.saturating_sub(1),
            Action::First => m.row = 0,
            Action::Last => m.row = m.rows() - 1,
            Action::Fold => {
                self.matrix_folded = !self.matrix_folded;
                let issue = m.grid.columns.get(m.col).copied();
                let grid = matrix::build(&self.annotation, self.matrix_folded);
                // Stay on the issue, or on the top-level issue it folded into.
                let top_level = |mut i: usize| {
                    while let Some(p) = self.annotation.issues[i].parent {
                        i = p;
                    }
                    i
                };
                m.col = match issue {
                    Some(i) => grid
                        .columns
                        .iter()
                        .position(|&c| c == i)
                        .or_else(|| grid.columns.iter().position(|&c| c == top_level(i)))
                        .unwrap_or(0),
                    None => grid.columns.len(),
                };
                m.grid = grid;
                self.message = Some(
                    if self.matrix_folded {
                        "sub-issues folded into their parents"
                    } else {
                        "sub-issues unfolded"
                    }
                    .into(),
                );
            }
            Action::Enter => self.matrix_enter(),
            _ => {}
        }
        self.keep_matrix_cursor_visible();
        None
    }

    /// Enter on a cell: back to the browser, filtered to its speaker and
    /// issue (a totals cell keeps that filter open), on its first quote.
    fn matrix_enter(&mut self) {
        let Some(m) = self.matrix.take() else { return };
        self.speakers.selected = m.grid.rows.get(m.row).map_or(0, |&s| s + 1);
        self.issues.selected = m.grid.columns.get(m.col).map_or(0, |&i| i + 1);
        self.search.clear();
        self.quotes = ListState::default();
        self.refilter();
        self.quotes.selected = 0;
        self.focus_pane(Pane::Quotes);
        self.keep_lists_visible();
        self.show_selected_quote();
        if self.filtered.is_empty() {
            self.message = Some("no quotes in that cell".into());
        }
    }

    /// `/`: opens the query line, remembering the list for Esc.
    fn open_search(&mut self) {
        self.search.saved = Some(Saved {
            query: self.search.query.clone(),
            found: self.search.found.clone(),
            quotes: self.quotes,
            selected: self.selected_quote(),
        });
        self.search.line = Some(QueryLine::default());
        self.search.error = None;
    }

    fn update_search_line(&mut self, action: Action) -> Option<Effect> {
        match action {
            Action::Quit => return Some(Effect::Quit),
            Action::Enter => {
                self.search.line = None;
                self.search.saved = None;
                self.search.error = None;
                self.focus_pane(Pane::Quotes);
            }
            Action::Escape => {
                self.search.line = None;
                self.search.error = None;
                if let Some(saved) = self.search.saved.take() {
                    self.search.query = saved.query;
                    self.search.found = saved.found;
                    self.refilter();
                    self.quotes = saved.quotes;
                    if let Some(i) = saved.selected.and_then(|q| self.filtered.iter().position(|&f| f == q)) {
                        self.quotes.selected = i;
                    }
                    self.keep_lists_visible();
                    self.show_selected_quote();
                }
            }
            Action::Down => self.move_in_list(Pane::Quotes, 1),
            Action::Up => self.move_in_list(Pane::Quotes, -1),
            Action::DeleteBack => self.edit_query(QueryLine::delete_back),
            Action::DeleteWord => self.edit_query(QueryLine::delete_word),
            Action::ClearLine => self.edit_query(QueryLine::clear),
            Action::CursorLeft => self.edit_query(QueryLine::left),
            Action::CursorRight => self.edit_query(QueryLine::right),
            Action::CursorHome => self.edit_query(QueryLine::home),
            Action::CursorEnd => self.edit_query(QueryLine::end),
            _ => {}
        }
        None
    }

    /// Edits the query line; when its text changed, searches again and
    /// selects the best hit.
    fn edit_query(&mut self, edit: impl FnOnce(&mut QueryLine)) {
        let Some(line) = &mut self.search.line else { return };
        let before = line.input.clone();
        edit(line);
        if line.input == before {
            return;
        }
        let input = line.input.clone();
        self.search.run(&self.annotation, &input);
        if self.search.error.is_none() {
            self.refilter();
            self.quotes.selected = 0;
            self.quotes.offset = 0;
            self.show_selected_quote();
        }
    }

    /// `n` / `N`: the next or previous hit, wrapping around.
    fn step_hit(&mut self, delta: isize) {
        if !self.search.is_active() {
            self.message = Some("no search · / starts one".into());
            return;
        }
        let len = self.filtered.len();
        if len == 0 {
            self.message = Some("no hits".into());
            return;
        }
        let next = self.quotes.selected as isize + delta;
        let wrapped = next < 0 || next >= len as isize;
        self.quotes.selected = next.rem_euclid(len as isize) as usize;
        self.keep_lists_visible();
        self.show_selected_quote();
        if wrapped {
            self.message = Some(
                if delta > 0 { "search wrapped to the first hit" } else { "search wrapped to the last hit" }
                    .into(),
            );
        }
    }

    fn focus_pane(&mut self, pane: Pane) {
        self.focus = pane;
        if pane.is_left() {
            self.last_left = pane;
        } else {
            self.last_right = pane;
        }
        // In one column, focus changes which list is on screen.
        let (width, height) = (self.area.width, self.area.height);
        self.resize(width, height);
    }

    /// A page (or half, with 2) of the focused pane, in its items.
    fn page(&self, divisor: usize) -> isize {
        (self.visible_items(self.focus) / divisor).max(1) as isize
    }

    fn move_by(&mut self, delta: isize) {
        match self.focus {
            Pane::Article => {
                let rows = self.article_layout.rows.len();
                let cursor = (self.article_cursor as isize).saturating_add(delta);
                self.article_cursor = cursor.clamp(0, rows.saturating_sub(1) as isize) as usize;
                self.keep_article_cursor_visible();
            }
            pane => self.move_in_list(pane, delta),
        }
    }

    fn move_in_list(&mut self, pane: Pane, delta: isize) {
        let len = self.list_len(pane);
        let visible = self.visible_items(pane);
        let Some(list) = self.list_mut(pane) else { return };
        let before = list.selected;
        list.step(delta, len);
        list.keep_visible(visible, len);
        if list.selected == before {
            return;
        }
        match pane {
            Pane::Speakers | Pane::Issues => {
                self.refilter();
                self.show_selected_quote();
            }
            Pane::Quotes => self.show_selected_quote(),
            Pane::Article => {}
        }
    }

    fn enter(&mut self) {
        match self.focus {
            Pane::Speakers | Pane::Issues => self.focus_pane(Pane::Quotes),
            Pane::Quotes => self.focus_pane(Pane::Article),
            Pane::Article => self.select_under_cursor(),
        }
    }

    /// The quotes of the filter whose spans touch `range` of the article,
    /// in article order; only the quotes near it are looked at.
    pub fn quotes_touching(&self, range: &Range<usize>) -> impl Iterator<Item = usize> + '_ {
        let a = &self.annotation;
        let order = &a.article_order;
        let earliest = range.start.saturating_sub(self.longest_span);
        let from = order.partition_point(|&q| a.quotes[q].span.start < earliest);
        let to = order.partition_point(|&q| a.quotes[q].span.start < range.end.max(range.start + 1));
        let range = range.clone();
        order[from..to].iter().copied().filter(move |&q| {
            let span = &a.quotes[q].span;
            self.in_filter[q] && span.end > range.start && span.start <= range.end
        })
    }

    /// The quotes of the filter whose spans touch the cursor row, in article order.
    fn quotes_on_cursor_row(&self) -> Vec<usize> {
        let Some(row) = self.article_layout.rows.get(self.article_cursor) else { return Vec::new() };
        self.quotes_touching(row).collect()
    }

    /// Selects the quote under the cursor; pressed again, the next one there.
    fn select_under_cursor(&mut self) {
        let on_row = self.quotes_on_cursor_row();
        if on_row.is_empty() {
            self.message = Some("no quote of the filter on this line".into());
            return;
        }
        let next = match self.selected_quote().and_then(|s| on_row.iter().position(|&q| q == s)) {
            Some(i) => on_row[(i + 1) % on_row.len()],
            None => on_row[0],
        };
        let cursor = self.article_cursor;
        self.select_quote(next);
        self.article_cursor = cursor;
        self.keep_article_cursor_visible();
        if on_row.len() > 1 {
            self.message = Some(format!("{} quotes on this line · Enter for the next", on_row.len()));
        }
    }

    /// `]` and `[`: the next or previous span of the filter, counting from
    /// the selected quote when it starts on the cursor row, else from the row.
    fn jump_span(&mut self, forward: bool) {
        let a = &self.annotation;
        let row = self.article_layout.rows.get(self.article_cursor).cloned().unwrap_or(0..0);
        let from_selected = self
            .selected_quote()
            .map(|q| (a.quotes[q].span.start, q))
            .filter(|(start, _)| row.contains(start) || *start == row.start);
        let spans = self.filtered.iter().map(|&q| (a.quotes[q].span.start, q));
        let target = match (forward, from_selected) {
            (true, Some(here)) => spans.filter(|&s| s > here).min(),
            (true, None) => spans.filter(|&(start, _)| start >= row.start).min(),
            (false, Some(here)) => spans.filter(|&s| s < here).max(),
            (false, None) => spans.filter(|&(start, _)| start < row.start).max(),
        };
        match target {
            Some((_, q)) => {
                self.select_quote(q);
                self.focus_pane(Pane::Article);
            }
            None => {
                self.message =
                    Some(if forward { "no quote further down" } else { "no quote further up" }.into());
            }
        }
    }

    /// `a`: from a question to its first answer, from an answer to its question.
    fn exchange(&mut self) {
        let Some(q) = self.selected_quote() else { return };
        let quote = &self.annotation.quotes[q];
        let target = match (quote.replies_to, quote.answers.first()) {
            (Some(question), _) => Some(question),
            (None, Some(&answer)) => Some(answer),
            _ => None,
        };
        match target {
            Some(t) => self.select_quote(t),
            None => {
                let what = if quote.kind == Kind::Question {
                    "this question has no answer"
                } else {
                    "not part of an exchange"
                };
                self.message = Some(what.into());
            }
        }
    }

    /// `“…” — Speaker, Source, date`
    pub fn citation(&self, q: usize) -> String {
        let a = &self.annotation;
        let quote = &a.quotes[q];
        let mut parts = vec![a.speaker_name(quote.speaker).to_string()];
        parts.extend(a.article.source.iter().cloned());
        parts.extend(a.article.date.iter().cloned());
        format!("“{}” — {}", text::fold_whitespace(&quote.text), parts.join(", "))
    }

    fn mouse(&mut self, mouse: MouseEvent) {
        let Some(panes) = self.panes() else { return };
        if self.overlay.is_some() {
            if matches!(mouse.kind, MouseEventKind::Down(_)) {
                self.overlay = None;
            }
            return;
        }
        let grid = self.matrix_grid();
        if let Some(m) = &mut self.matrix {
            match mouse.kind {
                MouseEventKind::Down(MouseButton::Left) => {
                    if let Some((row, col)) =
                        grid.cell_at(mouse.column, mouse.row, m.top, m.left, m.columns())
                        && row < m.rows()
                    {
                        (m.row, m.col) = (row, col);
                    }
                }
                MouseEventKind::ScrollDown => m.row = (m.row + 1).min(m.rows() - 1),
                MouseEventKind::ScrollUp => m.row = m.row.saturating_sub(1),
                _ => {}
            }
            self.keep_matrix_cursor_visible();
            return;
        }
        let Some(pane) = panes.at(mouse.column, mouse.row) else { return };
        let rect = panes.get(pane).expect("pane under the pointer");
        match mouse.kind {
            MouseEventKind::ScrollDown | MouseEventKind::ScrollUp => {
                let delta = if mouse.kind == MouseEventKind::ScrollDown { 1 } else { -1 };
                if pane == Pane::Article {
                    let height = self.inner_rows(Pane::Article);
                    let rows = self.article_layout.rows.len();
                    let top = (self.article_top as isize + 3 * delta).max(0) as usize;
                    self.article_top = top.min(rows.saturating_sub(height));
                    self.article_cursor =
                        self.article_cursor.clamp(self.article_top, self.article_top + height - 1);
                } else {
                    self.move_in_list(pane, delta);
                }
            }
            MouseEventKind::Down(MouseButton::Left) => {
                if pane != self.focus {
                    self.focus_pane(pane);
                }
                let Some(row) = mouse.row.checked_sub(rect.y + 1) else { return };
                if row as usize >= self.inner_rows(pane) {
                    return;
                }
                let row = row as usize;
                match pane {
                    Pane::Article => {
                        self.article_cursor = self.article_top + row;
                        self.keep_article_cursor_visible();
                    }
                    Pane::Quotes => {
                        let target = self.quotes.offset + row / QUOTE_ROWS;
                        if target < self.filtered.len() {
                            self.move_in_list(pane, target as isize - self.quotes.selected as isize);
                        }
                    }
                    _ => {
                        let list = if pane == Pane::Speakers { self.speakers } else { self.issues };
                        let target = list.offset + row;
                        if target < self.list_len(pane) {
                            self.move_in_list(pane, target as isize - list.selected as isize);
                        }
                    }
                }
            }
            _ => {}
        }
    }

    /// Takes a reloaded annotation, keeping the selection by id.
    fn replace_annotation(&mut self, annotation: Annotation) {
        let old = &self.annotation;
        let speaker = self.speaker_filter().map(|s| old.speakers[s].id.clone());
        let issue = self.issue_filter().map(|i| old.issues[i].id.clone());
        let quote = self.selected_quote().map(|q| old.quotes[q].id.clone());
        self.annotation = Arc::new(annotation);
        self.derive_from_annotation();
        let a = &self.annotation;
        self.speakers.selected = speaker.and_then(|id| a.speaker_by_id(&id)).map_or(0, |s| s + 1);
        self.issues.selected = issue.and_then(|id| a.issue_by_id(&id)).map_or(0, |i| i + 1);
        let quote = quote.and_then(|id| a.quote_by_id(&id));
        self.banner.clear();
        self.search.reload(&self.annotation);
        if let Some(m) = &mut self.matrix {
            m.grid = matrix::build(&self.annotation, self.matrix_folded);
        }
        self.keep_matrix_cursor_visible();
        self.refilter();
        self.resize(self.area.width, self.area.height);
        self.rewrap();
        if let Some(q) = quote.and_then(|q| self.filtered.iter().position(|&f| f == q)) {
            self.quotes.selected = q;
        }
        self.keep_lists_visible();
        self.show_selected_quote();
        self.message = Some("reloaded".into());
    }
}
