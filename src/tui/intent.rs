//! What a mode asks of the App. Each mode's update reads the App, changes
//! only its own state, and returns [`Intent`]s; [`App::apply`] carries them
//! out here, in one place. So the modes never call into the App, and every
//! change to what the modes share — the filters, the lists' selections, the
//! search, the history, the focus — has one home.

use super::app::{App, Effect};
use super::history::{self, Place};
use super::jobs::Wanted;
use super::layout::Pane;
use super::mode::Mode;
use super::scroll::Scroll;
use crate::filter::Filters;
use crate::model::QuoteIx;

#[derive(Debug)]
pub enum Intent {
    /// Something for the event loop: copy, reload, suspend, quit.
    Effect(Effect),
    /// Something to say in the status line.
    Notice(String),
    Focus(Pane),
    /// Moves the selection of a list (the article's cursor, Details' first
    /// row) by a number of items; moving in a filter list changes the filter.
    Move(Pane, isize),
    /// Remembers where the reader is, for Ctrl-o.
    Remember,
    /// Remembers a place the reader was, for Ctrl-o.
    RememberPlace(Place),
    /// Goes back to the place last remembered, or says there is none.
    Back,
    /// Returns to a place without remembering it (Esc in the query line).
    Restore(Place),
    /// Shows a quote in the list, setting aside filters that hide it.
    JumpTo(QuoteIx),
    /// New filters (and no search, with `clear_search`); the selected
    /// quote stays when it passes them.
    Filter {
        filters: Filters,
        clear_search: bool,
    },
    ClearSearch,
    /// Runs the query typed in the query line; the list follows it, or,
    /// for a query that cannot mean anything, is not filtered while the
    /// line says what is wrong.
    Search(String),
    /// Selects a row of the Quotes list and shows its quote.
    SelectQuoteRow(usize),
    /// Puts the article's cursor on a row of the article.
    ArticleCursor(usize),
    /// Scrolls the article by rows, the cursor kept on screen.
    ScrollArticle(isize),
    /// `u`: marks what no quote covers, or stops marking.
    ToggleUncovered,
    /// Selects a candidate `u` marked (by its place among them), or none.
    SelectCandidate(Option<usize>),
    /// `U`: the last change written is undone.
    Undo,
    /// `R`: the change refused because its file had changed is tried again.
    Retry,
    /// The matrix folds sub-issues, or unfolds them.
    FoldMatrix(bool),
    Want(Wanted),
}

/// Enter on a matrix or timeline cell: back to the browser, filtered to
/// the cell (no search), on its first quote; where the reader was is
/// remembered for Ctrl-o.
pub fn to_cell(filters: Filters) -> Vec<Intent> {
    vec![
        Intent::Remember,
        Intent::Filter { filters, clear_search: true },
        Intent::Focus(Pane::Quotes),
        Intent::SelectQuoteRow(0),
    ]
}

/// `e`: the selected quote in the user's editor, at its line.
pub fn edit(app: &App, q: Option<QuoteIx>) -> Vec<Intent> {
    let Some(q) = q else { return vec![Intent::Notice("no quote to edit".into())] };
    match app.corpus.quote_site(q) {
        Ok((file, line)) => vec![Intent::Effect(Effect::Edit { file, line })],
        Err(why) => vec![Intent::Notice(why)],
    }
}

impl App {
    /// Carries out a mode's intents in order; returns the last effect for
    /// the event loop.
    pub(super) fn apply(&mut self, intents: Vec<Intent>) -> Option<Effect> {
        let mut effect = None;
        for intent in intents {
            match intent {
                Intent::Effect(e) => effect = Some(e),
                Intent::Notice(notice) => self.message = Some(notice),
                Intent::Focus(pane) => self.focus_pane(pane),
                Intent::Move(pane, delta) => {
                    // Moving in the quotes leaves the candidate for them.
                    if pane == Pane::Quotes {
                        self.article.candidate = None;
                    }
                    self.move_in_list(pane, delta)
                }
                Intent::Remember => history::remember(self),
                Intent::RememberPlace(place) => history::push(self, place),
                Intent::Back => {
                    if !history::back(self) {
                        self.message = Some("nothing to go back to".into());
                    }
                }
                Intent::Restore(place) => place.restore(self),
                Intent::JumpTo(q) => self.jump_to_quote(q),
                Intent::Filter { filters, clear_search } => {
                    if clear_search {
                        self.search.clear();
                    }
                    self.set_filters(filters);
                    self.show_selected_quote();
                }
                Intent::ClearSearch => {
                    self.search.clear();
                    self.refilter();
                    self.show_selected_quote();
                }
                Intent::Search(query) => {
                    let corpus = self.corpus.clone();
                    let error = self.search.run(&corpus, &query).err();
                    if error.is_some() {
                        self.search.clear();
                    }
                    self.refilter();
                    self.quotes = Scroll::default();
                    self.show_selected_quote();
                    if let Mode::Search(line) = &mut self.mode {
                        line.error = error;
                    }
                }
                Intent::SelectQuoteRow(row) => {
                    self.article.candidate = None;
                    self.quotes.selected = row;
                    self.keep_lists_visible();
                    self.show_selected_quote();
                }
                Intent::ArticleCursor(row) => {
                    self.article.scroll.selected = row;
                    self.keep_article_cursor_visible();
                }
                Intent::ScrollArticle(delta) => {
                    let height = self.inner_rows(Pane::Article);
                    let rows = self.article.layout.rows.len();
                    let scroll = &mut self.article.scroll;
                    let top = (scroll.offset as isize + delta).max(0) as usize;
                    scroll.offset = top.min(rows.saturating_sub(height));
                    scroll.selected = scroll.selected.clamp(scroll.offset, scroll.offset + height - 1);
                }
                Intent::ToggleUncovered => self.toggle_uncovered(),
                Intent::SelectCandidate(i) => {
                    self.article.candidate = i.map(|i| (i, self.selected_quote()));
                }
                Intent::Undo => match self.undo.pop() {
                    Some(written) => {
                        effect = Some(Effect::Write(Box::new(crate::edit::Change::Undo(written))))
                    }
                    None => self.message = Some("nothing to undo".into()),
                },
                Intent::Retry => match self.retry.take() {
                    Some(change) => effect = Some(Effect::Write(Box::new(change))),
                    None => self.message = Some("no refused change to try again".into()),
                },
                Intent::FoldMatrix(folded) => self.matrix_folded = folded,
                Intent::Want(wanted) => self.want(wanted),
            }
        }
        effect
    }

    /// `u`: marks in the article the candidates `suggest` finds that no
    /// quote covers, or stops marking them.
    fn toggle_uncovered(&mut self) {
        if self.article.uncovered.take().is_some() {
            self.article.announce = false;
            self.message = Some("uncovered candidates no longer marked · u marks them".into());
            return;
        }
        self.message = Some(match self.mark_uncovered() {
            Some(count) => super::article::uncovered_message(count),
            None => {
                self.article.announce = true;
                "looking for what no quote covers… · u stops".to_string()
            }
        });
    }
}
