//! The browser's state and the one entry that changes it.
//!
//! [`App::handle`] takes an [`Event`] (a key, a click, a resize, a reload's
//! outcome), hands keys to the update of the current [`Mode`], and may
//! return an [`Effect`] for the event loop to carry out (copy, reload,
//! suspend, quit). It does no I/O and draws nothing; the views read the
//! state and draw it. What every mode shares lives here: the filters, the
//! lists, the search, the history; the article pane's state is in
//! [`super::article`].

use super::article::{ArticleView, longest_span};
use super::history::{self, History};
use super::jobs::{self, Computed, Generation};
use super::keymap::{Action, Context, Key, Keymap};
use super::layout::{self, MatrixGrid, Pane, Panes, Screen, Wanted};
use super::mode::Mode;
use super::rows::ListRows;
use super::scroll::Scroll;
use super::search::Search;
use super::theme::Theme;
use super::{browse, details, form, help, matrix, reading, search, timeline};
use crate::filter::{Facets, Filtered, Filters};
use crate::model::{Corpus, Progress, QuoteIx};
use crate::text;
use crossterm::event::{KeyEvent, MouseEvent, MouseEventKind};
use ratatui::layout::Rect;
use std::sync::Arc;

/// Something for the event loop to do on the App's behalf.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Effect {
    /// Put this text on the clipboard (OSC 52).
    Copy(String),
    /// Read the files again and send back [`Event::Reloaded`].
    Reload,
    Suspend,
    /// Give the terminal to the user's editor on a file at a line, then
    /// read the file again.
    Edit {
        file: std::path::PathBuf,
        line: usize,
    },
    /// Write a change to an annotation file (see [`crate::edit`]); the
    /// outcome comes back as [`Event::Written`].
    Write(Box<crate::edit::Change>),
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
    /// How far the loading has come.
    Loading(Progress),
    /// Something computed in the background (see [`super::jobs`]).
    Computed(Computed),
    /// A reload's outcome: the new corpus, or the lines to show in the
    /// banner while the last good state stays on screen — and with them,
    /// when only some files are broken, the corpus of the others.
    Reloaded(Result<Box<Corpus>, Problems>),
    /// How the changes asked for were written (after the reload that
    /// shows them).
    Written(super::loader::WriteOutcomes),
}

/// What a failed load has to say.
#[derive(Debug)]
pub struct Problems {
    /// The banner's first line: what happened and what is shown meanwhile.
    pub head: String,
    pub lines: Vec<String>,
    /// The corpus of the files that are fine, to show meanwhile.
    pub usable: Option<Box<Corpus>>,
}

/// Rows each quote takes in the Quotes list: its text, then who and what.
pub const QUOTE_ROWS: usize = 2;

pub struct App {
    /// Shared, so that the workers can compute from it.
    pub corpus: Arc<Corpus>,
    /// How many corpora came before this one: what the workers' outcomes
    /// are checked against.
    pub generation: Generation,
    /// What is to be computed in the background.
    pub(super) wanted: Vec<jobs::Wanted>,
    /// The files' names as the user gave them.
    pub name: String,
    pub theme: Theme,
    /// The keys: the built-in table, as the config file may have changed it.
    pub keymap: Keymap,
    pub mode: Mode,
    pub focus: Pane,
    /// Where `h`/`l` return to in each column.
    pub(super) last_left: Pane,
    pub(super) last_right: Pane,
    /// The pane whose item Details describes while Details has focus.
    pub details_subject: Pane,
    pub filters: Filters,
    pub rows: ListRows,
    pub articles: Scroll,
    pub speakers: Scroll,
    pub issues: Scroll,
    /// Rows index [`Filtered::quotes`].
    pub quotes: Scroll,
    /// The first row of Details shown.
    pub details: Scroll,
    pub list: Filtered,
    pub(super) facets: Facets,
    /// The longest span, in bytes: bounds the search for spans on screen.
    pub(super) longest_span: usize,
    pub article: ArticleView,
    pub search: Search,
    pub history: History,
    pub area: Rect,
    /// The panes laid out in `area`.
    screen: Screen,
    /// Problems of the last reload, shown until a reload succeeds, and
    /// the banner's first line.
    pub banner: Vec<String>,
    pub banner_head: String,
    /// A message for the status line, until the next key or click.
    pub message: Option<String>,
    /// How far the loading has come, while files are being read.
    pub loading: Option<Progress>,
    /// Whether a first load has come in: later ones are reloads.
    pub opened: bool,
    /// Whether the corpus shown is that of the good files only, some
    /// others being broken (a later broken load may then replace it; a
    /// good state is kept until the files are good again).
    pub partial: bool,
    /// Whether the matrix folds sub-issues; kept between openings.
    pub matrix_folded: bool,
    /// The changes written, newest last: what `U` undoes.
    pub undo: Vec<crate::edit::Written>,
    /// A change refused because its file changed on disk: `R` tries it again.
    pub retry: Option<crate::edit::Change>,
}

impl App {
    /// Takes the keys and colours of a config file.
    pub fn configure(&mut self, config: super::config::Config) {
        self.keymap = config.keymap;
        self.theme.palette = config.palette;
    }

    pub fn new(corpus: Corpus, name: String, theme: Theme, width: u16, height: u16) -> App {
        let corpus = Arc::new(corpus);
        let mut app = App {
            facets: Facets::new(&corpus),
            longest_span: longest_span(&corpus),
            rows: ListRows::new(&corpus),
            corpus,
            generation: 0,
            wanted: Vec::new(),
            name,
            theme,
            keymap: Keymap::default(),
            mode: Mode::Browse,
            focus: Pane::Speakers,
            last_left: Pane::Speakers,
            last_right: Pane::Quotes,
            details_subject: Pane::Speakers,
            filters: Filters::default(),
            articles: Scroll::default(),
            speakers: Scroll::default(),
            issues: Scroll::default(),
            quotes: Scroll::default(),
            details: Scroll::default(),
            list: Filtered::default(),
            article: ArticleView::default(),
            search: Search::default(),
            history: History::default(),
            area: Rect::default(),
            screen: Screen::TooSmall,
            banner: Vec::new(),
            banner_head: String::new(),
            message: None,
            loading: None,
            opened: true,
            partial: false,
            matrix_folded: false,
            undo: Vec::new(),
            retry: None,
        };
        app.refilter();
        app.resize(width, height);
        app.show_selected_quote();
        app.want(jobs::Wanted::SearchIndex);
        app
    }

    /// Whether the corpus has more than one article (and the Articles list).
    pub fn is_corpus(&self) -> bool {
        self.corpus.articles.len() > 1
    }

    /// The panes at the current size, as laid out for the event being
    /// handled (see [`App::handle`]).
    pub fn screen(&self) -> Screen {
        self.screen
    }

    /// Lays the panes out: once per event, and again when the size or the
    /// focus changes.
    fn compute_screen(&self) -> Screen {
        let banner = if self.banner.is_empty() { 0 } else { self.banner_rows() as u16 };
        let wanted = Wanted {
            articles: self.is_corpus().then_some(self.rows.articles.len()),
            speakers: self.rows.speakers.len(),
            issues: self.rows.issues.len(),
            details: self.details_rows(layout::details_width(self.area)).len(),
        };
        layout::compute(self.area, self.focus, wanted, banner)
    }

    /// The banner's rows: its first line wrapped, at most two rows, then
    /// the problems wrapped, at most three.
    pub fn banner_rows(&self) -> usize {
        let width = (self.area.width as usize).saturating_sub(2).max(1);
        let wrapped: usize = self.banner.iter().map(|l| text::wrap(&text::one_line(l), width).len()).sum();
        self.banner_head_rows(width).len() + wrapped.min(3)
    }

    /// The banner's first line wrapped to `width`, at most two rows.
    pub fn banner_head_rows(&self, width: usize) -> Vec<String> {
        let mut rows = text::wrap(&text::one_line(&self.banner_head), width);
        if rows.len() > 2 {
            let rest = rows[1..].join(" ");
            rows.truncate(1);
            rows.push(text::truncate(&rest, width).into_owned());
        }
        if rows.is_empty() {
            rows.push(String::new());
        }
        rows
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

    pub(super) fn article_width(&self) -> usize {
        self.panes().and_then(|p| p.article).map_or(1, |r| r.width.saturating_sub(2) as usize).max(1)
    }

    /// Details' content wrapped to `width`.
    pub fn details_rows(&self, width: usize) -> Vec<details::Row> {
        details::rows(&details::entries(self), width)
    }

    /// The quote selected in the Quotes list.
    pub fn selected_quote(&self) -> Option<QuoteIx> {
        self.list.quotes.get(self.quotes.selected).copied()
    }

    pub(super) fn list_len(&self, pane: Pane) -> usize {
        match pane {
            Pane::Articles => self.rows.articles.len(),
            Pane::Speakers => self.rows.speakers.len(),
            Pane::Issues => self.rows.issues.len(),
            Pane::Quotes => self.list.quotes.len(),
            Pane::Article => self.article.layout.rows.len(),
            Pane::Details => {
                let width = self.panes().and_then(|p| p.details).map_or(1, |r| r.width.saturating_sub(2));
                self.details_rows(width as usize).len()
            }
        }
    }

    fn list_mut(&mut self, pane: Pane) -> &mut Scroll {
        match pane {
            Pane::Articles => &mut self.articles,
            Pane::Speakers => &mut self.speakers,
            Pane::Issues => &mut self.issues,
            Pane::Quotes => &mut self.quotes,
            Pane::Article => &mut self.article.scroll,
            Pane::Details => &mut self.details,
        }
    }

    /// Sets the filters, the lists' selections with them.
    pub(super) fn set_filters(&mut self, filters: Filters) {
        self.filters = filters;
        fn row<I: PartialEq>(rows: &[Option<I>], item: Option<I>) -> usize {
            rows.iter().position(|r| *r == item).unwrap_or(0)
        }
        self.articles.selected = row(&self.rows.articles, filters.article);
        self.speakers.selected = row(&self.rows.speakers, filters.speaker);
        self.issues.selected = row(&self.rows.issues, filters.issue);
        self.refilter();
    }

    /// The filters the lists' selections say.
    fn filters_from_rows(&self) -> Filters {
        let speaker = self.rows.speakers.get(self.speakers.selected).copied().flatten();
        // A speaker who said nothing here but relayed something shows what it relayed.
        let relayed = match speaker {
            Some(_) if speaker == self.filters.speaker => self.filters.relayed,
            Some(s) => self.list.speaker_counts[s] == 0 && self.list.relayed_counts[s] > 0,
            None => false,
        };
        Filters {
            article: self.rows.articles.get(self.articles.selected).copied().flatten(),
            speaker,
            issue: self.rows.issues.get(self.issues.selected).copied().flatten(),
            relayed,
        }
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
        for pane in [Pane::Articles, Pane::Speakers, Pane::Issues, Pane::Quotes] {
            let (visible, len) = (self.visible_items(pane), self.list_len(pane));
            self.list_mut(pane).keep_visible(visible, len);
        }
    }

    /// Keeps Details' scroll inside its content.
    pub(super) fn keep_details_visible(&mut self) {
        let (visible, len) = (self.inner_rows(Pane::Details), self.list_len(Pane::Details));
        self.details.selected = self.details.offset;
        self.details.offset = self.details.offset.min(len.saturating_sub(visible));
        self.details.selected = self.details.offset;
    }

    pub(super) fn resize(&mut self, width: u16, height: u16) {
        self.area = Rect::new(0, 0, width, height);
        self.screen = self.compute_screen();
        self.fit();
    }

    /// Fits what the panes show to the panes as laid out: the article
    /// wrapped to its width, every list and cursor in view.
    fn fit(&mut self) {
        if self.article_width() != self.article.layout.width {
            self.rewrap();
        }
        self.keep_lists_visible();
        self.keep_details_visible();
        self.keep_article_cursor_visible();
        let matrix_geometry = self.matrix_grid();
        match &mut self.mode {
            Mode::Matrix(m) => m.keep_visible(&matrix_geometry),
            Mode::Reading(r) => r.keep_visible(self.area),
            _ => {}
        }
        // Unless the reader is moving through the article, keep the
        // selected quote in view as the pane changes shape.
        if self.focus != Pane::Article {
            self.show_selected_quote();
        }
    }

    /// Jumps to quote `q` in the Quotes list: where it was is remembered,
    /// and filters or a search that hide the quote are set aside (Ctrl-o
    /// brings them back).
    pub(super) fn jump_to_quote(&mut self, q: QuoteIx) {
        history::remember(self);
        if !self.list.passes[q] {
            self.set_filters(Filters::default());
            if !self.list.passes[q] {
                self.search.clear();
                self.refilter();
            }
            self.message = Some("filters set aside to show the quote · Ctrl-o brings them back".into());
        }
        self.reselect(Some(q));
        self.details.offset = 0;
        self.show_selected_quote();
    }

    pub fn context(&self) -> Context {
        self.mode.context()
    }

    /// Takes an event; the panes are laid out again once it is handled.
    pub fn handle(&mut self, event: Event) -> Option<Effect> {
        let effect = self.take(event);
        // What the event changed may change the panes' sizes (Details
        // follows the selected quote); the lists are then kept in view.
        let screen = self.compute_screen();
        if screen != self.screen {
            self.screen = screen;
            self.fit();
        }
        effect
    }

    fn take(&mut self, event: Event) -> Option<Effect> {
        match event {
            Event::Key(key) => {
                let key = Key::of(&key)?;
                self.message = None;
                match self.keymap.lookup(self.context(), key) {
                    Some(Action::Type) => {
                        let Key::Char(c) = key else { return None };
                        let (mode, intents) = match std::mem::replace(&mut self.mode, Mode::Browse) {
                            Mode::Search(line) => search::type_char(line, c),
                            Mode::Form(form) => form::type_char(form, c),
                            other => (other, Vec::new()),
                        };
                        self.mode = mode;
                        self.apply(intents)
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
                if matches!(mouse.kind, MouseEventKind::Down(_)) {
                    self.message = None;
                }
                match std::mem::replace(&mut self.mode, Mode::Browse) {
                    Mode::Help(help) if matches!(mouse.kind, MouseEventKind::Down(_)) => {
                        self.mode = *help.under;
                    }
                    Mode::Matrix(mut m) => {
                        matrix::mouse(self, &mut m, mouse);
                        self.mode = Mode::Matrix(m);
                    }
                    Mode::Browse => {
                        let (mode, intents) = browse::mouse(self, mouse);
                        self.mode = mode;
                        return self.apply(intents);
                    }
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
            Event::Loading(progress) => {
                self.loading = Some(progress);
                None
            }
            Event::Computed(computed) => {
                self.take_computed(computed);
                None
            }
            Event::Reloaded(Ok(corpus)) => {
                self.loading = None;
                let gone = self.replace_corpus(*corpus);
                self.partial = false;
                let reloaded = std::mem::replace(&mut self.opened, true);
                let mut said: Vec<String> = reloaded.then(|| "reloaded".to_string()).into_iter().collect();
                said.extend(self.emptiness());
                said.extend(gone);
                if !said.is_empty() {
                    self.message = Some(said.join(" · "));
                }
                None
            }
            Event::Written(outcomes) => {
                self.take_written(outcomes);
                None
            }
            Event::Reloaded(Err(problems)) => {
                self.loading = None;
                // What was said of the files before ("reloaded") is no longer so.
                self.message = None;
                let first = !std::mem::replace(&mut self.opened, true);
                // The files that are fine are shown at start-up, or in place
                // of a state that was itself partial; a good state stays
                // until the files are good again (an editor that saves by
                // emptying the file first loses nothing).
                let head = match problems.usable {
                    Some(usable) if first || self.partial => {
                        let gone = self.replace_corpus(*usable);
                        self.partial = true;
                        if !gone.is_empty() {
                            self.message = Some(gone.join(" · "));
                        }
                        problems.head
                    }
                    Some(_) => format!(
                        "reload failed: showing the last good version of {} · fix the file and it reloads",
                        self.name
                    ),
                    None => problems.head,
                };
                self.banner = problems.lines;
                self.banner_head = head;
                self.resize(self.area.width, self.area.height);
                None
            }
        }
    }

    /// What the corpus lacks, when it has no article or no quote.
    fn emptiness(&self) -> Option<String> {
        let c = &self.corpus;
        if c.articles.is_empty() {
            Some(format!("{} holds no article", crate::text::one_line(&self.name)))
        } else if c.quotes.is_empty() {
            Some(format!("{} has no quotes yet", crate::text::one_line(&self.name)))
        } else {
            None
        }
    }

    /// Hands an action to the current mode's update.
    pub fn update(&mut self, action: Action) -> Option<Effect> {
        let (mode, intents) = match std::mem::replace(&mut self.mode, Mode::Browse) {
            Mode::Browse => browse::update(self, action),
            Mode::Search(line) => search::update(line, action),
            Mode::Matrix(m) => matrix::update(self, m, action),
            Mode::Timeline(t) => timeline::update(self, t, action),
            Mode::Reading(r) => reading::update(self, r, action),
            Mode::Help(h) => help::update(self, h, action),
            Mode::Form(f) => form::update(self, f, action),
        };
        self.mode = mode;
        self.apply(intents)
    }

    /// The matrix's place on screen: everything above the status line.
    pub fn matrix_grid(&self) -> MatrixGrid {
        self.matrix_grid_folded(self.matrix_folded)
    }

    /// The matrix's place on screen, its sub-issues folded or not.
    pub(super) fn matrix_grid_folded(&self, folded: bool) -> MatrixGrid {
        let area = Rect { height: self.area.height.saturating_sub(1), ..self.area };
        let c = &self.corpus;
        let longest = c.speakers.iter().map(|s| text::width(&s.name)).max().unwrap_or(0);
        let issues = c.issues.iter().filter(|i| !folded || i.parent.is_none()).count();
        MatrixGrid::new(area, longest.max(5), issues + 1)
    }

    /// Gives focus to a pane.
    pub(super) fn focus_pane(&mut self, pane: Pane) {
        if pane != Pane::Details && self.focus != Pane::Details {
            self.details.offset = 0;
        }
        if pane == Pane::Details && self.focus != Pane::Details {
            self.details_subject = self.focus;
        }
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

    /// Moves the selection of a list (the article's cursor, Details'
    /// first row) by `delta`; moving in a filter list changes the filter.
    pub(super) fn move_in_list(&mut self, pane: Pane, delta: isize) {
        let (len, visible) = (self.list_len(pane), self.visible_items(pane));
        if pane == Pane::Details {
            let last = len.saturating_sub(visible);
            self.details.offset =
                (self.details.offset as isize).saturating_add(delta).clamp(0, last as isize) as usize;
            self.details.selected = self.details.offset;
            return;
        }
        let list = self.list_mut(pane);
        let before = list.selected;
        list.step(delta, len);
        list.keep_visible(visible, len);
        if list.selected == before {
            return;
        }
        self.details.offset = 0;
        match pane {
            Pane::Articles | Pane::Speakers | Pane::Issues => {
                self.filters = self.filters_from_rows();
                self.refilter();
                self.show_selected_quote();
            }
            Pane::Quotes => self.show_selected_quote(),
            Pane::Article | Pane::Details => {}
        }
    }
}
