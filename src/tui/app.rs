//! The browser's state and the one entry that changes it.
//!
//! [`App::handle`] takes an [`Event`] (a key, a click, a resize, a reload's
//! outcome), hands keys to the update of the current [`Mode`], and may
//! return an [`Effect`] for the event loop to carry out (copy, reload,
//! suspend, quit). It does no I/O and draws nothing; the views read the
//! state and draw it. What every mode shares lives here: the filters, the
//! lists, the article's position, the search.

use super::article_layout::ArticleLayout;
use super::keymap::{self, Action, Context, Key};
use super::layout::{self, MatrixGrid, Pane, Panes, Screen};
use super::mode::Mode;
use super::scroll::Scroll;
use super::search::Search;
use super::theme::Theme;
use super::{browse, help, matrix, search};
use crate::filter::{Facets, Filtered, Filters};
use crate::model::ix::Ix;
use crate::model::{Corpus, IssueIx, QuoteIx, SpeakerIx};
use crate::query::SearchIndex;
use crate::text;
use crossterm::event::{KeyEvent, MouseEvent};
use ratatui::layout::Rect;
use std::ops::Range;
use std::sync::Arc;

/// Something for the event loop to do on the App's behalf.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Effect {
    /// Put this text on the clipboard (OSC 52).
    Copy(String),
    /// Read the files again and send back [`Event::Reloaded`].
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
    /// A search index built on another thread, for the corpus given.
    SearchIndex(Arc<Corpus>, Box<SearchIndex>),
    /// A reload's outcome: the new corpus, or the lines to show in the
    /// banner while the last good state stays on screen.
    Reloaded(Result<Box<Corpus>, Vec<String>>),
}

/// Rows each quote takes in the Quotes list: its text, then who and what.
pub const QUOTE_ROWS: usize = 2;

/// The item on a row of the Speakers or Issues list: row 0 is "All".
pub fn row_item<I: Ix>(row: usize) -> Option<I> {
    row.checked_sub(1).map(I::from_index)
}

/// The row of an item of the Speakers or Issues list ("All" for none).
pub fn item_row<I: Ix>(item: Option<I>) -> usize {
    item.map_or(0, |i| i.index() + 1)
}

/// The article pane's text wrapped to its width, the cursor row and the
/// first row shown.
#[derive(Default)]
pub struct ArticleView {
    pub layout: ArticleLayout,
    /// `selected` is the cursor row, `offset` the first row shown.
    pub scroll: Scroll,
}

pub struct App {
    /// Shared, so that the search index can be built on another thread.
    pub corpus: Arc<Corpus>,
    /// The files' names as the user gave them.
    pub name: String,
    pub theme: Theme,
    pub mode: Mode,
    pub focus: Pane,
    /// Where `h`/`l` return to in each column.
    pub(super) last_left: Pane,
    pub(super) last_right: Pane,
    pub filters: Filters,
    pub speakers: Scroll,
    pub issues: Scroll,
    /// Rows index [`Filtered::quotes`].
    pub quotes: Scroll,
    pub list: Filtered,
    facets: Facets,
    /// The longest span, in bytes: bounds the search for spans on screen.
    longest_span: usize,
    pub article: ArticleView,
    pub search: Search,
    pub area: Rect,
    /// Problems of the last reload, shown until a reload succeeds.
    pub banner: Vec<String>,
    /// A one-off message for the status line.
    pub message: Option<String>,
    /// Whether the matrix folds sub-issues; kept between openings.
    pub matrix_folded: bool,
}

impl App {
    pub fn new(corpus: Corpus, name: String, theme: Theme, width: u16, height: u16) -> App {
        let corpus = Arc::new(corpus);
        let mut app = App {
            facets: Facets::new(&corpus),
            longest_span: longest_span(&corpus),
            corpus,
            name,
            theme,
            mode: Mode::Browse,
            focus: Pane::Speakers,
            last_left: Pane::Speakers,
            last_right: Pane::Quotes,
            filters: Filters::default(),
            speakers: Scroll::default(),
            issues: Scroll::default(),
            quotes: Scroll::default(),
            list: Filtered::default(),
            article: ArticleView::default(),
            search: Search::default(),
            area: Rect::default(),
            banner: Vec::new(),
            message: None,
            matrix_folded: false,
        };
        app.refilter();
        app.resize(width, height);
        app.show_selected_quote();
        app
    }

    /// The panes at the current size.
    pub fn screen(&self) -> Screen {
        let rows = (self.corpus.speakers.len() + 1, self.corpus.issues.len() + 1);
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
    pub(super) fn inner_rows(&self, pane: Pane) -> usize {
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

    /// The quote selected in the Quotes list.
    pub fn selected_quote(&self) -> Option<QuoteIx> {
        self.list.quotes.get(self.quotes.selected).copied()
    }

    pub(super) fn list_len(&self, pane: Pane) -> usize {
        match pane {
            Pane::Speakers => self.corpus.speakers.len() + 1,
            Pane::Issues => self.corpus.issues.len() + 1,
            Pane::Quotes => self.list.quotes.len(),
            Pane::Article => self.article.layout.rows.len(),
        }
    }

    fn list_mut(&mut self, pane: Pane) -> &mut Scroll {
        match pane {
            Pane::Speakers => &mut self.speakers,
            Pane::Issues => &mut self.issues,
            Pane::Quotes => &mut self.quotes,
            Pane::Article => &mut self.article.scroll,
        }
    }

    /// Sets both filters, their lists' selections with them.
    pub(super) fn set_filters(&mut self, filters: Filters) {
        self.filters = filters;
        self.speakers.selected = item_row(filters.speaker);
        self.issues.selected = item_row(filters.issue);
        self.refilter();
    }

    /// Recomputes the list and the counts after a filter or the search
    /// changed, keeping the selected quote when it still passes.
    pub(super) fn refilter(&mut self) {
        let keep = self.selected_quote();
        let c = &self.corpus;
        self.list = match &self.search.found {
            Some(found) => Filtered::new(c, &self.facets, self.filters, found.hits.iter().map(|h| h.quote)),
            None => Filtered::new(c, &self.facets, self.filters, c.order.iter().copied()),
        };
        self.quotes.offset = 0;
        self.reselect(keep);
    }

    /// Selects quote `q` in the list when it is there, else the first row.
    pub(super) fn reselect(&mut self, q: Option<QuoteIx>) {
        self.quotes.selected = q.and_then(|q| self.list.quotes.iter().position(|&f| f == q)).unwrap_or(0);
        self.keep_lists_visible();
    }

    pub(super) fn keep_lists_visible(&mut self) {
        for pane in [Pane::Speakers, Pane::Issues, Pane::Quotes] {
            let (visible, len) = (self.visible_items(pane), self.list_len(pane));
            self.list_mut(pane).keep_visible(visible, len);
        }
    }

    pub(super) fn resize(&mut self, width: u16, height: u16) {
        self.area = Rect::new(0, 0, width, height);
        if self.article_width() != self.article.layout.width {
            self.rewrap();
        }
        self.keep_lists_visible();
        self.keep_article_cursor_visible();
        let geometry = self.matrix_grid();
        if let Mode::Matrix(m) = &mut self.mode {
            m.keep_visible(&geometry);
        }
        // Unless the reader is moving through the article, keep the
        // selected quote in view as the pane changes shape.
        if self.focus != Pane::Article {
            self.show_selected_quote();
        }
    }

    /// Wraps the article to the pane's width, keeping the cursor on the
    /// same text.
    fn rewrap(&mut self) {
        let layout = &self.article.layout;
        let cursor_offset = layout.rows.get(self.article.scroll.selected).map(|r| r.start);
        self.article.layout = ArticleLayout::new(&self.shown_article().text, self.article_width());
        self.article.scroll.selected = cursor_offset.map_or(0, |o| self.article.layout.row_of(o));
    }

    /// The article the Article pane shows.
    pub fn shown_article(&self) -> &crate::model::Article {
        &self.corpus.articles[crate::model::ArticleIx::new(0)]
    }

    pub(super) fn keep_article_cursor_visible(&mut self) {
        let (height, rows) = (self.inner_rows(Pane::Article), self.article.layout.rows.len());
        self.article.scroll.keep_visible(height, rows);
    }

    /// Scrolls the article to the selected quote's span and puts the cursor
    /// on its first row, with a little context above when it fits.
    pub(super) fn show_selected_quote(&mut self) {
        let Some(q) = self.selected_quote() else { return };
        let rows = self.article.layout.rows_of(&self.corpus.quotes[q].span);
        let height = self.inner_rows(Pane::Article);
        let scroll = &mut self.article.scroll;
        scroll.selected = rows.start;
        let fully_visible = rows.start >= scroll.offset && rows.end <= scroll.offset + height;
        if !fully_visible {
            let context = (height / 4).min(2);
            let span_rows = rows.end - rows.start;
            scroll.offset =
                if span_rows + context <= height { rows.start - context.min(rows.start) } else { rows.start };
        }
        self.keep_article_cursor_visible();
    }

    /// Selects quote `q` in the Quotes list, clearing filters that hide it.
    pub(super) fn select_quote(&mut self, q: QuoteIx) {
        if !self.list.passes[q] {
            self.set_filters(Filters::default());
            if !self.list.passes[q] {
                self.search.clear();
                self.refilter();
            }
            self.message = Some("filters cleared to show the quote".into());
        }
        self.reselect(Some(q));
        self.show_selected_quote();
    }

    pub fn context(&self) -> Context {
        self.mode.context()
    }

    pub fn handle(&mut self, event: Event) -> Option<Effect> {
        match event {
            Event::Key(key) => {
                let key = Key::of(&key)?;
                self.message = None;
                match keymap::lookup(self.context(), key) {
                    Some(Action::Type) => {
                        if let Key::Char(c) = key
                            && matches!(self.mode, Mode::Search(_))
                            && let Mode::Search(mut line) = std::mem::replace(&mut self.mode, Mode::Browse)
                        {
                            search::type_char(self, &mut line, c);
                            self.mode = Mode::Search(line);
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
                match std::mem::replace(&mut self.mode, Mode::Browse) {
                    Mode::Help(help) if matches!(mouse.kind, crossterm::event::MouseEventKind::Down(_)) => {
                        self.mode = *help.under;
                    }
                    Mode::Matrix(mut m) => {
                        matrix::mouse(self, &mut m, mouse);
                        self.mode = Mode::Matrix(m);
                    }
                    Mode::Browse => browse::mouse(self, mouse),
                    other => self.mode = other,
                }
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
                // An index of a corpus since replaced is of no use.
                if Arc::ptr_eq(&built_for, &self.corpus) {
                    self.search.set_index(*index);
                }
                None
            }
            Event::Reloaded(Ok(corpus)) => {
                self.replace_corpus(*corpus);
                None
            }
            Event::Reloaded(Err(lines)) => {
                self.banner = lines;
                self.resize(self.area.width, self.area.height);
                None
            }
        }
    }

    /// Hands an action to the current mode's update.
    pub fn update(&mut self, action: Action) -> Option<Effect> {
        let (mode, effect) = match std::mem::replace(&mut self.mode, Mode::Browse) {
            Mode::Browse => browse::update(self, action),
            Mode::Search(line) => search::update(self, line, action),
            Mode::Matrix(m) => matrix::update(self, m, action),
            Mode::Help(h) => help::update(self, h, action),
        };
        self.mode = mode;
        effect
    }

    /// The matrix's place on screen: everything above the status line.
    pub fn matrix_grid(&self) -> MatrixGrid {
        let area = Rect { height: self.area.height.saturating_sub(1), ..self.area };
        let longest = self.corpus.speakers.iter().map(|s| text::width(&s.name)).max().unwrap_or(0);
        MatrixGrid::new(area, longest.max(5))
    }

    /// Gives focus to a pane.
    pub(super) fn focus_pane(&mut self, pane: Pane) {
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
    pub(super) fn page(&self, divisor: usize) -> isize {
        (self.visible_items(self.focus) / divisor).max(1) as isize
    }

    /// Moves the selection of a list (or the article's cursor) by `delta`;
    /// moving in Speakers or Issues changes the filter.
    pub(super) fn move_in_list(&mut self, pane: Pane, delta: isize) {
        let (len, visible) = (self.list_len(pane), self.visible_items(pane));
        let list = self.list_mut(pane);
        let before = list.selected;
        list.step(delta, len);
        list.keep_visible(visible, len);
        if list.selected == before {
            return;
        }
        match pane {
            Pane::Speakers | Pane::Issues => {
                let filters = Filters {
                    speaker: row_item::<SpeakerIx>(self.speakers.selected),
                    issue: row_item::<IssueIx>(self.issues.selected),
                };
                self.filters = filters;
                self.refilter();
                self.show_selected_quote();
            }
            Pane::Quotes => self.show_selected_quote(),
            Pane::Article => {}
        }
    }

    /// The quotes of the filter whose spans touch `range` of the shown
    /// article, in reading order; only the quotes near it are looked at.
    pub fn quotes_touching(&self, range: &Range<usize>) -> impl Iterator<Item = QuoteIx> + '_ {
        let c = &self.corpus;
        let order = &c.order;
        let earliest = range.start.saturating_sub(self.longest_span);
        let from = order.partition_point(|&q| c.quotes[q].span.start < earliest);
        let to = order.partition_point(|&q| c.quotes[q].span.start < range.end.max(range.start + 1));
        let range = range.clone();
        order[from..to].iter().copied().filter(move |&q| {
            let span = &c.quotes[q].span;
            self.list.passes[q] && span.end > range.start && span.start <= range.end
        })
    }

    /// Takes a reloaded corpus, keeping the filters and selection by id.
    fn replace_corpus(&mut self, corpus: Corpus) {
        let old = &self.corpus;
        let speaker = self.filters.speaker.map(|s| old.speakers[s].id.clone());
        let issue = self.filters.issue.map(|i| old.issues[i].id.clone());
        let quote = self.selected_quote().map(|q| old.quotes[q].id.clone());
        self.corpus = Arc::new(corpus);
        self.facets = Facets::new(&self.corpus);
        self.longest_span = longest_span(&self.corpus);
        let c = &self.corpus;
        let filters = Filters {
            speaker: speaker.and_then(|id| c.speaker_by_id(&id)),
            issue: issue.and_then(|id| c.issue_by_id(&id)),
        };
        let quote = quote.and_then(|id| c.quote_by_id(&id));
        self.banner.clear();
        self.search.reload(&self.corpus);
        let (folded, geometry) = (self.matrix_folded, self.matrix_grid());
        if let Some(m) = match &mut self.mode {
            Mode::Matrix(m) => Some(m),
            Mode::Help(h) => match h.under.as_mut() {
                Mode::Matrix(m) => Some(m),
                _ => None,
            },
            _ => None,
        } {
            m.grid = crate::matrix::build(&self.corpus, folded);
            m.keep_visible(&geometry);
        }
        self.set_filters(filters);
        self.resize(self.area.width, self.area.height);
        self.rewrap();
        self.reselect(quote);
        self.show_selected_quote();
        self.message = Some("reloaded".into());
    }
}

fn longest_span(c: &Corpus) -> usize {
    c.quotes.iter().map(|q| q.span.len()).max().unwrap_or(0)
}
